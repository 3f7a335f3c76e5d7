import {
  FEATURE_KINDS,
  FeaturePropertiesSchema,
  GEOMETRY_TYPES_BY_KIND,
  type FeatureKind,
} from '#shared/model/road-network';
import { positionsOf } from '#shared/geo/positions-of';
import type { Change } from '#shared/edit/feature-edits';
import { createDemoStory } from '#shared/demo/demo-story';
import { StorySchema, type Story } from '#shared/present/story';
import type { Layer, StoredFeature } from '#shared/model/layer';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';
import { TariffScheduleSchema, type TariffSchedule } from '#shared/tariff/tariff-schedule';
import type { EditLogEntry, RumijaDatabase, StoredTariffSchedule } from './database';
import {
  BlockDirectory,
  BlockSession,
  decodeBlock,
  deleteLayerBlocks,
  inBlockTransaction,
  readLayerFeatures,
  rememberDirectory,
  writeLayerBlocks,
  type StoredFeatureRecord,
} from './feature-blocks';

export class ValidationError extends Error {
  constructor(
    message: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(message);
  }
}

const now = () => new Date().toISOString();

/** First start: loads the demo dataset, all of it or nothing. Later starts change nothing. */
export async function seedDemoIfEmpty(db: RumijaDatabase): Promise<boolean> {
  return inBlockTransaction(db, async () => {
    if ((await db.meta.get('seeded')) || (await db.layers.count()) > 0) return false;
    await writeDemo(db);
    await db.meta.put({ key: 'seeded', value: now() });
    return true;
  }, ['layers', 'featureBlocks', 'meta', 'editLog', 'stories']);
}

async function writeDemo(db: RumijaDatabase) {
  const dataset = createDemoDataset(now());
  await db.layers.bulkPut(dataset.layers);
  const updatedAt = now();
  for (const layer of dataset.layers)
    await writeLayerBlocks(
      db,
      layer.id,
      dataset.features.filter((feature) => feature.layerId === layer.id).map((feature) => ({ ...feature, updatedAt })),
    );
  await db.stories.put(createDemoStory(dataset, updatedAt));
  return dataset;
}

/**
 * Puts the demo layers back as shipped, in one transaction. Layers the user imported or made
 * are kept; edits to demo features are logged first so they are not lost without trace.
 */
export async function resetDemo(db: RumijaDatabase): Promise<void> {
  await inBlockTransaction(db, async () => {
    const demoLayers = await db.layers.filter((layer) => layer.demo).toArray();
    const demoLayerIds = demoLayers.map((layer) => layer.id);
    const before = await readLayerFeatures(db, demoLayerIds);
    await deleteLayerBlocks(db, demoLayerIds);
    await db.layers.bulkDelete(demoLayerIds);
    await writeDemo(db);
    // A reset is a barrier: changes before it can no longer be undone or redone.
    await db.editLog.filter((entry) => (entry.status ?? 'done') !== 'discarded').modify({ status: 'discarded' });
    const demoStories = await db.stories.filter((story) => story.demo).toArray();
    await db.editLog.add({
      at: now(),
      action: 'reset-demo',
      featureId: null,
      layerId: null,
      before: { layers: demoLayers, features: before, stories: demoStories },
      after: null,
    });
  }, ['layers', 'featureBlocks', 'editLog', 'stories']);
}

/**
 * Every layer and the features of the layers that exist (blocks of an undone import stay stored for redo but are
 * not shown). The block directory is built from the same read, so the first edit does not read everything again.
 */
export async function loadAll(db: RumijaDatabase): Promise<{ layers: Layer[]; features: StoredFeature[] }> {
  const [layers, rows] = await db.transaction('r', db.layers, db.featureBlocks, () =>
    Promise.all([db.layers.orderBy('order').toArray(), db.featureBlocks.toArray()]),
  );
  rememberDirectory(db, BlockDirectory.fromRows(rows));
  const shown = new Set(layers.map((layer) => layer.id));
  const features: StoredFeature[] = [];
  for (const row of rows) {
    if (!shown.has(row.layerId)) continue;
    for (const { updatedAt: _updatedAt, ...feature } of decodeBlock(row)) features.push(feature);
  }
  return { layers, features };
}

