import { expose, transfer } from 'comlink';
import { fromBlob } from 'geotiff';
import {
  backgroundKindOf,
  openMbtiles,
  openPmtiles,
  type BackgroundInfo,
  type TileReader,
} from '#shared/background/background-readers';
import { GeoTiffTiles } from '#shared/background/geotiff-tiles';

const readers = new Map<string, TileReader>();

/** A GeoTIFF's tiles, warped to web mercator here and handed over as PNG. */
async function openGeoTiff(file: Blob, name: string): Promise<TileReader> {
  const tiles = await GeoTiffTiles.open(await fromBlob(file), name);
  const canvas = new OffscreenCanvas(256, 256);
  const context = canvas.getContext('2d')!;
  const { bounds, nativeZoom } = tiles.info;
  return {
    info: {
      kind: 'geotiff',
      tileType: 'raster',
      format: 'png',
      minzoom: 0,
      maxzoom: Math.min(22, Math.max(nativeZoom, 10)),
      bounds,
      attribution: '',
      vectorLayers: [],
    },
    async tile(z, x, y) {
      const rgba = await tiles.tile(z, x, y);
      if (!rgba) return null;
      context.putImageData(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, 256, 256), 0, 0);
      return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
    },
    close() {},
  };
}

const api = {
  /** Opens a background file (the Blob is read by ranges where the format allows) and says what it holds. */
  async open(id: string, file: File): Promise<BackgroundInfo> {
    readers.get(id)?.close();
    const kind = backgroundKindOf(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
    if (!kind)
      throw new Error(`${file.name}: bukan GeoTIFF, PMTiles atau MBTiles / not a GeoTIFF, PMTiles or MBTiles file`);
    const reader =
      kind === 'geotiff'
        ? await openGeoTiff(file, file.name)
        : kind === 'pmtiles'
          ? await openPmtiles(file, file.name)
          : await openMbtiles(file, file.name);
    readers.set(id, reader);
    return reader.info;
  },

  /** A tile's bytes; null where the file has none; 'unknown' when this worker has not opened it (it restarted). */
  async tile(id: string, z: number, x: number, y: number): Promise<Uint8Array | null | 'unknown'> {
    const reader = readers.get(id);
    if (!reader) return 'unknown';
    const bytes = await reader.tile(z, x, y);
    if (!bytes) return null;
    const exact = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    return transfer(exact, [exact.buffer as ArrayBuffer]);
  },

  close(id: string) {
    readers.get(id)?.close();
    readers.delete(id);
  },
};

export type BackgroundWorkerApi = typeof api;
expose(api);
