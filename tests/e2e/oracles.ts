import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Geometry } from 'geojson';

/**
 * Expected values from outside Rumija: GDAL's SQLite dialect (SpatiaLite geometry functions, geodesic lengths through
 * PROJ) and PROJ's `geod` (Karney's geodesics in C). Rumija's own geodesy is GeographicLib's JavaScript port, so an
 * expectation from these cannot share its slips.
 */

type Lon = number;
type Lat = number;

/** Rows of `sql` (SQLite dialect) run by GDAL over `features`, written as the GeoJSON layer `features`. */
export function ogrRows(
  features: { geometry: Geometry; properties?: Record<string, unknown> }[],
  sql: string,
): Record<string, string>[] {
  const file = join(mkdtempSync(join(tmpdir(), 'rumija-oracle-')), 'features.geojson');
  writeFileSync(
    file,
    JSON.stringify({
      type: 'FeatureCollection',
      features: features.map((f) => ({ type: 'Feature', properties: f.properties ?? {}, geometry: f.geometry })),
    }),
  );
  const csv = execFileSync('ogr2ogr', ['-f', 'CSV', '/vsistdout/', file, '-dialect', 'SQLite', '-sql', sql], {
    encoding: 'utf8',
  });
  const [header, ...rows] = parseCsv(csv);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ''])));
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split(/\r?\n/).filter(Boolean)) {
    const cells: string[] = [];
    for (const match of line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g))
      cells.push(match[1] !== undefined ? match[1].replaceAll('""', '"') : match[2]!);
    rows.push(cells);
  }
  return rows;
}

function geod(args: string[], lines: string[]): number[][] {
  const output = execFileSync('geod', ['+ellps=WGS84', '+units=m', '-f', '%.12f', '-F', '%.6f', ...args], {
    input: lines.join('\n') + '\n',
    encoding: 'utf8',
  });
  return output
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
}

/** PROJ `geod -I`: forward azimuth and ellipsoidal distance of each pair. */
export function geodInverse(pairs: [[Lon, Lat], [Lon, Lat]][]): { azimuth: number; distanceM: number }[] {
  return geod(
    ['-I'],
    pairs.map(([a, b]) => `${a[1]} ${a[0]} ${b[1]} ${b[0]}`),
  ).map(([azimuth, , distanceM]) => ({ azimuth: azimuth!, distanceM: distanceM! }));
}

export const geodDistanceM = (a: [Lon, Lat], b: [Lon, Lat]) => geodInverse([[a, b]])[0]!.distanceM;

/** PROJ `geod`: the place `distanceM` along the geodesic leaving `from` at `azimuth`. */
export function geodDirect(from: [Lon, Lat], azimuth: number, distanceM: number): [Lon, Lat] {
  const [lat, lon] = geod([], [`${from[1]} ${from[0]} ${azimuth} ${distanceM}`])[0]!;
  return [lon!, lat!];
}

/**
 * The place at chainage `staM` along lines that join end to start: GDAL (GEOS) merges them into one running line,
 * PROJ measures each edge and walks the last one; null past the end.
 */
export function pointAtStaByGdal(lines: Geometry[], staM: number): [Lon, Lat] | null {
  const [row] = ogrRows(
    lines.map((geometry) => ({ geometry })),
    'SELECT ST_AsText(ST_LineMerge(ST_Collect(geometry))) AS wkt FROM features',
  );
  const match = /^LINESTRING\((.*)\)$/.exec(row!.wkt!);
  if (!match) throw new Error(`The lines do not merge into one: ${row!.wkt}`);
  const vertices = match[1]!.split(',').map((pair) => pair.trim().split(' ').map(Number) as [Lon, Lat]);
  const edges = vertices.slice(1).map((b, i) => [vertices[i]!, b] as [[Lon, Lat], [Lon, Lat]]);
  const measured = geodInverse(edges);
  let start = 0;
  for (const [i, { azimuth, distanceM }] of measured.entries()) {
    if (staM <= start + distanceM) return geodDirect(edges[i]![0], azimuth, staM - start);
    start += distanceM;
  }
  return null;
}
