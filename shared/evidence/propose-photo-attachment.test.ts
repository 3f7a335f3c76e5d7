import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoredFeature } from '../model/layer';
import { AttachmentFinder } from './propose-photo-attachment';

/** One number from SpatiaLite (through GDAL's SQLite dialect): ellipsoidal distances on WGS 84, our oracle. */
function spatialite(expression: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'rumija-spatialite-'));
  const empty = join(dir, 'empty.geojson');
  writeFileSync(empty, '{"type":"FeatureCollection","features":[]}');
  const output = execFileSync('ogrinfo', ['-q', empty, '-dialect', 'sqlite', '-sql', `SELECT ${expression} AS v`], {
    encoding: 'utf8',
  });
  const match = /v \(Real\) = (-?[\d.e+-]+)/.exec(output);
  if (!match) throw new Error(output);
  return Number(match[1]);
}
const pt = (lon: number, lat: number) => `MakePoint(${lon},${lat},4326)`;

const road = (id: string, ruasNumber: string | undefined, coordinates: [number, number][]): StoredFeature => ({
  id,
  layerId: 'roads',
  geometry: { type: 'LineString', coordinates },
  properties: { kind: 'road', ...(ruasNumber ? { ruasNumber } : {}) },
});
const point = (id: string, kind: string, lon: number, lat: number): StoredFeature => ({
  id,
  layerId: `${kind}s`,
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: { kind },
});

// A ruas running north along 123.6° E in two segments, stored out of order (the second one first).
const northern = road('seg-b', '01', [
  [123.6, -10.15],
  [123.6, -10.1],
]);
const southern = road('seg-a', '01', [
  [123.6, -10.2],
  [123.6, -10.15],
]);

describe('AttachmentFinder', () => {
  it('proposes the road within the distance, with the distance and the STA along the whole ruas', () => {
    const finder = new AttachmentFinder([northern, southern, point('plot', 'corridor', 123.6005, -10.13)]);
    const photo = [123.6005, -10.13];
    const proposal = finder.propose(photo, 100)!;
    const distance = spatialite(
      `ST_Distance(${pt(123.6005, -10.13)}, MakeLine(${pt(123.6, -10.2)}, ${pt(123.6, -10.1)}), 1)`,
    );
    const sta = spatialite(`ST_Distance(${pt(123.6, -10.2)}, ${pt(123.6, -10.13)}, 1)`);
    expect(distance).toBeGreaterThan(54);
    expect(sta).toBeGreaterThan(7700);
    expect(proposal).toMatchObject({ featureId: 'seg-b', layerId: 'roads', featureKind: 'road', ruasNumber: '01' });
    expect(Math.abs(proposal.distanceM - distance)).toBeLessThan(0.05);
    expect(Math.abs(proposal.staM! - sta)).toBeLessThan(0.5);
    // Nothing within a distance shorter than the road's.
    expect(finder.propose(photo, 50)).toBeNull();
  });

  it('takes the nearest of an asset, a bridge and a road; a feature just past the distance is not proposed', () => {
    const asset = point('pole', 'asset', 123.6003, -10.1301);
    const bridge = point('bridge', 'bridge', 123.6001, -10.1298);
    const finder = new AttachmentFinder([northern, southern, asset, bridge]);
    const photo = [123.6004, -10.13];
    const toAsset = spatialite(`ST_Distance(${pt(123.6004, -10.13)}, ${pt(123.6003, -10.1301)}, 1)`);
    const toBridge = spatialite(`ST_Distance(${pt(123.6004, -10.13)}, ${pt(123.6001, -10.1298)}, 1)`);
    expect(toAsset).toBeLessThan(toBridge);
    const proposal = finder.propose(photo, 200)!;
    expect(proposal.featureId).toBe('pole');
    expect(proposal.featureKind).toBe('asset');
    expect(Math.abs(proposal.distanceM - toAsset)).toBeLessThan(0.01);
    expect(proposal.staM).toBeUndefined();
    expect(finder.propose(photo, toAsset - 0.05)).toBeNull();
    expect(finder.propose(photo, toAsset + 0.05)?.featureId).toBe('pole');
  });

  it('a road without a ruas number gets the STA along the segment itself; no features, no proposal', () => {
    const lone = road('lone', undefined, [
      [124, -9],
      [124.01, -9],
    ]);
    const proposal = new AttachmentFinder([lone]).propose([124.005, -9.0002], 50)!;
    const sta = spatialite(`ST_Distance(${pt(124, -9)}, ${pt(124.005, -9)}, 1)`);
    expect(proposal.ruasNumber).toBeUndefined();
    expect(Math.abs(proposal.staM! - sta)).toBeLessThan(0.5);
    expect(new AttachmentFinder([]).propose([124, -9], 50)).toBeNull();
  });
});
