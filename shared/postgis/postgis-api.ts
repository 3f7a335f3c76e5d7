import { z } from 'zod';
import { LayerKindSchema } from '../model/layer';
import type { TariffSchedule } from '../tariff/tariff-schedule';

/**
 * A team-database connection as the user sets it up. The password is not part of it: the desktop app keeps it in
 * the OS keychain (Electron safeStorage) and the renderer never holds it after the user typed it.
 */
export const PostgisConnectionSchema = z.strictObject({
  host: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/^[A-Za-z0-9._:[\]-]+$/, 'nama host atau alamat IP / a host name or IP address'),
  port: z.number().int().min(1).max(65535),
  database: z.string().trim().min(1).max(63),
  user: z.string().trim().min(1).max(63),
  /** prefer: TLS when the server offers it; require: TLS or nothing; verify: TLS with a trusted certificate. */
  tls: z.enum(['prefer', 'require', 'verify', 'off']),
});
export type PostgisConnection = z.infer<typeof PostgisConnectionSchema>;

export const PostgisRoleSchema = z.enum(['viewer', 'editor', 'admin']);
export type PostgisRole = z.infer<typeof PostgisRoleSchema>;

/** A layer published to the team database (a row of rumija.layers). */
export interface PublishedLayer {
  table: string;
  name: string;
  kind: z.infer<typeof LayerKindSchema>;
  demo: boolean;
  publishedBy: string;
  publishedAt: string;
  /** PostgreSQL's estimate (reltuples); null before the table was ever analysed. */
  approximateFeatures: number | null;
}

/** A tariff schedule as the team database keeps it (the newest version of its id). */
export interface TeamTariff {
  schedule: TariffSchedule;
  savedBy: string;
  savedAt: string;
}
