import { load, type ExpandedTags } from 'exifreader';
import type { PhotoMetadata } from './field-photos';

/** Why a file is not taken in as a photo; the UI words each one with the file's name. */
export type PhotoFileProblem =
  /** HEIC/HEIF (iPhone default): no browser decodes it; the user converts it to JPEG first. */
  | 'heic'
  /** Not a JPEG at all (another image type, a document). */
  | 'not-jpeg'
  /** Starts like a JPEG but its metadata cannot be read (cut short, damaged). */
  | 'damaged'
  | 'empty';

export type PhotoFileReading = { ok: true; metadata: PhotoMetadata } | { ok: false; problem: PhotoFileProblem };

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** HEIF by its `ftyp` box (whatever the file is called), or by its name when the bytes say nothing. */
function isHeif(name: string, bytes: Uint8Array): boolean {
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(bytes, 8, 12))) return true;
  return /\.(heic|heif)$/i.test(name) && !isJpeg(bytes);
}

const isJpeg = (bytes: Uint8Array) => bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;

const text = (tag: { description?: unknown } | undefined): string | null => {
  const value = typeof tag?.description === 'string' ? tag.description.trim() : '';
  return value === '' ? null : value;
};

/** "2026:01:21 09:30:15" (EXIF) → "2026-01-21T09:30:15", with the offset ("+08:00") when the camera wrote one. */
function exifDateTime(value: string | null, offset: string | null): string | null {
  const match = value && /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match;
  if (year === '0000' || month === '00' || day === '00') return null;
  const zone = offset && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : '';
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`;
}

/**
 * The position, none when the camera had no fix. Phones without a fix often write 0°, 0° (the Gulf of Guinea),
 * which is read as no position rather than placed at sea.
 */
function gpsPosition(tags: ExpandedTags): [number, number] | null {
  const lat = tags.gps?.Latitude;
  const lon = tags.gps?.Longitude;
  if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || (lat === 0 && lon === 0)) return null;
  return [lon, lat];
}

function direction(tags: ExpandedTags): number | null {
  const tag = tags.exif?.GPSImgDirection;
  const value = tag ? tag.value[0] / tag.value[1] : NaN;
  if (!Number.isFinite(value) || value < 0 || value > 360) return null;
  return value === 360 ? 0 : value;
}

/**
 * Whether the JPEG's image data is there to its end: the segments up to the main image's scan (SOS) are walked by
 * their lengths, then an End Of Image marker must follow. A file cut short in copying fails this while its EXIF
 * still reads. Bytes after the marker (Samsung's trailer, a motion photo's video) are allowed.
 */
function hasImageData(bytes: Uint8Array): boolean {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return false;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xda) {
      for (let i = at + 2; i + 1 < bytes.length; i++) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
      return false;
    }
    at += 2 + ((bytes[at + 2]! << 8) | bytes[at + 3]!);
  }
  return false;
}

/** Reads what a photo file says about where, which way, when and with what camera it was taken. */
export function readPhotoFile(name: string, bytes: Uint8Array): PhotoFileReading {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if (isHeif(name, bytes)) return { ok: false, problem: 'heic' };
  if (!isJpeg(bytes)) return { ok: false, problem: 'not-jpeg' };
  let tags: ExpandedTags;
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    tags = load(buffer, { expanded: true });
  } catch {
    return { ok: false, problem: 'damaged' };
  }
  if (!hasImageData(bytes)) return { ok: false, problem: 'damaged' };
  return {
    ok: true,
    metadata: {
      position: gpsPosition(tags),
      directionDeg: direction(tags),
      takenAt: exifDateTime(text(tags.exif?.DateTimeOriginal), text(tags.exif?.OffsetTimeOriginal)),
      cameraMake: text(tags.exif?.Make),
      cameraModel: text(tags.exif?.Model),
    },
  };
}
