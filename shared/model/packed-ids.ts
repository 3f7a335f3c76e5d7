import type { CompactChunk } from './compact-chunk';

/**
 * Feature ids as one string and the end of each id in it. Posting a million small strings to a worker clones each
 * one on the sending thread (~1 s on the page at start); one string and one typed array are copied whole.
 */
export interface PackedIds {
  text: string;
  ends: Uint32Array;
}

export function packIds(ids: readonly string[]): PackedIds {
  const ends = new Uint32Array(ids.length);
  let end = 0;
  ids.forEach((id, index) => (ends[index] = end += id.length));
  return { text: ids.join(''), ends };
}

export function unpackIds({ text, ends }: PackedIds): string[] {
  const ids: string[] = new Array(ends.length);
  let start = 0;
  for (let index = 0; index < ends.length; index++) {
    ids[index] = text.slice(start, ends[index]);
    start = ends[index]!;
  }
  return ids;
}

/** A chunk as it crosses to a worker: its ids packed. */
export type Packed<Chunk extends CompactChunk> = Omit<Chunk, 'ids'> & { ids: PackedIds };

export const packChunk = <Chunk extends CompactChunk>(chunk: Chunk): Packed<Chunk> => ({
  ...chunk,
  ids: packIds(chunk.ids),
});
export function unpackChunk<Chunk extends CompactChunk>(chunk: Packed<Chunk>): Chunk {
  return { ...chunk, ids: unpackIds(chunk.ids) } as Chunk;
}

/** The buffers a packed chunk can hand over instead of copying. */
export const chunkBuffers = (chunks: readonly Packed<CompactChunk>[]) =>
  chunks.flatMap((chunk) => [
    chunk.ids.ends.buffer,
    chunk.geometry.shape.buffer,
    chunk.geometry.coords.buffer,
    ...chunk.properties.indices.map((indices) => indices.buffer),
  ]) as ArrayBuffer[];
