import type { Geometry } from 'geojson';
import type { StoredFeature } from '../model/layer';

/**
 * Offline edits against a shared PostGIS layer, planned without a connection. Each desktop keeps, per feature, the
 * server version it last had and a fingerprint of the feature as it was then (its base). A feature whose
 * fingerprint differs from its base was changed here; a base without a local feature was deleted here; a local
 * feature without a base was added here. Undo, redo, imports and edits all end in that comparison, so nothing the
 * user did is missed, whatever path it took.
 */
export interface SyncBase {
  version: number;
  fingerprint: string;
}

/** A feature as the server has it now. */
export interface ServerFeature {
  id: string;
  geometry: Geometry;
  properties: Record<string, unknown>;
  version: number;
  updatedBy: string;
  updatedAt: string;
}

/** A feature the server no longer has: deleted by `deletedBy`. */
export interface ServerDeletion {
  id: string;
  deleted: true;
  version: number;
  deletedBy: string;
  deletedAt: string;
}

export type ServerState = ServerFeature | ServerDeletion;
export const isDeletion = (state: ServerState): state is ServerDeletion => 'deleted' in state;

/** A feature changed here and on the server since the last sync: nobody's change is taken until the user says. */
export interface SyncConflict {
  id: string;
  mine: StoredFeature | null;
  theirs: ServerState;
}

export interface OutgoingChanges {
  /** New here (baseVersion null) or changed here (baseVersion: the server version it was changed from). */
  puts: { feature: StoredFeature; baseVersion: number | null }[];
  deletes: { id: string; baseVersion: number }[];
}

