import type { Programme } from '../retribution/programme';

/** The tariff version an estimate priced the assets with. */
export interface PricedWith {
  scheduleId: string;
  scheduleVersion: number;
}

/**
 * Which corridor years a yearly potential stands for. The analysis priced the asset register as it was on the day it
 * ran, with one tariff version: it says nothing of another year's assets, nor of a year priced with another tariff.
 * So a corridor's year gets the potential only when it is the year the analysis ran and every period of the
 * corridor's programmes starting that year is priced with that same tariff version. Other years get none.
 */
export function findPotentialYears(
  programmes: readonly Pick<Programme, 'corridorId' | 'periods'>[],
  pricedWith: PricedWith,
  analysedYear: number,
): (corridorId: string, year: number) => boolean {
  return (corridorId, year) => {
    if (year !== analysedYear) return false;
    const periods = programmes
      .filter((programme) => programme.corridorId === corridorId)
      .flatMap((programme) => programme.periods)
      .filter((period) => Number(period.start.slice(0, 4)) === year);
    return (
      periods.length > 0 &&
      periods.every(
        (period) =>
          period.tariffScheduleId === pricedWith.scheduleId && period.tariffVersion === pricedWith.scheduleVersion,
      )
    );
  };
}
