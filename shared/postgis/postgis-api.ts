import { z } from 'zod';
import { LayerKindSchema } from '../model/layer';
import type { TariffSchedule } from '../tariff/tariff-schedule';

/**
 * A team-database connection as the user sets it up. The password is not part of it: the desktop app keeps it in
 * the OS keychain (Electron safeStorage) and the renderer never holds it after the user typed it.
 */
export const TLS_MODES = ['verify', 'require', 'off'] as const;
export type TlsMode = (typeof TLS_MODES)[number];

export const PostgisConnectionSchema = z.strictObject({
  host: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/^[A-Za-z0-9._:[\]-]+$/, 'validation.hostName'),
  port: z.number().int().min(1).max(65535),
  database: z.string().trim().min(1).max(63),
  user: z.string().trim().min(1).max(63),
  /**
   * verify: TLS, the server's certificate checked against the system's CAs and `ca`, and its name against the host
   * (libpq's verify-full), the default; require: TLS, certificate not checked (encrypted, but a stand-in server
   * would get the password); off: plain text, only when the user chooses it. Settings kept from older versions
   * said `prefer` (plain text when the server declined TLS): read as verify.
   */
  tls: z.preprocess((mode) => (mode === 'prefer' ? 'verify' : mode), z.enum(TLS_MODES)),
  /** The department's CA certificate (PEM), trusted beside the system's: for a server with its own CA. */
  ca: z
    .string()
    .max(65_536)
    .regex(/-----BEGIN CERTIFICATE-----/, 'validation.notPem')
    .optional(),
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
