import { describe, expect, it } from 'vitest';
import { FIELDS_BY_KIND, NumberInputError, parseFieldInput } from './feature-fields';
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

  it('reads numbers the way they are typed in the UI language, and STA notation', () => {
    expect(parseFieldInput(field('road', 'rumijaWidthM'), '12,5', 'id')).toBe(12.5);
    expect(parseFieldInput(field('road', 'rumijaWidthM'), '12.5', 'en')).toBe(12.5);
    expect(parseFieldInput(field('road', 'rumijaWidthM'), '25', 'id')).toBe(25);
    expect(parseFieldInput(field('road', 'rumijaWidthM'), '', 'id')).toBeNull();
    // 1 250 m typed the Indonesian way is 1 250, not 1,25 (the old reader took the dot as a decimal mark).
    expect(parseFieldInput(field('bridge', 'lengthM'), '1.250', 'id')).toBe(1250);
    expect(parseFieldInput(field('bridge', 'lengthM'), '1,250', 'en')).toBe(1250);
    expect(parseFieldInput(field('bridge', 'staM'), 'STA 16+250', 'id')).toBe(16_250);
    expect(parseFieldInput(field('bridge', 'staM'), '16.250', 'id')).toBe(16_250);
    expect(() => parseFieldInput(field('bridge', 'lengthM'), 'panjang', 'id')).toThrow(NumberInputError);
    expect(() => parseFieldInput(field('road', 'rumijaWidthM'), '20.5', 'id')).toThrow(
      expect.objectContaining({ reading: expect.objectContaining({ reason: 'ambiguous', hint: '20,5' }) }),
    );
  });
});
