import { z } from 'zod';
import { IsoDateSchema } from '../model/iso-date';

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Whole calendar months a period covers; null when it does not start on a 1st and end on a month's last day. */
export function monthsOfPeriod(period: { start: string; end: string }): number | null {
  const [startYear, startMonth, startDay] = period.start.split('-').map(Number) as [number, number, number];
  const [endYear, endMonth, endDay] = period.end.split('-').map(Number) as [number, number, number];
  if (startDay !== 1 || endDay !== lastDayOfMonth(endYear, endMonth)) return null;
  const months = (endYear - startYear) * 12 + (endMonth - startMonth) + 1;
  return months > 0 ? months : null;
}

export const PeriodSchema = z
  .strictObject({
    id: z.string().min(1).max(100),
    label: z.string().trim().min(1).max(100),
    start: IsoDateSchema,
    end: IsoDateSchema,
    /** The day payment is due for assessments of this period. */
    dueDate: IsoDateSchema,
    /** The tariff schedule version in force for the period. */
    tariffScheduleId: z.string().min(1).max(100),
    tariffVersion: z.number().int().positive(),
  })
  .refine((period) => monthsOfPeriod(period) !== null, {
    message: 'validation.wholeMonths',
    path: ['end'],
  });

/** An enforcement programme: one corridor, its periods and their tariff versions. */
export const ProgrammeSchema = z.strictObject({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  /** Id of the corridor feature (system layer of enforcement corridors). */
  corridorId: z.string().min(1).max(100),
  status: z.enum(['planned', 'active', 'closed']),
  periods: z.array(PeriodSchema).min(1),
  demo: z.boolean(),
});
export type Programme = z.infer<typeof ProgrammeSchema>;
