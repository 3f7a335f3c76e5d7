import { z } from 'zod';
import { ROAD_STATUSES } from '../model/road-network';

/** A yearly handling programme: what the planner set; the list itself is recomputed from the network. */
export const WorkProgrammeSchema = z.strictObject({
  id: z.string().min(1).max(100),
  year: z.number().int().min(2000).max(2100),
  /** The budget ceiling in rupiah. */
  budgetIdr: z.number().nonnegative().max(1e15),
  /** The handling catalogue (its newest version) the list is priced with. */
  catalogueId: z.string().min(1).max(100),
  /** Road statuses the programme covers (the province handles provinsi roads). */
  statuses: z
    .array(z.enum(ROAD_STATUSES).exclude(['rdtl']))
    .min(1)
    .max(5),
  savedAt: z.iso.datetime(),
});
export type WorkProgramme = z.infer<typeof WorkProgrammeSchema>;

/** The programme a new database starts with: 2026, Rp 150 miliar, provincial roads, the example catalogue. */
export const DEFAULT_WORK_PROGRAMME: Omit<WorkProgramme, 'savedAt'> = {
  id: 'programme-2026',
  year: 2026,
  budgetIdr: 150_000_000_000,
  catalogueId: 'contoh-penanganan-2026',
  statuses: ['provinsi'],
};
