import { sameRecord } from '#shared/edit/same-value';
import type { Layer } from '#shared/model/layer';
import type { Change } from '#shared/edit/feature-edits';
import { StorySchema, type Story } from '#shared/present/story';
import type { RumijaDatabase, StoredHandlingCatalogue, StoredTariffSchedule } from './database';
import type { WorkProgramme } from '#shared/programme/work-programme';
import type { Obligor } from '#shared/retribution/obligor';
import type { Programme } from '#shared/retribution/programme';
import type { Assessment } from '#shared/retribution/assessment';
import type { Payment } from '#shared/retribution/payment';
import type { RetributionSettings } from '#shared/retribution/retribution-settings';
import {
  BlockSession,
  deleteLayerBlocks,
  inBlockTransaction,
  writeLayerBlocks,
  type StoredFeatureRecord,
} from './feature-blocks';
import { ValidationError, validateFeature } from './feature-validation';
import { removeOrphanPhotos } from './photo-orphans';
import { issueProblem } from '#shared/messages/problem';
import { wordProblem } from '#shared/messages/word-problem';

/**
 * The one shape of every change: the state of what it touched before and after, by key (null: absent). Undo writes
 * `before` back, redo `after`; nothing else is special. Features of an undone import stay in their blocks (only
 * the layer row goes), so an import of 200 000 features is undone and redone without copying them.
 */
export interface ChangeState {
  layers: Record<string, Layer | null>;
  features: Record<string, StoredFeatureRecord | null>;
  stories: Record<string, Story | null>;
  /** Tariff schedule versions, keyed `id@version`. */
  tariffs: Record<string, StoredTariffSchedule | null>;
  /** Retribution records by id (schema v7); absent in entries logged before. */
  obligors: Record<string, Obligor | null>;
  programmes: Record<string, Programme | null>;
  assessments: Record<string, Assessment | null>;
  payments: Record<string, Payment | null>;
  retributionSettings: Record<string, RetributionSettings | null>;
  /** Road programme records (schema v9): catalogue versions keyed `id@version`, work programmes by id. */
  handlingCatalogues: Record<string, StoredHandlingCatalogue | null>;
  workProgrammes: Record<string, WorkProgramme | null>;
}

export const emptyState = (): ChangeState => ({
  layers: {},
  features: {},
  stories: {},
  tariffs: {},
  obligors: {},
  programmes: {},
  assessments: {},
  payments: {},
  retributionSettings: {},
  handlingCatalogues: {},
  workProgrammes: {},
});

/** The retribution tables a change state carries, each written back the same way. */
export const RECORD_TABLES = ['obligors', 'programmes', 'assessments', 'payments', 'retributionSettings'] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];
/** The road programme tables, written back like the retribution ones (their rows carry their own key). */
export const PROGRAMME_TABLES = ['handlingCatalogues', 'workProgrammes'] as const;

export const tariffKey = (schedule: { id: string; version: number }) => `${schedule.id}@${schedule.version}`;

/** What the user did; the name shown when it is undone. `reset-demo` is a barrier, not undoable. */
export type ChangeAction =
  | 'add-features'
  | 'edit-geometry'
  | 'split-feature'
  | 'delete-features'
  | 'layer-settings'
  | 'condition-ranges'
  | 'story'
  | 'edit-properties'
  | 'add-layer'
  | 'remove-layer'
  | 'save-tariff'
  | 'team-sync'
  | 'restore-version'
  | 'save-obligor'
  | 'link-owner-names'
  | 'save-programme'
  | 'draft-assessments'
  | 'issue-assessments'
  | 'revise-assessment'
  | 'record-payments'
  | 'retribution-settings'
  | 'remove-records'
  | 'save-handling-catalogue'
  | 'save-work-programme'
  | 'reset-demo';

/** One entry of the change log. */
export interface EditLogEntry {
  seq?: number;
  at: string;
  action: ChangeAction;
  /** The one feature or layer changed, when there is one (for messages). */
  featureId: string | null;
  layerId: string | null;
  before: ChangeState;
  after: ChangeState;
  /** Absent means done. An undone entry can be redone until a new change discards it. */
  status?: 'done' | 'undone' | 'discarded';
}