/** Checks a full set of properties against the model; throws a ValidationError naming each field. */
export function validateProperties(properties: Record<string, unknown>): Record<string, unknown> {
  if (typeof properties.kind !== 'string' || !FEATURE_KINDS.includes(properties.kind as FeatureKind)) return properties;
  const result = FeaturePropertiesSchema.safeParse(properties);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw new ValidationError(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '), issues);
  }
  return result.data;
}

/** Changes some attributes of a feature, validated, in one transaction with its log entry. */
export async function updateFeatureProperties(
  db: RumijaDatabase,
  featureId: string,
  patch: Record<string, unknown>,
): Promise<StoredFeature> {
  return inBlockTransaction(db, async () => {
    const session = await BlockSession.open(db);
    const current = await session.get(featureId);
    if (!current) throw new Error(`Fitur tidak ditemukan / feature not found: ${featureId}`);
    const properties = validateProperties({ ...current.properties, ...patch });
    const updated: StoredFeatureRecord = { ...current, properties, updatedAt: now() };
    await session.put(updated);
    await session.flush();
    await discardRedo(db);
    const entry: EditLogEntry = {
      at: updated.updatedAt,
      action: 'edit-properties',
      featureId,
      layerId: current.layerId,
      before: current.properties,
      after: properties,
    };
    await db.editLog.add(entry);
    const { updatedAt: _updatedAt, ...feature } = updated;
    return feature;
  }, ['featureBlocks', 'editLog']);
}

/**
 * Adds a layer with all its features in one transaction: all of it or nothing. Model features are
 * validated first; the first invalid one stops the whole add with a message naming it.
 */
export async function addLayerWithFeatures(db: RumijaDatabase, layer: Layer, features: StoredFeature[]): Promise<void> {
  for (const [index, feature] of features.entries()) {
    if (feature.layerId !== layer.id)
      throw new Error(`Fitur #${index} (${feature.id}) bukan milik lapisan ${layer.id}`);
    try {
      validateProperties(feature.properties);
    } catch (error) {
      throw new ValidationError(
        `Fitur #${index} (${feature.id}): ${(error as Error).message}`,
        (error as ValidationError).issues ?? [],
      );
    }
  }
  const updatedAt = now();
  await inBlockTransaction(db, async () => {
    if (await db.layers.get(layer.id)) throw new Error(`Lapisan sudah ada / layer exists: ${layer.id}`);
    await discardRedo(db);
    await db.layers.add(layer);
    await writeLayerBlocks(
      db,
      layer.id,
      features.map((feature) => ({ ...feature, updatedAt })),
    );
    await db.editLog.add({
      at: updatedAt,
      action: 'add-layer',
      featureId: null,
      layerId: layer.id,
      before: null,
      after: { count: features.length },
    });
  }, ['layers', 'featureBlocks', 'editLog']);
}

/** Checks a whole feature: its properties against the model and its geometry against its kind. */
export function validateFeature(feature: StoredFeature): StoredFeature {
  const properties = validateProperties(feature.properties);
  const kind = properties.kind as FeatureKind | undefined;
  const allowed = kind && GEOMETRY_TYPES_BY_KIND[kind];
  if (allowed && !allowed.includes(feature.geometry.type)) {
    throw new ValidationError(`geometry: ${feature.geometry.type} tidak boleh untuk / not allowed for ${kind}`, [
      { path: 'geometry', message: feature.geometry.type },
    ]);
  }
  const positions = positionsOf(feature.geometry);
  if (positions.length === 0 || positions.some(([lon, lat]) => !(Math.abs(lon!) <= 180 && Math.abs(lat!) <= 90))) {
    throw new ValidationError('geometry: koordinat di luar bumi / coordinates off the globe', [
      { path: 'geometry', message: 'range' },
    ]);
  }
  return { ...feature, properties };
}

/** The state of some layers and features by id (null: absent). Undo writes `before` back, redo `after`. */
export interface ChangeState {
  layers: Record<string, Layer | null>;
  features: Record<string, StoredFeatureRecord | null>;
  stories?: Record<string, Story | null>;
}

/** Changes that undo and redo by writing a ChangeState back. */
const STATE_ACTIONS = new Set([
  'add-features',
  'edit-geometry',
  'split-feature',
  'delete-features',
  'layer-settings',
  'condition-ranges',
  'story',
]);

