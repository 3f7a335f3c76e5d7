import type { SpreadsheetCell } from '../format/spreadsheet-text';
import { regencyName } from '../model/regencies';
import type { ProgrammePlan } from './plan-programme';

const km = (metres: number) => Math.round(metres) / 1000;
const pct = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** Column headers (regency, cost, road km, bridge m, before, after) and the province row's name, in the caller's words. */
export interface RegencyRowWords {
  header: string[];
  province: string;
}

/**
 * Cost, road kilometres, bridge metres and kemantapan before and after per regency, the province last (header first),
 * numbers as numbers: the Program tab's sheet and `rumija programme`'s are the same rows.
 */
export function programmeRegencyRows(plan: ProgrammePlan, words: RegencyRowWords): SpreadsheetCell[][] {
  return [
    words.header,
    ...plan.regencies.map((row) => [
      regencyName(row.regencyCode),
      row.fundedIdr,
      km(row.fundedRoadM),
      row.fundedBridgeM,
      pct(row.beforePct),
      pct(row.afterPct),
    ]),
    [
      words.province,
      plan.fundedIdr,
      km(plan.fundedRoadM),
      plan.fundedBridgeM,
      pct(plan.before.total.kemantapanPct),
      pct(plan.after.total.kemantapanPct),
    ],
  ];
}
