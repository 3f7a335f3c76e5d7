import { zxyToTileId } from 'pmtiles';
import { problem, ProblemError } from '../messages/problem';

export interface ArchiveTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export interface PmtilesOptions {
  /** PMTiles tile type: 1 vector (MVT), 2 PNG, 3 JPEG, 4 WebP. */
  tileType: 1 | 2 | 3 | 4;
  bounds: [number, number, number, number];
  metadata: Record<string, unknown>;
}

interface DirectoryEntry {
  id: number;
  offset: number;
  length: number;
  runLength: number;
}

const HEADER_BYTES = 127;
/** Readers fetch the first 16 KiB for the header and root directory: a larger directory goes to leaves. */
const ROOT_LIMIT = 16_384 - HEADER_BYTES;
const LEAF_ENTRIES = 4096;

function serializeDirectory(entries: readonly DirectoryEntry[]): Uint8Array {
  const bytes: number[] = [];
  const varint = (value: number) => {
    let rest = value;
    while (rest >= 0x80) {
      bytes.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    bytes.push(rest);
  };
  varint(entries.length);
  let last = 0;
  for (const entry of entries) {
    varint(entry.id - last);
    last = entry.id;
  }
  for (const entry of entries) varint(entry.runLength);
  for (const entry of entries) varint(entry.length);
  entries.forEach((entry, index) => {
    const previous = entries[index - 1];
    // 0 means "right after the previous one"; otherwise the offset plus one.
    varint(previous && entry.offset === previous.offset + previous.length ? 0 : entry.offset + 1);
  });
  return Uint8Array.from(bytes);
}

/**
 * A PMTiles v3 archive of the tiles given (the pmtiles package only reads): tiles in tile-id order, no compression,
 * the directory split into leaf directories when the root would not fit in the first 16 KiB that readers fetch.
 */
export function writePmtiles(tiles: readonly ArchiveTile[], options: PmtilesOptions): Uint8Array {
  if (tiles.length === 0) throw new ProblemError(problem('tiles.emptyArchive'));
  const sorted = tiles
    .map((tile) => ({ ...tile, id: zxyToTileId(tile.z, tile.x, tile.y) }))
    .sort((a, b) => a.id - b.id);
  const tileEntries: DirectoryEntry[] = [];
  let dataLength = 0;
  for (const tile of sorted) {
    tileEntries.push({ id: tile.id, offset: dataLength, length: tile.data.byteLength, runLength: 1 });
    dataLength += tile.data.byteLength;
  }
  let root: Uint8Array = serializeDirectory(tileEntries);
  let leaves: Uint8Array = new Uint8Array(0);
  if (root.byteLength > ROOT_LIMIT) {
    const leafBytes: Uint8Array[] = [];
    const rootEntries: DirectoryEntry[] = [];
    let leafOffset = 0;
    for (let start = 0; start < tileEntries.length; start += LEAF_ENTRIES) {
      const leaf = serializeDirectory(tileEntries.slice(start, start + LEAF_ENTRIES));
      rootEntries.push({ id: tileEntries[start]!.id, offset: leafOffset, length: leaf.byteLength, runLength: 0 });
      leafBytes.push(leaf);
      leafOffset += leaf.byteLength;
    }
    root = serializeDirectory(rootEntries);
    leaves = concat(leafBytes);
  }
  const metadata = new TextEncoder().encode(JSON.stringify(options.metadata));
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.byteLength;
  const leavesOffset = metadataOffset + metadata.byteLength;
  const dataOffset = leavesOffset + leaves.byteLength;
  const out = new Uint8Array(dataOffset + dataLength);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode('PMTiles'), 0);
  out[7] = 3;
  const u64 = (at: number, value: number) => view.setBigUint64(at, BigInt(value), true);
  u64(8, rootOffset);
  u64(16, root.byteLength);
  u64(24, metadataOffset);
  u64(32, metadata.byteLength);
  u64(40, leavesOffset);
  u64(48, leaves.byteLength);
  u64(56, dataOffset);
  u64(64, dataLength);
  u64(72, sorted.length);
  u64(80, sorted.length);
  u64(88, sorted.length);
  out[96] = 1; // clustered
  out[97] = 1; // internal compression: none
  out[98] = 1; // tile compression: none
  out[99] = options.tileType;
  out[100] = Math.min(...sorted.map((tile) => tile.z));
  out[101] = Math.max(...sorted.map((tile) => tile.z));
  const e7 = (value: number) => Math.round(value * 1e7);
  const [west, south, east, north] = options.bounds;
  view.setInt32(102, e7(west), true);
  view.setInt32(106, e7(south), true);
  view.setInt32(110, e7(east), true);
  view.setInt32(114, e7(north), true);
  out[118] = out[101]!;
  view.setInt32(119, e7((west + east) / 2), true);
  view.setInt32(123, e7((south + north) / 2), true);
  out.set(root, rootOffset);
  out.set(metadata, metadataOffset);
  out.set(leaves, leavesOffset);
  let at = dataOffset;
  for (const tile of sorted) {
    out.set(tile.data, at);
    at += tile.data.byteLength;
  }
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
