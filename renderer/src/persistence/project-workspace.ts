import type { ProjectContents, ProjectFeature, ProjectPhoto } from '#shared/project/project-format';
import { SavedStyleSchema } from '#shared/model/layer-style';
import { z } from 'zod';
import { storedExampleCatalogue, type RumijaDatabase } from './database';
import { forgetDirectory, readLayerFeatures, writeLayerBlocks } from './feature-blocks';
import { validateFeature } from './feature-validation';
import type { ProjectRecords } from '#shared/project/project-records';

/** Meta keys a project carries: what the user set up, never a team password or the machine's own bookkeeping. */
const CARRIED_SETTINGS = [/^basemap$/, /^import-mapping:/];
const SAVED_STYLES_KEY = 'saved-styles';
const BACKGROUNDS_KEY = 'backgrounds';
/** Meta keys a project replaces when it is opened (backgrounds' kept files included: they belong to the old list). */
const REPLACED_META = [/^basemap$/, /^import-mapping:/, /^saved-styles$/, /^backgrounds$/, /^background-file:/];
/** Where the app keeps the note that the undo history started anew with an opened project. */
export const HISTORY_NOTE_KEY = 'history-note';

export interface HistoryNote {
  reason: 'project-opened' | 'backup-restored';
  name: string;
  at: string;
}

/** How a project carries photos: images embedded (a backup always), or records only with the image marked not carried. */
export type PhotoImages = 'embed' | 'reference';

/**
 * The whole workspace read from the database as a project holds it. The photos' images are read after the
 * transaction: a Blob's bytes come through a promise IndexedDB's transaction does not wait for.
 */
export async function collectProject(
  db: RumijaDatabase,
  about: { name: string; appVersion: string; savedAt?: string },
  photoImages: PhotoImages = 'embed',
): Promise<ProjectContents> {
  const { contents, photos, images } = await db.transaction(
    'r',
    [db.layers, db.featureBlocks, db.stories, db.tariffs, db.meta, db.photos, db.photoImages, ...recordTables(db)],
    async () => {
      const layers = await db.layers.orderBy('order').toArray();
      const byLayer = new Map<string, ProjectFeature[]>(layers.map((layer) => [layer.id, []]));
      for (const record of await readLayerFeatures(
        db,
        layers.map((layer) => layer.id),
      ))
        byLayer.get(record.layerId)?.push(record);
      const meta = await db.meta.toArray();
      const value = (key: string) => meta.find((entry) => entry.key === key)?.value;
      const savedStyles = z.array(SavedStyleSchema).safeParse(value(SAVED_STYLES_KEY));
      const backgrounds = ((value(BACKGROUNDS_KEY) as Record<string, unknown>[] | undefined) ?? []).map(
        // A desktop file's token means nothing on another machine; the name and kind stay as a reference.
        ({ hostFile: _hostFile, ...background }) => background,
      );
      const settings = Object.fromEntries(
        meta.filter((entry) => CARRIED_SETTINGS.some((key) => key.test(entry.key))).map((e) => [e.key, e.value]),
      );
      const photos = await db.photos.orderBy('id').toArray();
      const images = photoImages === 'embed' ? await db.photoImages.toArray() : [];
      const contents: Omit<ProjectContents, 'photos'> = {
        name: about.name,
        savedAt: about.savedAt ?? new Date().toISOString(),
        appVersion: about.appVersion,
        layers: layers.map((layer) => ({ layer, features: byLayer.get(layer.id)! })),
        stories: await db.stories.toArray(),
        tariffs: await db.tariffs.orderBy('[id+version]').toArray(),
        savedStyles: savedStyles.success ? savedStyles.data : [],
        backgrounds,
        settings,
        records: await collectRecords(db),
      };
      return { contents, photos, images };
    },
  );
  const byId = new Map(images.map((row) => [row.id, row]));
  const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
  const carried: ProjectPhoto[] = [];
  for (const record of photos) {
    const row = byId.get(record.id);
    // A photo whose image is not in the store (a referenced photo from an opened project) stays referenced.
    carried.push({
      record,
      images: row ? { image: await bytesOf(row.image), thumbnail: await bytesOf(row.thumbnail) } : null,
    });
  }
  return { ...contents, photos: carried };
}

/** The registers a project carries (project-records.ts), as the database holds them. */
const recordTables = (db: RumijaDatabase) => [
  db.obligors,
  db.programmes,
  db.assessments,
  db.payments,
  db.retributionSettings,
  db.handlingCatalogues,
  db.workProgrammes,
];

async function collectRecords(db: RumijaDatabase): Promise<ProjectRecords> {
  return {
    obligors: await db.obligors.toArray(),
    programmes: await db.programmes.toArray(),
    assessments: await db.assessments.toArray(),
    payments: await db.payments.toArray(),
    retributionSettings: await db.retributionSettings.toArray(),
    handlingCatalogues: (await db.handlingCatalogues.orderBy('key').toArray()).map(
      ({ key: _key, savedAt, ...catalogue }) => ({ catalogue, savedAt }),
    ),
    workProgrammes: await db.workProgrammes.toArray(),
  };
}

async function replaceRecords(db: RumijaDatabase, records: ProjectRecords) {
  await Promise.all(recordTables(db).map((table) => table.clear()));
  await db.obligors.bulkAdd(records.obligors);
  await db.programmes.bulkAdd(records.programmes);
  await db.assessments.bulkAdd(records.assessments);
  await db.payments.bulkAdd(records.payments);
  await db.retributionSettings.bulkAdd(records.retributionSettings);
  await db.handlingCatalogues.bulkAdd(
    records.handlingCatalogues.map(({ catalogue, savedAt }) => ({
      ...catalogue,
      key: `${catalogue.id}@${catalogue.version}`,
      savedAt,
    })),
  );
  // A project from before the programme (format 1) has no catalogue; the programme prices with the example then.
  if (records.handlingCatalogues.length === 0)
    await db.handlingCatalogues.add(storedExampleCatalogue(new Date().toISOString()));
  await db.workProgrammes.bulkAdd(records.workProgrammes);
}

