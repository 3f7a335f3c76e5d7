import type { Problem, ProblemValue } from './problem';
import { problemsEn } from './problems-en';
import { problemsId } from './problems-id';

export type ProblemLanguage = 'id' | 'en';

/** A table of wordings: nested by the dots of a code; `{{name}}` placeholders; plurals as `<key>_one`/`_other`. */
export type ProblemTable = { readonly [key: string]: string | ProblemTable };

export const PROBLEM_TABLES: Record<ProblemLanguage, ProblemTable> = { id: problemsId, en: problemsEn };

const NUMBER_TAGS: Record<ProblemLanguage, string> = { id: 'id-ID', en: 'en-GB' };
const numberFormats = new Map<ProblemLanguage, Intl.NumberFormat>();

/** A number in the language's style (id 1.234,5; en 1,234.5), with the digits it has (coordinates keep theirs). */
export function formatProblemNumber(value: number, language: ProblemLanguage): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(NUMBER_TAGS[language], { maximumFractionDigits: 10 });
    numberFormats.set(language, format);
  }
  return format.format(value);
}

function lookUp(table: ProblemTable, key: string): string | undefined {
  let node: string | ProblemTable | undefined = table;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = Object.hasOwn(node, part) ? node[part] : undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The key a problem is worded with: `<code>_<plural category>` when it has a numeric `count` and the table has
 * that form (as i18next picks plurals), else the code itself. The renderer asks i18next's `t` for the same key.
 */
export function problemKey(problem: Problem, language: ProblemLanguage, table = PROBLEM_TABLES[language]): string {
  const count = problem.values?.count;
  if (typeof count !== 'number') return problem.code;
  const plural = `${problem.code}_${new Intl.PluralRules(language).select(count)}`;
  return lookUp(table, plural) !== undefined ? plural : `${problem.code}_other`;
}

/** The values as text for the language: numbers in its style, nested problems worded by `word`. */
export function problemValuesText(
  problem: Problem,
  language: ProblemLanguage,
  word: (nested: Problem) => string,
): Record<string, string> {
  const textOf = (value: ProblemValue): string =>
    typeof value === 'number'
      ? formatProblemNumber(value, language)
      : typeof value === 'string'
        ? value
        : Array.isArray(value)
          ? value.map(textOf).join('; ')
          : word(value as Problem);
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(problem.values ?? {}) as [string, ProblemValue][])
    text[name] = textOf(value);
  return text;
}

/** A Problem in words, for callers without i18next (the CLI, workers, error messages). */
export function wordProblem(problem: Problem, language: ProblemLanguage): string {
  const table = PROBLEM_TABLES[language];
  const wording = lookUp(table, problemKey(problem, language, table)) ?? lookUp(table, problem.code);
  // An unknown code is a programming slip: show the code and values rather than nothing.
  if (wording === undefined) return `${problem.code} ${JSON.stringify(problem.values ?? {})}`;
  const values = problemValuesText(problem, language, (nested) => wordProblem(nested, language));
  return wording.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}
