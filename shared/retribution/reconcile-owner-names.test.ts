import { describe, expect, it } from 'vitest';
import type { Obligor } from './obligor';
import { ownerKey, reconcileOwnerNames } from './reconcile-owner-names';

const obligor = (id: string, name: string, ownerNames: string[]): Obligor => ({
  id,
  name,
  type: 'company',
  npwp: null,
  nib: null,
  address: '',
  contact: '',
  ownerNames,
  demo: false,
});

describe('owner name reconciliation', () => {
  it('groups the ways PLN is written into one suggestion with the fullest name', () => {
    const assets = [
      { id: 'a1', owner: 'PLN' },
      { id: 'a2', owner: 'PT PLN (Persero) UP3 Kupang' },
      { id: 'a3', owner: 'pln up3' },
      { id: 'a4', owner: 'PLN' },
      { id: 'a5', owner: 'Telkom Indonesia' },
      { id: 'a6', owner: 'PT. Telkom' },
      { id: 'a7', owner: 'CV Sinar Reklame' },
      { id: 'a8', owner: '' },
      { id: 'a9', owner: null },
    ];
    const result = reconcileOwnerNames(assets, []);
    expect(result.linked).toEqual([]);
    expect(result.unlinkedAssetIds).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9']);
    expect(result.suggestions).toEqual([
      {
        key: 'pln',
        names: [
          { name: 'PLN', assetCount: 2 },
          { name: 'pln up3', assetCount: 1 },
          { name: 'PT PLN (Persero) UP3 Kupang', assetCount: 1 },
        ],
        assetCount: 4,
        obligorId: null,
        proposedName: 'PT PLN (Persero) UP3 Kupang',
        proposedType: 'pln',
      },
      {
        key: 'telkom',
        names: [
          { name: 'PT. Telkom', assetCount: 1 },
          { name: 'Telkom Indonesia', assetCount: 1 },
        ],
        assetCount: 2,
        obligorId: null,
        proposedName: 'Telkom Indonesia',
        proposedType: 'telkom',
      },
      {
        key: 'sinar reklame',
        names: [{ name: 'CV Sinar Reklame', assetCount: 1 }],
        assetCount: 1,
        obligorId: null,
        proposedName: 'CV Sinar Reklame',
        proposedType: 'company',
      },
    ]);
  });

  it('links confirmed names (case aside) and points new spellings at the existing obligor', () => {
    const register = [obligor('o-pln', 'PT PLN (Persero)', ['PLN', 'pln up3'])];
    const result = reconcileOwnerNames(
      [
        { id: 'a1', owner: 'pln' },
        { id: 'a2', owner: ' PLN UP3 ' },
        { id: 'a3', owner: 'PLN ULP Kupang' },
        { id: 'a4', owner: 'Bapak Yohanes' },
      ],
      register,
    );
    expect(result.linked).toEqual([
      { name: 'pln', assetCount: 1, obligorId: 'o-pln' },
      { name: 'PLN UP3', assetCount: 1, obligorId: 'o-pln' },
    ]);
    expect(result.unlinkedAssetIds).toEqual(['a3', 'a4']);
    expect(result.suggestions.map((s) => [s.key, s.obligorId, s.proposedType])).toEqual([
      ['bapak yohanes', null, 'individual'],
      ['pln', 'o-pln', 'pln'],
    ]);
  });

  it('keys names without legal forms and punctuation', () => {
    expect(ownerKey('PT. Sinar Reklame, Tbk')).toBe('sinar reklame');
    expect(ownerKey('Perumda Air Minum Kota Kupang')).toBe('pdam');
  });
});
