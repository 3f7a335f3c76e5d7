import { z } from 'zod';

export const OBLIGOR_TYPES = ['pln', 'telkom', 'pdam', 'isp', 'company', 'individual'] as const;
export const ObligorTypeSchema = z.enum(OBLIGOR_TYPES);
export type ObligorType = z.infer<typeof ObligorTypeSchema>;

/** A wajib retribusi. Assets link to it through the owner names found in asset data that the user confirmed. */
export const ObligorSchema = z.strictObject({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  type: ObligorTypeSchema,
  /** NPWP: 15 or 16 digits, punctuation allowed. */
  npwp: z
    .string()
    .trim()
    .regex(/^[0-9.\-\s]{15,25}$/, 'NPWP')
    .nullable(),
  /** NIB (Nomor Induk Berusaha): 13 digits. */
  nib: z
    .string()
    .trim()
    .regex(/^[0-9]{13}$/, 'NIB')
    .nullable(),
  address: z.string().trim().max(500),
  contact: z.string().trim().max(200),
  /** Owner names as written in asset data, confirmed by the user as this obligor. */
  ownerNames: z.array(z.string().trim().min(1).max(200)),
  demo: z.boolean(),
});
export type Obligor = z.infer<typeof ObligorSchema>;
