import { addProtocol } from 'maplibre-gl';
import { transfer } from 'comlink';
import type { Layer, StoredFeature } from '#shared/model/layer';
import type { FeatureBlockRow } from '../persistence/feature-blocks';
import { styledDataKey } from './layer-style-specs';
import { encodeGeometries } from '#shared/model/geometry-codec';
import type { TileChunk, TileProperties } from '#shared/tiles/layer-tiles';
import { chunkBuffers, packChunk, packIds, type Packed } from '#shared/model/packed-ids';
import { toPropertyColumns, type PropertyColumns } from '#shared/model/property-columns';
import type { EncodedGeometries } from '#shared/model/geometry-codec';
import { createWorkerClient } from '../workers/worker-client';
import type { FeatureTilesWorkerApi } from '../workers/feature-tiles.worker';

/**
 * Layers this big are drawn from vector tiles cut in a worker instead of one GeoJSON source: the map gets the data
 * once and after an edit only the chunk that changed, and asks for the tiles in view.
 */
export const TILED_MIN_FEATURES = 10_000;
/** Tiles are cut up to this zoom and scaled beyond it (a tile unit is then 0.15 m). */
export const TILE_MAX_ZOOM = 16;
const FEATURES_PER_CHUNK = 2048;
const PROTOCOL = 'rumija-tiles';

const tileWorker = createWorkerClient<FeatureTilesWorkerApi>(
  'mapTiles',
  () => new Worker(new URL('../workers/feature-tiles.worker.ts', import.meta.url), { type: 'module' }),
);

interface FedLayer {
  /** Chunk key → the ids of its features (chunks are stored blocks, or slices of the layer as it was sent). */
  chunks: Map<number, string[]>;
  /** Feature id → chunk key; made at the first change (a million entries cost ~0.2 s a start would wait for). */
  chunkOf: Map<string, number> | null;
  propertiesOf: (feature: StoredFeature) => TileProperties;
}

/** A stored block as read from the database, sent to the worker without decoding it first. */
export interface StoredBlock {
  block: number;
  ids: string[];
  properties: PropertyColumns;
  geometry: EncodedGeometries;
}

const feeds = new Map<string, TiledLayerFeed>();
let protocolAdded = false;

/** Copies of stored blocks as tile chunks (the caller keeps its own: the copies are transferred). */
function chunksOfBlocks(blocks: readonly StoredBlock[]): Packed<TileChunk>[] {
  return blocks.map((block) => ({
    key: block.block,
    ids: packIds(block.ids),
    properties: { ...block.properties, indices: block.properties.indices.map((indices) => indices.slice()) },
    geometry: { shape: block.geometry.shape.slice(), coords: block.geometry.coords.slice() },
  }));
}

/** Layers whose blocks went to the worker as soon as they were read: the geometry they were sent from, by layer. */
const preloads = new Map<string, { workerKey: string; geometries: readonly EncodedGeometries[] }>();
let preloadCounter = 0;
const PRELOAD_KEPT_MS = 60_000;

/**
 * Sends the blocks of big layers to the tile worker as soon as the database has given them, so the worker takes
 * them in while the page turns the same blocks into features; the map adopts them when it draws those very blocks.
 */
export function preloadStoredBlocks(layers: readonly Layer[], rows: readonly FeatureBlockRow[]) {
  for (const layer of layers) {
    // Drawn from features instead: a user's style (its values are computed) or blocks with JSON-text properties.
    if (styledDataKey(layer.style) !== '|') continue;
    const own = rows.filter((row) => row.layerId === layer.id);
    if (own.some((row) => typeof row.properties === 'string')) continue;
    if (own.reduce((count, row) => count + row.ids.length, 0) < TILED_MIN_FEATURES) continue;
    const blocks = own as (FeatureBlockRow & { properties: PropertyColumns })[];
    const workerKey = `preload${++preloadCounter}/${layer.id}`;
    const chunks = chunksOfBlocks(blocks);
    void tileWorker
      .call((api) => api.setChunks(workerKey, TILE_MAX_ZOOM, transfer(chunks, chunkBuffers(chunks)), [], true))
      .catch(() => undefined);
    preloads.set(layer.id, { workerKey, geometries: blocks.map((block) => block.geometry) });
    // A layer no map draws from these blocks (hidden by a presentation, drawn from features) is not kept for ever.
    setTimeout(() => {
      if (preloads.get(layer.id)?.workerKey === workerKey) takePreload(layer.id, []);
    }, PRELOAD_KEPT_MS);
  }
}

