import type { Locale } from './format-number';

export type SpreadsheetCell = string | number | boolean | null | undefined;

/** Text a spreadsheet would run as a formula: =, +, -, @ (also after spaces, and the full-width ＝ ＋ － ＠), tab, CR. */
const FORMULA_START = /^[\s]*[=+\-@＝＋－＠]|^[\t\r]/;

const QUOTE = 34;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

/**
 * Whether text may start a formula. Most cells start with a letter or digit, which can start neither a formula
 * nor the spaces before one: those are answered from the first character; the rest (a sign, a space, any
 * character past ASCII) go to the regular expression, which stays the one definition of the guard.
 */
function mayRunAsFormula(text: string): boolean {
  const first = text.charCodeAt(0);
  const plain =
    (first >= 48 && first <= 57) || // 0-9
    (first >= 65 && first <= 90) || // A-Z
    (first >= 97 && first <= 122) || // a-z
    first === 95 || // _
    first === 46; // .
  return !plain && FORMULA_START.test(text);
}

/** Whether text holds the separator, a quote or a line break, and must be quoted. */
function needsQuotes(text: string, separator: number): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === separator || c === QUOTE || c === LINE_FEED || c === CARRIAGE_RETURN) return true;
  }
  return false;
}

/** One cell: numbers with the decimal mark, text guarded against formulas and quoted when it holds the separator. */
export function spreadsheetCell(value: SpreadsheetCell, separator: string, decimal: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const text = String(value);
    return decimal === '.' ? text : text.replace('.', decimal);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value === '') return '';
  const text = mayRunAsFormula(value) ? `'${value}` : value;
  return needsQuotes(text, separator.charCodeAt(0)) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as delimited text: numbers with the chosen decimal mark and no grouping, text guarded and quoted. */
function toDelimited(rows: readonly (readonly SpreadsheetCell[])[], separator: string, decimal: string): string {
  return rows.map((row) => row.map((value) => spreadsheetCell(value, separator, decimal)).join(separator)).join('\r\n');
}

/** Tab-separated rows for the clipboard: Excel pastes them into cells, numbers in the UI language's decimal mark. */
export function toTsv(rows: readonly (readonly SpreadsheetCell[])[], locale: Locale): string {
  return toDelimited(rows, '\t', locale === 'id' ? ',' : '.');
}

/**
 * CSV that Excel opens right in the UI language's region: UTF-8 with BOM; in Indonesian `;` between cells and a
 * decimal comma, in English `,` and a decimal point.
 */
export function toExcelCsv(rows: readonly (readonly SpreadsheetCell[])[], locale: Locale): string {
  const [separator, decimal] = locale === 'id' ? [';', ','] : [',', '.'];
  return `\ufeff${toDelimited(rows, separator, decimal)}\r\n`;
}
