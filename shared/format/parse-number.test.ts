import { describe, expect, it } from 'vitest';
import { formatNumber, type Locale } from './format-number';
import { parseLocaleNumber } from './parse-number';

const value = (text: string, locale: Locale, options = {}) => {
  const parsed = parseLocaleNumber(text, locale, options);
  return parsed.ok ? parsed.value : parsed.reason;
};

describe('parseLocaleNumber', () => {
  it('reads Indonesian grouping and decimals', () => {
    expect(value('175.000', 'id')).toBe(175_000);
    expect(value('5.000.000', 'id')).toBe(5_000_000);
    expect(value('20,5', 'id')).toBe(20.5);
    expect(value('1.234.567,89', 'id')).toBe(1_234_567.89);
    expect(value(' Rp 175.000 ', 'id')).toBe(175_000);
    expect(value('13\u00a0333', 'id')).toBe(13_333);
    expect(value('175000', 'id')).toBe(175_000);
  });

  it('reads English grouping and decimals', () => {
    expect(value('175,000', 'en')).toBe(175_000);
    expect(value('20.5', 'en')).toBe(20.5);
    expect(value('1,234,567.89', 'en')).toBe(1_234_567.89);
  });

  it('refuses a group mark that does not group thousands, and says what was probably meant', () => {
    expect(parseLocaleNumber('20.5', 'id')).toEqual({ ok: false, reason: 'ambiguous', input: '20.5', hint: '20,5' });
    expect(parseLocaleNumber('20,5', 'en')).toEqual({ ok: false, reason: 'ambiguous', input: '20,5', hint: '20.5' });
    expect(value('1.23.456', 'id')).toBe('ambiguous');
    expect(parseLocaleNumber('5,000,000', 'id')).toEqual({
      ok: false,
      reason: 'ambiguous',
      input: '5,000,000',
      hint: '5.000.000',
    });
    expect(parseLocaleNumber('5.000.000', 'en')).toEqual({
      ok: false,
      reason: 'ambiguous',
      input: '5.000.000',
      hint: '5,000,000',
    });
  });

  it('refuses an English-typed amount in an Indonesian rupiah field instead of reading it 1000× too small', () => {
    expect(parseLocaleNumber('175,000', 'id', { integer: true })).toEqual({
      ok: false,
      reason: 'ambiguous',
      input: '175,000',
      hint: '175.000',
    });
    expect(value('175,5', 'id', { integer: true })).toBe('fraction');
    expect(value('175.000,00', 'id', { integer: true })).toBe(175_000);
  });

  it('refuses what is not a number, and negatives unless allowed', () => {
    expect(value('', 'id')).toBe('empty');
    expect(value('abc', 'id')).toBe('not-a-number');
    expect(value('1,2,3', 'id')).toBe('not-a-number');
    expect(value('-5', 'id')).toBe('negative');
    expect(value('-5,5', 'id', { allowNegative: true })).toBe(-5.5);
  });

  it('gives back every number it formats, in both languages', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (const locale of ['id', 'en'] as const) {
      for (let index = 0; index < 2000; index++) {
        const digits = index % 4;
        const number = Math.round(random() * 10 ** (1 + (index % 10)) * 10 ** digits) / 10 ** digits;
        const text = formatNumber(number, locale, digits);
        expect(value(text, locale), `${text} (${locale})`).toBeCloseTo(number, digits);
      }
    }
  });
});
