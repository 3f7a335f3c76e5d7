import type { Geometry } from 'geojson';
import type { Database } from '@sqlite.org/sqlite-wasm';
import type { StoredFeature } from '../model/layer';
import { resolveCrsCode } from '../geo/known-crs';
import { geometryBounds } from '../geo/positions-of';
import type { ParseResult } from './parse-geojson';
import { nameOfProperties, type SourceRecord } from './check-records';
import type { FormatRead, ReadOptions } from './formats/file-format';
import { normalizeGeometry } from './export-layer';
import { cellAs, columnTypes, exportTable, FIELD_CODES, type ColumnType, type ExportColumns } from './export-table';
import { reprojectRecords } from './reproject-records';
import { exportDatabase, newDatabase, openDatabaseBytes } from './sqlite';
import { readField, writeField } from '../model/field-value';
import { geometryOfBlob } from './read-wkb';
import { wkbOfGeometry } from './write-wkb';
import { problem, problemOf, type Problem } from '../messages/problem';

/** A vector layer of a GeoPackage as the preview lists it. */
export interface GeoPackageLayer {
  name: string;
  geometryType: string;
  count: number;
  crs: string;
}

/** GeoJSON as a GeoPackage blob: little-endian header, srs_id, XY envelope, WKB. */
export function blobOfGeometry(geometry: Geometry, srsId = 4326): Uint8Array {
  const wkb = wkbOfGeometry(geometry);
  const blob = new Uint8Array(8 + 32 + wkb.byteLength);
  const view = new DataView(blob.buffer);
  blob.set([0x47, 0x50, 0, 0x03]);
  view.setInt32(4, srsId, true);
  const [minX, minY, maxX, maxY] = geometryBounds(geometry);
  [minX, maxX, minY, maxY].forEach((value, index) => view.setFloat64(8 + index * 8, value, true));
  blob.set(wkb, 40);
  return blob;
}

export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface LayerRow {
  table_name: string;
  column_name: string;
  geometry_type_name: string;
  srs_id: number;
  organization: string | null;
  organization_coordsys_id: number | null;
  definition: string | null;
  srs_name: string | null;
}

function layersOf(db: Database): LayerRow[] {
  return db.selectObjects(
    `SELECT c.table_name, g.column_name, g.geometry_type_name, g.srs_id, s.organization, s.organization_coordsys_id,
            s.definition, s.srs_name
       FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
       LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id
      WHERE c.data_type = 'features' ORDER BY c.table_name`,
  ) as unknown as LayerRow[];
}

/** The code proj4 converts from: EPSG:n when proj4 knows it, else the WKT definition itself. */
function crsOf(layer: LayerRow): { code: string; name: string } | null {
  const epsg =
    layer.organization?.toUpperCase() === 'EPSG' && layer.organization_coordsys_id
      ? resolveCrsCode(String(layer.organization_coordsys_id))
      : null;
  const name = `${layer.srs_name ?? '?'}${layer.organization_coordsys_id ? ` (EPSG:${layer.organization_coordsys_id})` : ''}`;
  if (epsg) return { code: epsg, name };
  if (layer.definition && layer.definition !== 'undefined') return { code: layer.definition, name };
  return null;
}

