import { describe, expect, it } from 'vitest';
import type { StoredFeature } from '../model/layer';
import { summarizeNetwork } from './network-summary';

function createRoad(
  id: string,
  regencyCode: string | null,
  status: string,
  condition: string | null,
  lengthM: number,
): StoredFeature {
  return {
    id,
    layerId: 'roads',
    geometry: {
      type: 'LineString',
      coordinates: [
        [0, 0],
        [0, 1],
      ],
    },
    properties: { kind: 'road', regencyCode, status, condition, lengthM },
  };
}

function createBridge(id: string, condition: string | null, existence: string, lengthM: number): StoredFeature {
  return {
    id,
    layerId: 'bridges',
    geometry: { type: 'Point', coordinates: [0, 0] },
    properties: { kind: 'bridge', condition, existence, lengthM },
  };
}

describe('summarizeNetwork', () => {
  const features = [
    createRoad('a', '5303', 'provinsi', 'baik', 4_000),
    createRoad('b', '5303', 'provinsi', 'rusak_berat', 6_000),
    createRoad('c', '5303', 'nasional', 'sedang', 10_000),
    createRoad('d', '5371', 'provinsi', null, 2_000),
    createRoad('e', '5371', 'provinsi', 'rusak_ringan', 3_000),
    createRoad('f', '5303', 'rdtl', 'baik', 9_999),
    createBridge('k', 'rusak_berat', 'existing', 100),
    createBridge('t', 'rusak_berat', 'existing', 100),
    createBridge('n', null, 'proposed', 30),
  ];

  it('adds lengths by regency, status and condition and leaves out roads in Timor-Leste', () => {
    const summary = summarizeNetwork(features);
    expect(summary.regencies.map((r) => r.regencyCode)).toEqual(['5303', '5371']);
    const kupang = summary.regencies[0];
    expect(kupang!.totalM).toBe(20_000);
    expect(kupang!.byStatus).toMatchObject({ provinsi: 10_000, nasional: 10_000, rdtl: 0 });
    expect(kupang!.byCondition).toMatchObject({ baik: 4_000, sedang: 10_000, rusak_berat: 6_000, unknown: 0 });
    expect(kupang!.mantapM).toBe(14_000);
    expect(kupang!.kemantapanPct).toBeCloseTo(70, 10);
    expect(summary.total.totalM).toBe(25_000);
  });

  it('computes kemantapan over the length whose condition is known', () => {
    const city = summarizeNetwork(features).regencies[1];
    expect(city!.byCondition.unknown).toBe(2_000);
    expect(city!.kemantapanPct).toBe(0);
    expect(summarizeNetwork([createRoad('x', '5306', 'provinsi', null, 10)]).total.kemantapanPct).toBeNull();
  });

  it('narrows to chosen statuses', () => {
    const summary = summarizeNetwork(features, ['provinsi']);
    expect(summary.total.totalM).toBe(15_000);
    expect(summary.total.mantapM).toBe(4_000);
  });

  it('counts bridges by condition with proposed ones apart', () => {
    const { bridges } = summarizeNetwork(features);
    expect(bridges.count).toBe(3);
    expect(bridges.lengthM).toBe(230);
    expect(bridges.byCondition.rusak_berat).toEqual({ count: 2, lengthM: 200 });
    expect(bridges.byCondition.proposed).toEqual({ count: 1, lengthM: 30 });
  });
});
