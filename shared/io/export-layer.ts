import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { signedRingArea } from '../geo/planar';
import type { StoredFeature } from '../model/layer';
import { spreadsheetCell } from '../format/spreadsheet-text';
import { exportTable, FIELD_CODES, lonLatOf, type ExportColumns } from './export-table';
import { kmlStyleOf } from './kml-style';
import type { MarkerShape } from '../style/marker-shapes';

const round = (value: number) => Math.round(value * 1e7) / 1e7;

/** RFC 7946: lon/lat to 7 decimals (about 1 cm), outer rings counter-clockwise, holes clockwise. */
export function normalizeGeometry(geometry: Geometry): Geometry {
  const position = (p: Position): Position => [round(p[0]!), round(p[1]!)];
  const ring = (r: Position[], outer: boolean) => {
    const rounded = r.map(position);
    const area = signedRingArea(rounded);
    return (outer && area < 0) || (!outer && area > 0) ? rounded.reverse() : rounded;
  };
  const polygon = (rings: Position[][]) => rings.map((r, i) => ring(r, i === 0));
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: position(geometry.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: geometry.coordinates.map(position) };
    case 'LineString':
      return { type: 'LineString', coordinates: geometry.coordinates.map(position) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: geometry.coordinates.map((p) => p.map(position)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: polygon(geometry.coordinates) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(polygon) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: geometry.geometries.map(normalizeGeometry) };
  }
}

/** The table's rows as objects keyed by column name. */
function namedRows(features: readonly StoredFeature[], columns: ExportColumns) {
  const table = exportTable(features, columns);
  return table.rows.map((row) => Object.fromEntries(table.names.map((name, index) => [name, row[index]])));
}

export function featuresToGeoJson(features: readonly StoredFeature[], columns: ExportColumns = FIELD_CODES): string {
  const rows = namedRows(features, columns);
  const collection: FeatureCollection = {
    type: 'FeatureCollection',
    features: features.map((feature, index): Feature => ({
      type: 'Feature',
      geometry: normalizeGeometry(feature.geometry),
      properties: rows[index]!,
    })),
  };
  return JSON.stringify(collection);
}

export function geometryToWkt(geometry: Geometry): string {
  const position = (p: Position) => `${round(p[0]!)} ${round(p[1]!)}`;
  const path = (coordinates: Position[]) => `(${coordinates.map(position).join(', ')})`;
  const polygon = (rings: Position[][]) => `(${rings.map(path).join(', ')})`;
  switch (geometry.type) {
    case 'Point':
      return `POINT (${position(geometry.coordinates)})`;
    case 'MultiPoint':
      return `MULTIPOINT (${geometry.coordinates.map((p) => `(${position(p)})`).join(', ')})`;
    case 'LineString':
      return `LINESTRING ${path(geometry.coordinates)}`;
    case 'MultiLineString':
      return `MULTILINESTRING (${geometry.coordinates.map(path).join(', ')})`;
    case 'Polygon':
      return `POLYGON ${polygon((normalizeGeometry(geometry) as { coordinates: Position[][] }).coordinates)}`;
    case 'MultiPolygon':
      return `MULTIPOLYGON (${(normalizeGeometry(geometry) as { coordinates: Position[][][] }).coordinates.map(polygon).join(', ')})`;
    case 'GeometryCollection':
      return `GEOMETRYCOLLECTION (${geometry.geometries.map(geometryToWkt).join(', ')})`;
  }
}

export interface CsvLayout {
  separator: ',' | ';' | '\t';
  decimal: '.' | ',';
}

/** What GDAL and QGIS read without options; Indonesian Excel wants `;` and a decimal comma (chosen in the dialog). */
const GDAL_CSV: CsvLayout = { separator: ',', decimal: '.' };

/**
 * CSV with the geometry as WKT (GDAL reads the WKT column): UTF-8 with a BOM so Excel reads the letters right,
 * cells guarded against formulas and quoted when they hold the separator or a line break, headers too.
 */