/** The preloaded worker layer of exactly these blocks, taken (one use); any other preload of the layer is dropped. */
function takePreload(layerId: string, blocks: readonly StoredBlock[]) {
  const preload = preloads.get(layerId);
  if (!preload) return null;
  preloads.delete(layerId);
  const same =
    blocks.length > 0 &&
    preload.geometries.length === blocks.length &&
    blocks.every((block, index) => block.geometry === preload.geometries[index]);
  if (same) return preload.workerKey;
  void tileWorker.call((api) => api.dropLayer(preload.workerKey)).catch(() => undefined);
  return null;
}

function ensureProtocol() {
  if (protocolAdded) return;
  protocolAdded = true;
  addProtocol(PROTOCOL, async (params) => {
    // rumija-tiles://<feed>/<layer>/<z>/<x>/<y>
    const [feedId, layerId, z, x, y] = params.url.slice(PROTOCOL.length + 3).split('/');
    const feed = feeds.get(feedId!);
    if (!feed) return { data: new ArrayBuffer(0) };
    const bytes = await feed.tile(decodeURIComponent(layerId!), Number(z), Number(x), Number(y));
    // The encoder hands back a view into a larger buffer: MapLibre needs exactly the tile's bytes.
    const exact = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    return { data: exact.buffer as ArrayBuffer };
  });
}

function chunkIndex(chunks: ReadonlyMap<number, readonly string[]>) {
  const index = new Map<string, number>();
  for (const [key, ids] of chunks) for (const id of ids) index.set(id, key);
  return index;
}

/** What one map draws as tiles: the chunks of each tiled layer, kept in step with the worker. */
export class TiledLayerFeed {
  private static counter = 0;
  readonly id = `feed${++TiledLayerFeed.counter}`;
  private readonly layers = new Map<string, FedLayer>();
  /** Where a restarted worker's layers are read from again: the features as the store holds them now. */
  current: ((id: string) => StoredFeature | undefined) | null = null;
  /** When the last send of each layer began, for the benchmarks' measures. */
  private readonly started = new Map<string, number>();
  /** Sends to the worker run one after another, and tiles wait for the sends before them. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor() {
    ensureProtocol();
    feeds.set(this.id, this);
  }

  tileUrl(layerId: string) {
    return `${PROTOCOL}://${this.id}/${encodeURIComponent(layerId)}/{z}/{x}/{y}`;
  }

  private workerKey(layerId: string) {
    return `${this.id}/${layerId}`;
  }

  private encode(layer: FedLayer, key: number, current: (id: string) => StoredFeature | undefined): TileChunk {
    const members = (layer.chunks.get(key) ?? []).map((id) => current(id)!);
    return {
      key,
      ids: members.map((feature) => feature.id),
      properties: toPropertyColumns(members.map(layer.propertiesOf)),
      geometry: encodeGeometries(members.map((feature) => feature.geometry)),
    };
  }

  private send(layerId: string, unpacked: TileChunk[], removeKeys: number[], reset: boolean) {
    const key = this.workerKey(layerId);
    const chunks = unpacked.map(packChunk);
    return this.queued(layerId, () =>
      tileWorker.call((api) =>
        api.setChunks(key, TILE_MAX_ZOOM, transfer(chunks, chunkBuffers(chunks)), removeKeys, reset),
      ),
    );
  }

  private queued<T>(layerId: string, run: () => Promise<T>) {
    const sent = this.queue.then(run);
    this.queue = sent.catch(() => undefined);
    void sent.then(
      () => performance.measure('rumija:worker-tiles', { start: this.started.get(layerId) }),
      () => undefined,
    );
    return sent;
  }

  /** Sends a whole layer (first drawing, or after a change the store could not describe feature by feature). */
  setLayer(layerId: string, features: readonly StoredFeature[], propertiesOf: FedLayer['propertiesOf']) {
    this.started.set(layerId, performance.now());
    takePreload(layerId, []);
    const layer: FedLayer = { chunks: new Map(), chunkOf: null, propertiesOf };
    const byId = new Map<string, StoredFeature>();
    for (let start = 0; start < features.length; start += FEATURES_PER_CHUNK) {
      const key = start / FEATURES_PER_CHUNK;
      const ids = features.slice(start, start + FEATURES_PER_CHUNK).map((feature) => {
        byId.set(feature.id, feature);
        return feature.id;
      });
      layer.chunks.set(key, ids);
    }
    this.layers.set(layerId, layer);
    const chunks = [...layer.chunks.keys()].map((key) => this.encode(layer, key, (id) => byId.get(id)));
    performance.measure('rumija:encode-tiles', { start: this.started.get(layerId) });
    return this.send(layerId, chunks, [], true);
  }