async function writeState(db: RumijaDatabase, state: ChangeState) {
  for (const [id, layer] of Object.entries(state.layers)) {
    if (layer) await db.layers.put(layer);
    else await db.layers.delete(id);
  }
  const session = await BlockSession.open(db);
  for (const [id, record] of Object.entries(state.features)) {
    if (record) await session.put(record);
    else await session.remove(id);
  }
  await session.flush();
  for (const [id, story] of Object.entries(state.stories ?? {})) {
    if (story) await db.stories.put(story);
    else await db.stories.delete(id);
  }
}

/**
 * Any change to layers, features and stories, validated first and written in one transaction with its log
 * entry, so it is undone and redone as one step. Throws a ValidationError naming the feature and
 * field and writes nothing when a feature is not valid.
 */
export async function commitChange(db: RumijaDatabase, action: string, change: Change): Promise<EditLogEntry> {
  if (!STATE_ACTIONS.has(action)) throw new Error(`unknown change: ${action}`);
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
      `${story.title || story.id}: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
      issues,
    );
  });
  const at = now();
  return inBlockTransaction(db, async () => {
    const session = await BlockSession.open(db);
    const before: ChangeState = { layers: {}, features: {}, stories: {} };
    const after: ChangeState = { layers: {}, features: {}, stories: {} };
    for (const story of stories) {
      before.stories![story.id] = (await db.stories.get(story.id)) ?? null;
      after.stories![story.id] = story;
    }
    for (const id of change.removeStories ?? []) {
      before.stories![id] = (await db.stories.get(id)) ?? null;
      after.stories![id] = null;
    }
    for (const layer of change.layers ?? []) {
      before.layers[layer.id] = (await db.layers.get(layer.id)) ?? null;
      after.layers[layer.id] = layer;
    }
    for (const feature of put) {
      if (!(await db.layers.get(feature.layerId)) && !after.layers[feature.layerId])
        throw new Error(`Lapisan tidak ditemukan / layer not found: ${feature.layerId}`);
      before.features[feature.id] = await session.get(feature.id);
      after.features[feature.id] = { ...feature, updatedAt: at };
    }
    for (const id of change.remove ?? []) {
      before.features[id] = await session.get(id);
      after.features[id] = null;
    }
    await writeState(db, after);
    await discardRedo(db);
    const featureIds = Object.keys(after.features);
    const entry: EditLogEntry = {
      at,
      action,
      featureId: featureIds.length === 1 ? featureIds[0]! : null,
      layerId: null,
      before,
      after,
    };
    entry.seq = await db.editLog.add(entry);
    return entry;
  }, ['layers', 'featureBlocks', 'editLog', 'stories']);
}

/** Moves a layer one place up (drawn later) or down, swapping order with its neighbour; undoable. */
export async function moveLayer(db: RumijaDatabase, layerId: string, direction: 'up' | 'down'): Promise<void> {
  const layers = await db.layers.orderBy('order').toArray();
  const index = layers.findIndex((layer) => layer.id === layerId);
  const neighbour = layers[direction === 'up' ? index + 1 : index - 1];
  if (index < 0 || !neighbour) return;
  const current = layers[index];
  await commitChange(db, 'layer-settings', {
    layers: [
      { ...current!, order: neighbour.order },
      { ...neighbour, order: current!.order },
    ],
  });
}

/** The newest version of every tariff schedule. */
export async function latestTariffSchedules(db: RumijaDatabase): Promise<StoredTariffSchedule[]> {
  const all = await db.tariffs.toArray();
  const latest = new Map<string, StoredTariffSchedule>();
  for (const schedule of all)
    if ((latest.get(schedule.id)?.version ?? 0) < schedule.version) latest.set(schedule.id, schedule);
  return [...latest.values()];
}

/**
 * Saves an edited schedule as a new version (older versions stay). Throws a ValidationError naming
 * the field when the schedule is not valid; nothing is written then.
 */
export async function saveTariffSchedule(
  db: RumijaDatabase,
  edited: Omit<TariffSchedule, 'version'> & { version?: number; savedAt?: string },
): Promise<StoredTariffSchedule> {
  const { savedAt: _savedAt, version: _version, ...schedule } = edited;
  return db.transaction('rw', db.tariffs, db.editLog, async () => {
    const versions = await db.tariffs.where('id').equals(schedule.id).toArray();
    const version = Math.max(0, ...versions.map((v) => v.version)) + 1;
    const result = TariffScheduleSchema.safeParse({ ...schedule, version });
    if (!result.success) {
      const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
      throw new ValidationError(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '), issues);
    }
    const stored: StoredTariffSchedule = { ...result.data, savedAt: now() };
    await db.tariffs.add(stored);
    await db.editLog.add({
      at: stored.savedAt,
      action: 'save-tariff',
      featureId: null,
      layerId: null,
      before: versions.at(-1) ?? null,
      after: stored,
    });
    return stored;
  });
}

/** Changes the user can step back through with undo and redo. */
const UNDOABLE_ACTIONS = new Set(['edit-properties', 'add-layer', 'save-tariff', ...STATE_ACTIONS]);

/**
 * A new change ends the redo chain: entries undone before it can no longer be redone, and the blocks of an
 * undone import kept for its redo are deleted. Undone entries always sit at the end of the log, so only the tail
 * is read.
 */
async function discardRedo(db: RumijaDatabase) {
  const undone = await db.editLog
    .orderBy('seq')
    .reverse()
    .until((entry) => entry.status !== 'undone')
    .toArray();
  for (const entry of undone) {
    if (entry.action === 'add-layer' && entry.layerId && !(await db.layers.get(entry.layerId)))
      await deleteLayerBlocks(db, [entry.layerId]);
    await db.editLog.update(entry.seq!, { status: 'discarded' });
  }
}

const isUndoable = (entry: EditLogEntry) => UNDOABLE_ACTIONS.has(entry.action);
const HISTORY_TABLES = ['layers', 'featureBlocks', 'editLog', 'tariffs', 'stories'];

/**
 * Steps back the most recent change still in effect, in one transaction, and returns its log entry (or null when
 * there is nothing to undo). An undone import keeps its stored blocks (its layer row goes) so redo can bring it
 * back without copying the features anywhere.
 */
export async function undoLast(db: RumijaDatabase): Promise<EditLogEntry | null> {
  return inBlockTransaction(
    db,
    async () => {
      const entry = await db.editLog
        .orderBy('seq')
        .reverse()
        .filter((candidate) => isUndoable(candidate) && (candidate.status ?? 'done') === 'done')
        .first();
      if (!entry) return null;
      if (STATE_ACTIONS.has(entry.action)) {
        await writeState(db, entry.before as ChangeState);
      } else if (entry.action === 'save-tariff') {
        const saved = entry.after as StoredTariffSchedule;
        await db.tariffs.delete([saved.id, saved.version]);
      } else if (entry.action === 'edit-properties' && entry.featureId) {
        await writeProperties(db, entry.featureId, entry.before as Record<string, unknown>);
      } else if (entry.action === 'add-layer' && entry.layerId) {
        entry.before = { layer: await db.layers.get(entry.layerId) };
        await db.layers.delete(entry.layerId);
      }
      entry.status = 'undone';
      await db.editLog.put(entry);
      return entry;
    },
    HISTORY_TABLES,
  );
}

async function writeProperties(db: RumijaDatabase, featureId: string, properties: Record<string, unknown>) {
  const session = await BlockSession.open(db);
  const current = await session.get(featureId);
  if (!current) return;
  await session.put({ ...current, properties, updatedAt: now() });
  await session.flush();
}

/** Re-applies the earliest undone change after the last one in effect; null when there is none. */
export async function redoNext(db: RumijaDatabase): Promise<EditLogEntry | null> {
  return inBlockTransaction(
    db,
    async () => {
      const tail = await db.editLog
        .orderBy('seq')
        .reverse()
        .until((entry) => isUndoable(entry) && entry.status !== 'undone')
        .toArray();
      const entry = tail.reverse().find((candidate) => isUndoable(candidate) && candidate.status === 'undone');
      if (!entry) return null;
      if (STATE_ACTIONS.has(entry.action)) {
        await writeState(db, entry.after as ChangeState);
      } else if (entry.action === 'save-tariff') {
        await db.tariffs.put(entry.after as StoredTariffSchedule);
      } else if (entry.action === 'edit-properties' && entry.featureId) {
        await writeProperties(db, entry.featureId, entry.after as Record<string, unknown>);
      } else if (entry.action === 'add-layer') {
        // Entries undone before v5 carry the features themselves; later ones left them in their blocks.
        const { layer, features } = entry.before as { layer: Layer; features?: StoredFeatureRecord[] };
        await db.layers.put(layer);
        if (features) await writeLayerBlocks(db, layer.id, features);
        entry.before = null;
      }
      entry.status = 'done';
      await db.editLog.put(entry);
      return entry;
    },
    HISTORY_TABLES,
  );
}
