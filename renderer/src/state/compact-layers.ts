import type { StoredFeature } from '#shared/model/layer';
import { encodeChunk, type CompactChunk } from '#shared/model/compact-chunk';
import type { AppSnapshot } from './app-snapshot';
import { IdleSlices } from '../platform/idle-slices';

const FEATURES_PER_CHUNK = 2048;

interface CompactLayer {
  /** The feature list these chunks hold, as the snapshot had it. */
  list: readonly StoredFeature[];
  chunks: CompactChunk[];
  /** Feature id → index of its chunk: filled while the page is idle, finished by the first change if need be. */
  chunkOf: ChunkIndex;
  /** Ids changed since the chunks were last made (applied when the chunks are next asked for). */
  pending: Set<string>;
}

type Followed = Pick<AppSnapshot, 'featuresByLayer' | 'featureById' | 'featurePatch' | 'storedBlocks'>;

/**
 * Every layer's features in the stored, compact form (typed arrays, property columns), kept in step with the
 * snapshot: the blocks read at start are kept as they are, and a change re-encodes only the chunks it touched. The
 * analysis sends these to its worker instead of packing a million GeoJSON features on the page at each run.
 * A layer changed in a way a patch does not describe (a new layer, a reload) is encoded when it is first asked for.
 */
export class CompactLayers {
  private readonly layers = new Map<string, CompactLayer>();

  /** Brings the kept layers in step with a snapshot (cheap when nothing changed: one comparison per layer). */
  follow(snapshot: Followed) {
    for (const layerId of [...this.layers.keys()])
      if (!snapshot.featuresByLayer.has(layerId)) this.layers.delete(layerId);
    for (const [layerId, list] of snapshot.featuresByLayer) {
      const kept = this.layers.get(layerId);
      if (kept?.list === list) continue;
      const stored = snapshot.storedBlocks?.get(layerId);
      if (stored?.features === list && stored.blocks.every((block) => typeof block.properties !== 'string')) {
        this.layers.set(layerId, {
          list,
          chunks: stored.blocks.map((block) => ({
            ...block,
            properties: block.properties as CompactChunk['properties'],
          })),
          chunkOf: new ChunkIndex(stored.blocks),
          pending: new Set(),
        });
        continue;
      }
      const patch = snapshot.featurePatch;
      // Only noted here, so an edit costs nothing more; the chunks are made again when asked for.
      if (kept && patch && patch.base.get(layerId) === kept.list) {
        for (const id of patch.ids) kept.pending.add(id);
        kept.list = list;
      } else this.layers.delete(layerId);
    }
  }

  /** The layer's features now, in chunks (encoded here if the layer was not kept). */
  chunksOf(layerId: string, snapshot: Followed): readonly CompactChunk[] {
    this.follow(snapshot);
    const list = snapshot.featuresByLayer.get(layerId) ?? [];
    let kept = this.layers.get(layerId);
    if (!kept) {
      const chunks: CompactChunk[] = [];
      for (let start = 0; start < list.length; start += FEATURES_PER_CHUNK)
        chunks.push(encodeChunk(list.slice(start, start + FEATURES_PER_CHUNK)));
      this.layers.set(layerId, (kept = { list, chunks, chunkOf: new ChunkIndex(chunks), pending: new Set() }));
    }
    if (kept.pending.size > 0) this.applyPending(layerId, kept, snapshot);
    return kept.chunks;
  }

  /**
   * Puts the changed features into their chunks, as the feature index has them now: a feature changed several
   * times (deleted, then brought back) ends as it is now, in the layer it is in now.
   */
  private applyPending(layerId: string, kept: CompactLayer, snapshot: Followed) {
    const chunks = [...kept.chunks];
    const chunkOf = kept.chunkOf.filled();
    // Chunks touched by the change, with their ids as they will be.
    const touched = new Map<number, string[]>();
    const membersOf = (at: number) => {
      let ids = touched.get(at);
      if (!ids) touched.set(at, (ids = [...chunks[at]!.ids]));
      return ids;
    };
    for (const id of kept.pending) {
      const inLayer = snapshot.featureById.get(id)?.layerId === layerId;
      const at = chunkOf.get(id);
      if (at !== undefined && !inLayer) {
        const ids = membersOf(at);
        ids.splice(ids.indexOf(id), 1);
        chunkOf.delete(id);
      } else if (at !== undefined) membersOf(at);
      else if (inLayer) {
        // New to the layer (drawn, or moved from another): into the last chunk while it has room, else a new one.
        let last = chunks.length - 1;
        if (last < 0 || membersOf(last).length >= FEATURES_PER_CHUNK) chunks.push(encodeChunk([]));
        last = chunks.length - 1;
        membersOf(last).push(id);
        chunkOf.set(id, last);
      }
    }
    for (const [at, ids] of touched) chunks[at] = encodeChunk(ids.map((id) => snapshot.featureById.get(id)!));
    kept.chunks = chunks;
    kept.pending.clear();
  }
}

/** Where each feature of a layer's chunks is, filled a chunk at a time in idle time (a million ids: ~0.3 s). */
class ChunkIndex {
  private readonly map = new Map<string, number>();
  private readonly filling: IdleSlices;

  constructor(chunks: readonly { ids: readonly string[] }[]) {
    let next = 0;
    this.filling = new IdleSlices(() => {
      const chunk = chunks[next];
      if (chunk) for (const id of chunk.ids) this.map.set(id, next);
      next++;
      return next >= chunks.length;
    });
  }

  filled() {
    this.filling.finish();
    return this.map;
  }
}
