import { describe, expect, it } from 'vitest';
import { sortKeyOf } from './sort-key';

const sorted = (values: string[]) =>
  [...values].sort((a, b) => {
    const [x, y] = [sortKeyOf(a), sortKeyOf(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  });

describe('sort keys for the attribute table', () => {
  it('orders numbers inside names by value, ignoring case, accents and leading zeros', () => {
    expect(sorted(['Ruas 10', 'ruas 9', 'Ruas 009a', 'Éka', 'eka 2', 'Ruas 100'])).toEqual([
      'Éka',
      'eka 2',
      'ruas 9',
      'Ruas 009a',
      'Ruas 10',
      'Ruas 100',
    ]);
  });

  it('agrees with an Indonesian collator on names like the province’s', () => {
    const names = Array.from(
      { length: 300 },
      (_, index) => `Ruas ${(index * 7919) % 1000} ${['Kupang', 'atambua', 'Ende'][index % 3]}`,
    );
    const collator = new Intl.Collator('id', { numeric: true, sensitivity: 'base' });
    expect(sorted(names)).toEqual([...names].sort(collator.compare));
  });

  it('leaves numbers as numbers', () => {
    expect(sortKeyOf(20.5)).toBe(20.5);
  });
});
