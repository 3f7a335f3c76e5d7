import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { signedRingArea } from '../geo/planar';
import type { StoredFeature } from '../model/layer';
import { csvCell } from './csv-cell';

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

/** Flat attributes other programs can read: the source becomes text, lists and objects JSON. */
export function flatProperties(feature: StoredFeature): Record<string, string | number | boolean | null> {
  const flat: Record<string, string | number | boolean | null> = { id: feature.id };
  for (const [key, value] of Object.entries(feature.properties)) {
    if (key === 'source' && value && typeof value === 'object') {
      const source = value as { kind?: string; label?: string; illustrative?: boolean };
      flat.sumber = `${source.kind ?? ''}: ${source.label ?? ''}${source.illustrative ? ' (ilustrasi)' : ''}`;
    } else if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
      flat[key] = value as string | number | boolean | null;
    } else {
      flat[key] = JSON.stringify(value);
    }
  }
  return flat;
}

export function featuresToGeoJson(features: readonly StoredFeature[]): string {
  const collection: FeatureCollection = {
    type: 'FeatureCollection',
    features: features.map((feature): Feature => ({
      type: 'Feature',
      geometry: normalizeGeometry(feature.geometry),
      properties: flatProperties(feature),
    })),
  };
  return JSON.stringify(collection);
}

function wkt(geometry: Geometry): string {
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
      return `GEOMETRYCOLLECTION (${geometry.geometries.map(wkt).join(', ')})`;
  }
}

/** CSV with the geometry as WKT (GDAL reads the WKT column), cells guarded against formulas. */
export function featuresToCsv(features: readonly StoredFeature[]): string {
  const rows = features.map(flatProperties);
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  // Header cells are guarded like data cells: a column named "=cmd|…" or holding a line break comes from a file too.
  const lines = [['WKT', ...columns].map(csvCell).join(',')];
  rows.forEach((row, index) =>
    lines.push([csvCell(wkt(features[index]!.geometry)), ...columns.map((column) => csvCell(row[column]))].join(',')),
  );
  return `${lines.join('\r\n')}\r\n`;
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

/** KML 2.2 for Google Earth: one Placemark per feature, attributes as ExtendedData. */
export function featuresToKml(features: readonly StoredFeature[], documentName: string): string {
  const placemarks = features.map((feature) => {
    const properties = flatProperties(feature);
    const name = String(feature.properties.name ?? feature.properties.label ?? feature.id);
    const data = Object.entries(properties)
      .filter(([, value]) => value !== null)
      .map(([key, value]) => `<Data name="${escapeXml(key)}"><value>${escapeXml(String(value))}</value></Data>`)
      .join('');
    return `<Placemark><name>${escapeXml(name)}</name><ExtendedData>${data}</ExtendedData>${kmlGeometry(feature.geometry)}</Placemark>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>${escapeXml(documentName)}</name>${placemarks.join('\n')}</Document></kml>\n`;
}
