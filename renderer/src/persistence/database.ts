import Dexie, { type EntityTable } from 'dexie';
import type { Layer } from '#shared/model/layer';
import { EXAMPLE_TARIFF_SCHEDULE, type TariffSchedule } from '#shared/tariff/tariff-schedule';
import type { Story } from '#shared/present/story';
import { createDemoStory } from '#shared/demo/demo-story';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';
import { createDemoRetribution } from '#shared/demo/create-demo-retribution';
import { BLOCK_SIZE, encodeBlock, type FeatureBlockRow, type StoredFeatureRecord } from './feature-blocks';

import type { EditLogEntry } from './change-log';
import type { TeamLinkRow } from './team-links';
import type { Obligor } from '#shared/retribution/obligor';
import type { Programme } from '#shared/retribution/programme';
import type { Assessment } from '#shared/retribution/assessment';
import type { Payment } from '#shared/retribution/payment';
import type { RetributionSettings } from '#shared/retribution/retribution-settings';
import type { PhotoImageRow, PhotoRow } from './photo-repository';
import type { HandlingCatalogue } from '#shared/programme/handling-catalogue';
import { EXAMPLE_HANDLING_CATALOGUE } from '#shared/programme/example-handling-catalogue';
import type { WorkProgramme } from '#shared/programme/work-programme';

export type { EditLogEntry } from './change-log';

export interface MetaEntry {
  key: string;
  value: unknown;
}

export type StoredTariffSchedule = TariffSchedule & { savedAt: string };
/** One saved version of a handling catalogue, keyed `id@version` so a change state can name it. */
export type StoredHandlingCatalogue = HandlingCatalogue & { key: string; savedAt: string };

export const storedExampleCatalogue = (savedAt: string): StoredHandlingCatalogue => ({
  ...EXAMPLE_HANDLING_CATALOGUE,
  key: `${EXAMPLE_HANDLING_CATALOGUE.id}@${EXAMPLE_HANDLING_CATALOGUE.version}`,
  savedAt,
});

const DATABASE_NAME = 'rumija';

/**
 * Schema history. Never edit a released version: add a new one with an upgrade function
 * and a test in database.test.ts that opens data written by the previous version.
 *  v1: layers and features.
 *  v2: edit log and meta tables; features gain `updatedAt`.
 *  v3: tariff schedules, one row per saved version; the example schedule is added.
 *  v4: stories (hearing presentations); a seeded database gets the demo story.
 *  v5: features move into blocks of up to BLOCK_SIZE per row (feature-blocks.ts); the one-row-per-feature
 *      table is emptied into them, layer by layer in stored order, then dropped.
 *  v6: team links: a layer shared through the team database (PostGIS) keeps its table, sync horizon, the base of
 *      each feature and the conflicts waiting for the user (team-links.ts). Nothing to move.
 *  v7: retribution records beside features: obligors, enforcement programmes, assessments (SKRD), payments and the
 *      office's retribution settings (retribution-repository.ts). Nothing to move: the tables start empty (a
 *      database holding the demo layers gets the demo cycle) and the settings read as the example until saved.
 *  v8: field photos (photo-repository.ts): one record per photo (hash, file name, EXIF, the feature it belongs to)
 *      and, apart, its image and thumbnail blobs, so listing 20 000 photos reads no image. Nothing to move.
 *  v9: the road programme (#34): handling catalogues (rules from condition to handling and unit costs), one row per
 *      saved version keyed `id@version`, and yearly work programmes. The example catalogue is added; nothing moves.
 *      Only new tables: it opens over v7 and over a v8 alike.
 */
export class RumijaDatabase extends Dexie {
  layers!: EntityTable<Layer, 'id'>;
  featureBlocks!: Dexie.Table<FeatureBlockRow, [string, number]>;
  editLog!: EntityTable<EditLogEntry, 'seq'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  tariffs!: Dexie.Table<StoredTariffSchedule, [string, number]>;
  stories!: EntityTable<Story, 'id'>;
  teamLinks!: EntityTable<TeamLinkRow, 'layerId'>;
  obligors!: EntityTable<Obligor, 'id'>;
  programmes!: EntityTable<Programme, 'id'>;
  assessments!: EntityTable<Assessment, 'id'>;
  payments!: EntityTable<Payment, 'id'>;
  retributionSettings!: EntityTable<RetributionSettings, 'id'>;
  photos!: EntityTable<PhotoRow, 'id'>;
  photoImages!: EntityTable<PhotoImageRow, 'id'>;
  handlingCatalogues!: EntityTable<StoredHandlingCatalogue, 'key'>;
  workProgrammes!: EntityTable<WorkProgramme, 'id'>;

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
    this.version(5)
      .stores({ features: null, featureBlocks: '[layerId+block], layerId' })
      .upgrade(async (transaction) => {
        const byLayer = new Map<string, StoredFeatureRecord[]>();
        await transaction
          .table('features')
          .each((record: StoredFeatureRecord) =>
            byLayer.has(record.layerId)
              ? byLayer.get(record.layerId)!.push(record)
              : byLayer.set(record.layerId, [record]),
          );
        const blocks = transaction.table('featureBlocks');
        for (const [layerId, records] of byLayer)
          for (let start = 0; start < records.length; start += BLOCK_SIZE)
            await blocks.add(encodeBlock(layerId, start / BLOCK_SIZE, records.slice(start, start + BLOCK_SIZE)));
      });
    this.version(6).stores({ teamLinks: 'layerId' });
    this.version(7)
      .stores({
        obligors: 'id',
        programmes: 'id, corridorId',
        assessments: 'id, obligorId, programmeId, number, status',
        payments: 'id, obligorId, date',
        retributionSettings: 'id',
      })
      .upgrade(async (transaction) => {
        // As with the story: only a database that holds the demo layers gets the demo retribution cycle.
        const hasDemo =
          (await transaction
            .table('layers')
            .filter((layer: { demo: boolean }) => layer.demo)
            .count()) > 0;
        if (!hasDemo) return;
        const demo = createDemoRetribution(createDemoDataset().features, new Date().toISOString());
        await transaction.table('obligors').bulkPut(demo.obligors);
        await transaction.table('programmes').bulkPut(demo.programmes);
        await transaction.table('assessments').bulkPut(demo.assessments);
        await transaction.table('payments').bulkPut(demo.payments);
      });
    this.version(8).stores({ photos: 'id, &sha256, featureId', photoImages: 'id' });
    this.version(9)
      .stores({ handlingCatalogues: 'key, id', workProgrammes: 'id' })
      .upgrade((transaction) =>
        transaction.table('handlingCatalogues').put(storedExampleCatalogue(new Date().toISOString())),
      );
    // A brand-new database runs no upgrade, so it gets the example schedule and catalogue here.
    this.on('populate', (transaction) => {
      void transaction.table('tariffs').add({ ...EXAMPLE_TARIFF_SCHEDULE, savedAt: new Date().toISOString() });
      void transaction.table('handlingCatalogues').add(storedExampleCatalogue(new Date().toISOString()));
    });
  }
}
