import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { RumijaDatabase } from './database';
import { STORES_V7 } from './past-schemas';
import { encodeBlock } from './feature-blocks';
import { addLayerWithFeatures, loadAll } from './layer-repository';
import { redoNext, undoLast } from './change-log';
import { photoIdOf, photoImage, photosByHash, photosOfFeature, storePhotos } from './photo-repository';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';
import {
  createFieldPhotoLayer,
  createPhotoPointFeature,
  PhotoRecordSchema,
  type PhotoRecord,
} from '#shared/evidence/field-photos';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});
const newName = () => {
  const name = `rumija-photos-${names.length}-${Date.now()}`;
  names.push(name);
  return name;
};

const sha = 'ab'.repeat(32);
const record = (featureId: string, layerId: string): PhotoRecord =>
  PhotoRecordSchema.parse({
    id: photoIdOf(sha),
    sha256: sha,
    fileName: 'IMG_0001.jpg',
    byteLength: 4,
    featureId,
    layerId,
    placement: { kind: 'point', from: 'exif' },
    metadata: {
      position: [123.6, -10.16],
      directionDeg: 45,
      takenAt: '2026-01-21T09:30:15',
      cameraMake: 'Samsung',
      cameraModel: null,
    },
    addedAt: '2026-01-21T10:00:00.000Z',
  });

describe('field photos in the database (schema v8)', () => {
  it('opens a version 7 database with its layers, features and retribution kept, and no photos', async () => {
    const name = newName();
    const v7 = new Dexie(name);
    v7.version(7).stores(STORES_V7);
    const at = '2026-05-01T00:00:00.000Z';
    const demo = createDemoDataset(at);
    const roads = demo.features.filter((feature) => feature.layerId === 'demo-roads');
    await v7.table('layers').put(demo.layers.find((layer) => layer.id === 'demo-roads')!);
    await v7.table('featureBlocks').put(
      encodeBlock(
        'demo-roads',
        0,
        roads.map((feature) => ({ ...feature, updatedAt: at })),
      ),
    );
    await v7.table('obligors').put({ id: 'o1', name: 'PT PLN (Persero)' });
    v7.close();

    const db = new RumijaDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(8);
    expect((await loadAll(db)).features).toHaveLength(roads.length);
    expect((await db.obligors.get('o1'))?.name).toBe('PT PLN (Persero)');
    expect(await db.photos.count()).toBe(0);
    expect(await db.photoImages.count()).toBe(0);
    db.close();
  });

  it('stores a photo with its image and its point in one step; it survives reopening; undo takes the point', async () => {
    const name = newName();
    const db = new RumijaDatabase(name);
    const photo = record(`${photoIdOf(sha)}-point`, 'field-photos');
    const point = createPhotoPointFeature(photo, photo.featureId, [123.6, -10.16]);
    const layer = createFieldPhotoLayer([], '2026-01-21T10:00:00.000Z');
    const image = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' });
    const thumbnail = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' });
    const entry = await storePhotos(db, [{ record: photo, image, thumbnail }], { layers: [layer], put: [point] });
    expect(entry?.action).toBe('add-features');
    db.close();

    const reopened = new RumijaDatabase(name);
    const { layers, features } = await loadAll(reopened);
    expect(layers.map((candidate) => candidate.id)).toContain('field-photos');
    expect(features.find((feature) => feature.id === photo.featureId)?.properties).toMatchObject({
      photoId: photo.id,
      fileName: 'IMG_0001.jpg',
      directionDeg: 45,
      takenAt: '2026-01-21T09:30:15',
      cameraMake: 'Samsung',
    });
    expect(features.find((feature) => feature.id === photo.featureId)?.properties).not.toHaveProperty('cameraModel');
    expect(await photosOfFeature(reopened, photo.featureId)).toEqual([photo]);
    expect((await photosByHash(reopened, [sha, 'cd'.repeat(32)])).get(sha)?.fileName).toBe('IMG_0001.jpg');
    const stored = await photoImage(reopened, photo.id);
    expect(stored?.image.size).toBe(4);
    expect(stored?.thumbnail.size).toBe(4);
    // Undo takes the point away; the photo's record stays, and the next import of the file replaces it.
    await undoLast(reopened);
    expect((await loadAll(reopened)).features.some((feature) => feature.id === photo.featureId)).toBe(false);
    const attached = record('demo-road-N-01-1', 'demo-roads');
    await storePhotos(
      reopened,
      [
        {
          record: { ...attached, placement: { kind: 'attached', featureKind: 'road', distanceM: 5, staM: 1342 } },
          image,
          thumbnail,
        },
      ],
      {},
    );
    expect(await reopened.photos.count()).toBe(1);
    expect((await photosOfFeature(reopened, 'demo-road-N-01-1'))[0]?.placement).toMatchObject({ staM: 1342 });
    reopened.close();
  });

  it('a failed point write stores no photo either', async () => {
    const db = new RumijaDatabase(newName());
    const photo = record('nowhere', 'field-photos');
    const bad = { ...createPhotoPointFeature(photo, 'bad', [500, -10]), layerId: 'field-photos' };
    const image = new Blob([new Uint8Array([1])]);
    await expect(
      storePhotos(db, [{ record: photo, image, thumbnail: image }], {
        layers: [createFieldPhotoLayer([], '2026-01-21T10:00:00.000Z')],
        put: [bad],
      }),
    ).rejects.toThrow(/koordinat/);
    expect(await db.photos.count()).toBe(0);
    expect(await db.photoImages.count()).toBe(0);
    db.close();
  });

  it('an undone photo import keeps its images for redo; once it can no longer be redone, they go', async () => {
    const db = new RumijaDatabase(newName());
    const photo = record(`${photoIdOf(sha)}-point`, 'field-photos');
    const point = createPhotoPointFeature(photo, photo.featureId, [123.6, -10.16]);
    const layer = createFieldPhotoLayer([], '2026-01-21T10:00:00.000Z');
    const image = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' });
    // A photo attached to a road (no undo step of its own) must not be touched.
    const otherSha = 'cd'.repeat(32);
    const attached = {
      ...record('demo-road-N-01-1', 'demo-roads'),
      id: photoIdOf(otherSha),
      sha256: otherSha,
      placement: { kind: 'attached' as const, featureKind: 'road' as const, distanceM: 5, staM: 1342 },
    };
    await storePhotos(db, [{ record: attached, image, thumbnail: image }], {});
    await storePhotos(db, [{ record: photo, image, thumbnail: image }], { layers: [layer], put: [point] });

    await undoLast(db);
    expect(await db.photos.count()).toBe(2);
    expect(await db.photoImages.count()).toBe(2);
    await redoNext(db);
    expect((await loadAll(db)).features.some((feature) => feature.id === photo.featureId)).toBe(true);
    expect((await photoImage(db, photo.id))?.image.size).toBe(4);

    await undoLast(db);
    // A new change ends the redo chain: the undone import's photo and its blobs go, the attached one stays.
    const demo = createDemoDataset('2026-01-21T10:00:00.000Z');
    const roads = demo.layers.find((candidate) => candidate.id === 'demo-roads')!;
    await addLayerWithFeatures(
      db,
      roads,
      demo.features.filter((feature) => feature.layerId === roads.id),
    );
    expect(await db.photos.toCollection().primaryKeys()).toEqual([attached.id]);
    expect(await db.photoImages.toCollection().primaryKeys()).toEqual([attached.id]);
    db.close();
  });
});
