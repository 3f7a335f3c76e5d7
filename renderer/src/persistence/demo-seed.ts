import { createDemoStory } from '#shared/demo/demo-story';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';
import { createDemoRetribution } from '#shared/demo/create-demo-retribution';
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
  await writeDemoRetribution(db, dataset.features, updatedAt);
  return dataset;
}

/** The illustrative retribution cycle on the demo corridor (records marked demo), replacing earlier demo records. */
export async function writeDemoRetribution(
  db: RumijaDatabase,
  features: Parameters<typeof createDemoRetribution>[0],
  at: string,
) {
  const demo = createDemoRetribution(features, at);
  await db.obligors.bulkPut(demo.obligors);
  await db.programmes.bulkPut(demo.programmes);
  await db.assessments.bulkPut(demo.assessments);
  await db.payments.bulkPut(demo.payments);
}

/** The demo records of the retribution register, to be kept in a reset's log entry and then removed. */
async function takeDemoRecords(db: RumijaDatabase, before: ReturnType<typeof emptyState>) {
  for (const table of ['obligors', 'programmes', 'assessments', 'payments'] as const) {
    const rows = await db
      .table<{ id: string; demo: boolean }, string>(table)
      .filter((row) => row.demo)
      .toArray();
    for (const row of rows) (before[table] as Record<string, unknown>)[row.id] = row;
    await db.table(table).bulkDelete(rows.map((row) => row.id));
  }
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
    await takeDemoRecords(db, before);
    await deleteLayerBlocks(db, demoLayerIds);
    await db.layers.bulkDelete(demoLayerIds);
    await writeDemo(db);
    await db.editLog.filter((entry) => (entry.status ?? 'done') !== 'discarded').modify({ status: 'discarded' });
    await recordChange(db, 'reset-demo', before, emptyState(), now());
  });
}
