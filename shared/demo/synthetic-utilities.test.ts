import { describe, expect, it } from 'vitest';
import { FeaturePropertiesSchema } from '../model/road-network';
import { analyzeAssets, createRoadIndex } from '../analysis/encroachment';
import { createDemoDataset } from './create-demo-dataset';
import { createDemoUtilities } from './synthetic-utilities';

describe('demo utility assets', () => {
  const dataset = createDemoDataset();
  const corridorRoads = dataset.features.filter((f) =>
    ['P-601', 'P-602', 'P-603'].includes(String(f.properties.ruasNumber)),
  );

  it('is the same for the same seed, valid, and marked synthetic', () => {
    const first = createDemoUtilities(corridorRoads);
    expect(createDemoUtilities(corridorRoads).features).toEqual(first.features);
    expect(first.features.length).toBeGreaterThan(200);
    for (const feature of first.features) {
      const properties = FeaturePropertiesSchema.parse(feature.properties);
      expect(properties.source.illustrative).toBe(true);
      expect(properties.source.label).toContain('sintetis');
    }
  });

  it('has every kind of asset, most of them inside RUMIJA of the corridor roads', () => {
    const { features } = createDemoUtilities(corridorRoads);
    const categories = new Set(features.map((f) => f.properties.category));
    expect(categories).toEqual(new Set(['tiang_listrik', 'tiang_telekomunikasi', 'kabel', 'pipa', 'reklame', 'kios']));
    const results = analyzeAssets(createRoadIndex(corridorRoads), features);
    const inside = results.filter((r) => r.quantity > 0).length;
    expect(inside / results.length).toBeGreaterThan(0.7);
    expect(inside).toBeLessThan(results.length);
    const kupang = results.filter((r) => r.ruasNumber === 'P-601');
    expect(kupang.length).toBeGreaterThan(100);
  });
});
