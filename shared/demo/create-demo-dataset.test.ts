import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection, Polygon } from 'geojson';
import { FeaturePropertiesSchema, GEOMETRY_TYPES_BY_KIND } from '../model/road-network';
import { geodesicLengthM } from '../geo/geodesic';
import { BRIDGE_ROUTE, createDemoDataset } from './create-demo-dataset';

const land = JSON.parse(
  readFileSync(resolve(__dirname, '../../resources/public/basemap/land-high.json'), 'utf8'),
) as FeatureCollection<Polygon, { country: string }>;
const countryAt = (position: number[]) =>
  land.features.find((polygon) => booleanPointInPolygon(position, polygon))?.properties.country ?? 'sea';

describe('NTT demo dataset', () => {
  const dataset = createDemoDataset();
  const byKind = (kind: string) => dataset.features.filter((feature) => feature.properties.kind === kind);

  it('validates every feature against the model and marks it illustrative', () => {
    for (const feature of dataset.features) {
      const properties = FeaturePropertiesSchema.parse(feature.properties);
      expect(GEOMETRY_TYPES_BY_KIND[properties.kind]).toContain(feature.geometry.type);
      expect(properties.source).toMatchObject({ kind: 'demo', illustrative: true });
      expect(properties.source.label).toMatch(properties.kind === 'asset' ? /sintetis/ : /^ilustrasi$/);
    }
    expect(new Set(dataset.features.map((feature) => feature.id)).size).toBe(dataset.features.length);
  });

  it('has the five reported bridges with their lengths and conditions on the Oelamasi – Oepoli route', () => {
    const bridges = byKind('bridge').map((feature) => feature.properties);
    expect(bridges.map((b) => [b.name, b.lengthM, b.condition, b.existence])).toEqual([
      ['Jembatan Kapsali', 100, 'rusak_berat', 'existing'],
      ['Jembatan Termanu', 100, 'rusak_berat', 'existing'],
      ['Jembatan Nunpisa', 30, 'rusak_berat', 'existing'],
      ['Jembatan Bipolo', 25, 'rusak_berat', 'existing'],
      ["Jembatan Na'anruin", 30, null, 'proposed'],
    ]);
    expect(bridges.every((b) => b.ruasNumber === BRIDGE_ROUTE)).toBe(true);
    const routeLength = byKind('road')
      .filter((road) => road.properties.ruasNumber === BRIDGE_ROUTE)
      .reduce((sum, road) => sum + Number(road.properties.lengthM), 0);
    expect(Math.max(...bridges.map((b) => Number(b.staM)))).toBeLessThan(routeLength);
  });

  it('flags both border routes as proposed provincial-to-national', () => {
    const border = byKind('road').filter(
      (feature) => feature.properties.borderRoute && feature.properties.status === 'provinsi',
    );
    const names = new Set(border.map((feature) => String(feature.properties.name).replace(/ \(\d\/\d\)$/, '')));
    expect(names).toEqual(new Set(['Oelamasi – Oepoli', 'Batuputih – Motamasin']));
    expect(border.every((feature) => feature.properties.proposedStatus === 'nasional')).toBe(true);
  });

  it('stores each segment length as the geodesic length of its geometry', () => {
    for (const road of byKind('road')) {
      expect(road.properties.lengthM).toBeCloseTo(geodesicLengthM(road.geometry), 0);
    }
    const kupangCorridor = byKind('road').filter((feature) => feature.properties.ruasNumber === 'P-601');
    const total = kupangCorridor.reduce((sum, feature) => sum + Number(feature.properties.lengthM), 0);
    expect(total).toBeGreaterThan(6_000);
    expect(total).toBeLessThan(7_500);
  });

  it('keeps road vertices and bridges on land, Indonesian roads in Indonesia', () => {
    for (const feature of [...byKind('road'), ...byKind('bridge')]) {
      const positions =
        feature.geometry.type === 'Point'
          ? [feature.geometry.coordinates]
          : feature.geometry.type === 'LineString'
            ? feature.geometry.coordinates
            : [];
      for (const position of positions) {
        const country = countryAt(position);
        if (feature.properties.status === 'rdtl') expect(country, `${feature.id} ${position}`).not.toBe('sea');
        else expect(country, `${feature.id} at ${position}`).toBe('IDN');
      }
    }
  });

  it('has corridors for Kupang (Simpang Polda – El Tari), Atambua and Ende that point at real segments', () => {
    const corridors = byKind('corridor');
    expect(corridors.map((c) => c.properties.city)).toEqual(['Kupang', 'Atambua', 'Ende']);
    const roadIds = new Set(byKind('road').map((road) => road.id));
    for (const corridor of corridors) {
      const ids = corridor.properties.segmentIds as string[];
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.every((id) => roadIds.has(id))).toBe(true);
    }
  });
});
