import type { TFunction } from 'i18next';
import type { ProgrammePlan } from '#shared/programme/plan-programme';
import type { SpreadsheetCell } from '#shared/format/spreadsheet-text';
import { regencyName } from '#shared/model/regencies';
import { itemName } from './item-name';

const km = (metres: number) => Math.round(metres) / 1000;
const pct = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** The candidate list as spreadsheet rows (header first): lengths in km or m, rupiah whole, numbers as numbers. */
export function programmeListRows(plan: ProgrammePlan, t: TFunction): SpreadsheetCell[][] {
  return [
    [
      t('programme.rank'),
      t('programme.item'),
      t('programme.regency'),
      t('programme.condition'),
      t('programme.handling'),
      `${t('programme.length')} (km)`,
      `${t('programme.length')} (m)`,
      `${t('programme.unitCost')} (Rp/km)`,
      `${t('programme.unitCost')} (Rp/m)`,
      `${t('programme.cost')} (Rp)`,
      t('programme.status'),
    ],
    ...plan.items.map((item) => [
      item.rank,
      itemName(item, t),
      regencyName(item.regencyCode),
      t(`model.condition.${item.state}`),
      t(`programme.handlingName.${item.handling}`),
      item.kind === 'road' ? km(item.lengthM) : null,
      item.kind === 'bridge' ? item.lengthM : null,
      item.kind === 'road' ? item.unitCostIdr : null,
      item.kind === 'bridge' ? item.unitCostIdr : null,
      item.costIdr,
      item.funded ? t('programme.funded') : t('programme.notFunded'),
    ]),
  ];
}

/** Cost, kilometres and kemantapan before and after per regency, the province last (header first). */
export function programmeRegencyRows(plan: ProgrammePlan, t: TFunction): SpreadsheetCell[][] {
  const cost = new Map(plan.byRegency.map((row) => [row.regencyCode, row]));
  const after = new Map(plan.after.regencies.map((row) => [row.regencyCode, row]));
  return [
    [
      t('programme.regency'),
      `${t('programme.cost')} (Rp)`,
      t('programme.roadKm'),
      `${t('programme.before')} (%)`,
      `${t('programme.after')} (%)`,
    ],
    ...plan.before.regencies.map((row) => [
      regencyName(row.regencyCode),
      cost.get(row.regencyCode)?.fundedIdr ?? 0,
      km(cost.get(row.regencyCode)?.fundedRoadM ?? 0),
      pct(row.kemantapanPct),
      pct(after.get(row.regencyCode)?.kemantapanPct ?? null),
    ]),
    [
      t('programme.province'),
      plan.fundedIdr,
      km(plan.fundedRoadM),
      pct(plan.before.total.kemantapanPct),
      pct(plan.after.total.kemantapanPct),
    ],
  ];
}
