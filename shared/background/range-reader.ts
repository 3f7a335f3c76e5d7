/** A file read by byte ranges: a picked Blob in the browser, or a path kept by the desktop app's main process. */
export interface RangeReader {
  name: string;
  size: number;
  /** Up to `length` bytes from `offset` (fewer at the end of the file). */
  read(offset: number, length: number): Promise<Uint8Array>;
}

export function blobRangeReader(blob: Blob, name: string): RangeReader {
  return {
    name,
    size: blob.size,
    read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
  };
}

const BLOCK = 64 * 1024;

/**
 * Reads through whole 64 KiB blocks kept in a small LRU: a TIFF's or a PMTiles' many small reads (tags, directories,
 * neighbouring tiles) become few calls to the host.
 */
export function blockCachedReader(reader: RangeReader, maxBlocks = 256): RangeReader {
  const blocks = new Map<number, Promise<Uint8Array>>();
  const block = (index: number) => {
    let found = blocks.get(index);
    if (found) blocks.delete(index);
    else found = reader.read(index * BLOCK, BLOCK);
    blocks.set(index, found);
    found.catch(() => blocks.delete(index));
    if (blocks.size > maxBlocks) blocks.delete(blocks.keys().next().value!);
    return found;
  };
  return {
    name: reader.name,
    size: reader.size,
    async read(offset, length) {
      const end = Math.min(reader.size, offset + length);
      if (end <= offset) return new Uint8Array(0);
      // A large read (a whole MBTiles) goes straight through.
      if (end - offset > 16 * BLOCK) return reader.read(offset, end - offset);
      const first = Math.floor(offset / BLOCK);
      const last = Math.floor((end - 1) / BLOCK);
      const parts = await Promise.all(Array.from({ length: last - first + 1 }, (_, i) => block(first + i)));
      const out = new Uint8Array(end - offset);
      let at = 0;
      parts.forEach((part, i) => {
        const start = i === 0 ? offset - first * BLOCK : 0;
        const stop = Math.min(part.byteLength, end - (first + i) * BLOCK);
        out.set(part.subarray(start, stop), at);
        at += stop - start;
      });
      return out;
    },
  };
}

/** The reader as a source for the geotiff package (its BaseSource shape: slices in, ArrayBuffers out). */
export function geotiffSource(reader: RangeReader) {
  return {
    fileSize: reader.size,
    async fetch(slices: { offset: number; length: number }[]): Promise<ArrayBuffer[]> {
      return Promise.all(
        slices.map(async (slice) => {
          const bytes = await reader.read(slice.offset, slice.length);
          return bytes.buffer.byteLength === bytes.byteLength && bytes.byteOffset === 0
            ? (bytes.buffer as ArrayBuffer)
            : (bytes.slice().buffer as ArrayBuffer);
        }),
      );
    },
    async fetchSlice(slice: { offset: number; length: number }) {
      const [data] = await this.fetch([slice]);
      return { ...slice, data: data! };
    },
    async close() {},
  };
}

/** The reader as a source for the pmtiles package. */
export function pmtilesSource(reader: RangeReader) {
  return {
    getKey: () => reader.name,
    async getBytes(offset: number, length: number) {
      const bytes = await reader.read(offset, length);
      return { data: bytes.slice().buffer as ArrayBuffer };
    },
  };
}
