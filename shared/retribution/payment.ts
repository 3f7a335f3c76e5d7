import { z } from 'zod';
import { IsoDateSchema } from '../model/iso-date';

export const AllocationSchema = z.strictObject({
  assessmentId: z.string().min(1),
  amountIdr: z.number().int().positive(),
});
export type Allocation = z.infer<typeof AllocationSchema>;

/** Money received: one payment may settle part of one assessment or several assessments at once. */
export const PaymentSchema = z
  .strictObject({
    id: z.string().min(1).max(100),
    date: IsoDateSchema,
    amountIdr: z.number().int().positive(),
    bankReference: z.string().trim().max(200),
    obligorId: z.string().min(1),
    allocations: z.array(AllocationSchema),
    source: z.enum(['manual', 'bank-statement']),
    note: z.string().trim().max(500),
    recordedAt: z.string(),
    demo: z.boolean(),
  })
  .refine((payment) => payment.allocations.reduce((sum, a) => sum + a.amountIdr, 0) <= payment.amountIdr, {
    message: 'validation.allocationsExceed',
    path: ['allocations'],
  });
export type Payment = z.infer<typeof PaymentSchema>;
