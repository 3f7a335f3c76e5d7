import type { Database } from '@sqlite.org/sqlite-wasm';
import {
  blobOfGeometry,
  GEOPACKAGE_SCHEMA,
  geometryTypeName,
  quote,
  rtreeTriggers,
  tableNames,
} from '../io/geopackage';
import { geometryBounds } from '../geo/positions-of';
import { exportDatabase, newDatabase } from '../io/sqlite';
import {
  PROJECT_FORMAT,
  PROJECT_FORMAT_VERSION,
  type ProjectContents,
  type ProjectFeature,
  type ProjectPhoto,
} from './project-format';
import { PROJECT_RECORD_STORES, recordKeyOf } from './project-records';
import { cellOf, projectFields, SQL_TYPE, type ProjectField } from './project-fields';
import {
  ATTRIBUTE_TABLES,
  PHOTO_MEDIA_TABLE,
  PHOTO_POINT_TABLE,
  PROJECT_SCHEMA,
  PROJECT_TABLES,
} from './project-tables';
import { CHECKSUM_LENGTH, sealChecksum } from './project-checksum';
import { symbologyOf } from './layer-symbology';
import { layerStyleQml } from './layer-style-qml';
import { layerStyleSld } from './layer-style-sld';

export interface WrittenProject {
  bytes: Uint8Array<ArrayBuffer>;
  checksum: string;
}

/** A marker no data holds, standing where the checksum will be written. */
function checksumMarker(): string {
  let marker = '';
  while (marker.length < CHECKSUM_LENGTH) marker += Math.random().toString(16).slice(2);
  return `f${marker.slice(1, CHECKSUM_LENGTH)}`;
}

/** Rows per statement: big enough that the JS–WebAssembly crossing is paid per batch, small enough to stay flat. */
const ROWS_PER_BATCH = 4000;

/**
 * Writes a layer's features and their RTree index. Binding cell by cell costs a crossing into WebAssembly and a
 * string copy each (most of a province save's time), so each batch goes in as one JSON text of its rows and one blob
 * of its geometries, which SQLite takes apart itself (json_each, substr): the same values, typed by the JSON.
 */
function writeFeatures(db: Database, table: string, features: readonly ProjectFeature[], fields: ProjectField[]) {
  db.exec(
    `CREATE TABLE ${quote(table)} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom GEOMETRY, rumija_id TEXT NOT NULL, rumija_updated_at TEXT${fields
      .map((field) => `, ${quote(field.column)} ${SQL_TYPE[field.kind]}`)
      .join('')})`,
  );
  const columns = ['fid', 'geom', 'rumija_id', 'rumija_updated_at', ...fields.map((field) => field.column)];
  // Row: fid, geometry offset, geometry length, id, updated, ...cells, minx, maxx, miny, maxy.
  const cells = fields.map((_field, i) => `value->>${5 + i}`);
  const insert = db.prepare(
    `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) SELECT value->>0, substr(?2, value->>1, value->>2), value->>3, value->>4${cells
      .map((cell) => `, ${cell}`)
      .join('')} FROM json_each(?1)`,
  );
  const rtree = quote(`rtree_${table}_geom`);
  db.exec(`CREATE VIRTUAL TABLE ${rtree} USING rtree(id, minx, maxx, miny, maxy)`);
  const b = 5 + fields.length;
  const index = db.prepare(
    `INSERT INTO ${rtree} SELECT value->>0, value->>${b}, value->>${b + 1}, value->>${b + 2}, value->>${b + 3} FROM json_each(?1)`,
  );
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  try {
    for (let start = 0; start < features.length; start += ROWS_PER_BATCH) {
      const batch = features.slice(start, start + ROWS_PER_BATCH);
      // The geometry as stored, not rounded or re-wound: opened again, the project is the same to the last digit.
      const blobs = batch.map((feature) => blobOfGeometry(feature.geometry));
      const geometries = new Uint8Array(blobs.reduce((sum, blob) => sum + blob.byteLength, 0));
      let offset = 0;
      const rows = batch.map((feature, f) => {
        const blob = blobs[f]!;
        geometries.set(blob, offset);
        const [x0, y0, x1, y1] = geometryBounds(feature.geometry);
        [minX, minY, maxX, maxY] = [Math.min(minX, x0), Math.min(minY, y0), Math.max(maxX, x1), Math.max(maxY, y1)];
        const row = [
          start + f + 1,
          offset + 1,
          blob.byteLength,
          feature.id,
          feature.updatedAt ?? null,
          ...fields.map((field) => cellOf(field, feature.properties)),
          x0,
          x1,
          y0,
          y1,
        ];
        offset += blob.byteLength;
        return row;
      });
      const json = JSON.stringify(rows);
      insert.bind([json, geometries]).stepReset();
      index.bind([json]).stepReset();
    }
  } finally {
    insert.finalize();
    index.finalize();
  }
  const extent = features.length ? [minX, minY, maxX, maxY] : [null, null, null, null];
  return extent;
}

