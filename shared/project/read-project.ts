import type { Database } from '@sqlite.org/sqlite-wasm';
import type { z } from 'zod';
import { quote } from '../io/geopackage';
import { geometryOfBlob } from '../io/read-wkb';
import { openDatabaseBytes } from '../io/sqlite';
import {
  LayerSchema,
  PROJECT_FORMAT,
  PROJECT_FORMAT_VERSION,
  SavedStyleSchema,
  StorySchema,
  TariffVersionSchema,
  type ProjectContents,
  type ProjectFeature,
  type ProjectPhoto,
  type ProjectSummary,
} from './project-format';
import { putCell, type FieldKind, type ProjectField } from './project-fields';
import { PHOTO_MEDIA_TABLE, PROJECT_TABLES } from './project-tables';
import { PhotoRecordSchema } from '../evidence/field-photos';
import { sha256Hex } from './project-checksum';
import { checksumHolds } from './project-checksum';
import { migrateProject, PROJECT_MIGRATIONS, type ProjectMigration } from './migrate-project';
import { emptyProjectRecords, PROJECT_RECORD_SCHEMAS, PROJECT_RECORD_STORES } from './project-records';

/** Why a file could not be opened as a project; the UI and CLI word each code. */
export type ProjectProblem =
  | { code: 'not-sqlite' }
  | { code: 'truncated'; expectedBytes: number; actualBytes: number }
  | { code: 'corrupt'; detail: string }
  | { code: 'plain-geopackage'; layers: string[] }
  | { code: 'not-project' }
  | { code: 'newer-version'; version: number; supported: number }
  | { code: 'checksum-mismatch' }
  | { code: 'invalid-content'; table: string; row: string; field: string; detail: string };

