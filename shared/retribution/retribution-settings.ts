import { z } from 'zod';

/** Letterhead, signatory, how to pay, numbering and interest: entered by the office, printed on every notice. */
export const RetributionSettingsSchema = z.strictObject({
  id: z.literal('default'),
  /** E.g. `SKRD/PUPR-NTT/{year}/{seq:4}`; {seq} is required, {year} and {month} optional. */
  numberPattern: z.string().trim().min(1).max(100),
  /** Last sequence number issued per year of issue: numbers are gap-free within a year. */
  lastSequence: z.record(z.string().regex(/^\d{4}$/), z.number().int().nonnegative()),
  letterhead: z.array(z.string().trim().max(200)).max(6),
  signatory: z.strictObject({
    name: z.string().trim().max(200),
    title: z.string().trim().max(200),
    nip: z.string().trim().max(40),
  }),
  payment: z.strictObject({
    bankName: z.string().trim().max(200),
    accountNumber: z.string().trim().max(60),
    accountName: z.string().trim().max(200),
    /** How a payer quotes the notice, e.g. "Cantumkan nomor SKRD pada berita transfer". */
    instructions: z.string().trim().max(500),
  }),
  /** The legal basis printed on the notice, entered by the user. */
  legalReference: z.string().trim().max(500),
  interest: z.strictObject({
    /** Share of the unpaid amount per month, e.g. 0.01 for 1 %. */
    ratePerMonth: z.number().min(0).max(0.1),
    /** At most this many months are charged. */
    capMonths: z.number().int().min(0).max(120),
    legalReference: z.string().trim().max(500),
    /** True until the user has entered the rate from their Perda. */
    example: z.boolean(),
  }),
  /** True while the settings are the shipped example. */
  example: z.boolean(),
});
export type RetributionSettings = z.infer<typeof RetributionSettingsSchema>;

/** The shipped settings: EXAMPLES to be replaced by the office's own letterhead, account, rate and references. */
export const EXAMPLE_RETRIBUTION_SETTINGS: RetributionSettings = {
  id: 'default',
  numberPattern: 'SKRD/PUPR-NTT/{year}/{seq:4}',
  lastSequence: {},
  letterhead: [
    'PEMERINTAH PROVINSI NUSA TENGGARA TIMUR',
    'DINAS PEKERJAAN UMUM DAN PENATAAN RUANG',
    'Jl. Basuki Rahmat No. 1, Kupang (CONTOH — isi alamat kantor)',
  ],
  signatory: { name: '(nama pejabat — CONTOH)', title: 'Kepala Dinas PUPR Provinsi NTT', nip: '(NIP)' },
  payment: {
    bankName: 'Bank NTT (CONTOH)',
    accountNumber: '(nomor rekening kas daerah)',
    accountName: 'RKUD Provinsi NTT',
    instructions: 'Cantumkan nomor SKRD pada berita transfer.',
  },
  legalReference: 'Perda NTT No. 1 Tahun 2024 tentang Pajak dan Retribusi Daerah — CONTOH, isi pasal yang berlaku',
  interest: {
    ratePerMonth: 0.01,
    capMonths: 24,
    legalReference: 'CONTOH: sanksi administratif 1 % per bulan, paling lama 24 bulan — isi pasal Perda yang berlaku',
    example: true,
  },
  example: true,
};
