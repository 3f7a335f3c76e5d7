import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { formatNumber } from '#shared/format/format-number';
import { formatRupiah, formatRupiahShort } from '#shared/format/format-rupiah';
import { problem, type Problem } from '#shared/messages/problem';
import { wordProblem, type ProblemLanguage } from '#shared/messages/word-problem';

/** The CLI's documented exit codes. */
export const EXIT = { ok: 0, internal: 1, usage: 2, input: 3, output: 4, conflicts: 5, database: 6 } as const;

/**
 * A problem the user can act on: it goes to standard error in the CLI's language, its code is the exit code. A
 * Problem from `shared/` is worded by `cliText`; a plain string is printed as it is.
 */
export class CliError extends Error {
  constructor(
    readonly problem: Problem | string,
    readonly code: number,
  ) {
    super(typeof problem === 'string' ? problem : wordProblem(problem, 'id'));
  }
}

/**
 * The language the CLI words problems in: `--lang id|en` anywhere on the command line (taken out of it), else
 * the LANGUAGE, LC_ALL, LC_MESSAGES or LANG environment when it names English (`en_GB.UTF-8`), else Indonesian.
 */
export function cliLanguageOf(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): { language: ProblemLanguage; argv: string[] } {
  const rest = [...argv];
  const at = rest.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  if (at >= 0) {
    const value = rest[at]!.includes('=') ? rest[at]!.slice('--lang='.length) : rest[at + 1];
    rest.splice(at, rest[at]!.includes('=') ? 1 : 2);
    if (value !== 'id' && value !== 'en')
      throw new CliError(problem('cli.badLanguage', { value: value ?? '' }), EXIT.usage);
    return { language: value, argv: rest };
  }
  const locale = env.LANGUAGE || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return { language: /^en([_.:-]|$)/i.test(locale) ? 'en' : 'id', argv: rest };
}

let language: ProblemLanguage = 'id';

/** Sets the language `cliText` words in (once per run). */
export function setCliLanguage(chosen: ProblemLanguage) {
  language = chosen;
}

/** The language the CLI words in this run. */
export const cliLanguage = () => language;

/** Seconds a command took, with two decimals in the CLI's language ("1,23" / "1.23"), as benchmarks read them. */
export const secondsText = (seconds: number) => formatNumber(seconds, language, 2);

/** Rupiah in the CLI's language: Rp 1.234.567 (Rp1,2 juta); English Rp 1,234,567 (Rp1.2 million), as the UI. */
export const cliRupiah = (amount: number) => formatRupiah(amount, language);
export const cliRupiahShort = (amount: number) => formatRupiahShort(amount, language);

/** A Problem in the CLI's language; a string as it is. */
export const cliText = (message: Problem | string) =>
  typeof message === 'string' ? message : wordProblem(message, language);

/** The usage of commands in the CLI's language, under a "Pemakaian:" heading. */
export const usageText = (...parts: (Problem | string)[]) =>
  [cliText(problem('cli.usage.heading')), ...parts.map((part) => cliText(part))].join('\n');

/** `--<option>` was not given, with the usage that needs it. */
export const requiredError = (option: string, usage: string) =>
  new CliError(problem('cli.required', { option, usage }), EXIT.usage);

/** Why a file could not be read or written: the system's code (ENOENT) or its message. */
export const failureOf = (error: unknown) =>
  (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));

/** "roads.geojson, fitur 3 (id R-1)": a feature of a file, numbered from 1. */
export const featureText = (file: string, index: number, id?: unknown) =>
  cliText(
    id === undefined
      ? problem('cli.feature', { file, number: index + 1 })
      : problem('cli.featureWithId', { file, number: index + 1, id: String(id) }),
  );

/** A warning line on standard error, headed PERINGATAN (WARNING in English). */
export const warningText = (warning: Problem) => cliText(problem('cli.analyze.warning', { warning }));

/** Asked for usage (`--help`): printed to standard output, exit 0. */
export class HelpRequest extends Error {}

/** The options of one command, as node:util parseArgs reads them: an unknown or valueless option is wrong usage. */
export function optionsOf<T extends ParseArgsOptionsConfig>(argv: string[], options: T, usage: string) {
  const read = () => parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  let values: ReturnType<typeof read>;
  try {
    values = read();
  } catch (error) {
    throw new CliError(problem('cli.badArgument', { detail: (error as Error).message, usage }), EXIT.usage);
  }
  if ((values as { help?: boolean }).help) throw new HelpRequest(usage);
  return values;
}
