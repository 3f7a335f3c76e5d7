import { z } from 'zod';

/** A calendar date as the registers store it (YYYY-MM-DD); the message names the form in both languages. */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.isoDate');
