import { describe, expect, it } from 'vitest';
import { terbilang, terbilangRupiah } from './terbilang';

// Written by hand, the way a finance clerk writes them on an SKRD.
const TABLE: [number, string][] = [
  [0, 'nol'],
  [1, 'satu'],
  [9, 'sembilan'],
  [10, 'sepuluh'],
  [11, 'sebelas'],
  [12, 'dua belas'],
  [19, 'sembilan belas'],
  [20, 'dua puluh'],
  [21, 'dua puluh satu'],
  [99, 'sembilan puluh sembilan'],
  [100, 'seratus'],
  [101, 'seratus satu'],
  [110, 'seratus sepuluh'],
  [111, 'seratus sebelas'],
  [200, 'dua ratus'],
  [999, 'sembilan ratus sembilan puluh sembilan'],
  [1_000, 'seribu'],
  [1_001, 'seribu satu'],
  [1_100, 'seribu seratus'],
  [1_999, 'seribu sembilan ratus sembilan puluh sembilan'],
  [2_000, 'dua ribu'],
  [10_000, 'sepuluh ribu'],
  [11_000, 'sebelas ribu'],
  [100_000, 'seratus ribu'],
  [101_000, 'seratus satu ribu'],
  [175_000, 'seratus tujuh puluh lima ribu'],
  [1_000_000, 'satu juta'],
  [1_001_000, 'satu juta seribu'],
  [1_500_000, 'satu juta lima ratus ribu'],
  [13_333, 'tiga belas ribu tiga ratus tiga puluh tiga'],
  [1_000_000_000, 'satu miliar'],
  [
    1_234_567_890,
    'satu miliar dua ratus tiga puluh empat juta lima ratus enam puluh tujuh ribu delapan ratus sembilan puluh',
  ],
  [3_000_000_000, 'tiga miliar'],
  [1_000_000_000_000, 'satu triliun'],
  [2_000_001_000_001, 'dua triliun satu juta satu'],
];

describe('terbilang', () => {
  it.each(TABLE)('%d → %s', (amount, words) => {
    expect(terbilang(amount)).toBe(words);
  });

  it('adds "rupiah" for a notice', () => {
    expect(terbilangRupiah(175_000)).toBe('seratus tujuh puluh lima ribu rupiah');
  });

  it('refuses what is not a whole amount', () => {
    expect(() => terbilang(-1)).toThrow(RangeError);
    expect(() => terbilang(1.5)).toThrow(RangeError);
    expect(() => terbilang(1e15)).toThrow(RangeError);
  });
});
