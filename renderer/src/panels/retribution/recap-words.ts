import type { TFunction } from 'i18next';
import type { Locale } from '#shared/format/format-number';
import { RECAP_COLUMNS, type RecapWords } from '#shared/retribution/create-assessment-recap';

/** The recap's words in the UI language. */
export function recapWords(t: TFunction, locale: Locale): RecapWords {
  return {
    locale,
    column: Object.fromEntries(
      RECAP_COLUMNS.map((column) => [column, t(`retribution.recap.column.${column}`)]),
    ) as RecapWords['column'],
    status: { draft: t('retribution.recap.status.draft'), issued: t('retribution.recap.status.issued') },
    periodTotal: (period) => t('retribution.recap.periodTotal', { period }),
    grandTotal: t('retribution.recap.grandTotal'),
    demo: t('retribution.recap.demo'),
    exampleTariff: t('retribution.recap.exampleTariff'),
  };
}
