import { parse as parseTolerant, type ParseError } from 'jsonc-parser';
import { problem, type Problem } from '../messages/problem';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: Problem };

/** Line and column (1-based) of a character offset, for error messages. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * The offset of the first syntax error: from V8's message when it gives one ("at position N"), else
 * from a second, error-tolerant parse (Node 20 often says only `Unexpected token ','`).
 */
function syntaxErrorOffset(text: string, message: string): number | null {
  const match = /position (\d+)/.exec(message);
  if (match) return Number(match[1]);
  const errors: ParseError[] = [];
  parseTolerant(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  return errors[0]?.offset ?? (text.trim() === '' ? 0 : null);
}

/** JSON.parse with an error that gives the line and column. */
export function parseJson(text: string, fileName: string): ParseResult<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const offset = syntaxErrorOffset(text, message);
    const where = offset === null ? null : lineAndColumn(text, offset);
    return {
      ok: false,
      error: where
        ? problem('file.invalidJsonAt', { file: fileName, line: where.line, column: where.column, detail: message })
        : problem('file.invalidJson', { file: fileName, detail: message }),
    };
  }
}
