import { describe, expect, it } from 'vitest';
import { parseDmsCoordinate } from './parse-dms';

describe('parseDmsCoordinate', () => {
  it('reads idn-area-data coordinates as lon/lat', () => {
    expect(parseDmsCoordinate(`09°43'41.99" S 120°00'04.00" E`)).toEqual([120.00111, -9.72833]);
    expect(parseDmsCoordinate(`03°19'03.44" N 097°07'41.73" E`)).toEqual([97.12826, 3.31762]);
  });
  it('returns null for text it cannot read', () => {
    expect(parseDmsCoordinate('')).toBeNull();
    expect(parseDmsCoordinate('10.1 S 123 E')).toBeNull();
  });
});