/** Text of a value with object keys sorted at every depth: the same feature gives the same text, however built. */
export function canonicalText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalText(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function fnv1a(text: string, seed: number) {
  let hash = Math.imul(0x811c9dc5 ^ seed, 0x01000193);
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

type Fingerprinted = { geometry: Geometry; properties: Record<string, unknown> };

/**
 * Fingerprints kept per feature object. The app never changes a feature in place (an edit makes a new object),
 * so after the first walk a layer's "changed since the last sync" costs only the features edited since.
 */
const fingerprints = new WeakMap<Fingerprinted, string>();

/** 64 bits over the geometry and properties (not the id, not when or where it is stored). */
export function featureFingerprint(feature: Fingerprinted): string {
  let fingerprint = fingerprints.get(feature);
  if (fingerprint === undefined) {
    const text = canonicalText({ geometry: feature.geometry, properties: feature.properties });
    fingerprint = fnv1a(text, 0x9e3779b9) + fnv1a(text, 0x7f4a7c15);
    fingerprints.set(feature, fingerprint);
  }
  return fingerprint;
}

/** Whether a feature's fingerprint is known already (so counting changes over it is cheap). */
export const hasFingerprint = (feature: Fingerprinted) => fingerprints.has(feature);

/** What to send: every feature added, changed or deleted here since its base, except those waiting in a conflict. */
export function outgoingChanges(
  local: readonly StoredFeature[],
  base: ReadonlyMap<string, SyncBase>,
  waiting: ReadonlySet<string> = new Set(),
): OutgoingChanges {
  const puts: OutgoingChanges['puts'] = [];
  const deletes: OutgoingChanges['deletes'] = [];
  const present = new Set<string>();
  for (const feature of local) {
    present.add(feature.id);
    if (waiting.has(feature.id)) continue;
    const known = base.get(feature.id);
    if (!known) puts.push({ feature, baseVersion: null });
    else if (featureFingerprint(feature) !== known.fingerprint) puts.push({ feature, baseVersion: known.version });
  }
  for (const [id, known] of base)
    if (!present.has(id) && !waiting.has(id)) deletes.push({ id, baseVersion: known.version });
  return { puts, deletes };
}

/** What the local layer and its base become: features to put and remove, bases to set and drop. */
export interface LocalUpdate {
  put: StoredFeature[];
  remove: string[];
  setBase: Map<string, SyncBase>;
  dropBase: string[];
  conflicts: SyncConflict[];
  /** Changes from others taken in (for the message: "12 perubahan dari rekan"). */
  taken: number;
}

export const emptyUpdate = (): LocalUpdate => ({
  put: [],
  remove: [],
  setBase: new Map(),
  dropBase: [],
  conflicts: [],
  taken: 0,
});

export const localFeatureOf = (theirs: ServerFeature, layerId: string): StoredFeature => ({
  id: theirs.id,
  layerId,
  geometry: theirs.geometry,
  properties: theirs.properties,
});

/** The base after taking the server's state of a feature. */
function takeTheirs(update: LocalUpdate, theirs: ServerState, layerId: string) {
  if (isDeletion(theirs)) {
    update.remove.push(theirs.id);
    update.dropBase.push(theirs.id);
  } else {
    const feature = localFeatureOf(theirs, layerId);
    update.put.push(feature);
    update.setBase.set(theirs.id, { version: theirs.version, fingerprint: featureFingerprint(feature) });
  }
}

/**
 * Takes in what the server changed since the last sync. A feature not changed here takes the server's state; one
 * changed here too becomes a conflict, unless both sides hold the same (a sync whose answer was lost on the way:
 * its own change comes back). States the base already has (this desktop's own pushes) are passed over.
 */
export function mergeServerChanges(
  layerId: string,
  local: ReadonlyMap<string, StoredFeature>,
  base: ReadonlyMap<string, SyncBase>,
  changes: readonly ServerState[],
): LocalUpdate {
  const update = emptyUpdate();
  for (const theirs of changes) {
    const known = base.get(theirs.id);
    if (known && known.version >= theirs.version) continue;
    if (!known && isDeletion(theirs) && !local.has(theirs.id)) continue;
    const mine = local.get(theirs.id) ?? null;
    const mineFingerprint = mine ? featureFingerprint(mine) : null;
    const changedHere = known ? mineFingerprint !== known.fingerprint : mine !== null;
    if (!changedHere) {
      takeTheirs(update, theirs, layerId);
      update.taken++;
      continue;
    }
    const sameOnBoth = isDeletion(theirs)
      ? mine === null
      : mineFingerprint === featureFingerprint(localFeatureOf(theirs, layerId));
    if (sameOnBoth) {
      if (isDeletion(theirs)) update.dropBase.push(theirs.id);
      else update.setBase.set(theirs.id, { version: theirs.version, fingerprint: mineFingerprint! });
    } else update.conflicts.push({ id: theirs.id, mine, theirs });
  }
  return update;
}

/** The user's answer to one conflict: the server's state, theirs as it stands here, or a merge of both. */
export type ConflictChoice = { take: 'theirs' } | { take: 'mine' } | { take: 'merged'; feature: StoredFeature };

/**
 * Resolves a conflict. Taking theirs makes the feature the server's again. Keeping mine (or a merge) sets the base
 * to the server's version, so the next push overwrites it knowingly — and is refused again if someone changes it
 * once more in between.
 */
export function resolveConflict(layerId: string, conflict: SyncConflict, choice: ConflictChoice): LocalUpdate {
  const update = emptyUpdate();
  const { theirs } = conflict;
  if (choice.take === 'theirs') {
    takeTheirs(update, theirs, layerId);
    return update;
  }
  const kept = choice.take === 'merged' ? choice.feature : conflict.mine;
  if (choice.take === 'merged') update.put.push(choice.feature);
  if (isDeletion(theirs)) update.dropBase.push(theirs.id);
  else
    update.setBase.set(theirs.id, {
      version: theirs.version,
      fingerprint: featureFingerprint(localFeatureOf(theirs, layerId)),
    });
  if (kept === null && isDeletion(theirs)) update.remove.push(theirs.id);
  return update;
}

/** Property keys whose values differ between mine and theirs (for the side-by-side view). */
export function differingKeys(conflict: SyncConflict): string[] {
  if (!conflict.mine || isDeletion(conflict.theirs)) return [];
  const mine = conflict.mine.properties;
  const theirs = conflict.theirs.properties;
  const keys = new Set([...Object.keys(mine), ...Object.keys(theirs)]);
  return [...keys].filter((key) => canonicalText(mine[key]) !== canonicalText(theirs[key]));
}

export const sameGeometry = (a: Geometry, b: Geometry) => canonicalText(a) === canonicalText(b);