function readLayer(
  db: Database,
  layer: LayerRow,
  fileName: string,
): ParseResult<{ records: SourceRecord[]; warnings: Problem[] }> {
  const columns = db.selectObjects(`PRAGMA table_info(${quote(layer.table_name)})`) as {
    name: string;
    type: string;
    pk: number;
  }[];
  const booleans = new Set(columns.filter((c) => /^BOOL/i.test(c.type)).map((c) => c.name));
  const skip = new Set([layer.column_name, ...columns.filter((c) => c.pk && /^INT/i.test(c.type)).map((c) => c.name)]);
  const warnings: Problem[] = [];
  const blobColumns = new Set<string>();
  const records: SourceRecord[] = [];
  const statement = db.prepare(`SELECT * FROM ${quote(layer.table_name)}`);
  try {
    while (statement.step()) {
      // Built here, not by sql.js: a column called __proto__ would be lost on the object sql.js makes.
      const names = statement.getColumnNames();
      const cells = statement.get([]) as unknown[];
      const row: Record<string, unknown> = {};
      names.forEach((name, index) => writeField(row, name, cells[index]));
      let geometry: Geometry | null = null;
      const blob = readField(row, layer.column_name);
      if (blob instanceof Uint8Array) {
        try {
          geometry = geometryOfBlob(blob);
        } catch (error) {
          return {
            ok: false,
            error: problem('gpkg.badFeature', {
              file: fileName,
              layer: layer.table_name,
              number: records.length + 1,
              detail: problemOf(error),
            }),
          };
        }
      }
      const properties: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(row)) {
        if (skip.has(key)) continue;
        if (value instanceof Uint8Array) {
          blobColumns.add(key);
          writeField(properties, key, null);
        } else writeField(properties, key, booleans.has(key) && typeof value === 'number' ? value !== 0 : value);
      }
      records.push({ geometry, properties, name: nameOfProperties(properties) });
    }
  } finally {
    statement.finalize();
  }
  if (blobColumns.size)
    warnings.push(
      problem('gpkg.binaryColumns', { file: fileName, layer: layer.table_name, columns: [...blobColumns].join(', ') }),
    );
  return { ok: true, value: { records, warnings } };
}

/**
 * The vector layers of a GeoPackage (OGC 1.3, as QGIS and GDAL write it). The layers chosen in the preview (all by
 * default) are read, reprojected to WGS 84 from `gpkg_spatial_ref_sys`; several become one layer whose records name
 * theirs in a `layer` attribute, as a zip of Shapefiles does.
 */
export async function readGeoPackage(
  bytes: Uint8Array,
  fileName: string,
  options: ReadOptions = {},
): Promise<ParseResult<FormatRead & { layers: GeoPackageLayer[] }>> {
  let db: Database;
  try {
    db = await openDatabaseBytes(bytes);
    db.selectValue('SELECT count(*) FROM sqlite_master');
  } catch (error) {
    return {
      ok: false,
      error: problem('gpkg.unreadable', { file: fileName, detail: (error as Error).message }),
    };
  }
  try {
    let rows: LayerRow[];
    try {
      rows = layersOf(db);
    } catch {
      return {
        ok: false,
        error: problem('gpkg.noContents', { file: fileName }),
      };
    }
    if (rows.length === 0) return { ok: false, error: problem('gpkg.noVectorLayers', { file: fileName }) };
    const layers: GeoPackageLayer[] = rows.map((row) => ({
      name: row.table_name,
      geometryType: row.geometry_type_name,
      count: Number(db.selectValue(`SELECT count(*) FROM ${quote(row.table_name)}`)),
      crs: crsOf(row)?.name ?? '?',
    }));
    const chosen = options.layers?.length ? rows.filter((row) => options.layers!.includes(row.table_name)) : rows;
    const records: SourceRecord[] = [];
    const warnings: Problem[] = [];
    for (const row of chosen) {
      const crs = crsOf(row);
      if (!crs)
        return {
          ok: false,
          error: problem('gpkg.undefinedCrs', { file: fileName, layer: row.table_name, srsId: String(row.srs_id) }),
        };
      const read = readLayer(db, row, fileName);
      if (!read.ok) return read;
      try {
        if (crs.code !== 'EPSG:4326') reprojectRecords(read.value.records, crs.code);
      } catch (error) {
        return {
          ok: false,
          error: problem('gpkg.unknownCrs', {
            file: fileName,
            layer: row.table_name,
            crs: crs.name,
            detail: (error as Error).message,
          }),
        };
      }
      warnings.push(...read.value.warnings);
      for (const record of read.value.records) {
        if (chosen.length > 1) record.properties = { ...record.properties, layer: row.table_name };
        records.push(record);
      }
    }
    const crs = [...new Set(chosen.map((row) => crsOf(row)!.name))].join(', ');
    return { ok: true, value: { records, crs, warnings, layers } };
  } finally {
    db.close();
  }
}

