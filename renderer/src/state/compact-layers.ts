import type { StoredFeature } from '#shared/model/layer';
import { encodeChunk, type CompactChunk } from '#shared/model/compact-chunk';
import type { AppSnapshot } from './app-snapshot';

const FEATURES_PER_CHUNK = 2048;

interface CompactLayer {
  /** The feature list these chunks hold, as the snapshot had it. */
  list: readonly StoredFeature[];
  chunks: CompactChunk[];
  /** Feature id → index of its chunk; made at the first change. */
  chunkOf: Map<string, number> | null;
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
          chunkOf: null,
        });
        continue;
      }
      const patch = snapshot.featurePatch;
      if (kept && patch && patch.base.get(layerId) === kept.list) this.applyPatch(layerId, kept, list, snapshot);
      else this.layers.delete(layerId);
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
      this.layers.set(layerId, (kept = { list, chunks, chunkOf: null }));
    }
    return kept.chunks;
  }

  private applyPatch(layerId: string, kept: CompactLayer, list: readonly StoredFeature[], snapshot: Followed) {
    const chunks = [...kept.chunks];
    const chunkOf = (kept.chunkOf ??= indexChunks(chunks));
    // Chunks touched by the change, with their ids as they will be.
    const touched = new Map<number, string[]>();
    const membersOf = (at: number) => {
      let ids = touched.get(at);
      if (!ids) touched.set(at, (ids = [...chunks[at]!.ids]));
      return ids;
    };
    for (const id of snapshot.featurePatch!.ids) {
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
    this.layers.set(layerId, { list, chunks, chunkOf });
  }
}

function indexChunks(chunks: readonly CompactChunk[]) {
  const index = new Map<string, number>();
  chunks.forEach((chunk, at) => {
    for (const id of chunk.ids) index.set(id, at);
  });
  return index;
}
