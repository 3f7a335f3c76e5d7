import { z } from 'zod';
import { IsoDateSchema } from '../model/iso-date';
import { AssetCategorySchema } from '../model/road-network';

const TariffBasisSchema = z.enum(['unit', 'metre', 'm2']);
export type TariffBasis = z.infer<typeof TariffBasisSchema>;

const TariffItemSchema = z.strictObject({
  id: z.string().min(1).max(50),
  label: z.string().trim().min(1).max(200),
  categories: z.array(AssetCategorySchema).min(1),
  basis: TariffBasisSchema,
  /** Rupiah per unit, per metre or per m², per year. */
  ratePerYearIdr: z.number().nonnegative().max(1e12),
});
export type TariffItem = z.infer<typeof TariffItemSchema>;

export const TariffScheduleSchema = z
  .strictObject({
    id: z.string().min(1).max(100),
    name: z.string().trim().min(1).max(200),
    /** Each saved change makes a new version; old versions are kept. */
    version: z.number().int().positive(),
    /** True for rates that are examples, not an adopted NTT tariff. */
    example: z.boolean(),
    /** The legal basis the user enters, e.g. "Perda NTT No. 1 Tahun 2024, Lampiran …". */
    legalReference: z.string().trim().min(1).max(500),
    validFrom: IsoDateSchema,
    validTo: IsoDateSchema.nullable(),
    items: z.array(TariffItemSchema).min(1),
  })
  .refine((schedule) => !schedule.validTo || schedule.validTo >= schedule.validFrom, {
    message: 'validTo sebelum validFrom',
    path: ['validTo'],
  })
  .refine(
    (schedule) => {
      const categories = schedule.items.flatMap((item) => item.categories);
      return new Set(categories).size === categories.length;
    },
    { message: 'validation.categoryInOneItem', path: ['items'] },
  );
export type TariffSchedule = z.infer<typeof TariffScheduleSchema>;

/**
 * The schedule the app ships. EXAMPLE RATES, NOT AN NTT TARIFF: no official NTT table has been
 * seen. The cable rate is Surabaya's published lease example (Rp13 333 per metre per year); the
 * others are placeholders of the same order for the user to replace with the adopted rates.
 */
export const EXAMPLE_TARIFF_SCHEDULE: TariffSchedule = {
  id: 'contoh-perda-ntt-1-2024',
  name: 'Tarif contoh retribusi pemakaian RUMIJA (bukan tarif resmi)',
  version: 1,
  example: true,
  legalReference:
    'Perda NTT No. 1 Tahun 2024 tentang Pajak dan Retribusi Daerah — tarif CONTOH, isi sesuai lampiran yang berlaku',
  validFrom: '2026-01-01',
  validTo: null,
  items: [
    {
      id: 'tiang',
      label: 'Tiang listrik / telekomunikasi',
      categories: ['tiang_listrik', 'tiang_telekomunikasi'],
      basis: 'unit',
      ratePerYearIdr: 150_000,
    },
    { id: 'menara', label: 'Menara', categories: ['menara'], basis: 'unit', ratePerYearIdr: 5_000_000 },
    { id: 'kabel', label: 'Kabel (contoh Surabaya)', categories: ['kabel'], basis: 'metre', ratePerYearIdr: 13_333 },
    { id: 'pipa', label: 'Pipa', categories: ['pipa'], basis: 'metre', ratePerYearIdr: 10_000 },
    { id: 'reklame', label: 'Reklame (luas tapak)', categories: ['reklame'], basis: 'm2', ratePerYearIdr: 250_000 },
    { id: 'kios', label: 'Kios / bangunan', categories: ['kios', 'bangunan'], basis: 'm2', ratePerYearIdr: 60_000 },
  ],
};