/** The log keeps this many entries; older ones are dropped, so undo reaches back this far. */
export const MAX_LOG_ENTRIES = 2000;

const isUndoable = (entry: { action: string }) => entry.action !== 'reset-demo';

/**
 * Changes that may already be on paper: an issued SKRD carries a number from a gap-free register, and an undo would
 * hand that number to the next notice. They are final (a correction is a revision, which gets its own number), and
 * undo stops at them.
 */
const FINAL_ACTIONS: ReadonlySet<ChangeAction> = new Set(['issue-assessments']);

/** Undo reached a change that is final; nothing was changed. */
export class UndoRefusedError extends Error {
  constructor(readonly entry: EditLogEntry) {
    super(`undo refused: ${entry.action} is final`);
  }
}

/** Writes a state back: layers, features (into their blocks), stories, tariff versions and retribution records. */
export async function writeState(db: RumijaDatabase, state: ChangeState) {
  for (const [id, layer] of Object.entries(state.layers)) {
    if (layer) await db.layers.put(layer);
    else await db.layers.delete(id);
  }
  const session = await BlockSession.open(db);
  await session.apply(Object.entries(state.features));
  await session.flush();
  for (const [id, story] of Object.entries(state.stories)) {
    if (story) await db.stories.put(story);
    else await db.stories.delete(id);
  }
  for (const [key, schedule] of Object.entries(state.tariffs)) {
    const at = key.lastIndexOf('@');
    if (schedule) await db.tariffs.put(schedule);
    else await db.tariffs.delete([key.slice(0, at), Number(key.slice(at + 1))]);
  }
  for (const table of [...RECORD_TABLES, ...PROGRAMME_TABLES]) {
    const entries = Object.entries(state[table] ?? {});
    const puts = entries.flatMap(([, record]) => (record ? [record] : []));
    const deletes = entries.flatMap(([id, record]) => (record ? [] : [id]));
    // One table at a time through a common shape: the rows differ, the writing does not.
    const rows = db.table<object, string>(table);
    if (puts.length > 0) await rows.bulkPut(puts);
    if (deletes.length > 0) await rows.bulkDelete(deletes);
  }
}

/**
 * A new change ends the redo chain: entries undone before it can no longer be redone, and the blocks of an undone
 * import kept for its redo are deleted, with the photos (and their image blobs) of an undone photo import. Undone
 * entries always sit at the end of the log, so only the tail is read.
 */
async function discardRedo(db: RumijaDatabase) {
  const undone = await db.editLog
    .orderBy('seq')
    .reverse()
    .until((entry) => entry.status !== 'undone')
    .toArray();
  const addedFeatures = new Set<string>();
  const addedLayers = new Set<string>();
  for (const entry of undone) {
    const state = await stateOf(db, entry, 'after');
    const before = await stateOf(db, entry, 'before');
    for (const layerId of Object.keys(state.layers)) {
      if (!(await db.layers.get(layerId))) await deleteLayerBlocks(db, [layerId]);
      // Only what the change made: a photo of a feature an earlier change deleted stays for that change's undo.
      if (state.layers[layerId] && !before.layers[layerId]) addedLayers.add(layerId);
    }
    for (const [id, feature] of Object.entries(state.features))
      if (feature && !before.features[id]) addedFeatures.add(id);
    await db.editLog.update(entry.seq!, { status: 'discarded' });
  }
  await removeOrphanPhotos(db, addedFeatures, addedLayers);
}

/** Drops the oldest entries beyond MAX_LOG_ENTRIES. */
async function trimLog(db: RumijaDatabase) {
  const excess = (await db.editLog.count()) - MAX_LOG_ENTRIES;
  if (excess > 0) await db.editLog.bulkDelete(await db.editLog.orderBy('seq').limit(excess).primaryKeys());
}

/**
 * Logs a change already written, inside the caller's transaction: the redo chain ends, the entry is added and the
 * log kept to its length.
 */
