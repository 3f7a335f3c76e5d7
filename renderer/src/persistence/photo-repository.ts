import type { PhotoRecord } from '#shared/evidence/field-photos';
import type { Change } from '#shared/edit/feature-edits';
import type { RumijaDatabase } from './database';
import { commitChange, type EditLogEntry } from './change-log';
import { inBlockTransaction } from './feature-blocks';

export type PhotoRow = PhotoRecord;

/** A photo's image, kept apart from its record: the file as it came (JPEG) and a small JPEG thumbnail. */
export interface PhotoImageRow {
  id: string;
  image: Blob;
  thumbnail: Blob;
}

/** A photo's id follows from its bytes, so the same file imported again is the same photo. */
export const photoIdOf = (sha256: string) => `photo-${sha256.slice(0, 24)}`;

/** The stored photos with any of these hashes, by hash. */
export async function photosByHash(db: RumijaDatabase, hashes: readonly string[]): Promise<Map<string, PhotoRow>> {
  const rows = await db.photos
    .where('sha256')
    .anyOf([...hashes])
    .toArray();
  return new Map(rows.map((row) => [row.sha256, row]));
}

/**
 * Stores photos with their images and, in the same transaction, the change that adds their evidence points (one undo
 * step): all of it or nothing. A record of the same photo left from an undone import is replaced.
 */
export async function storePhotos(
  db: RumijaDatabase,
  photos: readonly { record: PhotoRecord; image: Blob; thumbnail: Blob }[],
  change: Change,
): Promise<EditLogEntry | null> {
  return inBlockTransaction(db, async () => {
    await db.photos.bulkPut(photos.map(({ record }) => record));
    await db.photoImages.bulkPut(photos.map(({ record, image, thumbnail }) => ({ id: record.id, image, thumbnail })));
    const adds = (change.put?.length ?? 0) > 0 || (change.layers?.length ?? 0) > 0;
    return adds ? commitChange(db, 'add-features', change) : null;
  });
}

/** The photos shown with a feature: its own (an evidence point) or those attached to it, oldest first. */
export async function photosOfFeature(db: RumijaDatabase, featureId: string): Promise<PhotoRow[]> {
  const rows = await db.photos.where('featureId').equals(featureId).toArray();
  return rows.sort((a, b) => (a.metadata.takenAt ?? a.addedAt).localeCompare(b.metadata.takenAt ?? b.addedAt));
}

export const photoImage = (db: RumijaDatabase, id: string) => db.photoImages.get(id);
