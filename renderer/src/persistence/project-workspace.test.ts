import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { RumijaDatabase } from './database';
import { seedDemoIfEmpty } from './demo-seed';
import { addLayerWithFeatures, updateFeatureProperties } from './layer-repository';
import { saveTariffSchedule, latestTariffSchedules } from './tariff-repository';
import { readLayerFeatures } from './feature-blocks';
import { collectProject, HISTORY_NOTE_KEY, replaceWorkspace, workspaceCounts } from './project-workspace';
import { writeProject } from '#shared/project/write-project';
import { readProject } from '#shared/project/read-project';
import { projectFixture } from '#shared/project/project-fixture';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';
import { createHash } from 'node:crypto';
import { projectPhotoFiles } from '../../../tests/unit/project-photos';
import { storePhotos } from './photo-repository';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const blobSha = async (blob: Blob) => sha256(new Uint8Array(await blob.arrayBuffer()));
/** Three imported photos (real JPEGs with EXIF) as the photo store holds them. */
const fixturePhotos = () =>
  projectPhotoFiles(projectFixture()).map(({ record, images }) => ({
    record,
    image: new Blob([images.image], { type: 'image/jpeg' }),
    thumbnail: new Blob([images.thumbnail], { type: 'image/jpeg' }),
  }));

const opened: RumijaDatabase[] = [];
const database = (name: string) => {
  const db = new RumijaDatabase(name);
  opened.push(db);
  return db;
};

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** The workspace the issue asks to carry: demo, an imported layer with extra columns, styled layers, two stories, three tariff versions. */
async function preparedWorkspace(db: RumijaDatabase, photos = fixturePhotos()) {
  await seedDemoIfEmpty(db);
  const fixture = projectFixture();
  for (const { layer, features } of fixture.layers.filter(({ layer }) => !layer.demo))
    await addLayerWithFeatures(db, layer, features);
  await db.stories.put(fixture.stories[1]!);
  const [tariff] = await latestTariffSchedules(db);
  await saveTariffSchedule(db, { ...tariff!, legalReference: 'Perda NTT No. 1 Tahun 2024 (versi 2)' });
  await saveTariffSchedule(db, { ...tariff!, validFrom: '2027-01-01', legalReference: 'Perda NTT (versi 3)' });
  await db.meta.put({ key: 'saved-styles', value: fixture.savedStyles });
  await db.meta.put({ key: 'basemap', value: 'none' });
  await storePhotos(db, photos, {});
  // An edit, so there is history to start afresh.
  const road = createDemoDataset().features.find((feature) => feature.properties.kind === 'road')!;
  await updateFeatureProperties(db, road.id, { name: 'Jalan diubah sebelum disimpan' });
}

