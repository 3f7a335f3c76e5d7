import type { Layer, StoredFeature } from '../model/layer';
import { checkRecords, isNoGeometry, noteLine, type CheckedRecords, type RecordNote } from './check-records';
import type { FormatId, FormatRead, ImportEnvironment, ImportFile, ReadOptions } from './formats/file-format';
import { detectFormat } from './formats/registry';
import type { ParseResult } from './parse-geojson';
import { throttledProgress, type ProgressSink } from './import-progress';
import { problem, type Problem } from '../messages/problem';

/** Largest file imported in one go; bigger ones are refused before parsing. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export type { ImportEnvironment, ImportFile, ReadOptions } from './formats/file-format';
export { IMPORT_EXTENSIONS } from './formats/registry';

/** A file read and checked, waiting for the user: the preview shows exactly what will be written. */
export interface PreparedImport {
  layer: Layer;
  format: FormatId;
  /** The features that will be written. */
  features: StoredFeature[];
  crs: string;
  crsChoice?: FormatRead['crsChoice'];
  suggestedCrs?: string[];
  geometryTypes: string[];
  /** Safe repairs made, one per feature and kind of repair. */
  repairs: RecordNote[];
  /** Records that will not be written (no geometry, a track standing still), each with why. */
  skipped: RecordNote[];
  /** Guesses the user should check: an encoding, a coordinate system. */
  warnings: Problem[];
  /** Rows that could not be placed on the road network (ruas + STA), by row and reason: not imported. */
  unplaced: Problem[];
  /** The layers (GeoPackage) or sheets (Excel) of the file, for the preview to pick from. */
  layers?: FormatRead['layers'];
}

/** What no features means in this file, so the message says why rather than only "no features". */
function whyNoFeatures(read: FormatRead, skipped: readonly RecordNote[]): Problem[] {
  if (read.records.length === 0) return [problem('file.empty')];
  const without = skipped.filter(isNoGeometry).length;
  const other = skipped.find((note) => !isNoGeometry(note));
  const more = skipped.length - without - 1;
  return [
    ...(without ? [problem('file.withoutGeometry', { count: without, total: read.records.length })] : []),
    ...(other ? [more > 0 ? problem('file.andMore', { problem: noteLine(other), more }) : noteLine(other)] : []),
  ];
}

/** Reads a file of any format into checked, repaired features (the CLI uses this; the app goes on to a layer). */
export async function readFeatures(
  file: ImportFile & { parts?: ImportFile[] },
  environment: ImportEnvironment,
  options: ReadOptions = {},
  report: ProgressSink = () => undefined,
): Promise<ParseResult<{ format: FormatId; read: FormatRead; checked: CheckedRecords }>> {
  const format = detectFormat(file);
  if (!format) {
    const extension = file.name.includes('.') ? file.name.toLowerCase().split('.').pop() : '';
    return { ok: false, error: problem('file.unsupportedFormat', { file: file.name, extension: extension ?? '' }) };
  }
  const read = await format.read({ file, parts: file.parts ?? [], options, environment, report });
  if (!read.ok) return read;
  const checked = checkRecords(read.value.records, file.name, report);
  if (!checked.ok) return checked;
  return { ok: true, value: { format: format.id, read: read.value, checked: checked.value } };
}

/**
 * Turns a file (and, for a Shapefile, its other parts) into a new layer, all or nothing: either every
 * record with geometry is valid, or an error names the file, the feature (or row) and the problem.
 * Records without geometry are listed as skipped; repairs are listed too.
 */
export async function prepareImport(
  file: ImportFile & { parts?: ImportFile[] },
  layerId: string,
  order: number,
  environment: ImportEnvironment,
  now = new Date(),
  options: ReadOptions = {},
  onProgress?: ProgressSink,
): Promise<ParseResult<PreparedImport>> {
  const fileName = file.name;
  const report = throttledProgress(onProgress);
  const size = file.bytes.byteLength + (file.parts ?? []).reduce((sum, part) => sum + part.bytes.byteLength, 0);
  if (size > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      error: problem('file.tooLarge', {
        file: fileName,
        megabytes: Math.round(size / 1048576),
        limit: MAX_IMPORT_BYTES / 1048576,
      }),
    };
  }
  const result = await readFeatures(file, environment, options, report);
  if (!result.ok) return result;
  const { format, read, checked } = result.value;
  const { features, repairs, skipped } = checked;
  if (features.length === 0 && read.crsChoice !== 'required')
    return {
      ok: false,
      error: problem('file.noFeatures', { file: fileName, why: whyNoFeatures(read, skipped) }),
    };
  const recordedAt = now.toISOString();
  const baseName = fileName.replace(/\.[^.]+$/, '');
  const layer: Layer = {
    id: layerId,
    name: baseName,
    kind: 'plain',
    order,
    visible: true,
    styleBy: 'status',
    demo: false,
    createdAt: recordedAt,
  };
  // One source note for the whole file (features are never changed in place), so storage keeps it once.
  const source = { kind: 'file', label: fileName, recordedAt, illustrative: false };
  const stored: StoredFeature[] = features.map((feature, index) => ({
    id: `${layerId}-${index}`,
    layerId,
    geometry: feature.geometry,
    properties: { ...(feature.properties ?? {}), source },
  }));
  return {
    ok: true,
    value: {
      layer,
      format,
      features: stored,
      crs: read.crs,
      crsChoice: read.crsChoice,
      suggestedCrs: read.suggestedCrs,
      geometryTypes: [...new Set(features.map((f) => f.geometry.type))],
      repairs,
      skipped,
      warnings: read.warnings,
      unplaced: read.unplaced ?? [],
      layers: read.layers,
    },
  };
}
