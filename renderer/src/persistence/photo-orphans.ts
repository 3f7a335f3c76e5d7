import type { RumijaDatabase } from './database';
import { BlockSession } from './feature-blocks';

/**
 * Removes the photos (records and image blobs) of an undone change that can no longer be redone: those shown by a
 * feature the change added that is gone now, or kept in a layer the change made that is gone. A photo whose feature
 * came back (the same file imported again) stays. Runs inside the caller's block transaction.
 */
export async function removeOrphanPhotos(
  db: RumijaDatabase,
  addedFeatures: ReadonlySet<string>,
  addedLayers: ReadonlySet<string>,
): Promise<number> {
  if (addedFeatures.size === 0 && addedLayers.size === 0) return 0;
  const candidates = await db.photos
    .filter((photo) => addedFeatures.has(photo.featureId) || addedLayers.has(photo.layerId))
    .toArray();
  if (candidates.length === 0) return 0;
  const session = await BlockSession.open(db);
  const orphans: string[] = [];
  for (const photo of candidates) {
    const layer = await db.layers.get(photo.layerId);
    if (!layer || !(await session.get(photo.featureId))) orphans.push(photo.id);
  }
  await db.photos.bulkDelete(orphans);
  await db.photoImages.bulkDelete(orphans);
  return orphans.length;
}
