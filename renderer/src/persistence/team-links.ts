import type { LayerKind } from '#shared/model/layer';
import type { PostgisConnection } from '#shared/postgis/postgis-api';
import type { SyncBase, SyncConflict } from '#shared/postgis/sync-plan';
import type { RumijaDatabase } from './database';

/**
 * A layer shared through the team database, as this desktop keeps it between syncs (one row per layer, written
 * whole, so a link is never half updated).
 */
export interface TeamLinkRow {
  layerId: string;
  table: string;
  kind: LayerKind;
  /** Local feature ids are this prefix + the server's id ('' for a layer published from here). */
  idPrefix: string;
  /** The login it syncs with: user@host:port/database. */
  login: string;
  horizon: string;
  /** Per server id: [version, fingerprint] as last synced. */
  base: Record<string, [number, string]>;
  /** Features changed here and there, waiting for the user's choice (kept across restarts). */
  conflicts: SyncConflict[];
  syncedAt: string | null;
}

const CONNECTION_KEY = 'team-connection';

export async function readTeamLinks(db: RumijaDatabase): Promise<TeamLinkRow[]> {
  return db.teamLinks.toArray();
}

export async function saveTeamLink(db: RumijaDatabase, link: TeamLinkRow) {
  await db.teamLinks.put(link);
}

export async function removeTeamLink(db: RumijaDatabase, layerId: string) {
  await db.teamLinks.delete(layerId);
}

/** The connection settings last used (never the password). */
export async function readTeamConnection(db: RumijaDatabase): Promise<PostgisConnection | null> {
  return ((await db.meta.get(CONNECTION_KEY))?.value as PostgisConnection | undefined) ?? null;
}

export async function saveTeamConnection(db: RumijaDatabase, connection: PostgisConnection) {
  await db.meta.put({ key: CONNECTION_KEY, value: connection });
}

export const baseMapOf = (link: TeamLinkRow) =>
  new Map<string, SyncBase>(
    Object.entries(link.base).map(([id, [version, fingerprint]]) => [id, { version, fingerprint }]),
  );
