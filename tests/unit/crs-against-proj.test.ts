/**
 * Every coordinate system Rumija carries, converted with Rumija (proj4js and the generated EPSG table) and with
 * PROJ (through GDAL and SpatiaLite's ST_Transform, as `gdaltransform` would): one point inside each system's area of use, both ways.
 * Agreement: 1e-7° for geographic systems, 1 mm for projected ones.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ALL_CRS, fromWgs84, toWgs84, type KnownCrs } from '#shared/geo/known-crs';

const run = promisify(execFile);

/**
 * Systems where PROJ does what proj4js cannot: it picks one of several EPSG transformations by where the point
 * lies. Rumija uses the one the EPSG database gives the system (its shift is 'helmert' and the import dialog shows
 * EPSG's accuracy); the difference must stay within that accuracy.
 */
const PROJ_PICKS_BY_AREA: Record<number, string> = {
  2308: 'Batavia: PROJ takes EPSG:1813 (offshore NW Java) where the table has 8452 (onshore Java)',
  21148: 'Batavia: PROJ takes EPSG:1813 offshore, 8452 onshore; the point lies offshore',
  2933: 'Segara: PROJ takes a Mahakam-delta transformation where the table has EPSG:1897',
};

/** A point inside the system's area of use and inside Indonesia's box when the area is wider. */
function pointIn(crs: KnownCrs): [number, number] {
  const [west, south, east, north] = crs.bbox;
  const w = Math.max(west, 94.9);
  const e = Math.min(east, 141.1);
  const s = Math.max(south, -11);
  const n = Math.min(north, 6);
  return [Number(((w + e) / 2).toFixed(6)), Number(((s + n) / 2).toFixed(6))];
}

const geographic = (crs: KnownCrs) => /^\+proj=longlat\b/.test(crs.proj4);

/**
 * PROJ's coordinates of each system's point: SpatiaLite's ST_Transform (PROJ, with the transformation PROJ picks
 * for the place, as gdaltransform does) in one `ogrinfo` process, not a hundred `gdaltransform` processes.
 */
async function projCoordinates(points: Map<string, [number, number]>): Promise<Map<string, [number, number]>> {
  const folder = await mkdtemp(join(tmpdir(), 'rumija-crs-'));
  try {
    const database = join(folder, 'oracle.sqlite');
    const empty = join(folder, 'empty.geojson');
    await writeFile(empty, '{"type":"FeatureCollection","features":[]}');
    await run('ogr2ogr', ['-f', 'SQLite', '-dsco', 'SPATIALITE=YES', database, empty]);
    const sql = [...points]
      .map(
        ([code, [lon, lat]]) =>
          `SELECT ${code.slice(5)} AS code, ST_X(t) AS x, ST_Y(t) AS y FROM (SELECT ST_Transform(MakePoint(${lon}, ${lat}, 4326), ${code.slice(5)}) AS t)`,
      )
      .join(' UNION ALL ');
    const { stdout } = await run('ogrinfo', [database, '-q', '-sql', sql], { maxBuffer: 1 << 26 });
    const out = new Map<string, [number, number]>();
    for (const match of stdout.matchAll(/code \(Integer\) = (\d+)\s+x \(Real\) = (\S+)\s+y \(Real\) = (\S+)/g))
      out.set(`EPSG:${match[1]}`, [Number(match[2]), Number(match[3])]);
    return out;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

describe('coordinate systems against PROJ', () => {
  it('agrees on one point in every system Rumija carries', { timeout: 120_000 }, async () => {
    expect(ALL_CRS.length).toBeGreaterThan(100);
    const points = new Map(ALL_CRS.map((crs) => [crs.code, pointIn(crs)]));
    const fromProj = await projCoordinates(points);
    const wrong: string[] = [];
    for (const crs of ALL_CRS) {
      const lonLat = points.get(crs.code)!;
      const projected = fromProj.get(crs.code);
      if (!projected || !projected.every(Number.isFinite)) {
        wrong.push(`${crs.code} ${crs.name}: PROJ gave no coordinates`);
        continue;
      }
      const ours = fromWgs84(crs.code)(lonLat);
      // PROJ's own way back from its coordinates is the point itself (to 1e-12°).
      const oursBack = toWgs84(crs.code)(projected);
      const forward = Math.hypot(ours[0]! - projected[0], ours[1]! - projected[1]);
      const inverse = Math.max(Math.abs(oursBack[0]! - lonLat[0]), Math.abs(oursBack[1]! - lonLat[1]));
      const code = Number(crs.code.slice(5));
      const forwardLimit = geographic(crs) ? 1e-7 : 0.001;
      const where = `${crs.code} ${crs.name} at ${lonLat.join(', ')} → ${projected.join(', ')}`;
      if (PROJ_PICKS_BY_AREA[code]) {
        // Within EPSG's accuracy of the shift Rumija uses (metres, 1° ≈ 111 km).
        const metres = geographic(crs) ? forward * 111_000 : forward;
        if (crs.shift !== 'helmert' || metres > (crs.accuracy ?? 0))
          wrong.push(`${where}: ${metres.toFixed(2)} m from PROJ, more than EPSG's ${crs.accuracy} m`);
        continue;
      }
      if (forward > forwardLimit) wrong.push(`${where}: forward off by ${forward.toExponential(2)}`);
      if (inverse > 1e-7) wrong.push(`${where}: back to WGS 84 off by ${inverse.toExponential(2)}°`);
    }
    expect(wrong).toEqual([]);
  });
});
