import type { Locale } from './format-number';

export type SpreadsheetCell = string | number | boolean | null | undefined;

/** Text a spreadsheet would run as a formula: =, +, -, @ (also after spaces, and the full-width ＝ ＋ － ＠), tab, CR. */
const FORMULA_START = /^[\s]*[=+\-@＝＋－＠]|^[\t\r]/;

/** One cell: numbers with the decimal mark, text guarded against formulas and quoted when it holds the separator. */
export function spreadsheetCell(value: SpreadsheetCell, separator: string, decimal: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const text = String(value);
    return decimal === '.' ? text : text.replace('.', decimal);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  let text = value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  const quoted = new RegExp(`["\\n\\r${separator === '\t' ? '\\t' : separator}]`);
  return quoted.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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