  /**
   * Sends a layer as it was read from the database: its stored blocks go to the worker as they are (copies, so
   * the caller keeps its own), with no decoding or encoding on the way.
   */
  setLayerFromBlocks(layerId: string, blocks: readonly StoredBlock[], propertiesOf: FedLayer['propertiesOf']) {
    this.started.set(layerId, performance.now());
    const layer: FedLayer = { chunks: new Map(), chunkOf: null, propertiesOf };
    for (const block of blocks) layer.chunks.set(block.block, [...block.ids]);
    this.layers.set(layerId, layer);
    const preloaded = takePreload(layerId, blocks);
    const key = this.workerKey(layerId);
    // A worker restarted since the preload no longer has it: the blocks are sent after all.
    if (preloaded)
      return this.queued(layerId, async () => {
        if (await tileWorker.call((api) => api.renameLayer(preloaded, key)))
          // Tests and benchmarks look for this to know the start took the early way.
          performance.mark(`rumija:tiles-adopted:${layerId}`);
        else await this.sendBlocks(key, blocks);
      });
    return this.queued(layerId, () => this.sendBlocks(key, blocks));
  }

  private sendBlocks(key: string, blocks: readonly StoredBlock[]) {
    const chunks = chunksOfBlocks(blocks);
    return tileWorker.call((api) =>
      api.setChunks(key, TILE_MAX_ZOOM, transfer(chunks, chunkBuffers(chunks)), [], true),
    );
  }

  /** Sends again only the chunks holding the changed features (`current`: the feature now, absent if deleted). */
  updateFeatures(layerId: string, changedIds: Iterable<string>, current: (id: string) => StoredFeature | undefined) {
    const layer = this.layers.get(layerId);
    if (!layer) return Promise.resolve(0);
    const touched = new Set<number>();
    const chunkOf = (layer.chunkOf ??= chunkIndex(layer.chunks));
    const inLayer = (id: string) => {
      const feature = current(id);
      return feature && feature.layerId === layerId ? feature : undefined;
    };
    for (const id of changedIds) {
      const key = chunkOf.get(id);
      const present = inLayer(id);
      if (key !== undefined && !present) {
        const members = layer.chunks.get(key)!;
        members.splice(members.indexOf(id), 1);
        chunkOf.delete(id);
        touched.add(key);
      } else if (key !== undefined) touched.add(key);
      else if (present) {
        // New to the layer: into the last chunk while it has room, else a new one.
        const last = Math.max(-1, ...layer.chunks.keys());
        const target = last >= 0 && layer.chunks.get(last)!.length < FEATURES_PER_CHUNK ? last : last + 1;
        if (!layer.chunks.has(target)) layer.chunks.set(target, []);
        layer.chunks.get(target)!.push(id);
        chunkOf.set(id, target);
        touched.add(target);
      }
    }
    if (touched.size === 0) return Promise.resolve(0);
    const keys = [...touched];
    const empty = (key: number) => layer.chunks.get(key)!.length === 0;
    for (const key of keys.filter(empty)) layer.chunks.delete(key);
    this.started.set(layerId, performance.now());
    return this.send(
      layerId,
      keys.filter((key) => layer.chunks.has(key)).map((key) => this.encode(layer, key, inLayer)),
      keys.filter((key) => !layer.chunks.has(key)),
      false,
    );
  }

  has(layerId: string) {
    return this.layers.has(layerId);
  }

  dropLayer(layerId: string) {
    if (!this.layers.delete(layerId)) return;
    const key = this.workerKey(layerId);
    this.queue = this.queue.then(() => tileWorker.call((api) => api.dropLayer(key))).catch(() => undefined);
  }

  /** Tile bytes for the map; a worker that was restarted (and so lost the layer) gets it again first. */
  async tile(layerId: string, z: number, x: number, y: number): Promise<Uint8Array> {
    await this.queue;
    const key = this.workerKey(layerId);
    const bytes = await tileWorker.call((api) => api.tile(key, z, x, y));
    if (bytes) return bytes;
    const layer = this.layers.get(layerId);
    if (!layer || !this.current) return new Uint8Array();
    const current = this.current;
    await this.send(
      layerId,
      [...layer.chunks.keys()].map((chunkKey) => this.encode(layer, chunkKey, current)),
      [],
      true,
    );
    return (await tileWorker.call((api) => api.tile(key, z, x, y))) ?? new Uint8Array();
  }

  destroy() {
    for (const layerId of [...this.layers.keys()]) this.dropLayer(layerId);
    feeds.delete(this.id);
  }
}