/** Registers a written feature table as a GeoPackage layer (contents, geometry column, RTree); its geometry type. */
function registerFeatureTable(
  db: Database,
  table: string,
  features: readonly ProjectFeature[],
  extent: (number | null)[],
  description: string,
): string {
  const geometryType = features.length ? geometryTypeName(features) : 'GEOMETRY';
  db.exec({
    sql: `INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, ?, ?, ?, ?, ?, 4326)`,
    bind: [table, table, description, ...extent],
  });
  db.exec({ sql: `INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, 4326, 0, 0)`, bind: [table, geometryType] });
  db.exec({
    sql: `INSERT INTO gpkg_extensions VALUES (?, 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')`,
    bind: [table],
  });
  db.exec({ sql: 'INSERT INTO gpkg_ogr_contents VALUES (?, ?)', bind: [table, features.length] });
  db.exec(rtreeTriggers(table, 'geom'));
  return geometryType;
}

/**
 * Photo records, their images when embedded, and a point table of the photos with a position (camera markers with
 * their attributes) that QGIS and GDAL open as a layer. Rumija reads the records, not the points.
 */
function writePhotos(db: Database, photos: readonly ProjectPhoto[]) {
  const record = db.prepare('INSERT INTO rumija_photos VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const image = db.prepare(`INSERT INTO ${PHOTO_MEDIA_TABLE} (data, content_type, photo_id, role) VALUES (?, ?, ?, ?)`);
  try {
    photos.forEach(({ record: photo, images }, position) => {
      record
        .bind([
          photo.id,
          position,
          photo.sha256,
          photo.fileName,
          photo.featureId,
          photo.layerId,
          images ? 1 : 0,
          JSON.stringify(photo),
        ])
        .stepReset();
      if (!images) return;
      image.bind([images.image, 'image/jpeg', photo.id, 'original']).stepReset();
      image.bind([images.thumbnail, 'image/jpeg', photo.id, 'thumbnail']).stepReset();
    });
  } finally {
    record.finalize();
    image.finalize();
  }
  const points = photos.flatMap(({ record: photo, images }): ProjectFeature[] => {
    const { metadata, placement } = photo;
    if (!metadata.position) return [];
    return [
      {
        id: photo.id,
        layerId: PHOTO_POINT_TABLE,
        geometry: { type: 'Point', coordinates: metadata.position },
        properties: {
          photo_id: photo.id,
          file_name: photo.fileName,
          taken_at: metadata.takenAt,
          direction_deg: metadata.directionDeg,
          camera_make: metadata.cameraMake,
          camera_model: metadata.cameraModel,
          attached_to: placement.kind === 'attached' ? placement.featureKind : 'point',
          feature_id: photo.featureId,
          layer_id: photo.layerId,
          ruas: placement.kind === 'attached' ? (placement.ruasNumber ?? null) : null,
          sta_m: placement.kind === 'attached' ? (placement.staM ?? null) : null,
          sha256: photo.sha256,
          image_carried: images !== null,
        },
      },
    ];
  });
  const fields = projectFields(points);
  const extent = writeFeatures(db, PHOTO_POINT_TABLE, points, fields);
  registerFeatureTable(db, PHOTO_POINT_TABLE, points, extent, 'Rumija: foto lapangan / field photos (kamera / camera)');
}

/**
 * The workspace as one `.rumija` file: a GeoPackage 1.3 whose feature tables GDAL and QGIS open as they are (typed
 * columns, RTree index, each layer's style in layer_styles as QML and SLD), with Rumija's own tables for what is not
 * geometry, the format version and a SHA-256 of the file itself.
 */
export async function writeProject(contents: ProjectContents): Promise<WrittenProject> {
  const db = await newDatabase();
  const marker = checksumMarker();
  try {
    db.exec(GEOPACKAGE_SCHEMA);
    db.exec(PROJECT_SCHEMA);
    // A layer named as one of the file's own tables (rumija_photo_points, layer_styles…) gets another table name.
    const reserved = [...PROJECT_TABLES, PHOTO_POINT_TABLE, 'rumija_project'];
    const tables = tableNames([...reserved, ...contents.layers.map(({ layer }) => layer.name)]).slice(reserved.length);
    db.transaction(() => {
      contents.layers.forEach(({ layer, features }, position) => {
        const table = tables[position]!;
        const fields = projectFields(features);
        const extent = writeFeatures(db, table, features, fields);
        const geometryType = registerFeatureTable(
          db,
          table,
          features,
          extent,
          `Rumija: ${layer.kind}${layer.demo ? ' (DEMO)' : ''}`,
        );
        db.exec({
          sql: 'INSERT INTO rumija_layers VALUES (?, ?, ?, ?, ?)',
          bind: [layer.id, table, position, features.length, JSON.stringify(layer)],
        });
        const field = db.prepare('INSERT INTO rumija_fields VALUES (?, ?, ?, ?, ?, ?)');
        try {
          fields.forEach((f, i) => field.bind([table, f.column, f.property, f.kind, f.nullMeans, i]).stepReset());
        } finally {
          field.finalize();
        }
        const symbology = symbologyOf(layer, geometryType);
        db.exec({
          sql: `INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description, owner, ui)
                VALUES ('', '', ?, 'geom', ?, ?, ?, 1, ?, '', NULL)`,
          bind: [
            table,
            table,
            layerStyleQml(symbology),
            layerStyleSld(layer.name, symbology),
            'Gaya Rumija / Rumija style',
          ],
        });
      });
      const put = (sql: string, rows: unknown[][]) => {
        const statement = db.prepare(sql);
        try {
          for (const row of rows) statement.bind(row as never).stepReset();
        } finally {
          statement.finalize();
        }
      };
      put(
        'INSERT INTO rumija_stories VALUES (?, ?, ?)',
        contents.stories.map((story) => [story.id, story.title, JSON.stringify(story)]),
      );
      put(
        'INSERT INTO rumija_tariffs VALUES (?, ?, ?, ?)',
        contents.tariffs.map((tariff) => [tariff.id, tariff.version, tariff.savedAt, JSON.stringify(tariff)]),
      );
      put(
        'INSERT INTO rumija_saved_styles VALUES (?, ?)',
        contents.savedStyles.map((style) => [style.name, JSON.stringify(style)]),
      );
      put(
        'INSERT INTO rumija_backgrounds VALUES (?, ?, ?)',
        contents.backgrounds.map((background, i) => [String(background.id), i, JSON.stringify(background)]),
      );
      put(
        'INSERT INTO rumija_settings VALUES (?, ?)',
        Object.entries(contents.settings).map(([key, value]) => [key, JSON.stringify(value)]),
      );
      put(
        'INSERT INTO rumija_records VALUES (?, ?, ?, ?)',
        PROJECT_RECORD_STORES.flatMap((store) =>
          (contents.records[store] as Record<string, unknown>[]).map((record, i) => [
            store,
            recordKeyOf(store, record),
            i,
            JSON.stringify(record),
          ]),
        ),
      );
      writePhotos(db, contents.photos);
      for (const table of [...ATTRIBUTE_TABLES, PHOTO_MEDIA_TABLE]) {
        db.exec({
          sql: `INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES (?, 'attributes', ?, '', 0)`,
          bind: [table, table],
        });
        db.exec({
          sql: `INSERT INTO gpkg_ogr_contents VALUES (?, (SELECT count(*) FROM ${quote(table)}))`,
          bind: [table],
        });
      }
      put('INSERT INTO rumija_project VALUES (?, ?)', [
        ['format', PROJECT_FORMAT],
        ['format_version', String(PROJECT_FORMAT_VERSION)],
        ['app_version', contents.appVersion],
        ['name', contents.name],
        ['saved_at', contents.savedAt],
        ['checksum', marker],
      ]);
    });
    const bytes = await exportDatabase(db);
    const checksum = await sealChecksum(bytes, marker);
    return { bytes, checksum };
  } finally {
    db.close();
  }
}
