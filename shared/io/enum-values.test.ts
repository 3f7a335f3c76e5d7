import { describe, expect, it } from 'vitest';
import { FIELDS_BY_KIND } from '../model/feature-fields';
import type { StoredFeature } from '../model/layer';
import { suggestOption, unmatchedValues } from './enum-values';
import { applyMapping, suggestMapping } from './map-fields';
import { ProblemError } from '../messages/problem';
import { wordProblem } from '../messages/word-problem';

const ownerType = FIELDS_BY_KIND.asset.find((field) => field.key === 'ownerType')!;
const labels: Record<string, string> = {
  pln: 'PLN',
  telkom: 'Telkom',
  pdam: 'PDAM',
  swasta: 'Swasta',
  pemerintah: 'Pemerintah',
  lainnya: 'Lainnya',
};
const label = (option: string) => labels[option] ?? option;

const pole = (properties: Record<string, unknown>, n: number): StoredFeature => ({
  id: `f${n}`,
  layerId: 'l',
  geometry: { type: 'Point', coordinates: [123.6, -10.17] },
  properties: {
    ...properties,
    source: { kind: 'file', label: 'tiang.csv', recordedAt: '2026-01-01T00:00:00.000Z', illustrative: false },
  },
});

describe('values a file writes for a choice field', () => {
  it('suggests the option an owner name means, by whole words, a legal form last', () => {
    // By hand, from the names the issue and the demo owners use.
    expect(suggestOption(ownerType, 'PT PLN (Persero) UP3 Kupang', label)).toBe('pln');
    expect(suggestOption(ownerType, 'pln up3', label)).toBe('pln');
    expect(suggestOption(ownerType, 'PT Telkom Indonesia Tbk', label)).toBe('telkom');
    expect(suggestOption(ownerType, 'Perumda Air Minum Tirta Lontar', label)).toBe('pdam');
    expect(suggestOption(ownerType, 'PT Biznet Gio Nusantara', label)).toBe('swasta');
    expect(suggestOption(ownerType, 'Dinas Kominfo Kota Kupang', label)).toBe('pemerintah');
    // "Pleno" holds the letters p-l-n in no word: no suggestion.
    expect(suggestOption(ownerType, 'Toko Pleno', label)).toBeNull();
  });

  it('lists each value that is no option with its count, and maps the file as the user chose', () => {
    const features = [
      pole({ kategori: 'tiang_listrik', pemilik: 'PT PLN (Persero) UP3 Kupang' }, 1),
      pole({ kategori: 'tiang_listrik', pemilik: 'PT PLN (Persero) UP3 Kupang' }, 2),
      pole({ kategori: 'tiang_listrik', pemilik: 'pln' }, 3),
      pole({ kategori: 'tiang_listrik', pemilik: 'constructor' }, 4),
    ];
    const mapping = {
      ...suggestMapping('asset', ['kategori', 'pemilik']),
      sources: { category: 'kategori', ownerType: 'pemilik', owner: 'pemilik' },
    };
    const fields = FIELDS_BY_KIND.asset;
    // "pln" is an option already; the other two are asked about, the commonest first.
    expect(unmatchedValues(fields, mapping.sources, {}, features)).toEqual([
      { field: 'ownerType', raw: 'PT PLN (Persero) UP3 Kupang', count: 2 },
      { field: 'ownerType', raw: 'constructor', count: 1 },
    ]);
    const values = { ownerType: { 'PT PLN (Persero) UP3 Kupang': 'pln', constructor: 'lainnya' } };
    expect(unmatchedValues(fields, mapping.sources, values, features)).toEqual([]);
    // A value named like an Object property is still asked about once the others are chosen.
    expect(
      unmatchedValues(fields, mapping.sources, { ownerType: { 'PT PLN (Persero) UP3 Kupang': 'pln' } }, features),
    ).toEqual([{ field: 'ownerType', raw: 'constructor', count: 1 }]);
    const result = applyMapping(
      {
        id: 'l',
        name: 'tiang',
        kind: 'plain',
        order: 1,
        visible: true,
        styleBy: 'status',
        demo: false,
        createdAt: '2026-01-01T00:00:00.000Z',
      },
      features,
      { ...mapping, values },
      'tiang.csv',
    );
    if (!result.ok) throw new ProblemError(result.error);
    expect(result.value.features.map((feature) => feature.properties.ownerType)).toEqual([
      'pln',
      'pln',
      'pln',
      'lainnya',
    ]);
    // Without the user's choice, "constructor" is refused by name, never read as Object's constructor.
    const refused = applyMapping(
      result.value.layer,
      features,
      { ...mapping, values: { ownerType: { 'PT PLN (Persero) UP3 Kupang': 'pln' } } },
      'tiang.csv',
    );
    expect(refused.ok ? '' : wordProblem(refused.error, 'id')).toMatch(
      /tiang\.csv, fitur 4: .*"constructor" harus salah satu dari/,
    );
  });
});
