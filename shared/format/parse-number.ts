import type { Locale } from './format-number';

export interface ParseNumberOptions {
  /** Whole numbers only (rupiah): a decimal part is refused instead of silently kept. */
  integer?: boolean;
  allowNegative?: boolean;
}

export type ParsedNumber =
  | { ok: true; value: number }
  | {
      ok: false;
      reason: 'empty' | 'not-a-number' | 'ambiguous' | 'fraction' | 'negative';
      input: string;
      hint?: string;
    };

const SEPARATORS: Record<Locale, { group: string; decimal: string }> = {
  id: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

const SPACES = /[\s\u00a0\u202f]/g;

/**
 * Reads a number the way it is typed in the UI language: in Indonesian `175.000` is 175 000 and
 * `20,5` is 20.5; in English `175,000` and `20.5`. A group mark must group thousands (`20.5` in
 * Indonesian is refused as ambiguous, with what was probably meant), so nothing is read 1000× off.
 */
export function parseLocaleNumber(text: string, locale: Locale, options: ParseNumberOptions = {}): ParsedNumber {
  const { group, decimal } = SEPARATORS[locale];
  const input = text;
  const compact = text.replace(SPACES, '').replace(/^rp\.?/i, '');
  if (compact === '') return { ok: false, reason: 'empty', input };

  const negative = compact.startsWith('-') || compact.startsWith('−');
  const unsigned = negative ? compact.slice(1) : compact;
  if (!/^[0-9.,]+$/.test(unsigned)) return { ok: false, reason: 'not-a-number', input };

  const decimalParts = unsigned.split(decimal);
  if (decimalParts.length > 2) {
    // "5,000,000" in Indonesian (or "5.000.000" in English) is the other language's grouping: say how to write it.
    const other = new RegExp(`^[0-9]{1,3}(\\${decimal}[0-9]{3})+$`);
    const hint = other.test(unsigned) ? unsigned.split(decimal).join(group) : undefined;
    return hint ? { ok: false, reason: 'ambiguous', input, hint } : { ok: false, reason: 'not-a-number', input };
  }
  const [integerPart = '', fractionPart] = decimalParts;
  if (fractionPart !== undefined && !/^[0-9]+$/.test(fractionPart)) return { ok: false, reason: 'not-a-number', input };

  let digits = integerPart;
  if (integerPart.includes(group)) {
    if (!new RegExp(`^[0-9]{1,3}(\\${group}[0-9]{3})+$`).test(integerPart)) {
      // "20.5" in Indonesian: a dot that does not group thousands was most likely meant as a decimal mark.
      const hint =
        /^[0-9]+\.[0-9]+$|^[0-9]+,[0-9]+$/.test(integerPart) && fractionPart === undefined
          ? `${integerPart.replace(group, decimal)}`
          : undefined;
      return { ok: false, reason: 'ambiguous', input, hint };
    }
    digits = integerPart.split(group).join('');
  }
  if (digits === '' && fractionPart === undefined) return { ok: false, reason: 'not-a-number', input };

  const value = Number(`${digits === '' ? '0' : digits}${fractionPart === undefined ? '' : `.${fractionPart}`}`);
  if (!Number.isFinite(value)) return { ok: false, reason: 'not-a-number', input };
  if (options.integer && fractionPart !== undefined) {
    // "175,000" typed for rupiah in Indonesian reads as 175 with a decimal part: refuse rather than be 1000× off.
    if (fractionPart.length === 3)
      return { ok: false, reason: 'ambiguous', input, hint: `${digits}${group}${fractionPart}` };
    if (/[1-9]/.test(fractionPart)) return { ok: false, reason: 'fraction', input };
  }
  if (negative && !options.allowNegative && value !== 0) return { ok: false, reason: 'negative', input };
  return { ok: true, value: negative ? -value : value };
}
