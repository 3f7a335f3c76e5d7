import type { LayerKind, StoredFeature } from '../model/layer';
import { syncLayer, type SyncServer } from './sync-layer';
import {
  featureFingerprint,
  type LocalUpdate,
  type ServerFeature,
  type SyncBase,
  type SyncConflict,
} from './sync-plan';

/**
 * A layer as one desktop (or a CLI project) holds it between syncs: its features, the base of each, the conflicts
 * waiting for the user and the horizon to sync from. The app keeps these in IndexedDB, the CLI in files.
 */
export interface LocalCopy {
  layerId: string;
  table: string;
  kind: LayerKind;
  features: Map<string, StoredFeature>;
  base: Map<string, SyncBase>;
  conflicts: Map<string, SyncConflict>;
  horizon: string;
}

const emptyCopy = (layerId: string, table: string, kind: LayerKind, horizon: string): LocalCopy => ({
  layerId,
  table,
  kind,
  features: new Map(),
  base: new Map(),
  conflicts: new Map(),
  horizon,
});

/** A local copy of a layer just read from the server: every feature at its server version. */
export function copyOfServerLayer(
  layerId: string,
  table: string,
  kind: LayerKind,
  features: readonly ServerFeature[],
  horizon: string,
): LocalCopy {
  const copy = emptyCopy(layerId, table, kind, horizon);
  for (const theirs of features) {
    const feature: StoredFeature = {
      id: theirs.id,
      layerId,
      geometry: theirs.geometry,
      properties: theirs.properties,
    };
    copy.features.set(feature.id, feature);
    copy.base.set(feature.id, { version: theirs.version, fingerprint: featureFingerprint(feature) });
  }
  return copy;
}

/** Applies an update to a local copy (in place). */
export function applyToCopy(copy: LocalCopy, update: LocalUpdate, horizon: string | null) {
  for (const feature of update.put) copy.features.set(feature.id, { ...feature, layerId: copy.layerId });
  for (const id of update.remove) copy.features.delete(id);
  for (const [id, entry] of update.setBase) copy.base.set(id, entry);
  for (const id of update.dropBase) copy.base.delete(id);
  for (const conflict of update.conflicts) copy.conflicts.set(conflict.id, conflict);
  if (horizon !== null) copy.horizon = horizon;
}

/** Syncs a local copy (see syncLayer); `kept` runs after each part of the sync is applied to it (to save it). */
export function syncCopy(server: SyncServer, copy: LocalCopy, kept: () => Promise<void> = async () => undefined) {
  return syncLayer(
    server,
    {
      layerId: copy.layerId,
      table: copy.table,
      kind: copy.kind,
      local: [...copy.features.values()],
      base: copy.base,
      waiting: [...copy.conflicts.values()],
      horizon: copy.horizon,
    },
    async (update, horizon) => {
      applyToCopy(copy, update, horizon);
      await kept();
    },
  );
}
