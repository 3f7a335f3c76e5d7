/** File extensions the importer reads (kept apart so the main process can know them without the codecs). */
export const IMPORT_EXTENSIONS = ['geojson', 'json', 'ndjson', 'geojsonl', 'csv', 'txt', 'kml', 'kmz', 'gpx', 'zip'];