const SQL_TYPE: Record<ColumnType, string> = { integer: 'INTEGER', real: 'REAL', boolean: 'BOOLEAN', text: 'TEXT' };

const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]';

/** The GeoPackage 1.3 core tables with WGS 84 in gpkg_spatial_ref_sys, as a new file needs them. */
export const GEOPACKAGE_SCHEMA = `
PRAGMA application_id = 1196444487;
PRAGMA user_version = 10300;
CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
INSERT INTO gpkg_spatial_ref_sys VALUES
  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
  ('WGS 84 geodetic', 4326, 'EPSG', 4326, '${WGS84_WKT}', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
  scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
CREATE TABLE gpkg_ogr_contents (table_name TEXT NOT NULL PRIMARY KEY, feature_count INTEGER DEFAULT NULL);
`;

/** The RTree triggers of GeoPackage 1.3 (F.3), which keep the index right when GDAL or QGIS later edits the table. */
export function rtreeTriggers(table: string, column: string): string {
  const t = table.replace(/"/g, '""');
  const rtree = quote(`rtree_${table}_${column}`);
  const name = (suffix: string) => quote(`rtree_${table}_${column}_${suffix}`);
  const [tq, cq] = [quote(t), quote(column)];
  const bounds = `ST_MinX(NEW.${cq}), ST_MaxX(NEW.${cq}), ST_MinY(NEW.${cq}), ST_MaxY(NEW.${cq})`;
  return `
CREATE TRIGGER ${name('insert')} AFTER INSERT ON ${tq} WHEN (new.${cq} NOT NULL AND NOT ST_IsEmpty(NEW.${cq}))
BEGIN INSERT OR REPLACE INTO ${rtree} VALUES (NEW.fid, ${bounds}); END;
CREATE TRIGGER ${name('update6')} AFTER UPDATE OF ${cq} ON ${tq}
WHEN OLD.fid = NEW.fid AND (NEW.${cq} NOTNULL AND NOT ST_IsEmpty(NEW.${cq})) AND (OLD.${cq} NOTNULL AND NOT ST_IsEmpty(OLD.${cq}))
BEGIN UPDATE ${rtree} SET minx = ST_MinX(NEW.${cq}), maxx = ST_MaxX(NEW.${cq}), miny = ST_MinY(NEW.${cq}), maxy = ST_MaxY(NEW.${cq}) WHERE id = NEW.fid; END;
CREATE TRIGGER ${name('update7')} AFTER UPDATE OF ${cq} ON ${tq}
WHEN OLD.fid = NEW.fid AND (NEW.${cq} NOTNULL AND NOT ST_IsEmpty(NEW.${cq})) AND (OLD.${cq} ISNULL OR ST_IsEmpty(OLD.${cq}))
BEGIN INSERT INTO ${rtree} VALUES (NEW.fid, ${bounds}); END;
CREATE TRIGGER ${name('update2')} AFTER UPDATE OF ${cq} ON ${tq}
WHEN OLD.fid = NEW.fid AND (NEW.${cq} ISNULL OR ST_IsEmpty(NEW.${cq}))
BEGIN DELETE FROM ${rtree} WHERE id = OLD.fid; END;
CREATE TRIGGER ${name('update5')} AFTER UPDATE ON ${tq}
WHEN OLD.fid != NEW.fid AND (NEW.${cq} NOTNULL AND NOT ST_IsEmpty(NEW.${cq}))
BEGIN DELETE FROM ${rtree} WHERE id = OLD.fid; INSERT OR REPLACE INTO ${rtree} VALUES (NEW.fid, ${bounds}); END;
CREATE TRIGGER ${name('update4')} AFTER UPDATE ON ${tq}
WHEN OLD.fid != NEW.fid AND (NEW.${cq} ISNULL OR ST_IsEmpty(NEW.${cq}))
BEGIN DELETE FROM ${rtree} WHERE id IN (OLD.fid, NEW.fid); END;
CREATE TRIGGER ${name('delete')} AFTER DELETE ON ${tq} WHEN old.${cq} NOT NULL
BEGIN DELETE FROM ${rtree} WHERE id = OLD.fid; END;`;
}

/** The GeoPackage type of a layer's geometries: the one type they share, else GEOMETRY. */
export function geometryTypeName(features: readonly StoredFeature[]): string {
  const types = new Set(features.map((feature) => feature.geometry.type.toUpperCase()));
  return types.size === 1 ? [...types][0]! : 'GEOMETRY';
}

export interface GeoPackageLayerInput {
  name: string;
  features: readonly StoredFeature[];
}

/** A table name GDAL and QGIS list as is: unique, not a gpkg_/rtree_ name, no quotes needed in most SQL. */
export function tableNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = name.trim().replace(/^(gpkg_|rtree_|sqlite_)/i, '') || 'lapisan';
    let candidate = base;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base} ${n}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

