import type { Position } from 'geojson';
import {
  FIELD_PHOTO_LAYER,
  createFieldPhotoLayer,
  createPhotoPointFeature,
  type PhotoMetadata,
  type PhotoRecord,
} from '#shared/evidence/field-photos';
import { readPhotoFile, type PhotoFileProblem } from '#shared/evidence/read-photo-file';
import { AttachmentFinder, type AttachmentProposal } from '#shared/evidence/propose-photo-attachment';
import type { StoredFeature } from '#shared/model/layer';
import { ObservableState } from './observable-state';
import type { SnapshotHandle } from './app-snapshot';
import type { Document } from './document';
import { photoIdOf, photosByHash, storePhotos } from '../persistence/photo-repository';

/** A photo read and waiting for the user: where it goes is theirs to confirm. */
export interface PhotoCandidate {
  id: string;
  fileName: string;
  sha256: string;
  image: Blob;
  thumbnail: Blob;
  metadata: PhotoMetadata;
  /** Where it will be placed: the EXIF position, or where the user put it by hand; null until then. */
  position: [number, number] | null;
  placedBy: 'exif' | 'hand' | null;
  /** The nearest asset, road or bridge within the distance, as proposed. */
  proposal: AttachmentProposal | null;
  /** The user said yes to the proposal. */
  attach: boolean;
}

export type PhotoProblem = PhotoFileProblem | 'undecodable';

export interface PhotoIntakeState {
  reading: { done: number; total: number } | null;
  candidates: PhotoCandidate[];
  /** Skipped because the same file (by SHA-256) is already stored or came twice in this batch. */
  repeated: { fileName: string; sameAs: string }[];
  refused: { fileName: string; problem: PhotoProblem }[];
  /** How far (metres) a photo may be from an asset, road or bridge to be proposed for it; 0: never propose. */
  maxDistanceM: number;
  /** The last save: how many became points, how many were attached. */
  saved: { points: number; attached: number } | null;
  /** A photo waiting for a click on the map to be placed by hand. */
  placing: string | null;
  /** Photos read since the list was last cleared, with and without a GPS position (saved ones included). */
  tally: { withGps: number; withoutGps: number };
}

const EMPTY: PhotoIntakeState = {
  reading: null,
  candidates: [],
  repeated: [],
  refused: [],
  maxDistanceM: 30,
  saved: null,
  placing: null,
  tally: { withGps: 0, withoutGps: 0 },
};

const THUMBNAIL_SIZE = 320;

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * A small JPEG of the photo, the right way up (the browser applies the EXIF orientation when it decodes); throws
 * when the image cannot be decoded.
 */