export type ProjectRead<T> = { ok: true; value: T } | { ok: false; problem: ProjectProblem };

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** A file's bytes checked as an SQLite file of the length its header gives, before SQLite reads a page. */
function checkFile(bytes: Uint8Array): ProjectProblem | null {
  if (bytes.length < 100 || [...SQLITE_HEADER].some((c, i) => bytes[i] !== c.charCodeAt(0)))
    return { code: 'not-sqlite' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rawPageSize = view.getUint16(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = view.getUint32(28);
  const valid = view.getUint32(92) === view.getUint32(96);
  if (valid && pages > 0 && bytes.length < pages * pageSize)
    return { code: 'truncated', expectedBytes: pages * pageSize, actualBytes: bytes.length };
  if (bytes.length % pageSize !== 0)
    return { code: 'truncated', expectedBytes: pages * pageSize, actualBytes: bytes.length };
  return null;
}

interface Opened {
  db: Database;
  version: number;
  meta: Map<string, string>;
}

async function openProject(
  bytes: Uint8Array<ArrayBuffer>,
  verify: boolean,
  current = PROJECT_FORMAT_VERSION,
): Promise<ProjectRead<Opened>> {
  const problem = checkFile(bytes);
  if (problem) return { ok: false, problem };
  let db: Database;
  try {
    db = await openDatabaseBytes(bytes);
    const check = String(db.selectValue('PRAGMA quick_check'));
    if (check !== 'ok') {
      db.close();
      return { ok: false, problem: { code: 'corrupt', detail: check } };
    }
  } catch (error) {
    return { ok: false, problem: { code: 'corrupt', detail: (error as Error).message } };
  }
  try {
    const tables = new Set(
      (db.selectValues(`SELECT name FROM sqlite_master WHERE type = 'table'`) as string[]).map((name) =>
        name.toLowerCase(),
      ),
    );
    if (!tables.has('rumija_project')) {
      const layers = tables.has('gpkg_contents')
        ? (db.selectValues(
            `SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name`,
          ) as string[])
        : null;
      db.close();
      if (!layers) return { ok: false, problem: { code: 'not-project' } };
      return { ok: false, problem: { code: 'plain-geopackage', layers } };
    }
    const meta = new Map(
      (db.selectArrays('SELECT key, value FROM rumija_project') as [string, string][]).map(([k, v]) => [k, String(v)]),
    );
    const version = Number(meta.get('format_version'));
    if (meta.get('format') !== PROJECT_FORMAT || !Number.isInteger(version) || version < 1) {
      db.close();
      return { ok: false, problem: { code: 'not-project' } };
    }
    if (version > current) {
      db.close();
      return { ok: false, problem: { code: 'newer-version', version, supported: current } };
    }
    if (verify && !(await checksumHolds(bytes, meta.get('checksum') ?? ''))) {
      db.close();
      return { ok: false, problem: { code: 'checksum-mismatch' } };
    }
    return { ok: true, value: { db, version, meta } };
  } catch (error) {
    db.close();
    return { ok: false, problem: { code: 'corrupt', detail: (error as Error).message } };
  }
}

const count = (db: Database, table: string) => Number(db.selectValue(`SELECT count(*) FROM ${quote(table)}`));

/** The project's name, format version, checksum and counts per layer and table, checked but not read whole. */
export async function readProjectSummary(
  bytes: Uint8Array<ArrayBuffer>,
  options: { verify?: boolean } = {},
): Promise<ProjectRead<ProjectSummary & { checksumHolds: boolean }>> {
  const opened = await openProject(bytes, false);
  if (!opened.ok) return opened;
  const { db, version, meta } = opened.value;
  try {
    const layers = (
      db.selectArrays('SELECT table_name, definition FROM rumija_layers ORDER BY position') as [string, string][]
    ).map(([table, definition]) => {
      const layer = JSON.parse(definition) as { name: string; kind: string };
      return { name: layer.name, table, kind: layer.kind, features: count(db, table) };
    });
    const tables = Object.fromEntries(
      PROJECT_TABLES.filter((table) => db.selectValue(`SELECT 1 FROM sqlite_master WHERE name = ?`, [table])).map(
        (table) => [table, count(db, table)],
      ),
    );
    const checksum = meta.get('checksum') ?? '';
    return {
      ok: true,
      value: {
        name: meta.get('name') ?? '',
        savedAt: meta.get('saved_at') ?? '',
        appVersion: meta.get('app_version') ?? '',
        formatVersion: version,
        checksum,
        layers,
        tables,
        checksumHolds: options.verify === false ? true : await checksumHolds(bytes, checksum),
      },
    };
  } finally {
    db.close();
  }
}

function parsed<S extends z.ZodType>(schema: S, text: string, table: string, row: string): ProjectRead<z.infer<S>> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problem: { code: 'invalid-content', table, row, field: 'definition', detail: (error as Error).message },
    };
  }
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0]!;
  return {
    ok: false,
    problem: {
      code: 'invalid-content',
      table,
      row,
      field: issue.path.join('.') || 'definition',
      detail: issue.message,
    },
  };
}

function readFeatures(db: Database, table: string): ProjectRead<ProjectFeature[]> {
  const fields = (
    db.selectArrays(
      'SELECT column_name, property, kind, null_means FROM rumija_fields WHERE table_name = ? ORDER BY position',
      [table],
    ) as [string, string, FieldKind, 'null' | 'absent'][]
  ).map(([column, property, kind, nullMeans]): ProjectField => ({ column, property, kind, nullMeans }));
  const layerId = String(db.selectValue('SELECT layer_id FROM rumija_layers WHERE table_name = ?', [table]));
  const statement = db.prepare(
    `SELECT geom, rumija_id, rumija_updated_at${fields.map((f) => `, ${quote(f.column)}`).join('')} FROM ${quote(table)} ORDER BY fid`,
  );
  const features: ProjectFeature[] = [];
  try {
    while (statement.step()) {
      const id = String(statement.get(1));
      const blob = statement.get(0);
      let geometry;
      try {
        geometry = blob instanceof Uint8Array ? geometryOfBlob(blob) : null;
      } catch (error) {
        return {
          ok: false,
          problem: { code: 'invalid-content', table, row: id, field: 'geom', detail: (error as Error).message },
        };
      }
      if (!geometry)
        return { ok: false, problem: { code: 'invalid-content', table, row: id, field: 'geom', detail: 'empty' } };
      const properties: Record<string, unknown> = {};
      for (const [i, field] of fields.entries()) {
        try {
          putCell(field, statement.get(3 + i), properties);
        } catch (error) {
          return {
            ok: false,
            problem: { code: 'invalid-content', table, row: id, field: field.column, detail: (error as Error).message },
          };
        }
      }
      const updatedAt = statement.get(2);
      const feature: ProjectFeature = { id, layerId, geometry, properties: properties as ProjectFeature['properties'] };
      if (typeof updatedAt === 'string') feature.updatedAt = updatedAt;
      features.push(feature);
    }
  } finally {
    statement.finalize();
  }
  return { ok: true, value: features };
}

