import { createDemoStory } from '#shared/demo/demo-story';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';
import type { RumijaDatabase } from './database';
import { emptyState, recordChange } from './change-log';
import { deleteLayerBlocks, inBlockTransaction, readLayerFeatures, writeLayerBlocks } from './feature-blocks';

const now = () => new Date().toISOString();

/** First start: loads the demo dataset, all of it or nothing. Later starts change nothing. */
export async function seedDemoIfEmpty(db: RumijaDatabase): Promise<boolean> {
  return inBlockTransaction(db, async () => {
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
 * Puts the demo layers back as shipped, in one transaction. Layers the user imported or made are kept; the demo as
 * it was (edits included) is kept in the log entry, so it is not lost without trace. A reset is a barrier: changes
 * before it can no longer be undone or redone.
 */
export async function resetDemo(db: RumijaDatabase): Promise<void> {
  await inBlockTransaction(db, async () => {
    const demoLayers = await db.layers.filter((layer) => layer.demo).toArray();
    const demoLayerIds = demoLayers.map((layer) => layer.id);
    const before = emptyState();
    for (const layer of demoLayers) before.layers[layer.id] = layer;
    for (const record of await readLayerFeatures(db, demoLayerIds)) before.features[record.id] = record;
    for (const story of await db.stories.filter((candidate) => candidate.demo).toArray())
      before.stories[story.id] = story;
    await deleteLayerBlocks(db, demoLayerIds);
    await db.layers.bulkDelete(demoLayerIds);
    await writeDemo(db);
    await db.editLog.filter((entry) => (entry.status ?? 'done') !== 'discarded').modify({ status: 'discarded' });
    await recordChange(db, 'reset-demo', before, emptyState(), now());
  });
}
