import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gdalJpeg } from './gdal-jpeg';

/** Tags exiftool writes onto a photo: GPS with its hemisphere refs, direction, time, camera. */
export interface PhotoTags {
  lat?: number;
  lon?: number;
  directionDeg?: number;
  dateTimeOriginal?: string;
  offsetTimeOriginal?: string;
  make?: string;
  model?: string;
}

/** exiftool's arguments for the tags, with the S/N and E/W refs a phone writes (EXIF keeps unsigned degrees). */
function exiftoolArguments(tags: PhotoTags): string[] {
  const args: string[] = [];
  if (tags.lat !== undefined)
    args.push(`-GPSLatitude=${Math.abs(tags.lat)}`, `-GPSLatitudeRef=${tags.lat < 0 ? 'S' : 'N'}`);
  if (tags.lon !== undefined)
    args.push(`-GPSLongitude=${Math.abs(tags.lon)}`, `-GPSLongitudeRef=${tags.lon < 0 ? 'W' : 'E'}`);
  if (tags.directionDeg !== undefined) args.push(`-GPSImgDirection=${tags.directionDeg}`, '-GPSImgDirectionRef=T');
  if (tags.dateTimeOriginal) args.push(`-DateTimeOriginal=${tags.dateTimeOriginal}`);
  if (tags.offsetTimeOriginal) args.push(`-OffsetTimeOriginal=${tags.offsetTimeOriginal}`);
  if (tags.make) args.push(`-Make=${tags.make}`);
  if (tags.model) args.push(`-Model=${tags.model}`);
  return args;
}

/** A real JPEG (GDAL's encoder) of one colour with the tags written by exiftool; returns its path and bytes. */
export function makeTaggedJpeg(
  name: string,
  tags: PhotoTags,
  colour: [number, number, number] = [90, 140, 60],
  size: [number, number] = [48, 32],
  dir = mkdtempSync(join(tmpdir(), 'rumija-photo-')),
) {
  const path = join(dir, name);
  writeFileSync(path, gdalJpeg(size[0], size[1], colour));
  const args = exiftoolArguments(tags);
  if (args.length > 0) execFileSync('exiftool', ['-q', '-overwrite_original', ...args, path]);
  return { path, bytes: new Uint8Array(readFileSync(path)) };
}

/** What exiftool itself reads back from a file (numbers as numbers: signed degrees), the oracle for our reader. */
export function exiftoolRead(path: string): Record<string, string | number | undefined> {
  const output = execFileSync('exiftool', [
    '-n',
    '-j',
    '-GPSLatitude',
    '-GPSLongitude',
    '-GPSImgDirection',
    '-DateTimeOriginal',
    '-OffsetTimeOriginal',
    '-Make',
    '-Model',
    path,
  ]).toString();
  return (JSON.parse(output) as Record<string, string | number | undefined>[])[0]!;
}
