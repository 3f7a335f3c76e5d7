import type { ParseResult } from './parse-geojson';
import type { FormatRead, ReadOptions } from './formats/file-format';
import type { ProgressSink } from './import-progress';
import type { RoadLookup } from './place-by-sta';
import { readTable } from './read-csv';
import { problem } from '../messages/problem';

type Cell = string | number | boolean | Date | null;

/** A date cell as the text other formats use: `2024-05-17`, or with its time when it has one. */
function cellValue(value: Cell): unknown {
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return typeof value === 'string' ? value.trim() : value;
}

/** Header cells as column names: empty ones numbered, repeated ones suffixed, so no column is lost. */
function headerNames(row: readonly Cell[]): string[] {
  const used = new Set<string>();
  return row.map((cell, index) => {
    const base = cell === null || String(cell).trim() === '' ? `kolom_${index + 1}` : String(cellValue(cell));
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * An Excel workbook (.xlsx): one sheet (the one picked in the preview, else the first with data) read as a table
 * whose first row names the columns; numbers stay numbers, dates become ISO dates. Rows are placed by lon/lat,
 * UTM easting/northing or WKT columns, or by ruas + STA on the road network.
 */
export async function readXlsx(
  bytes: Uint8Array,
  fileName: string,
  options: ReadOptions,
  roads: RoadLookup | undefined,
  report: ProgressSink,
): Promise<ParseResult<FormatRead>> {
  let sheets: { sheet: string; data: Cell[][] }[];
  try {
    const { default: readXlsxFile } = await import('read-excel-file/universal');
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    sheets = (await readXlsxFile(buffer)) as unknown as { sheet: string; data: Cell[][] }[];
  } catch (error) {
    return {
      ok: false,
      error: problem('file.badWorkbook', { file: fileName, detail: (error as Error).message }),
    };
  }
  const withData = sheets.filter((sheet) => sheet.data.length >= 2);
  const chosen = options.layers?.length ? sheets.filter((sheet) => sheet.sheet === options.layers![0]) : withData;
  if (chosen.length === 0) return { ok: false, error: problem('file.noSheetWithData', { file: fileName }) };
  const layers = sheets.map((sheet) => ({
    name: sheet.sheet,
    // A workbook's layers are sheets: the preview words `sheet` in the UI language.
    geometryType: 'sheet',
    count: Math.max(0, sheet.data.length - 1),
    crs: '',
  }));
  // Without a choice, the first sheet that places its rows (a cover sheet of notes is passed over); else its error.
  let first: ParseResult<FormatRead> | null = null;
  for (const sheet of chosen) {
    const read = await readSheet(sheet, fileName, options, roads, report);
    if (read.ok) return { ok: true, value: { ...read.value, layers: sheets.length > 1 ? layers : undefined } };
    first ??= read;
  }
  return first!;
}

async function readSheet(
  picked: { sheet: string; data: Cell[][] },
  fileName: string,
  options: ReadOptions,
  roads: RoadLookup | undefined,
  report: ProgressSink,
): Promise<ParseResult<FormatRead>> {
  const headers = headerNames(picked.data[0]!);
  // Trailing empty rows are dropped; empty rows between keep their place, so row numbers stay Excel's.
  const isEmpty = (row: readonly Cell[]) => row.every((cell) => cell === null || String(cell).trim() === '');
  let last = picked.data.length;
  while (last > 1 && isEmpty(picked.data[last - 1]!)) last--;
  const rows = picked.data
    .slice(1, last)
    .map((row) => Object.fromEntries(headers.map((header, c) => [header, cellValue(row[c] ?? null)])));
  return readTable(headers, rows, `${fileName} [${picked.sheet}]`, options, roads, report);
}