export async function recordChange(
  db: RumijaDatabase,
  action: ChangeAction,
  before: ChangeState,
  after: ChangeState,
  at: string,
  layerId: string | null = null,
): Promise<EditLogEntry> {
  await discardRedo(db);
  const featureIds = Object.keys(after.features);
  const entry: EditLogEntry = {
    at,
    action,
    featureId: featureIds.length === 1 ? featureIds[0]! : null,
    layerId,
    before,
    after,
  };
  entry.seq = await db.editLog.add(entry);
  await trimLog(db);
  return entry;
}

/**
 * Any change to layers, features and stories, validated first and written in one transaction with its log entry,
 * so it is undone and redone as one step. Throws a ValidationError naming the feature and field and writes nothing
 * when a feature is not valid.
 */
export async function commitChange(db: RumijaDatabase, action: ChangeAction, change: Change): Promise<EditLogEntry> {
  const put = (change.put ?? []).map((feature) => {
    try {
      return validateFeature(feature);
    } catch (error) {
      const label = String(feature.properties.name ?? feature.properties.text ?? feature.id);
      throw new ValidationError(`${label}: ${(error as Error).message}`, (error as ValidationError).issues ?? []);
    }
  });
  const stories = (change.stories ?? []).map((story) => {
    const result = StorySchema.safeParse(story);
    if (result.success) return result.data;
    const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw new ValidationError(
      `${story.title || story.id}: ${issues.map((issue) => `${issue.path}: ${wordProblem(issueProblem(issue.message), 'id')}`).join('; ')}`,
      issues,
    );
  });
  const at = new Date().toISOString();
  return inBlockTransaction(db, async () => {
    const session = await BlockSession.open(db);
    const before = emptyState();
    const after = emptyState();
    for (const story of stories) {
      before.stories[story.id] = (await db.stories.get(story.id)) ?? null;
      after.stories[story.id] = story;
    }
    for (const id of change.removeStories ?? []) {
      before.stories[id] = (await db.stories.get(id)) ?? null;
      after.stories[id] = null;
    }
    for (const layer of change.layers ?? []) {
      before.layers[layer.id] = (await db.layers.get(layer.id)) ?? null;
      after.layers[layer.id] = layer;
    }
    for (const id of change.removeLayers ?? []) {
      before.layers[id] = (await db.layers.get(id)) ?? null;
      after.layers[id] = null;
    }
    const storedLayers = new Set((await db.layers.toCollection().primaryKeys()) as string[]);
    for (const feature of put)
      if (!storedLayers.has(feature.layerId) && !after.layers[feature.layerId])
        throw new Error(`Lapisan tidak ditemukan / layer not found: ${feature.layerId}`);
    const removed = change.remove ?? [];
    const stored = await session.getMany([...put.map((feature) => feature.id), ...removed]);
    put.forEach((feature, index) => {
      before.features[feature.id] = stored[index]!;
      after.features[feature.id] = { ...feature, updatedAt: at };
    });
    removed.forEach((id, index) => {
      before.features[id] = stored[put.length + index]!;
      after.features[id] = null;
    });
    dropUnchanged(before, after);
    // A change that changes nothing (Enter on an unmoved vertex, a value typed again) is not written or logged:
    // one undo must undo the last real change, and the redo chain stays.
    if (isEmptyState(after)) return { at, action, featureId: null, layerId: null, before, after };
    await writeState(db, after);
    return recordChange(db, action, before, after, at);
  });
}

const BOOKKEEPING = new Set(['updatedAt']);

/** Leaves out of a change every layer, feature and story whose after is its before. */
function dropUnchanged(before: ChangeState, after: ChangeState) {
  for (const part of ['layers', 'features', 'stories', 'tariffs'] as const) {
    const was = before[part] as Record<string, object | null>;
    const is = after[part] as Record<string, object | null>;
    for (const id of Object.keys(is)) {
      const old = was[id] ?? null;
      const now = is[id] ?? null;
      const same =
        old === null || now === null
          ? old === now
          : sameRecord(old as Record<string, unknown>, now as Record<string, unknown>, BOOKKEEPING);
      if (same) {
        delete was[id];
        delete is[id];
      }
    }
  }
}

