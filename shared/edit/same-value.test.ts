import { describe, expect, it } from 'vitest';
import { sameGeometry, sameRecord, sameValue } from './same-value';

describe('same values', () => {
  it('compares stored values deeply; a missing key is an empty one; bookkeeping keys can be left out', () => {
    expect(sameValue({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(sameValue({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false);
    expect(sameValue([1, 2], [1, 2, 3])).toBe(false);
    expect(sameValue(0, '0')).toBe(false);
    expect(sameRecord({ a: 1, b: null }, { a: 1 })).toBe(true);
    expect(sameRecord({ a: 1, b: 0 }, { a: 1 })).toBe(false);
    expect(sameRecord({ a: 1, updatedAt: 'x' }, { a: 1, updatedAt: 'y' }, new Set(['updatedAt']))).toBe(true);
  });

  it('takes a geometry edited without moving a vertex (nine decimals kept) as the same one', () => {
    const stored = { type: 'LineString' as const, coordinates: [[123.6012345678912, -10.171234567891]] };
    const edited = { type: 'LineString' as const, coordinates: [[123.601234568, -10.171234568]] };
    expect(sameGeometry(stored, edited)).toBe(true);
    // A vertex moved by a millimetre (1e-8° is about 1 mm) is a change.
    expect(sameGeometry(stored, { type: 'LineString', coordinates: [[123.60123457, -10.171234568]] })).toBe(false);
    expect(sameGeometry(stored, { type: 'Point', coordinates: [123.6, -10.17] })).toBe(false);
  });
});
