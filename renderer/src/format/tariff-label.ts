import type { TFunction } from 'i18next';
import { EXAMPLE_TARIFF_SCHEDULE, type TariffItem, type TariffSchedule } from '#shared/tariff/tariff-schedule';

/**
 * Names of the shipped example schedule in the UI language. A name or label the user has changed is theirs and is
 * shown as typed.
 */
export function scheduleName(schedule: TariffSchedule, t: TFunction): string {
  const shipped = schedule.id === EXAMPLE_TARIFF_SCHEDULE.id && schedule.name === EXAMPLE_TARIFF_SCHEDULE.name;
  return shipped ? t('tariff.exampleName') : schedule.name;
}

export function tariffItemLabel(schedule: TariffSchedule, item: TariffItem, t: TFunction): string {
  const shipped =
    schedule.id === EXAMPLE_TARIFF_SCHEDULE.id &&
    EXAMPLE_TARIFF_SCHEDULE.items.some((example) => example.id === item.id && example.label === item.label);
  return shipped ? t(`tariff.items.${item.id}`) : item.label;
}
