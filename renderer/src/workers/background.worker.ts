import { expose, transfer } from 'comlink';
import { GeoTIFF } from 'geotiff';
import {
  backgroundKindOf,
  openMbtiles,
  openPmtiles,
  type BackgroundInfo,
  type TileReader,
} from '#shared/background/background-readers';
import { blobRangeReader, blockCachedReader, geotiffSource, type RangeReader } from '#shared/background/range-reader';
import { GeoTiffTiles } from '#shared/background/geotiff-tiles';
import { problem, ProblemError } from '#shared/messages/problem';
import './problem-transfer';

const readers = new Map<string, TileReader>();

/** A GeoTIFF's tiles, warped to web mercator here and handed over as PNG. */
async function openGeoTiff(file: RangeReader): Promise<TileReader> {
  const tiff = await GeoTIFF.fromSource(geotiffSource(file) as unknown as Parameters<typeof GeoTIFF.fromSource>[0]);
  const tiles = await GeoTiffTiles.open(tiff, file.name);
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

async function openReader(id: string, file: RangeReader): Promise<BackgroundInfo> {
  readers.get(id)?.close();
  const kind = backgroundKindOf(await file.read(0, 16));
  if (!kind) throw new ProblemError(problem('background.unknownKind', { file: file.name }));
  const reader =
    kind === 'geotiff'
      ? await openGeoTiff(file)
      : kind === 'pmtiles'
        ? await openPmtiles(file)
        : await openMbtiles(file);
  readers.set(id, reader);
  return reader.info;
}

const api = {
  /** Opens a picked file (read by ranges where the format allows) and says what it holds. */
  open(id: string, file: File): Promise<BackgroundInfo> {
    return openReader(id, blobRangeReader(file, file.name));
  },

  /**
   * Opens a file the desktop app's main process keeps by path: `read` asks it for byte ranges, so a multi-gigabyte
   * orthophoto is never copied or held whole.
   */
  openRanged(
    id: string,
    name: string,
    size: number,
    read: (offset: number, length: number) => Promise<Uint8Array>,
  ): Promise<BackgroundInfo> {
    return openReader(id, blockCachedReader({ name, size, read }));
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
