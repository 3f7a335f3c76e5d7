/** The CLI's documented exit codes. */
export const EXIT = { ok: 0, internal: 1, usage: 2, input: 3, output: 4, conflicts: 5, database: 6 } as const;

/** A problem the user can act on: its message (both languages) goes to standard error, its code is the exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}
