import type { TFunction } from 'i18next';
import type { ProgrammePlan } from '#shared/programme/plan-programme';
import type { SpreadsheetCell } from '#shared/format/spreadsheet-text';
import { regencyName } from '#shared/model/regencies';
import { itemName } from './item-name';
import type { WorkProgramme } from '#shared/programme/work-programme';
import type { HandlingCatalogue } from '#shared/programme/handling-catalogue';
import { programmeRegencyRows as regencyRows } from '#shared/programme/programme-regency-rows';

const km = (metres: number) => Math.round(metres) / 1000;

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

/** The per-regency sheet in the UI language (the rows themselves: shared/programme/programme-regency-rows). */
export function programmeRegencyRows(plan: ProgrammePlan, t: TFunction): SpreadsheetCell[][] {
  return regencyRows(plan, {
    header: [
      t('programme.regency'),
      `${t('programme.cost')} (Rp)`,
      t('programme.roadKm'),
      t('programme.bridgeM'),
      `${t('programme.before')} (%)`,
      `${t('programme.after')} (%)`,
    ],
    province: t('programme.province'),
  });
}

/**
 * What the workbook is and where its prices come from, so an example price list or a demo network cannot leave the
 * office looking like an official programme.
 */
export function programmeAboutRows(
  programme: WorkProgramme,
  catalogue: HandlingCatalogue,
  demo: boolean,
  t: TFunction,
): SpreadsheetCell[][] {
  return [
    [t('programme.about.field'), t('programme.about.value')],
    [t('programme.about.department'), t('app.department')],
    [t('programme.year'), programme.year],
    [t('programme.budget'), programme.budgetIdr],
    [t('programme.statuses'), programme.statuses.map((status) => t(`model.status.${status}`)).join(', ')],
    [
      t('programme.about.catalogue'),
      `${catalogue.name} (${t('programme.catalogue.version', { version: catalogue.version })})`,
    ],
    [t('programme.catalogue.reference'), catalogue.reference],
    [
      t('programme.about.prices'),
      catalogue.example ? t('programme.about.examplePrices') : t('programme.about.adoptedPrices'),
    ],
    [t('programme.about.network'), demo ? t('programme.about.demoNetwork') : t('programme.about.ownNetwork')],
  ];
}
