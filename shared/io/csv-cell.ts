import { spreadsheetCell } from '../format/spreadsheet-text';

/**
 * A CSV cell (comma-separated, decimal point) a spreadsheet cannot mistake for a formula: the same guard as the
 * app's other spreadsheet text; yes/no stays `true`/`false`, which GDAL reads as booleans.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return String(value);
  return spreadsheetCell(typeof value === 'number' ? value : String(value), ',', '.');
}
