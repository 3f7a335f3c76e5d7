/** The photos' images (a media table) and the camera points GDAL and QGIS open as a layer. */
export const PHOTO_MEDIA_TABLE = 'rumija_photo_images';
export const PHOTO_POINT_TABLE = 'rumija_photo_points';

/**
 * Field photos (format 3): one record per photo, and its images apart. The image table has the columns of a media
 * table of the GeoPackage Related Tables Extension (id, data, content_type), so a reader that knows media tables
 * finds the JPEGs as they are; the original and its thumbnail are two rows, told apart by role.
 */
export const PHOTO_TABLES = `
CREATE TABLE rumija_photos (photo_id TEXT PRIMARY KEY NOT NULL, position INTEGER NOT NULL, sha256 TEXT NOT NULL,
  file_name TEXT NOT NULL, feature_id TEXT NOT NULL, layer_id TEXT NOT NULL, image_carried INTEGER NOT NULL,
  definition TEXT NOT NULL);
CREATE TABLE rumija_photo_images (id INTEGER PRIMARY KEY AUTOINCREMENT, data BLOB NOT NULL, content_type TEXT NOT NULL,
  photo_id TEXT NOT NULL, role TEXT NOT NULL CHECK (role IN ('original', 'thumbnail')), UNIQUE (photo_id, role));
`;

/** Rumija's own tables in a project file, beside the GeoPackage's feature tables and layer_styles. */
export const PROJECT_SCHEMA = `
CREATE TABLE rumija_project (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
CREATE TABLE rumija_layers (layer_id TEXT PRIMARY KEY NOT NULL, table_name TEXT NOT NULL UNIQUE, position INTEGER NOT NULL,
  feature_count INTEGER NOT NULL, definition TEXT NOT NULL);
CREATE TABLE rumija_fields (table_name TEXT NOT NULL, column_name TEXT NOT NULL, property TEXT NOT NULL, kind TEXT NOT NULL,
  null_means TEXT NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (table_name, column_name));
CREATE TABLE rumija_stories (story_id TEXT PRIMARY KEY NOT NULL, title TEXT NOT NULL, definition TEXT NOT NULL);
CREATE TABLE rumija_tariffs (schedule_id TEXT NOT NULL, version INTEGER NOT NULL, saved_at TEXT NOT NULL,
  definition TEXT NOT NULL, PRIMARY KEY (schedule_id, version));
CREATE TABLE rumija_saved_styles (name TEXT PRIMARY KEY NOT NULL, definition TEXT NOT NULL);
CREATE TABLE rumija_backgrounds (background_id TEXT PRIMARY KEY NOT NULL, position INTEGER NOT NULL, definition TEXT NOT NULL);
CREATE TABLE rumija_settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
CREATE TABLE rumija_records (store TEXT NOT NULL, record_key TEXT NOT NULL, position INTEGER NOT NULL,
  definition TEXT NOT NULL, PRIMARY KEY (store, record_key));
${PHOTO_TABLES}
CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT(256), f_table_schema TEXT(256),
  f_table_name TEXT(256), f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT, styleSLD TEXT,
  useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30), update_time DATETIME DEFAULT
  (strftime('%Y-%m-%dT%H:%M:%fZ','now')));
`;

/** Tables `project info` counts (rows), in this order. */
export const PROJECT_TABLES = [
  'rumija_layers',
  'rumija_fields',
  'rumija_stories',
  'rumija_tariffs',
  'rumija_saved_styles',
  'rumija_backgrounds',
  'rumija_settings',
  'rumija_records',
  'rumija_photos',
  'rumija_photo_images',
  'layer_styles',
] as const;

/**
 * Non-spatial tables registered as GeoPackage attribute tables, so GDAL and QGIS list them (and QGIS finds its
 * styles) without a warning about tables it does not know.
 */
export const ATTRIBUTE_TABLES = ['layer_styles'] as const;
