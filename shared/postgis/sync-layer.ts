import type { LayerKind, StoredFeature } from '../model/layer';
import {
  emptyUpdate,
  featureFingerprint,
  mergeServerChanges,
  outgoingChanges,
  type LocalUpdate,
  type OutgoingChanges,
  type ServerState,
  type SyncBase,
  type SyncConflict,
} from './sync-plan';

export interface PushResult {
  /** Features written, with the version the server gave them. */
  written: { id: string; version: number }[];
  deleted: string[];
  /** The server's state of each change it did not take (changed or deleted by someone since). */
  refused: ServerState[];
}

/** The two calls a sync makes; the desktop app reaches them through the host API, the CLI and tests directly. */
export interface SyncServer {
  push(table: string, kind: LayerKind, changes: OutgoingChanges): Promise<PushResult>;
  changesSince(table: string, kind: LayerKind, since: string): Promise<{ changes: ServerState[]; horizon: string }>;
}

export interface SyncInput {
  layerId: string;
  table: string;
  kind: LayerKind;
  local: readonly StoredFeature[];
  base: ReadonlyMap<string, SyncBase>;
  /** Conflicts still waiting for the user: their features are neither pushed nor overwritten. */
  waiting: readonly SyncConflict[];
  horizon: string;
}

export interface SyncReport {
  pushed: number;
  deleted: number;
  taken: number;
  conflicts: number;
}

/**
 * One sync of one layer: push what changed here (one transaction), then take in what changed there. After the
 * push, `keep` is called with its effect on the base before anything else is asked, so a connection lost during
 * the pull costs nothing pushed. Then `keep` again with the pull's update and the new horizon.
 */
export async function syncLayer(
  server: SyncServer,
  input: SyncInput,
  keep: (update: LocalUpdate, horizon: string | null) => Promise<void>,
): Promise<SyncReport> {
  const waitingIds = new Set(input.waiting.map((conflict) => conflict.id));
  const outgoing = outgoingChanges(input.local, input.base, waitingIds);
  const localById = new Map(input.local.map((feature) => [feature.id, feature]));
  const base = new Map(input.base);
  const afterPush: LocalUpdate = emptyUpdate();
  let refused: ServerState[] = [];
  if (outgoing.puts.length || outgoing.deletes.length) {
    const result = await server.push(input.table, input.kind, outgoing);
    for (const { id, version } of result.written) {
      const entry = { version, fingerprint: featureFingerprint(localById.get(id)!) };
      afterPush.setBase.set(id, entry);
      base.set(id, entry);
    }
    for (const id of result.deleted) {
      afterPush.dropBase.push(id);
      base.delete(id);
    }
    refused = result.refused;
    await keep(afterPush, null);
  }
  const { changes, horizon } = await server.changesSince(input.table, input.kind, input.horizon);
  // A refused change is also among the server's changes; the newest state of each feature is the one merged.
  const newest = new Map<string, ServerState>();
  for (const state of [...refused, ...changes]) {
    const seen = newest.get(state.id);
    if (!seen || seen.version <= state.version) newest.set(state.id, state);
  }
  // A conflict still waiting is shown with the server's newest state.
  const stillWaiting: SyncConflict[] = [];
  for (const conflict of input.waiting) {
    const state = newest.get(conflict.id);
    newest.delete(conflict.id);
    if (state && state.version > conflict.theirs.version) stillWaiting.push({ ...conflict, theirs: state });
  }
  const pulled = mergeServerChanges(input.layerId, localById, base, [...newest.values()]);
  pulled.conflicts.push(...stillWaiting);
  await keep(pulled, horizon);
  return {
    pushed: afterPush.setBase.size,
    deleted: afterPush.dropBase.length,
    taken: pulled.taken,
    conflicts: pulled.conflicts.length - stillWaiting.length,
  };
}
