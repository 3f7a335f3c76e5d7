import { z } from 'zod';
import type { Layer, StoredFeature } from '../model/layer';

/** The layer photos placed as evidence points go to, made on first use; its stored (Indonesian) name. */
export const FIELD_PHOTO_LAYER = { id: 'field-photos', name: 'Foto lapangan' } as const;

/** What a photo's EXIF says; null where the camera wrote nothing usable. */
export const PhotoMetadataSchema = z.strictObject({
  /** WGS 84 [lon, lat]. */
  position: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).nullable(),
  /** Where the camera looked, degrees clockwise from north (GPSImgDirection). */
  directionDeg: z.number().min(0).max(360).nullable(),
  /** DateTimeOriginal as the camera's clock read, "2026-01-21T09:30:15", with its offset when the camera wrote one. */
  takenAt: z.string().nullable(),
  cameraMake: z.string().nullable(),
  cameraModel: z.string().nullable(),
});
export type PhotoMetadata = z.infer<typeof PhotoMetadataSchema>;

/** Where a stored photo belongs: its own evidence point, or a feature it was attached to after the user agreed. */
export const PhotoPlacementSchema = z.discriminatedUnion('kind', [
  /** A point in the field-photo layer at the EXIF position. */
  z.strictObject({ kind: z.literal('point'), from: z.enum(['exif', 'hand']) }),
  z.strictObject({
    kind: z.literal('attached'),
    featureKind: z.enum(['asset', 'road', 'bridge']),
    distanceM: z.number().min(0),
    /** The ruas and STA of the photo's place along it, for a road. */
    ruasNumber: z.string().optional(),
    staM: z.number().min(0).optional(),
  }),
]);

/** A photo's record beside the features (the image bytes are kept apart from it, see the photo store). */
export const PhotoRecordSchema = z.strictObject({
  id: z.string().min(1),
  /** SHA-256 of the file's bytes, lower-case hex: the same file twice is one photo. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string().min(1),
  byteLength: z.number().int().min(0),
  /** The feature that shows it: its own point, or the asset, road or bridge it was attached to. */
  featureId: z.string().min(1),
  layerId: z.string().min(1),
  placement: PhotoPlacementSchema,
  metadata: PhotoMetadataSchema,
  addedAt: z.iso.datetime(),
});
export type PhotoRecord = z.infer<typeof PhotoRecordSchema>;

/** The field-photo layer as a new layer, drawn above the others. */
export function createFieldPhotoLayer(layers: readonly Layer[], createdAt: string): Layer {
  return {
    id: FIELD_PHOTO_LAYER.id,
    name: FIELD_PHOTO_LAYER.name,
    kind: 'plain',
    order: Math.max(0, ...layers.map((layer) => layer.order)) + 1,
    visible: true,
    styleBy: 'status',
    demo: false,
    createdAt,
  };
}

/**
 * The evidence point of a photo: its place and what the camera said, as attributes the table shows and every export
 * writes. Values the camera did not write are left out rather than stored empty.
 */
export function createPhotoPointFeature(
  photo: Pick<PhotoRecord, 'id' | 'sha256' | 'fileName' | 'metadata'>,
  featureId: string,
  position: [number, number],
): StoredFeature {
  const { metadata } = photo;
  const properties: Record<string, unknown> = { name: photo.fileName, photoId: photo.id, fileName: photo.fileName };
  if (metadata.takenAt !== null) properties.takenAt = metadata.takenAt;
  if (metadata.directionDeg !== null) properties.directionDeg = metadata.directionDeg;
  if (metadata.cameraMake !== null) properties.cameraMake = metadata.cameraMake;
  if (metadata.cameraModel !== null) properties.cameraModel = metadata.cameraModel;
  properties.sha256 = photo.sha256;
  return {
    id: featureId,
    layerId: FIELD_PHOTO_LAYER.id,
    geometry: { type: 'Point', coordinates: position },
    properties,
  };
}
