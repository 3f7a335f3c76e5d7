import { describe, expect, it } from 'vitest';
import type { StoredFeature } from '../model/layer';
import { withAnalysedZones } from './with-analysed-zones';

const feature = (id: string, kind: string): StoredFeature =>
  ({ id, layerId: 'l', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { kind } }) as StoredFeature;

describe('withAnalysedZones', () => {
  it('gives each analysed asset its zone and leaves the rest as they are', () => {
    const features = [feature('a', 'asset'), feature('b', 'asset'), feature('r', 'road')];
    const zones = new Map([
      ['a', 'rumaja'],
      ['r', 'rumija'],
    ]);
    const out = withAnalysedZones(features, (id) => zones.get(id));
    expect(out.map((f) => f.properties.zone)).toEqual(['rumaja', undefined, undefined]);
    expect(out[1]).toBe(features[1]);
    expect(out[2]).toBe(features[2]);
    expect(features[0]!.properties.zone).toBeUndefined();
  });
});
