import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import type { ParseResult } from './parse-geojson';
import { problem, type Problem } from '../messages/problem';

/** Most a zip (KMZ, zipped Shapefile) may unpack to. */
const MAX_UNZIPPED_BYTES = 500 * 1024 * 1024;
/** Past this much output, a zip that has grown more than MAX_COMPRESSION_RATIO times its size is a bomb. */
const RATIO_CHECKED_AFTER_BYTES = 50 * 1024 * 1024;
export const MAX_COMPRESSION_RATIO = 200;
/** Compressed bytes fed to the inflater at a time: each piece inflates to at most ~1 000× its size. */
const FEED_BYTES = 16 * 1024;

/**
 * Unpacks a zip entry by entry, counting the bytes as they come out of the inflater: the limits hold
 * whatever the zip's directory claims. Entries `wanted` rejects are skipped without inflating.
 */
export function unzipSafely(
  bytes: Uint8Array,
  fileName: string,
  wanted: (entryName: string) => boolean = () => true,
): ParseResult<Map<string, Uint8Array>> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04)
    return { ok: false, error: problem('file.notZip', { file: fileName }) };
  const entries = new Map<string, Uint8Array>();
  let total = 0;
  let failure: Problem | null = null;
  const active: UnzipFile[] = [];
  const unzip = new Unzip((file) => {
    if (failure || file.name.endsWith('/') || file.name.includes('__MACOSX') || !wanted(file.name)) return;
    const chunks: Uint8Array[] = [];
    active.push(file);
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = problem('file.zipEntryCorrupt', { file: fileName, entry: file.name, detail: error.message });
        return;
      }
      total += chunk.length;
      chunks.push(chunk);
      if (total > MAX_UNZIPPED_BYTES)
        failure = problem('file.zipTooLarge', { file: fileName, megabytes: MAX_UNZIPPED_BYTES / 1048576 });
      else if (total > RATIO_CHECKED_AFTER_BYTES && total / bytes.length > MAX_COMPRESSION_RATIO)
        failure = problem('file.zipBomb', { file: fileName, entry: file.name, ratio: MAX_COMPRESSION_RATIO });
      if (failure) {
        for (const open of active) open.terminate();
        return;
      }
      if (final) entries.set(file.name, concat(chunks));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < bytes.length && !failure; offset += FEED_BYTES) {
      const end = Math.min(bytes.length, offset + FEED_BYTES);
      unzip.push(bytes.subarray(offset, end), end === bytes.length);
    }
  } catch (error) {
    failure ??= problem('file.notZipBecause', { file: fileName, detail: (error as Error).message });
  }
  if (failure) return { ok: false, error: failure };
  return { ok: true, value: entries };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
