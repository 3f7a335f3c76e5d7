import type { Bounds } from '../geo/positions-of';
import { tilesOfArea, tileCountOfArea } from './tile-service';
import { writePmtiles, type ArchiveTile } from './write-pmtiles';
import { problem, problemOf, ProblemError } from '../messages/problem';

/** More tiles than this are refused before anything is downloaded (a hearing room's area at street zoom is ~1 000). */
export const MAX_OFFLINE_TILES = 20_000;
/** Bytes assumed per tile before any has been seen (a 256 px PNG of streets or imagery). */
export const TYPICAL_TILE_BYTES = 20_000;

export interface SaveAreaRequest {
  bounds: Bounds;
  minzoom: number;
  maxzoom: number;
  /** One tile's bytes, or null where the service has none. Throws when it cannot be fetched. */
  fetchTile(z: number, x: number, y: number): Promise<Uint8Array | null>;
  onProgress?(done: number, total: number, bytes: number): void;
  signal?: AbortSignal;
  attribution: string;
  name: string;
  concurrency?: number;
}

export interface SavedArea {
  archive: Uint8Array;
  /** Tiles written into the archive. */
  tiles: number;
  /** Tiles the service has nothing for (sea, outside its coverage). */
  empty: number;
}

/** Tile count and a size estimate for the area, before downloading it. */
export function estimateArea(bounds: Bounds, minzoom: number, maxzoom: number, averageTileBytes: number) {
  const tiles = tileCountOfArea(bounds, minzoom, maxzoom);
  return { tiles, bytes: tiles * averageTileBytes, tooMany: tiles > MAX_OFFLINE_TILES };
}

const tileTypeOf = (bytes: Uint8Array): 2 | 3 | 4 =>
  bytes[0] === 0xff && bytes[1] === 0xd8 ? 3 : bytes[0] === 0x52 && bytes[1] === 0x49 ? 4 : 2;

/**
 * Downloads every tile of an area and zoom range into one PMTiles archive that works without the network. All or
 * nothing: a tile that cannot be fetched, or a cancel, stops it with nothing made.
 */
export async function saveAreaOffline(request: SaveAreaRequest): Promise<SavedArea> {
  const { bounds, minzoom, maxzoom } = request;
  if (minzoom > maxzoom) throw new ProblemError(problem('saveArea.zoomsReversed'));
  const total = tileCountOfArea(bounds, minzoom, maxzoom);
  if (total > MAX_OFFLINE_TILES)
    throw new ProblemError(problem('saveArea.tooManyTiles', { tiles: total, limit: MAX_OFFLINE_TILES }));
  const wanted = tilesOfArea(bounds, minzoom, maxzoom);
  const found: ArchiveTile[] = [];
  let next = 0;
  let done = 0;
  let bytes = 0;
  let failed = false;
  const cancelled = () => new ProblemError(problem('saveArea.cancelled'));
  const worker = async () => {
    while (next < wanted.length && !failed) {
      if (request.signal?.aborted) throw cancelled();
      const tile = wanted[next++]!;
      let data: Uint8Array | null;
      try {
        data = await request.fetchTile(tile.z, tile.x, tile.y);
      } catch (error) {
        failed = true;
        throw new ProblemError(
          problem('saveArea.tileFailed', {
            tile: `${tile.z}/${tile.x}/${tile.y}`,
            problem: problemOf(error),
          }),
        );
      }
      if (data && data.byteLength > 0) {
        found.push({ ...tile, data });
        bytes += data.byteLength;
      }
      done++;
      request.onProgress?.(done, total, bytes);
    }
  };
  await Promise.all(Array.from({ length: Math.min(request.concurrency ?? 4, wanted.length) }, worker));
  if (request.signal?.aborted) throw cancelled();
  if (found.length === 0) throw new ProblemError(problem('saveArea.noTile'));
  const types = found.map((tile) => tileTypeOf(tile.data));
  const tileType = ([2, 3, 4] as const)
    .map((type) => [type, types.filter((t) => t === type).length] as const)
    .sort((a, b) => b[1] - a[1])[0]![0];
  const archive = writePmtiles(found, {
    tileType,
    bounds,
    metadata: { name: request.name, attribution: request.attribution, description: 'Rumija: area saved offline' },
  });
  return { archive, tiles: found.length, empty: total - found.length };
}
