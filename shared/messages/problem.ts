/**
 * A problem found in `shared/` or `electron/`, as data: a code and the values its wording needs. The UI and the
 * CLI word it in the user's language (`wordProblem`, or `t('problems.<code>')` in the renderer), so a message is
 * never fixed in one language where it is found.
 */
import { wordProblem } from './word-problem';

/** A list (rows that could not be placed, say) is worded item by item and joined with "; ". */
export type ProblemValue = string | number | Problem | readonly ProblemValue[];

export interface Problem {
  /** A key of the problem tables, e.g. `geometry.outsideWgs84`; dots are levels of the table. */
  code: string;
  values?: Readonly<Record<string, ProblemValue>>;
}

/** A Problem; values are left out when there are none. */
export const problem = (code: string, values?: Record<string, ProblemValue>): Problem =>
  values ? { code, values } : { code };

/** Whether a value (an error's payload, a worker's reply) is a Problem. */
export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    ((value as { values?: unknown }).values === undefined || typeof (value as { values?: unknown }).values === 'object')
  );
}

/**
 * What went wrong, as a Problem: a ProblemError's own, or another error's message (a library's or the system's
 * words, which have no code) kept as it is.
 */
export function problemOf(error: unknown): Problem {
  if (error instanceof ProblemError) return error.problem;
  // A ProblemError that crossed a worker arrives as a plain Error still carrying its `problem`.
  const carried = error instanceof Error ? (error as { problem?: unknown }).problem : undefined;
  if (isProblem(carried)) return carried;
  return problem('message.text', { text: error instanceof Error ? error.message : String(error) });
}

/**
 * An error that carries its Problem. Its `message` is the Indonesian wording, so logs and catch sites that only
 * read `message` still show a sentence; callers that know the user's language word `problem` instead.
 */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(wordProblem(problem, 'id'));
    this.name = 'ProblemError';
  }
}

/**
 * A validation (Zod) issue's message is a problem code of the `validation` group, so the schema stays free of
 * wording; this turns an issue's message back into a Problem (a message that is no code is kept as it is).
 */
export function issueProblem(message: string): Problem {
  return /^validation\.\w+$/.test(message) ? problem(message) : problem('message.text', { text: message });
}
