import {
  FEATURE_KINDS,
  FeaturePropertiesSchema,
  GEOMETRY_TYPES_BY_KIND,
  type FeatureKind,
} from '../../../shared/model/road-network';
import { positionsOf } from '../../../shared/geo/positions-of';
import type { Change } from '../../../shared/edit/feature-edits';
import { createDemoStory } from '../../../shared/demo/demo-story';
import { StorySchema, type Story } from '../../../shared/present/story';
import type { Layer, StoredFeature } from '../../../shared/model/layer';
import { createDemoDataset } from '../../../shared/demo/create-demo-dataset';
import { TariffScheduleSchema, type TariffSchedule } from '../../../shared/tariff/tariff-schedule';
import type { EditLogEntry, RumijaDatabase, StoredFeatureRecord, StoredTariffSchedule } from './database';

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
  return db.transaction('rw', [db.layers, db.features, db.meta, db.editLog, db.stories], async () => {
    if ((await db.meta.get('seeded')) || (await db.layers.count()) > 0) return false;
    await writeDemo(db);
    await db.meta.put({ key: 'seeded', value: now() });
    return true;
  });
}

async function writeDemo(db: RumijaDatabase) {
  const dataset = createDemoDataset(now());
  await db.layers.bulkPut(dataset.layers);
  const updatedAt = now();
  await db.features.bulkPut(dataset.features.map((feature) => ({ ...feature, updatedAt })));
  await db.stories.put(createDemoStory(dataset, updatedAt));
  return dataset;
}

/**
 * Puts the demo layers back as shipped, in one transaction. Layers the user imported or made
 * are kept; edits to demo features are logged first so they are not lost without trace.
 */
export async function resetDemo(db: RumijaDatabase): Promise<void> {
  await db.transaction('rw', [db.layers, db.features, db.editLog, db.stories], async () => {
    const demoLayers = await db.layers.filter((layer) => layer.demo).toArray();
    const demoLayerIds = demoLayers.map((layer) => layer.id);
    const before = await db.features.where('layerId').anyOf(demoLayerIds).toArray();
    await db.features.where('layerId').anyOf(demoLayerIds).delete();
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
  });
}

export async function loadAll(db: RumijaDatabase): Promise<{ layers: Layer[]; features: StoredFeature[] }> {
  const [layers, features] = await Promise.all([db.layers.orderBy('order').toArray(), db.features.toArray()]);
  return { layers, features: features.map(({ updatedAt: _updatedAt, ...feature }) => feature) };
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
  return db.transaction('rw', db.features, db.editLog, async () => {
    const current = await db.features.get(featureId);
    if (!current) throw new Error(`Fitur tidak ditemukan / feature not found: ${featureId}`);
    const properties = validateProperties({ ...current.properties, ...patch });
    const updated: StoredFeatureRecord = { ...current, properties, updatedAt: now() };
    await db.features.put(updated);
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
  });
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
  await db.transaction('rw', db.layers, db.features, db.editLog, async () => {
    if (await db.layers.get(layer.id)) throw new Error(`Lapisan sudah ada / layer exists: ${layer.id}`);
    await discardRedo(db);
    await db.layers.add(layer);
    await db.features.bulkAdd(features.map((feature) => ({ ...feature, updatedAt })));
    await db.editLog.add({
      at: updatedAt,
      action: 'add-layer',
      featureId: null,
      layerId: layer.id,
      before: null,
      after: { count: features.length },
    });
  });
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
  const records = Object.entries(state.features);
  await db.features.bulkPut(records.flatMap(([, record]) => (record ? [record] : [])));
  await db.features.bulkDelete(records.flatMap(([id, record]) => (record ? [] : [id])));
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
  return db.transaction('rw', [db.layers, db.features, db.editLog, db.stories], async () => {
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
      before.features[feature.id] = (await db.features.get(feature.id)) ?? null;
      after.features[feature.id] = { ...feature, updatedAt: at };
    }
    for (const id of change.remove ?? []) {
      before.features[id] = (await db.features.get(id)) ?? null;
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
  });
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

/** A new change ends the redo chain: entries undone before it can no longer be redone. */
async function discardRedo(db: RumijaDatabase) {
  await db.editLog.filter((entry) => entry.status === 'undone').modify({ status: 'discarded' });
}

/**
 * Steps back the most recent change still in effect, in one transaction, and returns its log entry
 * (or null when there is nothing to undo). An undone import moves its features into the log entry, so
 * nothing is lost and redo can put them back.
 */
export async function undoLast(db: RumijaDatabase): Promise<EditLogEntry | null> {
  return db.transaction('rw', [db.layers, db.features, db.editLog, db.tariffs, db.stories], async () => {
    const entries = await db.editLog.orderBy('seq').reverse().toArray();
    const entry = entries.find(
      (candidate) => UNDOABLE_ACTIONS.has(candidate.action) && (candidate.status ?? 'done') === 'done',
    );
    if (!entry) return null;
    if (STATE_ACTIONS.has(entry.action)) {
      await writeState(db, entry.before as ChangeState);
    } else if (entry.action === 'save-tariff') {
      const saved = entry.after as StoredTariffSchedule;
      await db.tariffs.delete([saved.id, saved.version]);
    } else if (entry.action === 'edit-properties' && entry.featureId) {
      await db.features.update(entry.featureId, {
        properties: entry.before as Record<string, unknown>,
        updatedAt: now(),
      });
    } else if (entry.action === 'add-layer' && entry.layerId) {
      const layer = await db.layers.get(entry.layerId);
      const features = await db.features.where('layerId').equals(entry.layerId).toArray();
      await db.features.where('layerId').equals(entry.layerId).delete();
      await db.layers.delete(entry.layerId);
      entry.before = { layer, features };
    }
    entry.status = 'undone';
    await db.editLog.put(entry);
    return entry;
  });
}

/** Re-applies the earliest undone change after the last one in effect; null when there is none. */
export async function redoNext(db: RumijaDatabase): Promise<EditLogEntry | null> {
  return db.transaction('rw', [db.layers, db.features, db.editLog, db.tariffs, db.stories], async () => {
    const entries = (await db.editLog.orderBy('seq').toArray()).filter((candidate) =>
      UNDOABLE_ACTIONS.has(candidate.action),
    );
    const entry = entries.find((candidate) => candidate.status === 'undone');
    if (!entry) return null;
    if (STATE_ACTIONS.has(entry.action)) {
      await writeState(db, entry.after as ChangeState);
    } else if (entry.action === 'save-tariff') {
      await db.tariffs.put(entry.after as StoredTariffSchedule);
    } else if (entry.action === 'edit-properties' && entry.featureId) {
      await db.features.update(entry.featureId, {
        properties: entry.after as Record<string, unknown>,
        updatedAt: now(),
      });
    } else if (entry.action === 'add-layer') {
      const { layer, features } = entry.before as { layer: Layer; features: StoredFeatureRecord[] };
      await db.layers.put(layer);
      await db.features.bulkPut(features);
      entry.before = null;
    }
    entry.status = 'done';
    await db.editLog.put(entry);
    return entry;
  });
}
