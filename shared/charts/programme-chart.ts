import type { NetworkSummary } from '../analysis/network-summary';
import { regencyName } from '../model/regencies';
import { CONDITION_COLORS, HIGHLIGHT_COLORS } from '../style/map-colours';
import type { ChartData } from './chart-data';

/**
 * Kemantapan before and after a programme, the province first, then each regency by its kemantapan after: a bar of
 * the kemantapan before and, stacked on it, what the programme adds (in the map's programme colour), so a bar ends
 * at the kemantapan after. Regencies with no known condition have no bar.
 */
export function chartKemantapanBeforeAfter(before: NetworkSummary, after: NetworkSummary): ChartData {
  const afterOf = new Map(after.regencies.map((regency) => [regency.regencyCode, regency.kemantapanPct]));
  const rows = [
    {
      key: 'province',
      nameKey: 'programme.province',
      before: before.total.kemantapanPct,
      after: after.total.kemantapanPct,
    },
    ...before.regencies
      .map((regency) => ({
        key: regency.regencyCode ?? 'none',
        name: regencyName(regency.regencyCode).replace(/^Kabupaten /, ''),
        before: regency.kemantapanPct,
        after: afterOf.get(regency.regencyCode) ?? null,
      }))
      .sort((a, b) => (b.after ?? -1) - (a.after ?? -1) || a.key.localeCompare(b.key)),
  ].filter((row) => row.before !== null && row.after !== null);
  const colours = { before: CONDITION_COLORS.baik!, gain: HIGHLIGHT_COLORS.programme };
  return {
    id: 'programme-kemantapan',
    titleKey: 'programme.chart.title',
    unit: 'percent',
    rows: rows.map(({ key, ...row }) => ('nameKey' in row ? { key, nameKey: row.nameKey } : { key, name: row.name })),
    series: [
      { key: 'before', nameKey: 'programme.chart.before', colour: colours.before },
      { key: 'gain', nameKey: 'programme.chart.gain', colour: colours.gain },
    ],
    bars: rows.flatMap((row) => [
      { rowKey: row.key, seriesKey: 'before', value: row.before!, colour: colours.before },
      ...(row.after! > row.before!
        ? [{ rowKey: row.key, seriesKey: 'gain', value: row.after! - row.before!, colour: colours.gain }]
        : []),
    ]),
    domainMax: 100,
  };
}