/**
 * The project's photos in place of the workspace's. An embedded image is stored; a referenced photo keeps the image
 * this workspace already has of the same file (its id follows from its hash), else it is shown as not carried.
 * Images of photos the project does not have go.
 */
async function replacePhotos(db: RumijaDatabase, photos: readonly ProjectPhoto[]) {
  const keep = new Set(photos.filter(({ images }) => !images).map(({ record }) => record.id));
  const gone = (await db.photoImages.toCollection().primaryKeys()).filter((id) => !keep.has(id));
  await db.photos.clear();
  await db.photoImages.bulkDelete(gone);
  await db.photos.bulkAdd(photos.map(({ record }) => record));
  const jpeg = (bytes: Uint8Array<ArrayBuffer>) => new Blob([bytes], { type: 'image/jpeg' });
  await db.photoImages.bulkAdd(
    photos.flatMap(({ record, images }) =>
      images ? [{ id: record.id, image: jpeg(images.image), thumbnail: jpeg(images.thumbnail) }] : [],
    ),
  );
}

/** Counts of what a workspace or a project holds, for "what will be replaced". */
export interface ProjectCounts {
  layers: number;
  features: number;
  stories: number;
  tariffs: number;
  /** The registers and photos; absent in the counts of a backup made before they were counted. */
  obligors?: number;
  assessments?: number;
  payments?: number;
  programmes?: number;
  workProgrammes?: number;
  photos?: number;
}

export async function workspaceCounts(db: RumijaDatabase): Promise<Required<ProjectCounts>> {
  const layers = await db.layers.toArray();
  let features = 0;
  const shown = new Set(layers.map((layer) => layer.id));
  await db.featureBlocks.each((row) => {
    if (shown.has(row.layerId)) features += row.ids.length;
  });
  return {
    layers: layers.length,
    features,
    stories: await db.stories.count(),
    tariffs: await db.tariffs.count(),
    obligors: await db.obligors.count(),
    assessments: await db.assessments.count(),
    payments: await db.payments.count(),
    programmes: await db.programmes.count(),
    workProgrammes: await db.workProgrammes.count(),
    photos: await db.photos.count(),
  };
}

/** The same counts of a project read from a file. */
export function projectCounts(project: ProjectContents): Required<ProjectCounts> {
  return {
    layers: project.layers.length,
    features: project.layers.reduce((sum, layer) => sum + layer.features.length, 0),
    stories: project.stories.length,
    tariffs: project.tariffs.length,
    obligors: project.records.obligors.length,
    assessments: project.records.assessments.length,
    payments: project.records.payments.length,
    programmes: project.records.programmes.length,
    workProgrammes: project.records.workProgrammes.length,
    photos: project.photos.length,
  };
}

/**
 * Puts a project in place of the workspace, in one transaction: all of it or nothing. Every feature is checked
 * against the model first; the first one at fault stops it with a message naming layer, feature and field. The
 * undo history starts anew (the old steps belong to the replaced workspace) and a note says so.
 */
export async function replaceWorkspace(db: RumijaDatabase, project: ProjectContents, note: HistoryNote) {
  const now = new Date().toISOString();
  for (const { layer, features } of project.layers)
    for (const feature of features) {
      try {
        validateFeature(feature);
      } catch (error) {
        throw new Error(`${layer.name}, fitur / feature ${feature.id}: ${(error as Error).message}`);
      }
    }
  try {
    await replaceIn(db, project, note, now);
  } catch (error) {
    forgetDirectory(db);
    throw error;
  }
}

async function replaceIn(db: RumijaDatabase, project: ProjectContents, note: HistoryNote, now: string) {
  await db.transaction(
    'rw',
    [
      db.layers,
      db.featureBlocks,
      db.editLog,
      db.stories,
      db.tariffs,
      db.meta,
      db.teamLinks,
      db.photos,
      db.photoImages,
      ...recordTables(db),
    ],
    async () => {
      await Promise.all([
        db.layers.clear(),
        db.featureBlocks.clear(),
        db.editLog.clear(),
        db.stories.clear(),
        db.tariffs.clear(),
        // Team links name tables of a team database this workspace shared; the opened project has none.
        db.teamLinks.clear(),
      ]);
      forgetDirectory(db);
      const replaced = (await db.meta.toCollection().primaryKeys()).filter((key) =>
        REPLACED_META.some((pattern) => pattern.test(key)),
      );
      await db.meta.bulkDelete(replaced);
      await db.layers.bulkAdd(project.layers.map(({ layer }) => layer));
      for (const { layer, features } of project.layers)
        await writeLayerBlocks(
          db,
          layer.id,
          features.map((feature) => ({ ...feature, layerId: layer.id, updatedAt: feature.updatedAt ?? now })),
        );
      await db.stories.bulkAdd(project.stories);
      await replaceRecords(db, project.records);
      await replacePhotos(db, project.photos);
      await db.tariffs.bulkAdd(project.tariffs);
      await db.meta.bulkPut([
        ...Object.entries(project.settings).map(([key, value]) => ({ key, value })),
        { key: SAVED_STYLES_KEY, value: project.savedStyles },
        { key: BACKGROUNDS_KEY, value: project.backgrounds },
        { key: 'seeded', value: now },
        { key: HISTORY_NOTE_KEY, value: note },
      ]);
    },
  );
}
