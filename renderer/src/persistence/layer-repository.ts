import { sameRecord } from '#shared/edit/same-value';
import type { Layer, StoredFeature } from '#shared/model/layer';
import type { RumijaDatabase } from './database';
import { commitChange, emptyState, recordChange } from './change-log';
import {
  BlockSession,
  decodeBlockFeatures,
  inBlockTransaction,
  rememberDirectory,
  writeLayerBlocks,
  type FeatureBlockRow,
  type StoredFeatureRecord,
} from './feature-blocks';
import { ValidationError, validateProperties } from './feature-validation';

const now = () => new Date().toISOString();

/**
 * Every layer and the features of the layers that exist (blocks of an undone import stay stored for redo but are
 * not shown). The block directory is built from the same read, so the first edit does not read everything again.
 */
export async function loadAll(
  db: RumijaDatabase,
  /** Called with the shown layers' blocks as read, before they are turned into features. */
  blocksRead?: (layers: readonly Layer[], rows: readonly FeatureBlockRow[]) => void,
): Promise<{ layers: Layer[]; features: StoredFeature[]; rows: FeatureBlockRow[] }> {
  const started = performance.now();
  const [layers, rows] = await db.transaction('r', db.layers, db.featureBlocks, () =>
    Promise.all([db.layers.orderBy('order').toArray(), db.featureBlocks.toArray()]),
  );
  performance.measure('rumija:idb-read', { start: started });
  rememberDirectory(db, rows);
  const shown = new Set(layers.map((layer) => layer.id));
  const features: StoredFeature[] = [];
  const shownRows = rows.filter((row) => shown.has(row.layerId)).sort((a, b) => a.block - b.block);
  blocksRead?.(layers, shownRows);
  const decodeStarted = performance.now();
  for (const row of shownRows) decodeBlockFeatures(row, features);
  performance.measure('rumija:decode-blocks', { start: decodeStarted });
  return { layers, features, rows: shownRows };
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
    // The same values again change nothing: nothing written, no undo step.
    if (sameRecord(properties, current.properties)) {
      const { updatedAt: _unchanged, ...feature } = current;
      return feature;
    }
    const updated: StoredFeatureRecord = { ...current, properties, updatedAt: now() };
    await session.put(updated);
    await session.flush();
    const before = emptyState();
    const after = emptyState();
    before.features[featureId] = current;
    after.features[featureId] = updated;
    await recordChange(db, 'edit-properties', before, after, updated.updatedAt, current.layerId);
    const { updatedAt: _updatedAt, ...feature } = updated;
    return feature;
  });
}

/**
 * Adds a layer with all its features in one transaction: all of it or nothing. Model features are validated first;
 * the first invalid one stops the whole add with a message naming it. Undoing it removes the layer row and keeps
 * the features' blocks for a redo.
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
    await db.layers.add(layer);
    await writeLayerBlocks(
      db,
      layer.id,
      features.map((feature) => ({ ...feature, updatedAt })),
    );
    const before = emptyState();
    const after = emptyState();
    before.layers[layer.id] = null;
    after.layers[layer.id] = layer;
    await recordChange(db, 'add-layer', before, after, updatedAt, layer.id);
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
