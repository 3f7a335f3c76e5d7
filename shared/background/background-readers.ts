import type { Database } from '@sqlite.org/sqlite-wasm';
import { openDatabaseBytes } from '../io/sqlite';
import { pmtilesSource, type RangeReader } from './range-reader';
import { problem, ProblemError } from '../messages/problem';

export type BackgroundKind = 'geotiff' | 'pmtiles' | 'mbtiles';
/** A file's kind, or an online service's. */
type BackgroundSourceKind = BackgroundKind | 'xyz' | 'wms' | 'wmts';

/** What a background file holds, for the map to make a source of it. */
export interface BackgroundInfo {
  kind: BackgroundSourceKind;
  tileType: 'raster' | 'vector';
  /** Tile image format, or pbf for vector tiles. */
  format: 'png' | 'jpeg' | 'webp' | 'pbf';
  minzoom: number;
  maxzoom: number;
  /** Lon/lat bounds, when the file says. */
  bounds: [number, number, number, number] | null;
  attribution: string;
  /** Vector tiles: the layers inside, for the shipped style. */
  vectorLayers: string[];
}

/** A background file's tiles by z/x/y (XYZ, as MapLibre asks): encoded bytes, or null where there is none. */
export interface TileReader {
  info: BackgroundInfo;
  tile(z: number, x: number, y: number): Promise<Uint8Array | null>;
  close(): void;
}

/** The kind of background file by its first bytes, whatever its name. */
export function backgroundKindOf(head: Uint8Array): BackgroundKind | null {
  const text = new TextDecoder().decode(head.subarray(0, 16));
  if (text.startsWith('PMTiles')) return 'pmtiles';
  if (text.startsWith('SQLite format 3')) return 'mbtiles';
  if (
    (head[0] === 0x49 && head[1] === 0x49 && (head[2] === 42 || head[2] === 43)) ||
    (head[0] === 0x4d && head[1] === 0x4d)
  )
    return 'geotiff';
  return null;
}

const IMAGE_FORMATS = ['png', 'jpeg', 'webp'] as const;
/** MBTiles are read whole (see openMbtiles): larger ones are refused with the way out, PMTiles. */
export const MAX_MBTILES_BYTES = 256 * 1024 * 1024;

/** Gzip-compressed tile data (vector MBTiles keep PBF gzipped) inflated; other data as it is. */
async function inflated(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * An MBTiles file (raster PNG/JPEG/WebP or vector PBF, TMS rows). Read with SQLite in WebAssembly from the file's
 * bytes: unlike the other formats, the whole file is held in memory while it is open (SQLite needs a file system
 * of its own to read by pages; none is built over ranged reads yet).
 */
export async function openMbtiles(file: RangeReader): Promise<TileReader> {
  const name = file.name;
  if (file.size > MAX_MBTILES_BYTES)
    throw new ProblemError(
      problem('background.mbtilesTooLarge', {
        file: name,
        size: Math.round(file.size / 1048576),
        limit: MAX_MBTILES_BYTES / 1048576,
      }),
    );
  let db: Database;
  try {
    db = await openDatabaseBytes(await file.read(0, file.size));
  } catch (error) {
    throw new ProblemError(problem('background.mbtilesUnreadable', { file: name, detail: (error as Error).message }));
  }
  const metadata = new Map<string, string>();
  try {
    for (const row of db.selectObjects('SELECT name, value FROM metadata') as { name: string; value: string }[])
      metadata.set(row.name, row.value);
  } catch {
    db.close();
    throw new ProblemError(problem('background.mbtilesNoMetadata', { file: name }));
  }
  const format = (metadata.get('format') ?? 'png').toLowerCase().replace('jpg', 'jpeg');
  const vector = format === 'pbf' || format === 'mvt';
  const zooms = db.selectArray('SELECT min(zoom_level), max(zoom_level) FROM tiles') as [number | null, number | null];
  const bounds = metadata.get('bounds')?.split(',').map(Number);
  let vectorLayers: string[] = [];
  try {
    vectorLayers = (
      (JSON.parse(metadata.get('json') ?? '{}') as { vector_layers?: { id: string }[] }).vector_layers ?? []
    ).map((layer) => layer.id);
  } catch {
    // A vector MBTiles without a readable layer list is drawn with no layers named; nothing else depends on it.
  }
  const info: BackgroundInfo = {
    kind: 'mbtiles',
    tileType: vector ? 'vector' : 'raster',
    format: vector ? 'pbf' : IMAGE_FORMATS.includes(format as never) ? (format as 'png') : 'png',
    minzoom: Number(metadata.get('minzoom') ?? zooms[0] ?? 0),
    maxzoom: Number(metadata.get('maxzoom') ?? zooms[1] ?? 22),
    bounds: bounds?.length === 4 && bounds.every(Number.isFinite) ? (bounds as BackgroundInfo['bounds']) : null,
    attribution: metadata.get('attribution') ?? '',
    vectorLayers,
  };
  const statement = db.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?');
  return {
    info,
    async tile(z, x, y) {
      statement.bind([z, x, 2 ** z - 1 - y]);
      const found = statement.step() ? (statement.get(0) as Uint8Array) : null;
      statement.reset();
      return found ? inflated(found) : null;
    },
    close() {
      statement.finalize();
      db.close();
    },
  };
}

const PMTILES_FORMATS: Record<number, BackgroundInfo['format']> = { 1: 'pbf', 2: 'png', 3: 'jpeg', 4: 'webp' };

/** A PMTiles archive (v3, raster or vector), read by byte ranges of the file: only the directories and tiles asked. */
export async function openPmtiles(file: RangeReader): Promise<TileReader> {
  const name = file.name;
  const { PMTiles } = await import('pmtiles');
  const archive = new PMTiles(pmtilesSource(file));
  let header: Awaited<ReturnType<typeof archive.getHeader>>;
  try {
    header = await archive.getHeader();
  } catch (error) {
    throw new ProblemError(problem('background.pmtilesUnreadable', { file: name, detail: (error as Error).message }));
  }
  const format = PMTILES_FORMATS[header.tileType];
  if (!format)
    throw new ProblemError(problem('background.pmtilesTileType', { file: name, type: String(header.tileType) }));
  const metadata = ((await archive.getMetadata().catch(() => ({}))) ?? {}) as {
    attribution?: string;
    vector_layers?: { id: string }[];
  };
  return {
    info: {
      kind: 'pmtiles',
      tileType: format === 'pbf' ? 'vector' : 'raster',
      format,
      minzoom: header.minZoom,
      maxzoom: header.maxZoom,
      bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
      attribution: metadata.attribution ?? '',
      vectorLayers: (metadata.vector_layers ?? []).map((layer) => layer.id),
    },
    async tile(z, x, y) {
      const found = await archive.getZxy(z, x, y);
      return found ? new Uint8Array(found.data) : null;
    },
    close() {},
  };
}
