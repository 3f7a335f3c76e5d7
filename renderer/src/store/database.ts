import Dexie, { type EntityTable } from 'dexie';
import type { Layer, StoredFeature } from '../../../shared/model/layer';
import { EXAMPLE_TARIFF_SCHEDULE, type TariffSchedule } from '../../../shared/tariff/tariff-schedule';
import type { Story } from '../../../shared/present/story';
import { createDemoStory } from '../../../shared/demo/demo-story';
import { createDemoDataset } from '../../../shared/demo/create-demo-dataset';

/** One entry of the edit log: what changed, before and after, so it can be undone. */
export interface EditLogEntry {
  seq?: number;
  at: string;
  /** What the user did, e.g. "edit-properties", "reset-demo", "import". */
  action: string;
  featureId: string | null;
  layerId: string | null;
  before: unknown;
  after: unknown;
  /** Undo state; absent means done. An undone entry can be redone until a new change discards it. */
  status?: 'done' | 'undone' | 'discarded';
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

export type StoredFeatureRecord = StoredFeature & { updatedAt: string };

export type StoredTariffSchedule = TariffSchedule & { savedAt: string };

export const DATABASE_NAME = 'rumija';

/**
 * Schema history. Never edit a released version: add a new one with an upgrade function
 * and a test in database.test.ts that opens data written by the previous version.
 *  v1: layers and features.
 *  v2: edit log and meta tables; features gain `updatedAt`.
 *  v3: tariff schedules, one row per saved version; the example schedule is added.
 *  v4: stories (hearing presentations); a seeded database gets the demo story.
 */
export class RumijaDatabase extends Dexie {
  layers!: EntityTable<Layer, 'id'>;
  features!: EntityTable<StoredFeatureRecord, 'id'>;
  editLog!: EntityTable<EditLogEntry, 'seq'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  tariffs!: Dexie.Table<StoredTariffSchedule, [string, number]>;
  stories!: EntityTable<Story, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({ layers: 'id, order', features: 'id, layerId' });
    this.version(2)
      .stores({ layers: 'id, order', features: 'id, layerId, updatedAt', editLog: '++seq, at, featureId', meta: 'key' })
      .upgrade((transaction) =>
        transaction
          .table('features')
          .toCollection()
          .modify((feature: Partial<StoredFeatureRecord>) => {
            feature.updatedAt ??= '1970-01-01T00:00:00.000Z';
          }),
      );
    this.version(3)
      .stores({ tariffs: '[id+version], id' })
      .upgrade((transaction) =>
        transaction.table('tariffs').add({ ...EXAMPLE_TARIFF_SCHEDULE, savedAt: new Date().toISOString() }),
      );
    this.version(4)
      .stores({ stories: 'id, updatedAt' })
      .upgrade(async (transaction) => {
        // Only a database that holds the demo layers gets the demo story that shows them.
        const hasDemo =
          (await transaction
            .table('layers')
            .filter((layer: { demo: boolean }) => layer.demo)
            .count()) > 0;
        if (hasDemo)
          await transaction.table('stories').put(createDemoStory(createDemoDataset(), new Date().toISOString()));
      });
    // A brand-new database runs no upgrade, so it gets the example schedule here.
    this.on('populate', (transaction) => {
      void transaction.table('tariffs').add({ ...EXAMPLE_TARIFF_SCHEDULE, savedAt: new Date().toISOString() });
    });
  }
}