describe('a workspace saved as a project and opened in a fresh profile', () => {
  it('is equal in every layer, feature, property, style, story, tariff version and setting', async () => {
    const source = database('rumija-project-source');
    const photos = fixturePhotos();
    await preparedWorkspace(source, photos);
    const about = { name: 'Sidang Kupang', appVersion: '0.1.0', savedAt: '2026-12-06T21:00:00.000Z' };
    const saved = await collectProject(source, about);
    expect(saved.layers).toHaveLength(7);
    expect(saved.stories).toHaveLength(2);
    expect(saved.tariffs.map((t) => t.version)).toEqual([1, 2, 3]);
    // The registers travel too: the demo retribution cycle (notices, payments) and the example catalogue.
    expect(saved.records.assessments.length).toBeGreaterThan(0);
    expect(saved.records.payments.length).toBeGreaterThan(0);
    expect(saved.records.handlingCatalogues.length).toBeGreaterThan(0);
    expect(saved.photos).toHaveLength(3);

    const { bytes } = await writeProject(saved);
    const read = await readProject(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));

    // A fresh profile that already holds something of its own: all of it is replaced.
    const target = database('rumija-project-target');
    await seedDemoIfEmpty(target);
    await updateFeatureProperties(target, createDemoDataset().features[0]!.id, { name: 'hilang saat dibuka' });
    await replaceWorkspace(target, read.value, { reason: 'project-opened', name: read.value.name, at: about.savedAt });

    const back = await collectProject(target, about);
    expect(back).toStrictEqual(saved);
    // Field by field, feature by feature, as the store decodes them (not through collectProject).
    const before = await readLayerFeatures(
      source,
      saved.layers.map(({ layer }) => layer.id),
    );
    const after = await readLayerFeatures(
      target,
      saved.layers.map(({ layer }) => layer.id),
    );
    expect(after.length).toBe(before.length);
    after.forEach((feature, i) => {
      expect(feature.id).toBe(before[i]!.id);
      expect(feature.geometry).toStrictEqual(before[i]!.geometry);
      for (const key of new Set([...Object.keys(feature.properties), ...Object.keys(before[i]!.properties)]))
        expect([feature.id, key, feature.properties[key]]).toStrictEqual([feature.id, key, before[i]!.properties[key]]);
    });
    expect(after.find((f) => f.properties.name === 'Jalan diubah sebelum disimpan')).toBeDefined();

    // The undo history starts anew, and a note says why.
    expect(await target.editLog.count()).toBe(0);
    expect((await target.meta.get(HISTORY_NOTE_KEY))?.value).toEqual({
      reason: 'project-opened',
      name: 'Sidang Kupang',
      at: about.savedAt,
    });
    expect(await workspaceCounts(target)).toMatchObject({
      layers: 7,
      features: before.length,
      stories: 2,
      tariffs: 3,
      photos: 3,
      obligors: saved.records.obligors.length,
      payments: saved.records.payments.length,
    });
    // Every photo's record is back, and its image and thumbnail byte for byte (SHA-256 against the imported files).
    expect(await target.photos.orderBy('id').toArray()).toStrictEqual(await source.photos.orderBy('id').toArray());
    for (const { record, image, thumbnail } of photos) {
      const stored = await target.photoImages.get(record.id);
      expect(await blobSha(stored!.image)).toBe(await blobSha(image));
      expect(await blobSha(stored!.thumbnail)).toBe(await blobSha(thumbnail));
    }
    expect(await blobSha((await target.photoImages.get(photos[0]!.record.id))!.image)).toBe(photos[0]!.record.sha256);
  }, 60_000);

  it('carries photo records only when asked: the images are not in the file, a workspace with them keeps them', async () => {
    const source = database('rumija-project-photos-referenced');
    const photos = fixturePhotos();
    await preparedWorkspace(source, photos);
    const about = { name: 'Hanya catatan', appVersion: '0.1.0', savedAt: '2026-12-06T21:00:00.000Z' };
    const saved = await collectProject(source, about, 'reference');
    expect(saved.photos.map(({ images }) => images)).toEqual([null, null, null]);
    const read = await readProject((await writeProject(saved)).bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    const note = { reason: 'project-opened' as const, name: about.name, at: about.savedAt };
    // Another laptop: the records, no image.
    const elsewhere = database('rumija-project-photos-elsewhere');
    await seedDemoIfEmpty(elsewhere);
    await replaceWorkspace(elsewhere, read.value, note);
    expect(await elsewhere.photos.count()).toBe(3);
    expect(await elsewhere.photoImages.count()).toBe(0);
    // The same workspace opening it again keeps the images it has of the same files.
    await replaceWorkspace(source, read.value, note);
    expect(await source.photoImages.count()).toBe(3);
    expect(await blobSha((await source.photoImages.get(photos[1]!.record.id))!.image)).toBe(photos[1]!.record.sha256);
  }, 60_000);

  it('changes nothing when a feature of the project breaks the model, and names it', async () => {
    const target = database('rumija-project-refused');
    await seedDemoIfEmpty(target);
    const counts = await workspaceCounts(target);
    const project = projectFixture();
    const road = project.layers[1]!.features[0]!;
    road.properties = { ...road.properties, status: 'jalan-tol-luar-angkasa' };
    await expect(
      replaceWorkspace(target, project, { reason: 'project-opened', name: 'x', at: '2026-12-06T21:00:00.000Z' }),
    ).rejects.toThrow(new RegExp(`Ruas jalan \\(demo\\), fitur / feature ${road.id}: status`));
    expect(await workspaceCounts(target)).toEqual(counts);
  });
});
