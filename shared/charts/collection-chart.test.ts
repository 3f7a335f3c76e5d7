import { describe, expect, it } from 'vitest';
import { createDemoDataset } from '../demo/create-demo-dataset';
import { createDemoRetribution } from '../demo/create-demo-retribution';
import { sumPeriodTotals } from '../retribution/sum-period-totals';
import { chartSpreadsheetRows } from './chart-spreadsheet';
import { barValue, rowFigure } from './chart-data';
import { chartCollection, summarizeCollection } from './collection-chart';
import { findPotentialYears } from './find-potential-years';

describe('collection per corridor and year', () => {
  const demo = createDemoRetribution(
    createDemoDataset('2026-03-01T00:00:00.000Z').features,
    '2026-03-01T00:00:00.000Z',
  );
  const totals = sumPeriodTotals(demo.assessments, demo.payments, demo.programmes);

  it('adds the periods of a year: assessed and collected as the recap has them, by hand', () => {
    // By hand (create-assessment-recap.test.ts): each semester 49.429.526 assessed; paid 28.520.961 in the first,
    // PLN's 10.125.000 in the second.
    expect(totals.map((total) => [total.period, total.issuedIdr, total.paidIdr])).toEqual([
      ['Semester I 2026', 49_429_526, 28_520_961],
      ['Semester II 2026', 49_429_526, 10_125_000],
    ]);
    const rows = summarizeCollection(totals, (id) => (id === 'demo-corridor-kupang' ? 123_000_000 : null));
    expect(rows).toEqual([
      {
        corridorId: 'demo-corridor-kupang',
        year: 2026,
        potentialIdr: 123_000_000,
        assessedIdr: 98_859_052,
        collectedIdr: 38_645_961,
        periods: ['Semester I 2026', 'Semester II 2026'],
      },
    ]);
    const chart = chartCollection(rows, () => 'Kupang');
    expect(chart.layout).toBe('nested');
    expect(chart.series.map((series) => series.key)).toEqual(['potential', 'assessed', 'collected']);
    expect(barValue(chart, 'demo-corridor-kupang:2026', 'collected')).toBe(38_645_961);
    // Nested bars: the row's figure is its largest, not a sum; the spreadsheet has no total column.
    expect(rowFigure(chart, 'demo-corridor-kupang:2026')).toBe(123_000_000);
    const sheet = chartSpreadsheetRows(chart, {
      title: 'T',
      rowHeader: 'Koridor',
      rowName: (row) => row.name!,
      seriesName: (series) => series.key,
      unit: 'Rp',
    });
    expect(sheet[1]).toEqual(['Koridor', 'potential (Rp)', 'assessed (Rp)', 'collected (Rp)']);
    expect(sheet[2]).toEqual(['Kupang', 123_000_000, 98_859_052, 38_645_961]);
  });

  it('without a yearly analysis the chart has no potential series; years name the rows when there are several', () => {
    const rows = summarizeCollection(
      [...totals, { ...totals[0]!, period: 'Semester I 2027', year: 2027, paidIdr: 0 }],
      null,
    );
    const chart = chartCollection(rows, () => 'Kupang');
    expect(chart.series.map((series) => series.key)).toEqual(['assessed', 'collected']);
    expect(chart.rows.map((row) => row.name)).toEqual(['Kupang 2026', 'Kupang 2027']);
  });

  it('puts the potential only beside the year the analysis ran, priced with the tariff version of that year', () => {
    // 2027 is assessed too (a copy of the first semester): the analysis of 2026 says nothing about it.
    const twoYears = [...totals, { ...totals[0]!, period: 'Semester I 2027', year: 2027, paidIdr: 0 }];
    const tariff = demo.programmes[0]!.periods[0]!;
    const standsFor = findPotentialYears(
      demo.programmes,
      { scheduleId: tariff.tariffScheduleId, scheduleVersion: tariff.tariffVersion },
      2026,
    );
    const rows = summarizeCollection(twoYears, (id, year) => (standsFor(id, year) ? 123_000_000 : null));
    expect(rows.map((row) => [row.year, row.potentialIdr])).toEqual([
      [2026, 123_000_000],
      [2027, null],
    ]);
    const chart = chartCollection(rows, () => 'Kupang');
    // No potential bar for 2027 (not a bar of length 0), and its spreadsheet cell is empty, not 0.
    expect(chart.bars.filter((bar) => bar.seriesKey === 'potential').map((bar) => bar.rowKey)).toEqual([
      'demo-corridor-kupang:2026',
    ]);
    const sheet = chartSpreadsheetRows(chart, {
      title: 'T',
      rowHeader: 'Koridor',
      rowName: (row) => row.name!,
      seriesName: (series) => series.key,
      unit: 'Rp',
    });
    expect(sheet.slice(2)).toEqual([
      ['Kupang 2026', 123_000_000, 98_859_052, 38_645_961],
      ['Kupang 2027', null, 49_429_526, 0],
    ]);
    // Another tariff version in force, or another year analysed: no potential at all.
    expect(
      findPotentialYears(
        demo.programmes,
        { scheduleId: tariff.tariffScheduleId, scheduleVersion: 99 },
        2026,
      )('demo-corridor-kupang', 2026),
    ).toBe(false);
    expect(standsFor('demo-corridor-kupang', 2025)).toBe(false);
    // A year with a period priced otherwise is not the analysis's either.
    const mixed = [
      {
        ...demo.programmes[0]!,
        periods: [demo.programmes[0]!.periods[0]!, { ...demo.programmes[0]!.periods[1]!, tariffVersion: 2 }],
      },
    ];
    expect(
      findPotentialYears(
        mixed,
        { scheduleId: tariff.tariffScheduleId, scheduleVersion: tariff.tariffVersion },
        2026,
      )('demo-corridor-kupang', 2026),
    ).toBe(false);
  });
});