async function makeThumbnail(image: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(image, { imageOrientation: 'from-image' });
  try {
    const scale = Math.min(1, THUMBNAIL_SIZE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(bitmap, 0, 0, width, height);
    return await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
  } finally {
    bitmap.close();
  }
}

/**
 * Photos coming in: read (hash, EXIF, thumbnail), checked against what is stored, shown for the user to confirm,
 * then stored with their evidence points. Nothing is placed or attached before the user says so.
 */
export class FieldPhotos extends ObservableState<PhotoIntakeState> {
  constructor(
    private readonly state: SnapshotHandle,
    private readonly document: Document,
  ) {
    super(EMPTY);
  }

  private finder() {
    const features: StoredFeature[] = [];
    const { layers, featuresByLayer } = this.state.get();
    for (const layer of layers)
      if (layer.visible && layer.id !== FIELD_PHOTO_LAYER.id) features.push(...(featuresByLayer.get(layer.id) ?? []));
    return new AttachmentFinder(features);
  }

  private withProposals(candidates: PhotoCandidate[], maxDistanceM: number): PhotoCandidate[] {
    const finder = this.finder();
    return candidates.map((candidate) => {
      const proposal = candidate.position ? finder.propose(candidate.position, maxDistanceM) : null;
      const same = proposal?.featureId === candidate.proposal?.featureId;
      return { ...candidate, proposal, attach: same ? candidate.attach && proposal !== null : false };
    });
  }

  /** Reads dropped or picked files; each one ends up a candidate, repeated or refused, with its name. */
  async add(files: readonly { name: string; bytes: Uint8Array }[]) {
    try {
      await this.read(files);
    } catch (error) {
      // The progress must not spin forever when the database cannot be read; the caller says why.
      this.set({ reading: null });
      throw error;
    }
  }

  private async read(files: readonly { name: string; bytes: Uint8Array }[]) {
    this.set({ reading: { done: 0, total: files.length }, saved: null });
    const candidates = [...this.snapshot.candidates];
    const repeated = [...this.snapshot.repeated];
    const refused = [...this.snapshot.refused];
    const read: { file: (typeof files)[number]; sha256: string }[] = [];
    for (const file of files) read.push({ file, sha256: await sha256Hex(file.bytes) });
    const stored = await photosByHash(
      this.state.db,
      read.map(({ sha256 }) => sha256),
    );
    const featureById = this.state.get().featureById;
    const tally = { ...this.snapshot.tally };
    const seen = new Map(candidates.map((candidate) => [candidate.sha256, candidate.fileName]));
    for (const [index, { file, sha256 }] of read.entries()) {
      this.set({ reading: { done: index, total: files.length } });
      const before = stored.get(sha256);
      // A photo whose point was undone away is not there any more: it may come in again.
      const earlier = seen.get(sha256) ?? (before && featureById.has(before.featureId) ? before.fileName : undefined);
      if (earlier !== undefined) {
        repeated.push({ fileName: file.name, sameAs: earlier });
        continue;
      }
      const reading = readPhotoFile(file.name, file.bytes);
      if (!reading.ok) {
        refused.push({ fileName: file.name, problem: reading.problem });
        continue;
      }
      const image = new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' });
      let thumbnail: Blob;
      try {
        thumbnail = await makeThumbnail(image);
      } catch {
        refused.push({ fileName: file.name, problem: 'undecodable' });
        continue;
      }
      seen.set(sha256, file.name);
      const position = reading.metadata.position;
      if (position) tally.withGps += 1;
      else tally.withoutGps += 1;
      candidates.push({
        id: photoIdOf(sha256),
        fileName: file.name,
        sha256,
        image,
        thumbnail,
        metadata: reading.metadata,
        position: position ? [position[0], position[1]] : null,
        placedBy: position ? 'exif' : null,
        proposal: null,
        attach: false,
      });
    }
    this.set({
      reading: null,
      candidates: this.withProposals(candidates, this.snapshot.maxDistanceM),
      repeated,
      refused,
      tally,
    });
  }

  setMaxDistance(maxDistanceM: number) {
    const distance = Number.isFinite(maxDistanceM) ? Math.max(0, Math.min(5000, maxDistanceM)) : 0;
    this.set({ maxDistanceM: distance, candidates: this.withProposals(this.snapshot.candidates, distance) });
  }

  /** The user's answer to one proposal. */
  setAttach(id: string, attach: boolean) {
    this.set({
      candidates: this.snapshot.candidates.map((candidate) =>
        candidate.id === id ? { ...candidate, attach: attach && candidate.proposal !== null } : candidate,
      ),
    });
  }

  /** Yes to every proposal shown. */
  attachAll() {
    this.set({
      candidates: this.snapshot.candidates.map((candidate) => ({ ...candidate, attach: candidate.proposal !== null })),
    });
  }

  /** Waits for a click on the map to place a photo without GPS (null: stop waiting). */
  startPlacing(id: string | null) {
    this.set({ placing: id });
  }

  placeByHand(position: Position) {
    const id = this.snapshot.placing;
    if (!id) return;
    const placed = this.snapshot.candidates.map((candidate) =>
      candidate.id === id
        ? { ...candidate, position: [position[0]!, position[1]!] as [number, number], placedBy: 'hand' as const }
        : candidate,
    );
    this.set({ placing: null, candidates: this.withProposals(placed, this.snapshot.maxDistanceM) });
  }

  /** Forgets the candidates, repeats and refusals shown (nothing stored is touched). */
  clear() {
    this.set({ ...EMPTY, maxDistanceM: this.snapshot.maxDistanceM });
  }

  /**
   * Stores every placed candidate: as an evidence point in the field-photo layer, or attached to the feature the
   * user confirmed. Photos not placed yet stay listed. One transaction; the points are one undo step.
   */
  async save() {
    const placed = this.snapshot.candidates.filter((candidate) => candidate.position !== null);
    if (placed.length === 0) return;
    const addedAt = new Date().toISOString();
    const layers = this.state.get().layers;
    const existing = layers.find((layer) => layer.id === FIELD_PHOTO_LAYER.id);
    const photos: { record: PhotoRecord; image: Blob; thumbnail: Blob }[] = [];
    const put: StoredFeature[] = [];
    for (const candidate of placed) {
      const base = {
        id: candidate.id,
        sha256: candidate.sha256,
        fileName: candidate.fileName,
        byteLength: candidate.image.size,
        metadata: candidate.metadata,
        addedAt,
      };
      let record: PhotoRecord;
      if (candidate.attach && candidate.proposal) {
        const { featureId, layerId, featureKind, distanceM, ruasNumber, staM } = candidate.proposal;
        record = {
          ...base,
          featureId,
          layerId,
          placement: {
            kind: 'attached',
            featureKind,
            distanceM,
            ...(ruasNumber !== undefined ? { ruasNumber } : {}),
            ...(staM !== undefined ? { staM } : {}),
          },
        };
      } else {
        const featureId = `${candidate.id}-point`;
        put.push(createPhotoPointFeature(base, featureId, candidate.position!));
        record = {
          ...base,
          featureId,
          layerId: FIELD_PHOTO_LAYER.id,
          placement: { kind: 'point', from: candidate.placedBy ?? 'exif' },
        };
      }
      photos.push({ record, image: candidate.image, thumbnail: candidate.thumbnail });
    }
    const newLayer = !existing && put.length > 0 ? [createFieldPhotoLayer(layers, addedAt)] : [];
    const entry = await storePhotos(this.state.db, photos, { layers: newLayer, put });
    if (entry) await this.document.refreshFrom(entry.after);
    const done = new Set(placed.map((candidate) => candidate.id));
    this.set({
      candidates: this.snapshot.candidates.filter((candidate) => !done.has(candidate.id)),
      saved: { points: put.length, attached: photos.length - put.length },
    });
  }
}
