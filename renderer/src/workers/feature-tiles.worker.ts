import { expose, transfer } from 'comlink';
import { LayerTiles, type TileChunk } from '#shared/tiles/layer-tiles';
import { unpackChunk, type Packed } from '#shared/model/packed-ids';

/** Holds the chunks of the layers drawn as tiles and cuts the tiles the map asks for, off the UI thread. */
const layers = new Map<string, LayerTiles>();

const api = {
  /** Replaces some chunks of a layer (all of them with `reset`), and drops the chunks named in `removeKeys`. */
  setChunks(layerId: string, maxZoom: number, chunks: Packed<TileChunk>[], removeKeys: number[], reset: boolean) {
    let tiles = layers.get(layerId);
    if (!tiles || reset) layers.set(layerId, (tiles = new LayerTiles(maxZoom)));
    for (const key of removeKeys) tiles.removeChunk(key);
    for (const chunk of chunks) tiles.setChunk(unpackChunk<TileChunk>(chunk));
    return tiles.featureCount;
  },

  dropLayer(layerId: string) {
    layers.delete(layerId);
  },

  /** Gives a layer sent ahead (at start, before the page had a map) its map's name; false if it is not here. */
  renameLayer(from: string, to: string) {
    const tiles = layers.get(from);
    if (!tiles) return false;
    layers.delete(from);
    layers.set(to, tiles);
    return true;
  },

  /** Tile bytes, or null when the layer is not known here (a restarted worker): the caller sends it again. */
  tile(layerId: string, z: number, x: number, y: number): Uint8Array | null {
    const tiles = layers.get(layerId);
    if (!tiles) return null;
    const bytes = tiles.tile(z, x, y);
    return transfer(bytes, [bytes.buffer]);
  },
};

export type FeatureTilesWorkerApi = typeof api;
expose(api);
