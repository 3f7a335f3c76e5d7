import { describe, expect, it } from 'vitest';
import { FIELDS_BY_KIND, parseFieldInput } from './feature-fields';
import { BridgePropertiesSchema, RoadSegmentPropertiesSchema } from './road-network';

const field = (kind: 'road' | 'bridge', key: string) =>
  FIELDS_BY_KIND[kind].find((candidate) => candidate.key === key)!;

describe('feature fields', () => {
  it('lists every property of the road and bridge schemas except kind', () => {
    expect(new Set(FIELDS_BY_KIND.road.map((f) => f.key))).toEqual(
      new Set(Object.keys(RoadSegmentPropertiesSchema.shape).filter((k) => k !== 'kind')),
    );
    expect(new Set(FIELDS_BY_KIND.bridge.map((f) => f.key))).toEqual(
      new Set(Object.keys(BridgePropertiesSchema.shape).filter((k) => k !== 'kind')),
    );
  });

  it('reads numbers with either decimal mark and STA notation', () => {
    expect(parseFieldInput(field('road', 'rumijaWidthM'), '12,5')).toBe(12.5);
    expect(parseFieldInput(field('road', 'rumijaWidthM'), '25')).toBe(25);
    expect(parseFieldInput(field('road', 'rumijaWidthM'), '')).toBeNull();
    expect(parseFieldInput(field('bridge', 'staM'), 'STA 16+250')).toBe(16_250);
    expect(() => parseFieldInput(field('bridge', 'lengthM'), 'panjang')).toThrow(/bukan angka/);
  });
});
