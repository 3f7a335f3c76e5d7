import JSZip from 'jszip';
import type { ParseResult } from './parse-geojson';

/** Limits that stop zip bombs before anything is decompressed. */
export const MAX_UNZIPPED_BYTES = 500 * 1024 * 1024;
export const MAX_COMPRESSION_RATIO = 200;

/**
 * Opens a zip (KMZ, zipped Shapefile) after checking, from its directory alone, that it does not
 * unpack to more than MAX_UNZIPPED_BYTES or at a ratio no real survey file reaches.
 */
export async function openZipSafely(bytes: Uint8Array, fileName: string): Promise<ParseResult<JSZip>> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    return {
      ok: false,
      error: `${fileName}: bukan berkas zip yang sah / not a valid zip (${(error as Error).message})`,
    };
  }
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    const data = (entry as unknown as { _data?: { uncompressedSize?: number; compressedSize?: number } })._data;
    const size = data?.uncompressedSize ?? 0;
    const compressed = Math.max(1, data?.compressedSize ?? 1);
    total += size;
    if (size > 1_000_000 && size / compressed > MAX_COMPRESSION_RATIO) {
      return {
        ok: false,
        error: `${fileName}: ${entry.name} dimampatkan ${Math.round(size / compressed)}× — ditolak sebagai bom zip / refused as a zip bomb`,
      };
    }
  }
  if (total > MAX_UNZIPPED_BYTES) {
    return {
      ok: false,
      error: `${fileName}: isi zip ${Math.round(total / 1048576)} MB melebihi batas ${MAX_UNZIPPED_BYTES / 1048576} MB / unzipped size over the limit`,
    };
  }
  return { ok: true, value: zip };
}