export function featuresToCsv(
  features: readonly StoredFeature[],
  columns: ExportColumns = FIELD_CODES,
  layout: CsvLayout = GDAL_CSV,
): string {
  const table = exportTable(features, columns);
  const cell = (value: string | number | boolean | null) =>
    typeof value === 'boolean' ? String(value) : spreadsheetCell(value, layout.separator, layout.decimal);
  // Header cells are guarded like data cells: a column named "=cmd|…" or holding a line break comes from a file too.
  const lonLat = columns.lonLat;
  const lines = [['WKT', ...(lonLat ? [lonLat.lon, lonLat.lat] : []), ...table.names].map(cell).join(layout.separator)];
  table.rows.forEach((row, index) => {
    const geometry = features[index]!.geometry;
    const place = lonLat ? lonLatOf(geometry) : [];
    lines.push([cell(geometryToWkt(geometry)), ...place.map(cell), ...row.map(cell)].join(layout.separator));
  });
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** Text as XML character data: markup escaped, and the control characters XML 1.0 forbids (U+0007 …) left out. */
const escapeXml = (text: string) =>
  text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

function kmlGeometry(geometry: Geometry): string {
  const coordinates = (path: Position[]) =>
    `<coordinates>${path.map((p) => `${round(p[0]!)},${round(p[1]!)}`).join(' ')}</coordinates>`;
  const polygon = (rings: Position[][]) =>
    `<Polygon><outerBoundaryIs><LinearRing>${coordinates(rings[0]!)}</LinearRing></outerBoundaryIs>${rings
      .slice(1)
      .map((hole) => `<innerBoundaryIs><LinearRing>${coordinates(hole)}</LinearRing></innerBoundaryIs>`)
      .join('')}</Polygon>`;
  switch (geometry.type) {
    case 'Point':
      return `<Point>${coordinates([geometry.coordinates])}</Point>`;
    case 'LineString':
      return `<LineString>${coordinates(geometry.coordinates)}</LineString>`;
    case 'Polygon':
      return polygon(geometry.coordinates);
    case 'MultiPoint':
      return `<MultiGeometry>${geometry.coordinates.map((p) => `<Point>${coordinates([p])}</Point>`).join('')}</MultiGeometry>`;
    case 'MultiLineString':
      return `<MultiGeometry>${geometry.coordinates.map((p) => `<LineString>${coordinates(p)}</LineString>`).join('')}</MultiGeometry>`;
    case 'MultiPolygon':
      return `<MultiGeometry>${geometry.coordinates.map(polygon).join('')}</MultiGeometry>`;
    case 'GeometryCollection':
      return `<MultiGeometry>${geometry.geometries.map(kmlGeometry).join('')}</MultiGeometry>`;
  }
}

export interface KmlLayer {
  name: string;
  features: readonly StoredFeature[];
  /** Which attribute colours the lines, as on the map. */
  styleBy: 'status' | 'condition';
}

/**
 * KML 2.2 for Google Earth that looks like the map: one Folder per layer, roads coloured by status or condition
 * with the map's colours and widths, bridges as circles sized by length, assets by right-of-way zone colour,
 * areas filled translucent; attributes as ExtendedData.
 */
export function featuresToKml(
  layers: readonly KmlLayer[],
  documentName: string,
  columns: ExportColumns = FIELD_CODES,
  zoneIcon?: (shape: MarkerShape) => string,
  zones?: Readonly<Record<string, string>>,
): string {
  const styles = new Map<string, string>();
  const folders = layers.map((layer) => {
    const table = exportTable(layer.features, columns);
    const placemarks = layer.features.map((feature, index) => {
      const name = String(feature.properties.name ?? feature.properties.label ?? feature.id);
      const data = table.names
        .map((column, c) => [column, table.rows[index]![c]] as const)
        .filter(([, value]) => value !== null)
        .map(([key, value]) => `<Data name="${escapeXml(key)}"><value>${escapeXml(String(value))}</value></Data>`)
        .join('');
      const style = kmlStyleOf(feature, layer.styleBy, zoneIcon, zones?.[feature.id]);
      styles.set(style.id, style.xml);
      return `<Placemark><name>${escapeXml(name)}</name><styleUrl>#${style.id}</styleUrl><ExtendedData>${data}</ExtendedData>${kmlGeometry(feature.geometry)}</Placemark>`;
    });
    return `<Folder><name>${escapeXml(layer.name)}</name>\n${placemarks.join('\n')}</Folder>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>${escapeXml(documentName)}</name>\n${[...styles.values()].join('\n')}\n${folders.join('\n')}</Document></kml>\n`;
}