export const isEmptyState = (state: ChangeState) =>
  Object.keys(state.layers).length +
    Object.keys(state.features).length +
    Object.keys(state.stories).length +
    Object.keys(state.tariffs).length ===
  0;

interface LegacyAddLayer {
  layer?: Layer;
  features?: StoredFeatureRecord[];
}

/**
 * The before or after state of an entry. Entries logged before the one change shape (schema v4 and early v5) are
 * read into it here, and only here: an attribute edit swaps the properties of the feature as it is now, an import
 * names its layer, a tariff save names the version it added.
 */
async function stateOf(db: RumijaDatabase, entry: EditLogEntry, side: 'before' | 'after'): Promise<ChangeState> {
  const stored = entry[side] as unknown;
  const other = entry[side === 'before' ? 'after' : 'before'] as unknown;
  const shaped = (value: unknown): value is Partial<ChangeState> =>
    typeof value === 'object' && value !== null && 'layers' in value && 'features' in value;
  if (shaped(stored) && (shaped(other) || other === null)) return { ...emptyState(), ...stored };
  const legacy = entry as unknown as { action: string; featureId: string | null; layerId: string | null };
  const state = emptyState();
  if (legacy.action === 'edit-properties' && legacy.featureId) {
    const current = await (await BlockSession.open(db)).get(legacy.featureId);
    if (current) state.features[current.id] = { ...current, properties: stored as Record<string, unknown> };
  } else if (legacy.action === 'add-layer' && legacy.layerId) {
    const kept = (entry.before as unknown as LegacyAddLayer | null) ?? {};
    const layer = kept.layer ?? (await db.layers.get(legacy.layerId)) ?? null;
    state.layers[legacy.layerId] = side === 'after' ? layer : null;
  } else if (legacy.action === 'save-tariff') {
    const saved = (side === 'after' ? stored : other) as StoredTariffSchedule;
    state.tariffs[tariffKey(saved)] = side === 'after' ? saved : null;
  }
  return state;
}

/**
 * Steps back the most recent change still in effect, in one transaction, and returns its log entry (or null when
 * there is nothing to undo). Throws UndoRefusedError, changing nothing, when that change is final.
 */
export async function undoLast(db: RumijaDatabase): Promise<EditLogEntry | null> {
  return inBlockTransaction(db, async () => {
    const entry = await db.editLog
      .orderBy('seq')
      .reverse()
      .filter((candidate) => isUndoable(candidate) && (candidate.status ?? 'done') === 'done')
      .first();
    if (!entry) return null;
    if (FINAL_ACTIONS.has(entry.action)) throw new UndoRefusedError(entry);
    const before = await stateOf(db, entry, 'before');
    const after = await stateOf(db, entry, 'after');
    await writeState(db, before);
    // Stored in the one shape from now on.
    const undone: EditLogEntry = { ...entry, before, after, status: 'undone' };
    await db.editLog.put(undone);
    return undone;
  });
}

/** Re-applies the earliest undone change after the last one in effect; null when there is none. */
export async function redoNext(db: RumijaDatabase): Promise<EditLogEntry | null> {
  return inBlockTransaction(db, async () => {
    const tail = await db.editLog
      .orderBy('seq')
      .reverse()
      .until((entry) => isUndoable(entry) && entry.status !== 'undone')
      .toArray();
    const entry = tail.reverse().find((candidate) => isUndoable(candidate) && candidate.status === 'undone');
    if (!entry) return null;
    const before = await stateOf(db, entry, 'before');
    const after = await stateOf(db, entry, 'after');
    // An import undone before v5 kept its features in the log entry: they go back into blocks.
    const legacyFeatures = (entry.before as unknown as LegacyAddLayer | null)?.features;
    if (entry.action === 'add-layer' && entry.layerId && Array.isArray(legacyFeatures))
      await writeLayerBlocks(db, entry.layerId, legacyFeatures);
    await writeState(db, after);
    const redone: EditLogEntry = { ...entry, before, after, status: 'done' };
    await db.editLog.put(redone);
    return redone;
  });
}
