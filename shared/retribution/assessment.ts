import { z } from 'zod';
import { AssetCategorySchema } from '../model/road-network';
import { IsoDateSchema } from '../model/iso-date';

export const AssessmentLineSchema = z.strictObject({
  assetId: z.string().min(1),
  category: AssetCategorySchema,
  ruasNumber: z.string().nullable(),
  staM: z.number().nonnegative().nullable(),
  zone: z.enum(['rumaja', 'rumija', 'ruwasja', 'luar']),
  quantity: z.number().nonnegative(),
  unit: z.enum(['unit', 'm', 'm2']),
  tariffItemId: z.string(),
  ratePerYearIdr: z.number().nonnegative(),
  /** Whole rupiah: quantity × rate × months / 12, rounded once per line. */
  amountIdr: z.number().int().nonnegative(),
});
export type AssessmentLine = z.infer<typeof AssessmentLineSchema>;

/** What the notice prints about the obligor, copied when the assessment is made so later edits do not change it. */
export const ObligorSnapshotSchema = z.strictObject({
  name: z.string(),
  type: z.string(),
  npwp: z.string().nullable(),
  address: z.string(),
});

/**
 * One SKRD: what one obligor owes for one corridor and period. A draft may be remade; an issued one is frozen and is
 * corrected only by a revision (a new assessment whose `replacesId` names it), which marks it `replaced` when issued.
 */
export const AssessmentSchema = z
  .strictObject({
    id: z.string().min(1).max(100),
    /** Null until issued; then from the numbering pattern, unique and gap-free. */
    number: z.string().nullable(),
    status: z.enum(['draft', 'issued', 'replaced']),
    obligorId: z.string().min(1),
    obligor: ObligorSnapshotSchema,
    programmeId: z.string().min(1),
    periodId: z.string().min(1),
    corridorId: z.string().min(1),
    periodStart: IsoDateSchema,
    periodEnd: IsoDateSchema,
    months: z.number().int().positive(),
    dueDate: IsoDateSchema,
    tariffScheduleId: z.string(),
    tariffVersion: z.number().int().positive(),
    tariffExample: z.boolean(),
    tariffLegalReference: z.string(),
    lines: z.array(AssessmentLineSchema).min(1),
    totalIdr: z.number().int().nonnegative(),
    revision: z.number().int().nonnegative(),
    replacesId: z.string().nullable(),
    replacedById: z.string().nullable(),
    reason: z.string().trim().max(1000).nullable(),
    createdAt: z.string(),
    issuedAt: z.string().nullable(),
    demo: z.boolean(),
  })
  .refine((assessment) => assessment.totalIdr === assessment.lines.reduce((sum, line) => sum + line.amountIdr, 0), {
    message: 'validation.totalNotSum',
    path: ['totalIdr'],
  })
  .refine((assessment) => (assessment.status === 'draft') === (assessment.number === null), {
    message: 'validation.numberOnlyIssued',
    path: ['number'],
  })
  .refine((assessment) => assessment.replacesId === null || (assessment.reason ?? '').length > 0, {
    message: 'validation.revisionReason',
    path: ['reason'],
  });
export type Assessment = z.infer<typeof AssessmentSchema>;
