import { describe, expect, it } from 'vitest';
import { formatClassRanges } from './format-class-ranges';

// Expected labels written by hand from the breaks.
describe('formatClassRanges', () => {
  it('road lengths from 2 723,1 m to 18 985 m read in km with two decimals, the unit on every bound', () => {
    expect(formatClassRanges([2723.1, 10854.05, 18985], 'length', 'id')).toEqual([
      '2,72 km – 10,85 km',
      '10,85 km – 18,99 km',
    ]);
    expect(formatClassRanges([2723.1, 10854.05, 18985], 'length', 'en')).toEqual([
      '2.72 km – 10.85 km',
      '10.85 km – 18.99 km',
    ]);
  });

  it('takes more decimals only when two bounds would read the same, and then for every bound', () => {
    expect(formatClassRanges([1000, 1002, 1010], 'length', 'id')).toEqual([
      '1,000 km – 1,002 km',
      '1,002 km – 1,010 km',
    ]);
    expect(formatClassRanges([2.5, 3, 7.25], null, 'id')).toEqual(['2,5 – 3,0', '3,0 – 7,3']);
    expect(formatClassRanges([2.5, 3, 7.25, 7.3], null, 'en')).toEqual(['2.50 – 3.00', '3.00 – 7.25', '7.25 – 7.30']);
  });

  it('short lengths and widths stay in metres; a file column without unit gets none', () => {
    expect(formatClassRanges([25, 60.5, 100], 'length', 'id')).toEqual(['25,0 m – 60,5 m', '60,5 m – 100,0 m']);
    expect(formatClassRanges([4.5, 6, 7], 'm', 'en')).toEqual(['4.5 m – 6.0 m', '6.0 m – 7.0 m']);
    expect(formatClassRanges([1200, 25000], null, 'id')).toEqual(['1.200 – 25.000']);
    expect(formatClassRanges([1200, 25000], null, 'en')).toEqual(['1,200 – 25,000']);
  });

  it('chainages as STA, years as years', () => {
    expect(formatClassRanges([0, 16250.4, 45500], 'sta', 'id')).toEqual([
      'STA 0+000 – STA 16+250',
      'STA 16+250 – STA 45+500',
    ]);
    expect(formatClassRanges([2019, 2022.5, 2026], 'year', 'en')).toEqual(['2019 – 2023', '2023 – 2026']);
  });
});
