import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { categoryRule, classBreaks, classIndex, classRule, isMostlyNumeric, numericValue } from './classify';
import { OTHER_COLOR, PALETTES, PALETTE_NAMES, paletteColors } from './palettes';
import { LayerStyleSchema } from '../model/layer-style';

describe('classes of a numeric field', () => {
  it('equal interval splits the range evenly', () => {
    expect(classBreaks([0, 10, 40, 100], 'equal', 4)).toEqual([0, 25, 50, 75, 100]);
  });

  it('quantiles put as many values in each class', () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    const breaks = classBreaks(values, 'quantile', 4);
    const counts = [0, 0, 0, 0];
    for (const value of values) counts[classIndex(breaks, value)]!++;
    expect(counts).toEqual([25, 25, 25, 25]);
  });

  it('natural breaks find the gaps between clusters', () => {
    expect(classBreaks([1, 2, 3, 10, 11, 12, 100, 101, 103], 'jenks', 3)).toEqual([1, 10, 100, 103]);
  });

  it('a field of one value is one class; no numbers, no classes', () => {
    expect(classBreaks([5, 5, 5], 'jenks', 5)).toEqual([5, 5]);
    expect(classRule('x', ['a', 'b', null], 'equal', 3, 'YlOrRd')).toBeNull();
  });

  it('bounds rise, cover every value, and each value lands in the class whose bounds hold it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 300 }),
        fc.constantFrom('equal', 'quantile', 'jenks' as const),
        fc.integer({ min: 2, max: 9 }),
        (values, method, classes) => {
          const breaks = classBreaks(values, method, classes);
          // One value repeated (fast-check found two equal subnormals) is one class, [v, v], as tested above.
          if (new Set(values).size > 1) {
            for (let index = 1; index < breaks.length; index++)
              expect(breaks[index]!).toBeGreaterThan(breaks[index - 1]!);
            expect(breaks.length).toBeLessThanOrEqual(classes + 1);
          }
          expect(breaks[0]).toBe(Math.min(...values));
          expect(breaks[breaks.length - 1]).toBe(Math.max(...values));
          for (const value of values) {
            const index = classIndex(breaks, value);
            expect(value).toBeGreaterThanOrEqual(breaks[index]!);
            if (index < breaks.length - 2) expect(value).toBeLessThan(breaks[index + 1]!);
          }
        },
      ),
    );
  });

  it('reads numbers stored as plain text, not words or Indonesian-written text', () => {
    expect(numericValue(12.5)).toBe(12.5);
    expect(numericValue(' 12.5 ')).toBe(12.5);
    expect(numericValue('12,5')).toBeNull();
    expect(numericValue(true)).toBeNull();
    expect(numericValue(Number.NaN)).toBeNull();
    expect(isMostlyNumeric([1, '2', 'tiga', null])).toBe(true);
    expect(isMostlyNumeric(['baik', 'sedang', 3])).toBe(false);
  });

  it('a rule keeps one colour per class and is a valid stored style', () => {
    const rule = classRule('lengthM', [10, 20, 30, 40, 'x'], 'equal', 3, 'Blues')!;
    expect(rule.colors).toHaveLength(rule.breaks.length - 1);
    expect(LayerStyleSchema.parse({ rule })).toEqual({ rule });
  });
});

describe('categories of any field', () => {
  it('keeps the 12 most frequent values in value order; empty values are "other"', () => {
    const values = [
      ...Array.from({ length: 14 }, (_, index) => Array(index + 1).fill(`v${index}`)).flat(),
      '',
      null,
      '  ',
    ];
    const rule = categoryRule('jenis', values, 'Paired');
    expect(rule.categories.map((category) => category.value)).toEqual([
      'v2',
      'v3',
      'v4',
      'v5',
      'v6',
      'v7',
      'v8',
      'v9',
      'v10',
      'v11',
      'v12',
      'v13',
    ]);
    expect(new Set(rule.categories.map((category) => category.color)).size).toBe(12);
    expect(rule.otherColor).toBe(OTHER_COLOR);
  });

  it('numbers and yes/no become text categories', () => {
    expect(categoryRule('n', [1, 2, 2, true], 'Set1').categories.map((category) => category.value)).toEqual([
      '1',
      '2',
      'true',
    ]);
  });
});

describe('palettes', () => {
  it('give as many colours as asked, ordered ones from light to dark', () => {
    for (const name of PALETTE_NAMES)
      for (let count = 1; count <= 12; count++) expect(paletteColors(name, count)).toHaveLength(count);
    expect(paletteColors('YlOrRd', 2)).toEqual(['#fed976', '#800026']);
    expect(paletteColors('YlOrRd', 9)[8]).toBe(PALETTES.YlOrRd[8]);
  });

  it('never hold the grey of "other"', () => {
    for (const colors of Object.values(PALETTES)) expect(colors).not.toContain(OTHER_COLOR);
  });
});
