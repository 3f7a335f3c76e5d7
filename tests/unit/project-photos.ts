import { createHash } from 'node:crypto';
import type { ProjectContents, ProjectPhoto, ProjectPhotoImages } from '#shared/project/project-format';
import type { PhotoRecord } from '#shared/evidence/field-photos';
import { makeTaggedJpeg } from './exiftool-photo';
import { gdalJpeg } from './gdal-jpeg';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Three field photos as a project carries them, made here as real JPEGs (GDAL's encoder, EXIF by exiftool): an
 * evidence point with direction and camera (embedded), a photo attached to a road at an STA (embedded), and one with
 * no GPS placed by hand whose image is only referenced.
 */
export function projectPhotos(contents: ProjectContents): ProjectPhoto[] {
  return projectPhotoFiles(contents).map((photo, i) => (i === 2 ? { ...photo, images: null } : photo));
}

/** The same three photos, each with its image and thumbnail (as a workspace that imported them holds them). */
export function projectPhotoFiles(contents: ProjectContents): (ProjectPhoto & { images: ProjectPhotoImages })[] {
  const road = contents.layers.find(({ layer }) => layer.kind === 'road')!;
  const photo = (
    name: string,
    colour: [number, number, number],
    tags: Parameters<typeof makeTaggedJpeg>[1],
    record: (sha: string, bytes: Uint8Array) => Omit<PhotoRecord, 'sha256' | 'fileName' | 'byteLength'>,
  ) => {
    const { bytes } = makeTaggedJpeg(name, tags, colour, [64, 48]);
    const image = new Uint8Array(bytes);
    const sha = sha256(image);
    return { record: { ...record(sha, image), sha256: sha, fileName: name, byteLength: image.byteLength }, image };
  };
  const point = photo(
    'IMG_0001.jpg',
    [200, 40, 40],
    {
      lat: -10.1712,
      lon: 123.6079,
      directionDeg: 135.5,
      dateTimeOriginal: '2026:01:21 09:30:15',
      make: 'Samsung',
      model: 'Galaxy A54',
    },
    (sha) => ({
      id: `photo-${sha.slice(0, 24)}`,
      featureId: 'foto-1',
      layerId: 'field-photos',
      placement: { kind: 'point', from: 'exif' },
      metadata: {
        position: [123.6079, -10.1712],
        directionDeg: 135.5,
        takenAt: '2026-01-21T09:30:15',
        cameraMake: 'Samsung',
        cameraModel: 'Galaxy A54',
      },
      addedAt: '2026-01-22T01:00:00.000Z',
    }),
  );
  const attached = photo(
    'IMG_0002.jpg',
    [40, 40, 200],
    { lat: -10.1801, lon: 123.6102, dateTimeOriginal: '2026:01:21 10:02:00' },
    (sha) => ({
      id: `photo-${sha.slice(0, 24)}`,
      featureId: road.features[0]!.id,
      layerId: road.layer.id,
      placement: { kind: 'attached', featureKind: 'road', distanceM: 4.2, ruasNumber: '001', staM: 1250 },
      metadata: {
        position: [123.6102, -10.1801],
        directionDeg: null,
        takenAt: '2026-01-21T10:02:00',
        cameraMake: null,
        cameraModel: null,
      },
      addedAt: '2026-01-22T01:00:01.000Z',
    }),
  );
  const referenced = photo('tanpa-gps.jpg', [40, 200, 40], {}, (sha) => ({
    id: `photo-${sha.slice(0, 24)}`,
    featureId: 'foto-3',
    layerId: 'field-photos',
    placement: { kind: 'point', from: 'hand' },
    metadata: { position: null, directionDeg: null, takenAt: null, cameraMake: null, cameraModel: null },
    addedAt: '2026-01-22T01:00:02.000Z',
  }));
  const thumbnail = (colour: [number, number, number]) => new Uint8Array(gdalJpeg(32, 24, colour));
  return [
    { record: point.record, images: { image: point.image, thumbnail: thumbnail([200, 40, 40]) } },
    { record: attached.record, images: { image: attached.image, thumbnail: thumbnail([40, 40, 200]) } },
    { record: referenced.record, images: { image: referenced.image, thumbnail: thumbnail([40, 200, 40]) } },
  ];
}