/**
 * One GeoPackage (OGC 1.3) holding the given layers in EPSG:4326, each with its RTree spatial index
 * (gpkg_rtree_index) and the model's attributes as typed columns.
 */
export async function writeGeoPackage(
  layers: readonly GeoPackageLayerInput[],
  columns: ExportColumns = FIELD_CODES,
): Promise<Uint8Array<ArrayBuffer>> {
  const db = await newDatabase();
  try {
    db.exec(GEOPACKAGE_SCHEMA);
    const names = tableNames(layers.map((layer) => layer.name));
    db.transaction(() => {
      layers.forEach((layer, index) => writeLayer(db, names[index]!, layer.features, columns));
    });
    return await exportDatabase(db);
  } finally {
    db.close();
  }
}

function writeLayer(db: Database, table: string, features: readonly StoredFeature[], columns: ExportColumns) {
  const data = exportTable(features, columns);
  const types = columnTypes(data);
  // "fid" and "geom" are ours: a column a file brought with either name keeps its value under another name.
  const names = data.names.map((name) => (/^(fid|geom)$/i.test(name) ? `${name}_1` : name));
  db.exec(
    `CREATE TABLE ${quote(table)} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom GEOMETRY${names
      .map((name, c) => `, ${quote(name)} ${SQL_TYPE[types[c]!]}`)
      .join('')})`,
  );
  const insert = db.prepare(
    `INSERT INTO ${quote(table)} (fid, geom${names.map((name) => `, ${quote(name)}`).join('')}) VALUES (?, ?${names.map(() => ', ?').join('')})`,
  );
  db.exec(`CREATE VIRTUAL TABLE ${quote(`rtree_${table}_geom`)} USING rtree(id, minx, maxx, miny, maxy)`);
  const index = db.prepare(`INSERT INTO ${quote(`rtree_${table}_geom`)} VALUES (?, ?, ?, ?, ?)`);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  try {
    features.forEach((feature, f) => {
      const geometry = normalizeGeometry(feature.geometry);
      const values = data.rows[f]!.map((value, c) => {
        const cell = cellAs(types[c]!, value);
        return typeof cell === 'boolean' ? (cell ? 1 : 0) : cell;
      });
      insert.bind([f + 1, blobOfGeometry(geometry), ...values]).stepReset();
      const [x0, y0, x1, y1] = geometryBounds(geometry);
      index.bind([f + 1, x0, x1, y0, y1]).stepReset();
      [minX, minY, maxX, maxY] = [Math.min(minX, x0), Math.min(minY, y0), Math.max(maxX, x1), Math.max(maxY, y1)];
    });
  } finally {
    insert.finalize();
    index.finalize();
  }
  const extent = features.length ? [minX, minY, maxX, maxY] : [null, null, null, null];
  db.exec({
    sql: `INSERT INTO gpkg_contents (table_name, data_type, identifier, min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, ?, ?, ?, ?, 4326)`,
    bind: [table, table, ...extent],
  });
  db.exec({
    sql: `INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, 4326, 0, 0)`,
    bind: [table, geometryTypeName(features)],
  });
  db.exec({
    sql: `INSERT INTO gpkg_extensions VALUES (?, 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')`,
    bind: [table],
  });
  db.exec({ sql: 'INSERT INTO gpkg_ogr_contents VALUES (?, ?)', bind: [table, features.length] });
  db.exec(rtreeTriggers(table, 'geom'));
}
