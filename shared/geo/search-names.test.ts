import { describe, expect, it } from 'vitest';
import { searchNames, type SearchEntry } from './search-names';

const entries: SearchEntry[] = [
  { label: 'Kupang', kind: 'place', position: [123.6, -10.17], weight: 3 },
  { label: 'Kupang Tengah', kind: 'place', position: [123.7, -10.1], weight: 1 },
  { label: 'Oekupang', kind: 'place', position: [123.5, -10.2] },
  { label: 'P-101 · Oelamasi – Oepoli', kind: 'ruas', bounds: [123.8, -9.9, 124.4, -9.2] },
  { label: 'Jembatan Noelmina', kind: 'bridge', position: [124.1, -10.0] },
];

describe('finding names', () => {
  it('ranks the whole name, then its start, then a word, then anywhere; capitals first', () => {
    expect(searchNames('kupang', entries).map((entry) => entry.label)).toEqual(['Kupang', 'Kupang Tengah', 'Oekupang']);
  });

  it('finds a ruas by its number however it is written, and by a place on its name', () => {
    for (const query of ['P-101', 'p101', 'P 101']) expect(searchNames(query, entries)[0]!.kind).toBe('ruas');
    expect(searchNames('oepoli', entries)[0]!.label).toBe('P-101 · Oelamasi – Oepoli');
    expect(searchNames('noelmina', entries)[0]!.kind).toBe('bridge');
    expect(searchNames('', entries)).toEqual([]);
    expect(searchNames('Atambua', entries)).toEqual([]);
  });
});
