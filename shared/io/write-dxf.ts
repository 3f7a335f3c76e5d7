import type { Geometry, Position } from 'geojson';
import type { StoredFeature } from '../model/layer';
import { crsName, fromWgs84, resolveCrsCode } from '../geo/known-crs';
import { utmZoneOf } from '../geo/utm';
import { positionsOf } from '../geo/positions-of';
import type { ExportOutput } from './formats/file-format';
import { problem } from '../messages/problem';

/** Characters AutoCAD refuses in a layer name. */
const LAYER_FORBIDDEN = /[<>/\\":;?*|=`,]/g;

/** Windows-1252's bytes 0x80–0x9F by the character they stand for (– ’ “ € …); 0xA0–0xFF are Latin-1's. */
const CP1252_HIGH = new Map(
  [
    0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
    0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e,
    0x178,
  ].map((code, index) => [String.fromCharCode(code), 0x80 + index]),
);

/** Text as the drawing's code page (ANSI_1252) writes it; other characters as AutoCAD's \U+XXXX escapes. */
const dxfString = (text: string) =>
  [...text.replace(/[\r\n]+/g, ' ')]
    .map((char) => {
      const code = char.codePointAt(0)!;
      return code < 0x80 || (code >= 0xa0 && code <= 0xff) || CP1252_HIGH.has(char)
        ? char
        : `\\U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    })
    .join('');

/** The file's bytes in Windows-1252 (every character left by dxfString has one). */
function encode1252(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    bytes[index] = CP1252_HIGH.get(char) ?? char.charCodeAt(0);
  }
  return bytes;
}

const layerName = (name: string) => dxfString(name.replace(LAYER_FORBIDDEN, '_').trim() || '0').slice(0, 255);

/** The UTM zone (WGS 84) of the features' middle: what a consultant's CAD drawing is usually in. */
function utmOf(features: readonly StoredFeature[]): string {
  const positions = features.flatMap((feature) => positionsOf(feature.geometry));
  const lons = positions.map(([lon]) => lon!);
  const lats = positions.map(([, lat]) => lat!);
  const lon = (Math.min(...lons) + Math.max(...lons)) / 2;
  const lat = (Math.min(...lats) + Math.max(...lats)) / 2;
  return `EPSG:${lat < 0 ? 327 : 326}${String(utmZoneOf(Number.isFinite(lon) ? lon : 123)).padStart(2, '0')}`;
}

/**
 * A layer as an AutoCAD R12 DXF (read by AutoCAD, BricsCAD, QGIS and GDAL) in a projected system: points as
 * POINT (or TEXT when they carry a `teks`), lines and polygon rings as POLYLINE (rings closed), multi-part
 * geometries one entity per part. The DXF layer is the feature's `layer` attribute, else the export's name.
 * DXF keeps no attributes beyond that; the notes say so and name the coordinate system.
 */
export function featuresToDxf(features: readonly StoredFeature[], name: string, crs?: string): ExportOutput {
  const code = (crs && resolveCrsCode(crs)) || utmOf(features);
  const project = fromWgs84(code);
  const out: string[] = [];
  const group = (groupCode: number, value: string | number) => out.push(String(groupCode), String(value));
  const xy = ([x, y]: Position, base = 10) => {
    group(base, x!.toFixed(4));
    group(base + 10, y!.toFixed(4));
    group(base + 20, '0.0');
  };
  const layers = new Set<string>();
  const entities: (() => void)[] = [];
  let parts = 0;
  let attributes = 0;

  const addGeometry = (geometry: Geometry | null, layer: string, text: string | null) => {
    if (!geometry) return;
    const polyline = (positions: Position[], closed: boolean) => {
      parts += 1;
      entities.push(() => {
        group(0, 'POLYLINE');
        group(8, layer);
        group(66, 1);
        xy([0, 0]);
        group(70, closed ? 1 : 0);
        const vertices = closed ? positions.slice(0, -1) : positions;
        for (const position of vertices) {
          group(0, 'VERTEX');
          group(8, layer);
          xy(project(position));
        }
        group(0, 'SEQEND');
        group(8, layer);
      });
    };
    const point = (position: Position) => {
      parts += 1;
      entities.push(() => {
        if (text) {
          group(0, 'TEXT');
          group(8, layer);
          xy(project(position));
          group(40, 2.5);
          group(1, dxfString(text));
        } else {
          group(0, 'POINT');
          group(8, layer);
          xy(project(position));
        }
      });
    };
    switch (geometry.type) {
      case 'Point':
        return point(geometry.coordinates);
      case 'MultiPoint':
        return geometry.coordinates.forEach(point);
      case 'LineString':
        return polyline(geometry.coordinates, false);
      case 'MultiLineString':
        return geometry.coordinates.forEach((line) => polyline(line, false));
      case 'Polygon':
        return geometry.coordinates.forEach((ring) => polyline(ring, true));
      case 'MultiPolygon':
        return geometry.coordinates.forEach((polygon) => polygon.forEach((ring) => polyline(ring, true)));
      case 'GeometryCollection':
        return geometry.geometries.forEach((part) => addGeometry(part, layer, text));
    }
  };

  for (const feature of features) {
    const { layer: ownLayer, teks, source: _source, ...rest } = feature.properties as Record<string, unknown>;
    const layer = layerName(typeof ownLayer === 'string' && ownLayer ? ownLayer : name);
    layers.add(layer);
    if (Object.keys(rest).length) attributes += 1;
    addGeometry(feature.geometry, layer, typeof teks === 'string' && teks ? teks : null);
  }

  group(0, 'SECTION');
  group(2, 'HEADER');
  group(9, '$ACADVER');
  group(1, 'AC1009');
  group(9, '$DWGCODEPAGE');
  group(3, 'ANSI_1252');
  group(9, '$INSUNITS');
  group(70, 6); // metres
  group(0, 'ENDSEC');
  group(0, 'SECTION');
  group(2, 'TABLES');
  group(0, 'TABLE');
  group(2, 'LAYER');
  group(70, layers.size);
  for (const layer of layers) {
    group(0, 'LAYER');
    group(2, layer);
    group(70, 0);
    group(62, 7);
    group(6, 'CONTINUOUS');
  }
  group(0, 'ENDTAB');
  group(0, 'ENDSEC');
  group(0, 'SECTION');
  group(2, 'ENTITIES');
  for (const write of entities) write();
  group(0, 'ENDSEC');
  group(0, 'EOF');

  const notes = [
    problem('exportNote.dxfCrs', { crs: crsName(code), code }),
    problem('exportNote.dxfEntities', { features: features.length, entities: parts, layers: layers.size }),
  ];
  if (attributes) notes.push(problem('exportNote.dxfNoAttributes', { count: attributes }));
  return { data: encode1252(`${out.join('\r\n')}\r\n`), notes };
}
