import { z } from 'zod';
import { AssessmentSchema } from '../retribution/assessment';
import { ObligorSchema } from '../retribution/obligor';
import { PaymentSchema } from '../retribution/payment';
import { ProgrammeSchema } from '../retribution/programme';
import { RetributionSettingsSchema } from '../retribution/retribution-settings';
import { HandlingCatalogueSchema } from '../programme/handling-catalogue';
import { WorkProgrammeSchema } from '../programme/work-programme';

/**
 * The registers a project carries beside its layers, each row checked against its model when a file is read: the
 * retribution cycle (obligors, programmes, notices, payments — legal records a restore must bring back) and the
 * road programme (handling catalogues with every saved version, work programmes). Field photos have tables of their
 * own (project-tables.ts, format 3).
 */
export const PROJECT_RECORD_SCHEMAS = {
  obligors: ObligorSchema,
  programmes: ProgrammeSchema,
  assessments: AssessmentSchema,
  payments: PaymentSchema,
  retributionSettings: RetributionSettingsSchema,
  handlingCatalogues: z.strictObject({ catalogue: HandlingCatalogueSchema, savedAt: z.iso.datetime() }),
  workProgrammes: WorkProgrammeSchema,
} as const;

export type ProjectRecordStore = keyof typeof PROJECT_RECORD_SCHEMAS;
export const PROJECT_RECORD_STORES = Object.keys(PROJECT_RECORD_SCHEMAS) as ProjectRecordStore[];
export type ProjectRecords = { [S in ProjectRecordStore]: z.infer<(typeof PROJECT_RECORD_SCHEMAS)[S]>[] };

/** The key a record is stored under in the file, for messages that name the row. */
export function recordKeyOf(store: ProjectRecordStore, record: Record<string, unknown>): string {
  if (store === 'handlingCatalogues') {
    const catalogue = record.catalogue as { id: string; version: number };
    return `${catalogue.id}@${catalogue.version}`;
  }
  return String(record.id);
}

export const emptyProjectRecords = (): ProjectRecords =>
  Object.fromEntries(PROJECT_RECORD_STORES.map((store) => [store, []])) as unknown as ProjectRecords;
