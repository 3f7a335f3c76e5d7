import { z } from 'zod';
import { LayerKindSchema } from '../model/layer';
import type { Geometry } from 'geojson';
import { PostgisConnectionSchema, type PostgisRole, type PublishedLayer, type TeamTariff } from './postgis-api';
import { TariffScheduleSchema } from '../tariff/tariff-schedule';
import { GEOJSON_GEOMETRY_TYPES } from '../io/read-geojson';
import { TABLE_NAME_PATTERN } from './layer-table';
import type { PostgisFailure } from './postgis-errors';
import type { PushResult } from './sync-layer';
import type { ServerFeature, ServerState } from './sync-plan';
import { HISTORY_LIMIT_MAX, type FeatureHistory } from './feature-history';
import type { Problem } from '../messages/problem';

/**
 * What the renderer may ask of the team database, one validated request shape for IPC (desktop) and the web
 * server's bridge (browser build). Feature payloads are checked in shape here; PostGIS checks every geometry.
 */
const GeometryShapeSchema = z
  .looseObject({
    type: z.enum(GEOJSON_GEOMETRY_TYPES),
    coordinates: z.array(z.unknown()).optional(),
    geometries: z.array(z.unknown()).optional(),
  })
  .refine((geometry) => (geometry.type === 'GeometryCollection' ? !!geometry.geometries : !!geometry.coordinates), {
    message: 'validation.geometryWithoutCoordinates',
  })
  .transform((geometry) => geometry as unknown as Geometry);

const TeamFeatureSchema = z.strictObject({
  id: z.string().min(1).max(200),
  layerId: z.string().min(1).max(200),
  geometry: GeometryShapeSchema,
  properties: z.record(z.string(), z.unknown()),
});

/** Features sent in one publish call; a layer goes in as many calls as it needs, inside one transaction. */
export const MAX_FEATURES_PER_CALL = 5000;
/** Changes sent in one push: one transaction, so one call. */
const MAX_CHANGES_PER_PUSH = 250_000;

const TableSchema = z.string().regex(TABLE_NAME_PATTERN, 'nama tabel: huruf kecil, angka, _ / table name: a-z, 0-9, _');
const JobSchema = z.string().regex(/^[0-9a-f-]{36}$/);
const HorizonSchema = z.string().regex(/^\d{1,20}$/);

export const TeamRequestSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('connect'),
    connection: PostgisConnectionSchema,
    /** Typed by the user; null asks for the one kept in the OS keychain. */
    password: z.string().max(1000).nullable(),
    remember: z.boolean(),
  }),
  z.strictObject({ action: z.literal('disconnect') }),
  z.strictObject({ action: z.literal('forget-password'), connection: PostgisConnectionSchema }),
  z.strictObject({ action: z.literal('layers') }),
  z.strictObject({
    action: z.literal('publish-begin'),
    table: TableSchema,
    name: z.string().trim().min(1).max(200),
    kind: LayerKindSchema,
    demo: z.boolean(),
  }),
  z.strictObject({
    action: z.literal('publish-rows'),
    job: JobSchema,
    features: z.array(TeamFeatureSchema).max(MAX_FEATURES_PER_CALL),
  }),
  z.strictObject({ action: z.literal('publish-commit'), job: JobSchema }),
  z.strictObject({ action: z.literal('publish-cancel'), job: JobSchema }),
  z.strictObject({
    action: z.literal('read'),
    table: TableSchema,
    after: z.string().max(200).nullable(),
    limit: z.number().int().min(1).max(MAX_FEATURES_PER_CALL),
  }),
  z.strictObject({
    action: z.literal('push'),
    table: TableSchema,
    kind: LayerKindSchema,
    puts: z
      .array(z.strictObject({ feature: TeamFeatureSchema, baseVersion: z.number().int().min(1).nullable() }))
      .max(MAX_CHANGES_PER_PUSH),
    deletes: z
      .array(z.strictObject({ id: z.string().min(1).max(200), baseVersion: z.number().int().min(1) }))
      .max(MAX_CHANGES_PER_PUSH),
  }),
  z.strictObject({ action: z.literal('changes'), table: TableSchema, kind: LayerKindSchema, since: HorizonSchema }),
  z.strictObject({ action: z.literal('tariffs') }),
  /** One feature's history as the server keeps it (rumija.feature_history). */
  z.strictObject({
    action: z.literal('history'),
    table: TableSchema,
    id: z.string().min(1).max(200),
    limit: z.number().int().min(1).max(HISTORY_LIMIT_MAX).optional(),
  }),
  z.strictObject({ action: z.literal('publish-tariff'), schedule: TariffScheduleSchema }),
]);
/** What a caller sends (geometries typed as GeoJSON; the schema checks their shape on arrival). */
export type TeamRequest = z.output<typeof TeamRequestSchema>;
export type ParsedTeamRequest = z.output<typeof TeamRequestSchema>;

export interface TeamSessionInfo {
  user: string;
  role: PostgisRole | null;
  layers: PublishedLayer[];
  /** The password is kept in the OS keychain for next time. */
  remembered: boolean;
  tls: boolean;
}

/** The answer to each request. */
export interface TeamValues {
  connect: TeamSessionInfo;
  disconnect: null;
  'forget-password': null;
  layers: PublishedLayer[];
  'publish-begin': { job: string };
  'publish-rows': { done: number };
  'publish-commit': { horizon: string };
  'publish-cancel': null;
  read: {
    kind: z.infer<typeof LayerKindSchema>;
    name: string;
    demo: boolean;
    features: ServerFeature[];
    /** Given with the first page: where the next sync starts. */
    horizon: string | null;
    next: string | null;
  };
  push: PushResult;
  changes: { changes: ServerState[]; horizon: string };
  tariffs: TeamTariff[];
  history: FeatureHistory;
  'publish-tariff': { version: number };
}

/** A reply never throws across IPC (an Electron rejection keeps only a message): it says what failed. */
export type TeamReply<A extends keyof TeamValues = keyof TeamValues> =
  | { ok: true; value: TeamValues[A] }
  | { ok: false; failure: PostgisFailure; message: string; detail?: string | Problem | null };
