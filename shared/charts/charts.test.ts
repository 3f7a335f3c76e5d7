import { describe, expect, it } from 'vitest';
import type { StoredFeature } from '../model/layer';
import { summarizeNetwork } from '../analysis/network-summary';
import type { RetributionEstimate } from '../tariff/estimate-retribution';
import { CONDITION_COLORS } from '../style/map-colours';
import { chartBridgesByCondition, chartConditionKmByRegency, chartKemantapanByRegency } from './network-charts';
import { chartRetributionByCategory, chartRetributionByOwner, MAX_OWNER_BARS } from './retribution-charts';
import { chartSpreadsheetRows } from './chart-spreadsheet';
import { rowTotal } from './chart-data';

function road(id: string, regencyCode: string, condition: string | null, lengthM: number): StoredFeature {
  return {
    id,
    layerId: 'roads',
    geometry: {
      type: 'LineString',
      coordinates: [
        [0, 0],
        [0, 1],
      ],
    },
    properties: { kind: 'road', regencyCode, status: 'provinsi', condition, lengthM },
  };
}
function bridge(id: string, condition: string | null, existence = 'existing'): StoredFeature {
  return {
    id,
    layerId: 'bridges',
    geometry: { type: 'Point', coordinates: [0, 0] },
    properties: { kind: 'bridge', condition, existence, lengthM: 20 },
  };
}

// Hand figures: Kupang (5303) 3 km baik + 1 km rusak berat → 75 %; Kota Kupang (5371) 1 km sedang + 1 km rusak
// ringan + 2,5 km unknown → 50 % of the known 2 km; Belu (5306) 6 km rusak berat → 0 %; Alor (5307) only unknown.
const features = [
  road('a', '5303', 'baik', 3000),
  road('b', '5303', 'rusak_berat', 1000),
  road('c', '5371', 'sedang', 1000),
  road('d', '5371', 'rusak_ringan', 1000),
  road('e', '5371', null, 2500),
  road('f', '5306', 'rusak_berat', 6000),
  road('g', '5307', null, 500),
  bridge('p', 'baik'),
  bridge('q', 'baik'),
  bridge('r', null, 'proposed'),
];
const summary = summarizeNetwork(features);

describe('network charts', () => {
  it('kemantapan: highest first, regencies without known condition left out, target kept', () => {
    const chart = chartKemantapanByRegency(summary, 60);
    expect(chart.rows.map((row) => row.name)).toEqual(['Kupang', 'Kota Kupang', 'Belu']);
    expect(chart.bars.map((bar) => bar.value)).toEqual([75, 50, 0]);
    expect(chart.target).toBe(60);
    expect(chart.domainMax).toBe(100);
    expect(chartKemantapanByRegency(summary, null).target).toBeUndefined();
  });

  it('km by condition: stacks per regency in km, longest network first, unknown shown when any', () => {
    const chart = chartConditionKmByRegency(summary);
    expect(chart.rows.map((row) => row.key)).toEqual(['5306', '5371', '5303', '5307']);
    expect(chart.series.map((series) => series.key)).toEqual([
      'baik',
      'sedang',
      'rusak_ringan',
      'rusak_berat',
      'unknown',
    ]);
    expect(rowTotal(chart, '5371')).toBe(4.5);
    expect(chart.bars.filter((bar) => bar.rowKey === '5303')).toEqual([
      { rowKey: '5303', seriesKey: 'baik', value: 3, colour: CONDITION_COLORS.baik },
      { rowKey: '5303', seriesKey: 'rusak_berat', value: 1, colour: CONDITION_COLORS.rusak_berat },
    ]);
  });

  it('bridges: a count per condition in the table order, proposed last', () => {
    const chart = chartBridgesByCondition(summary);
    expect(chart.bars.map((bar) => [bar.rowKey, bar.value])).toEqual([
      ['baik', 2],
      ['sedang', 0],
      ['rusak_ringan', 0],
      ['rusak_berat', 0],
      ['unknown', 0],
      ['proposed', 1],
    ]);
  });

  it('spreadsheet rows carry the unrounded figures and a total for stacks', () => {
    const chart = chartConditionKmByRegency(summary);
    const rows = chartSpreadsheetRows(chart, {
      title: 'T',
      rowHeader: 'Kabupaten',
      rowName: (row) => row.name ?? '',
      seriesName: (series) => series.key,
      unit: 'km',
    });
    expect(rows[1]).toEqual([
      'Kabupaten',
      'baik (km)',
      'sedang (km)',
      'rusak_ringan (km)',
      'rusak_berat (km)',
      'unknown (km)',
      'Σ (km)',
    ]);
    expect(rows[3]).toEqual(['Kota Kupang', 0, 1, 1, 0, 2.5, 4.5]);
  });
});

describe('retribution charts', () => {
  const estimate = {
    byOwner: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`Owner ${i + 1}`, (i + 1) * 1_000_000])),
    byCategory: { tiang_listrik: 5_000_000, menara: 12_500_000 },
  } as unknown as RetributionEstimate;

  it('owners largest first; beyond the limit the smallest are one "others" bar with their sum', () => {
    const chart = chartRetributionByOwner(estimate);
    expect(chart.rows).toHaveLength(MAX_OWNER_BARS);
    expect(chart.rows[0]).toEqual({ key: 'owner:Owner 10', name: 'Owner 10' });
    // Owners 1–3 (1 + 2 + 3 million) are the rest.
    expect(chart.rows.at(-1)).toEqual({ key: 'others', nameKey: 'charts.others', count: 3 });
    expect(chart.bars.at(-1)!.value).toBe(6_000_000);
    expect(chart.bars.reduce((sum, bar) => sum + bar.value, 0)).toBe(55_000_000);
  });

  it('categories largest first with their i18n names', () => {
    const chart = chartRetributionByCategory(estimate);
    expect(chart.rows.map((row) => row.nameKey)).toEqual(['model.category.menara', 'model.category.tiang_listrik']);
    expect(chart.bars.map((bar) => bar.value)).toEqual([12_500_000, 5_000_000]);
  });
});
