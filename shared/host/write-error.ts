import { problem, type Problem } from '../messages/problem';

/** Node error codes with a reason a user can act on (`save.<code>` in the problem tables). */
const KNOWN_CODES = new Set([
  'EBUSY',
  'EPERM',
  'EACCES',
  'EROFS',
  'ENOSPC',
  'EDQUOT',
  'ENAMETOOLONG',
  'ENOENT',
  'EISDIR',
]);

/** Why a file could not be written, in words a user can act on, from a Node error code. */
export function describeWriteError(fileName: string, code: string | undefined, detail: string): Problem {
  return code && KNOWN_CODES.has(code)
    ? problem('save.notSavedCode', { file: fileName, problem: problem(`save.${code}`), code })
    : problem('save.notSaved', { file: fileName, detail });
}