const photoProblem = (table: string, row: string, field: string, detail: string): ProjectRead<never> => ({
  ok: false,
  problem: { code: 'invalid-content', table, row, field, detail },
});

/**
 * The photos, each record checked against its model and its columns, each embedded image checked against the
 * record's hash (a swapped or damaged image is refused, not shown under another photo's name).
 */
async function readPhotos(db: Database): Promise<ProjectRead<ProjectPhoto[]>> {
  const images = new Map<string, Partial<Record<'original' | 'thumbnail', Uint8Array<ArrayBuffer>>>>();
  for (const [id, photoId, role, contentType, data] of db.selectArrays(
    `SELECT id, photo_id, role, content_type, data FROM ${PHOTO_MEDIA_TABLE} ORDER BY id`,
  ) as [number, string, 'original' | 'thumbnail', string, unknown][]) {
    if (!(data instanceof Uint8Array) || data.byteLength === 0)
      return photoProblem(PHOTO_MEDIA_TABLE, String(id), 'data', 'empty');
    if (contentType !== 'image/jpeg') return photoProblem(PHOTO_MEDIA_TABLE, String(id), 'content_type', contentType);
    images.set(photoId, { ...images.get(photoId), [role]: new Uint8Array(data) });
  }
  const photos: ProjectPhoto[] = [];
  const rows = db.selectArrays(
    'SELECT photo_id, sha256, feature_id, image_carried, definition FROM rumija_photos ORDER BY position',
  ) as [string, string, string, number, string][];
  for (const [photoId, sha256, featureId, carried, definition] of rows) {
    const record = parsed(PhotoRecordSchema, definition, 'rumija_photos', photoId);
    if (!record.ok) return record;
    const photo = record.value;
    if (photo.id !== photoId) return photoProblem('rumija_photos', photoId, 'id', photo.id);
    if (photo.sha256 !== sha256) return photoProblem('rumija_photos', photoId, 'sha256', sha256);
    if (photo.featureId !== featureId) return photoProblem('rumija_photos', photoId, 'feature_id', featureId);
    const own = images.get(photoId);
    images.delete(photoId);
    if (!carried) {
      if (own) return photoProblem('rumija_photos', photoId, 'image_carried', '0');
      photos.push({ record: photo, images: null });
      continue;
    }
    if (!own?.original) return photoProblem(PHOTO_MEDIA_TABLE, photoId, 'original', 'missing');
    if (!own.thumbnail) return photoProblem(PHOTO_MEDIA_TABLE, photoId, 'thumbnail', 'missing');
    const actual = await sha256Hex(own.original);
    if (actual !== photo.sha256) return photoProblem(PHOTO_MEDIA_TABLE, photoId, 'sha256', actual);
    photos.push({ record: photo, images: { image: own.original, thumbnail: own.thumbnail } });
  }
  const [stray] = images.keys();
  if (stray !== undefined) return photoProblem(PHOTO_MEDIA_TABLE, stray, 'photo_id', 'no record');
  return { ok: true, value: photos };
}

/**
 * A `.rumija` file read whole: checked (SQLite header and length, integrity, format, version, checksum), an older
 * format brought up to this one, every definition validated. The first problem stops it and names where it is.
 */
