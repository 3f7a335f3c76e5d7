import type { Feature, Geometry, GeometryCollection } from 'geojson';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { buildHeader } from 'flatgeobuf/lib/mjs/generic/featurecollection.js';
import { buildFeature } from 'flatgeobuf/lib/mjs/generic/feature.js';
import { inferGeometryType } from 'flatgeobuf/lib/mjs/generic/header.js';
import { parseGC, parseGeometry } from 'flatgeobuf/lib/mjs/geojson/geometry.js';
import { magicbytes } from 'flatgeobuf/lib/mjs/constants.js';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import type { ColumnMeta } from 'flatgeobuf/lib/mjs/column-meta.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import type { StoredFeature } from '../model/layer';
import { resolveCrsCode } from '../geo/known-crs';
import type { ParseResult } from './parse-geojson';
import { nameOfProperties, type SourceRecord } from './check-records';
import type { FormatRead } from './formats/file-format';
import { normalizeGeometry } from './export-layer';
import {
  cellAs,
  columnTypes,
  exportTable,
  FIELD_CODES,
  type ColumnType as CellType,
  type ExportColumns,
} from './export-table';
import { reprojectRecords } from './reproject-records';
import { problem } from '../messages/problem';

const FGB_TYPE: Record<CellType, ColumnType> = {
  integer: ColumnType.Int,
  real: ColumnType.Double,
  boolean: ColumnType.Bool,
  text: ColumnType.String,
};

const column = (name: string, type: ColumnType): ColumnMeta => ({
  name,
  type,
  title: null,
  description: null,
  width: -1,
  precision: -1,
  scale: -1,
  nullable: true,
  unique: false,
  primary_key: false,
});

/**
 * FlatGeobuf in EPSG:4326. The library's `serialize` types columns from the first feature only (a first value of
 * null makes a number column text); here the columns are typed from every row and each feature has every column.
 */
export function featuresToFlatGeobuf(
  features: readonly StoredFeature[],
  columns: ExportColumns = FIELD_CODES,
): Uint8Array<ArrayBuffer> {
  const table = exportTable(features, columns);
  const types = columnTypes(table);
  const geometries = features.map((feature) => normalizeGeometry(feature.geometry));
  const header: HeaderMeta = {
    geometryType: inferGeometryType(
      geometries.map((geometry) => ({ type: 'Feature', geometry, properties: {} })) as never,
    ),
    columns: table.names.map((name, c) => column(name, FGB_TYPE[types[c]!])),
    envelope: null,
    featuresCount: features.length,
    indexNodeSize: 0,
    crs: null,
    title: null,
    description: null,
    metadata: null,
  };
  const headerBytes = buildHeader(header, 4326);
  const featureBytes = geometries.map((geometry, f) => {
    const properties = Object.fromEntries(table.names.map((name, c) => [name, cellAs(types[c]!, table.rows[f]![c]!)]));
    const parsed =
      geometry.type === 'GeometryCollection'
        ? parseGC(geometry as GeometryCollection)
        : parseGeometry(geometry as never);
    return buildFeature(parsed, properties as never, header);
  });
  const size = magicbytes.length + headerBytes.length + featureBytes.reduce((sum, bytes) => sum + bytes.length, 0);
  const out = new Uint8Array(size);
  out.set(magicbytes);
  out.set(headerBytes, magicbytes.length);
  let offset = magicbytes.length + headerBytes.length;
  for (const bytes of featureBytes) {
    out.set(bytes, offset);
    offset += bytes.length;
  }
  return out;
}

/** A FlatGeobuf file (as GDAL, QGIS and this app write it), reprojected to WGS 84 from the CRS in its header. */
export async function readFlatGeobuf(bytes: Uint8Array, fileName: string): Promise<ParseResult<FormatRead>> {
  let header: HeaderMeta | null = null;
  const records: SourceRecord[] = [];
  try {
    for await (const feature of deserialize(bytes, { headerMetaFn: (meta) => (header = meta) })) {
      const { geometry, properties } = feature as unknown as Feature<Geometry | null>;
      const clean = { ...(properties ?? {}) };
      records.push({ geometry, properties: clean, name: nameOfProperties(clean) });
    }
  } catch (error) {
    return {
      ok: false,
      error: problem('file.badFlatGeobuf', { file: fileName, detail: (error as Error).message }),
    };
  }
  const crs = (header as HeaderMeta | null)?.crs;
  const code = crs?.code ? resolveCrsCode(String(crs.code)) : crs?.wkt ? crs.wkt : 'EPSG:4326';
  if (!code)
    return {
      ok: false,
      error: problem('file.unknownEpsg', { file: fileName, code: String(crs?.code) }),
    };
  if (code !== 'EPSG:4326') reprojectRecords(records, code);
  const name = crs?.code ? `${crs.name ?? 'EPSG'} (EPSG:${crs.code})` : 'WGS 84 (EPSG:4326)';
  return { ok: true, value: { records, crs: name, warnings: [] } };
}
