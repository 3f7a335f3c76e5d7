import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

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

/** Asked for usage (`--help`): printed to standard output, exit 0. */
export class HelpRequest extends Error {}

/** The options of one command, as node:util parseArgs reads them: an unknown or valueless option is wrong usage. */
export function optionsOf<T extends ParseArgsOptionsConfig>(argv: string[], options: T, usage: string) {
  const read = () => parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  let values: ReturnType<typeof read>;
  try {
    values = read();
  } catch (error) {
    throw new CliError(`Argumen tidak sah / bad argument: ${(error as Error).message}\n${usage}`, EXIT.usage);
  }
  if ((values as { help?: boolean }).help) throw new HelpRequest(usage);
  return values;
}