export async function readProject(
  bytes: Uint8Array<ArrayBuffer>,
  /** The format this reader is at and the steps up to it (tests give their own). */
  format: { current: number; migrations: readonly ProjectMigration[] } = {
    current: PROJECT_FORMAT_VERSION,
    migrations: PROJECT_MIGRATIONS,
  },
): Promise<ProjectRead<ProjectContents & { formatVersion: number; checksum: string }>> {
  const opened = await openProject(bytes, true, format.current);
  if (!opened.ok) return opened;
  const { db, version, meta } = opened.value;
  try {
    migrateProject(db, version, format.current, format.migrations);
    for (const [key, value] of db.selectArrays('SELECT key, value FROM rumija_project') as [string, string][])
      meta.set(key, String(value));
    const rows = <T>(sql: string) => db.selectArrays(sql) as T[];
    const layers: ProjectContents['layers'] = [];
    for (const [table, definition, layerId] of rows<[string, string, string]>(
      'SELECT table_name, definition, layer_id FROM rumija_layers ORDER BY position',
    )) {
      const layer = parsed(LayerSchema, definition, 'rumija_layers', layerId);
      if (!layer.ok) return layer;
      const features = readFeatures(db, table);
      if (!features.ok) return features;
      layers.push({ layer: layer.value, features: features.value });
    }
    const all = <S extends z.ZodType>(schema: S, sql: string, table: string): ProjectRead<z.infer<S>[]> => {
      const out: z.infer<S>[] = [];
      for (const [key, definition] of rows<[string, string]>(sql)) {
        const item = parsed(schema, definition, table, String(key));
        if (!item.ok) return item;
        out.push(item.value);
      }
      return { ok: true, value: out };
    };
    const stories = all(
      StorySchema,
      'SELECT story_id, definition FROM rumija_stories ORDER BY rowid',
      'rumija_stories',
    );
    if (!stories.ok) return stories;
    const tariffs = all(
      TariffVersionSchema,
      `SELECT schedule_id || '@' || version, definition FROM rumija_tariffs ORDER BY schedule_id, version`,
      'rumija_tariffs',
    );
    if (!tariffs.ok) return tariffs;
    const savedStyles = all(
      SavedStyleSchema,
      'SELECT name, definition FROM rumija_saved_styles ORDER BY rowid',
      'rumija_saved_styles',
    );
    if (!savedStyles.ok) return savedStyles;
    const backgrounds: Record<string, unknown>[] = [];
    for (const [id, definition] of rows<[string, string]>(
      'SELECT background_id, definition FROM rumija_backgrounds ORDER BY position',
    )) {
      try {
        backgrounds.push(JSON.parse(definition) as Record<string, unknown>);
      } catch (error) {
        return {
          ok: false,
          problem: {
            code: 'invalid-content',
            table: 'rumija_backgrounds',
            row: id,
            field: 'definition',
            detail: (error as Error).message,
          },
        };
      }
    }
    const settings: Record<string, unknown> = {};
    for (const [key, value] of rows<[string, string]>('SELECT key, value FROM rumija_settings ORDER BY key')) {
      try {
        settings[key] = JSON.parse(value);
      } catch (error) {
        return {
          ok: false,
          problem: {
            code: 'invalid-content',
            table: 'rumija_settings',
            row: key,
            field: 'value',
            detail: (error as Error).message,
          },
        };
      }
    }
    const records = emptyProjectRecords();
    for (const store of PROJECT_RECORD_STORES) {
      const read = all(
        PROJECT_RECORD_SCHEMAS[store],
        `SELECT record_key, definition FROM rumija_records WHERE store = '${store}' ORDER BY position`,
        `rumija_records/${store}`,
      );
      if (!read.ok) return read;
      (records as Record<string, unknown[]>)[store] = read.value;
    }
    const photos = await readPhotos(db);
    if (!photos.ok) return photos;
    return {
      ok: true,
      value: {
        name: meta.get('name') ?? '',
        savedAt: meta.get('saved_at') ?? '',
        appVersion: meta.get('app_version') ?? '',
        formatVersion: version,
        checksum: meta.get('checksum') ?? '',
        layers,
        stories: stories.value,
        tariffs: tariffs.value as ProjectContents['tariffs'],
        savedStyles: savedStyles.value,
        backgrounds,
        settings,
        records,
        photos: photos.value,
      },
    };
  } catch (error) {
    return { ok: false, problem: { code: 'corrupt', detail: (error as Error).message } };
  } finally {
    db.close();
  }
}
