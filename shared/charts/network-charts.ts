import type { NetworkSummary } from '../analysis/network-summary';
import { CONDITIONS } from '../model/road-network';
import { regencyName } from '../model/regencies';
import { CASING_COLOR, CONDITION_COLORS } from '../style/map-colours';
import type { ChartData, ChartRow } from './chart-data';

const ROAD_CONDITIONS = [...CONDITIONS, 'unknown'] as const;
const BRIDGE_CONDITIONS = [...CONDITIONS, 'unknown', 'proposed'] as const;

/** "Kabupaten Timor Tengah Selatan" → "Timor Tengah Selatan"; "Kota Kupang" stays, apart from Kabupaten Kupang. */
function shortRegencyName(code: string | null): string {
  return regencyName(code).replace(/^Kabupaten /, '');
}

function regencyRow(code: string | null): ChartRow {
  return { key: code ?? 'none', name: shortRegencyName(code) };
}

/**
 * Kemantapan per regency, highest first, from the summary the table shows (regencies with no known condition have no
 * kemantapan and no bar). `targetPct` is the provincial target the user set, drawn as a line.
 */
export function chartKemantapanByRegency(summary: NetworkSummary, targetPct?: number | null): ChartData {
  const regencies = summary.regencies
    .filter((regency) => regency.kemantapanPct !== null)
    .sort((a, b) => b.kemantapanPct! - a.kemantapanPct! || (a.regencyCode ?? '').localeCompare(b.regencyCode ?? ''));
  return {
    id: 'kemantapan',
    titleKey: 'charts.kemantapan.title',
    unit: 'percent',
    rows: regencies.map((regency) => regencyRow(regency.regencyCode)),
    series: [{ key: 'kemantapan', nameKey: 'charts.kemantapan.series', colour: CONDITION_COLORS.baik! }],
    bars: regencies.map((regency) => ({
      rowKey: regencyRow(regency.regencyCode).key,
      seriesKey: 'kemantapan',
      value: regency.kemantapanPct!,
      colour: CONDITION_COLORS.baik!,
    })),
    domainMax: 100,
    ...(targetPct !== null && targetPct !== undefined && Number.isFinite(targetPct) ? { target: targetPct } : {}),
  };
}

/** Kilometres by condition per regency, stacked good to heavily damaged, the longest network first. */
export function chartConditionKmByRegency(summary: NetworkSummary): ChartData {
  const conditions = ROAD_CONDITIONS.filter(
    (condition) => condition !== 'unknown' || summary.total.byCondition.unknown,
  );
  const regencies = [...summary.regencies].sort(
    (a, b) => b.totalM - a.totalM || (a.regencyCode ?? '').localeCompare(b.regencyCode ?? ''),
  );
  return {
    id: 'condition-km',
    titleKey: 'charts.conditionKm.title',
    unit: 'km',
    rows: regencies.map((regency) => regencyRow(regency.regencyCode)),
    series: conditions.map((condition) => ({
      key: condition,
      nameKey: `model.condition.${condition}`,
      colour: CONDITION_COLORS[condition]!,
    })),
    bars: regencies.flatMap((regency) =>
      conditions
        .filter((condition) => regency.byCondition[condition] > 0)
        .map((condition) => ({
          rowKey: regencyRow(regency.regencyCode).key,
          seriesKey: condition,
          value: regency.byCondition[condition] / 1000,
          colour: CONDITION_COLORS[condition]!,
        })),
    ),
  };
}

/** Bridges by condition (count), in the table's order; a proposed bridge is white, drawn with its outline. */
export function chartBridgesByCondition(summary: NetworkSummary): ChartData {
  return {
    id: 'bridge-condition',
    titleKey: 'charts.bridges.title',
    unit: 'count',
    rows: BRIDGE_CONDITIONS.map((key) => ({ key, nameKey: `model.condition.${key}` })),
    series: [{ key: 'count', nameKey: 'charts.bridges.series', colour: CASING_COLOR }],
    bars: BRIDGE_CONDITIONS.map((key) => ({
      rowKey: key,
      seriesKey: 'count',
      value: summary.bridges.byCondition[key].count,
      colour: CONDITION_COLORS[key]!,
    })),
  };
}
