import { addProtocol } from 'maplibre-gl';
import { transfer } from 'comlink';
import type { StoredFeature } from '#shared/model/layer';
import { encodeGeometries } from '#shared/model/geometry-codec';
import type { TileChunk, TileProperties } from '#shared/tiles/layer-tiles';
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
  'Peta / map tiles',
  () => new Worker(new URL('../workers/feature-tiles.worker.ts', import.meta.url), { type: 'module' }),
);

/** FNV-1a: spreads ids over chunks so an edit touches one chunk, whatever the order of the features. */
function hashOf(id: string) {
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index++) {
    hash ^= id.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

interface FedLayer {
  chunkCount: number;
  chunks: Map<number, StoredFeature[]>;
  propertiesOf: (feature: StoredFeature) => TileProperties;
}

const feeds = new Map<string, TiledLayerFeed>();
let protocolAdded = false;

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

/** What one map draws as tiles: the chunks of each tiled layer, kept in step with the worker. */
export class TiledLayerFeed {
  private static counter = 0;
  readonly id = `feed${++TiledLayerFeed.counter}`;
  private readonly layers = new Map<string, FedLayer>();
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

  private chunkOf(layer: FedLayer, id: string) {
    return hashOf(id) % layer.chunkCount;
  }

  private encode(layer: FedLayer, key: number): TileChunk {
    const members = layer.chunks.get(key) ?? [];
    return {
      key,
      ids: members.map((feature) => feature.id),
      properties: members.map(layer.propertiesOf),
      geometry: encodeGeometries(members.map((feature) => feature.geometry)),
    };
  }

  private send(layerId: string, chunks: TileChunk[], removeKeys: number[], reset: boolean) {
    const buffers = chunks.flatMap((chunk) => [chunk.geometry.shape.buffer, chunk.geometry.coords.buffer]);
    const key = this.workerKey(layerId);
    const sent = this.queue.then(() =>
      tileWorker.call((api) =>
        api.setChunks(key, TILE_MAX_ZOOM, transfer(chunks, buffers as ArrayBuffer[]), removeKeys, reset),
      ),
    );
    this.queue = sent.catch(() => undefined);
    return sent;
  }

  /** Sends a whole layer (first drawing, or after a change the store could not describe feature by feature). */
  setLayer(layerId: string, features: readonly StoredFeature[], propertiesOf: FedLayer['propertiesOf']) {
    const started = performance.now();
    const layer: FedLayer = {
      chunkCount: Math.max(1, Math.ceil(features.length / FEATURES_PER_CHUNK)),
      chunks: new Map(),
      propertiesOf,
    };
    for (const feature of features) {
      const key = this.chunkOf(layer, feature.id);
      const members = layer.chunks.get(key);
      if (members) members.push(feature);
      else layer.chunks.set(key, [feature]);
    }
    this.layers.set(layerId, layer);
    const chunks = [...layer.chunks.keys()].map((key) => this.encode(layer, key));
    performance.measure('rumija:encode-tiles', { start: started });
    const sent = this.send(layerId, chunks, [], true);
    void sent.then(
      () => performance.measure('rumija:worker-tiles', { start: started }),
      () => undefined,
    );
    return sent;
  }

  /** Sends again only the chunks holding the changed features (`current`: the feature now, absent if deleted). */
  updateFeatures(layerId: string, changedIds: Iterable<string>, current: (id: string) => StoredFeature | undefined) {
    const layer = this.layers.get(layerId);
    if (!layer) return Promise.resolve(0);
    const touched = new Set<number>();
    for (const id of changedIds) {
      const key = this.chunkOf(layer, id);
      const members = layer.chunks.get(key) ?? [];
      const feature = current(id);
      const index = members.findIndex((member) => member.id === id);
      const present = feature && feature.layerId === layerId ? feature : null;
      if (index >= 0 && present) members[index] = present;
      else if (index >= 0) members.splice(index, 1);
      else if (present) members.push(present);
      else continue;
      layer.chunks.set(key, members);
      touched.add(key);
    }
    if (touched.size === 0) return Promise.resolve(0);
    const keys = [...touched];
    return this.send(
      layerId,
      keys.filter((key) => layer.chunks.get(key)!.length > 0).map((key) => this.encode(layer, key)),
      keys.filter((key) => layer.chunks.get(key)!.length === 0),
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
    if (!layer) return new Uint8Array();
    await this.send(
      layerId,
      [...layer.chunks.keys()].map((chunkKey) => this.encode(layer, chunkKey)),
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
