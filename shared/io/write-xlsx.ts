import type { Cell, SheetData } from 'write-excel-file/universal';
import type { StoredFeature } from '../model/layer';
import { exportTable, FIELD_CODES, lonLatOf, type ExportCell, type ExportColumns } from './export-table';
import { geometryToWkt } from './export-layer';
import { problem, type Problem } from '../messages/problem';

/** One sheet: a header row and typed rows (numbers stay numbers, so Excel sums them). */
export interface WorkbookSheet {
  name: string;
  header: string[];
  rows: ExportCell[][];
}

/** Excel's limit on the text of one cell. */
const CELL_TEXT_LIMIT = 32_767;

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ , unique in the workbook. */
function sheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Lembar';
    let candidate = base;
    // A repeated name is cut further to make room for its number.
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 31 - ` ${n}`.length)} ${n}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

/** An .xlsx workbook: bold header row kept in view, typed cells (text is never read as a formula). */
export async function writeWorkbook(sheets: readonly WorkbookSheet[]): Promise<Uint8Array<ArrayBuffer>> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const names = sheetNames(sheets.map((sheet) => sheet.name));
  const cell = (value: ExportCell): Cell => {
    if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return null;
    if (typeof value === 'string') return { value, type: String };
    return value;
  };
  const blob = await writeXlsxFile(
    sheets.map((sheet, index) => ({
      sheet: names[index]!,
      stickyRowsCount: 1,
      columns: sheet.header.map((name) => ({ width: Math.min(40, Math.max(10, name.length + 2)) })),
      data: [
        sheet.header.map((name) => ({ value: name, type: String, fontWeight: 'bold' as const })),
        ...sheet.rows.map((row) => row.map(cell)),
      ] as SheetData,
    })),
  ).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

/** A layer's attribute table as a workbook, the geometry as WKT in the last column (for reading back). */
export async function featuresToXlsx(
  features: readonly StoredFeature[],
  name: string,
  columns: ExportColumns = FIELD_CODES,
): Promise<{ data: Uint8Array<ArrayBuffer>; notes: Problem[] }> {
  const table = exportTable(features, columns);
  let tooLong = 0;
  const rows = table.rows.map((row, index) => {
    const wkt = geometryToWkt(features[index]!.geometry);
    if (wkt.length > CELL_TEXT_LIMIT) tooLong++;
    const place = columns.lonLat ? lonLatOf(features[index]!.geometry) : [];
    return [...row, ...place, wkt.length > CELL_TEXT_LIMIT ? null : wkt];
  });
  const notes = tooLong ? [problem('exportNote.xlsxWktTooLong', { count: tooLong, limit: CELL_TEXT_LIMIT })] : [];
  const place = columns.lonLat ? [columns.lonLat.lon, columns.lonLat.lat] : [];
  const data = await writeWorkbook([{ name, header: [...table.names, ...place, 'WKT'], rows }]);
  return { data, notes };
}
