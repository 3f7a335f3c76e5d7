import { describe, expect, it } from 'vitest';
import { fromPropertyColumns, fromStringDictionary, toPropertyColumns, toStringDictionary } from './property-columns';

describe('properties as columns', () => {
  it('give back every feature’s properties: missing keys stay missing, nested values and nulls kept', () => {
    const source = { kind: 'file', label: 'survei.csv', recordedAt: null, illustrative: false };
    const all = [
      { kind: 'road', name: 'Jl. El Tari', status: 'provinsi', lengthM: 1200.5, source },
      { kind: 'road', name: 'Jl. Timor Raya', status: 'provinsi', condition: null, source: { ...source } },
      { catatan: 'tiang miring', foto: ['a.jpg', 'b.jpg'], nilai: 0, aktif: false },
      {},
    ];
    const columns = toPropertyColumns(all);
    expect(fromPropertyColumns(structuredClone(columns), all.length)).toEqual(all);
    // Each distinct value is kept once: both features' equal source notes and statuses share one entry.
    expect(columns.dictionaries[columns.keys.indexOf('source')]).toHaveLength(1);
    expect(columns.dictionaries[columns.keys.indexOf('status')]).toEqual(['provinsi']);
  });

  it('keeps values that only look alike apart (1 and "1", 0 and false)', () => {
    const all = [{ v: 1 }, { v: '1' }, { v: 0 }, { v: false }, { v: null }];
    expect(fromPropertyColumns(toPropertyColumns(all), all.length)).toEqual(all);
  });

  it('keeps repeated strings once and gives them back in order', () => {
    const times = ['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-03-05T10:00:00.000Z'];
    const dictionary = toStringDictionary(times);
    expect(dictionary.values).toHaveLength(2);
    expect(fromStringDictionary(structuredClone(dictionary))).toEqual(times);
  });
});
