import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A plain JPEG of one colour, written by GDAL (an outside encoder), to stand in for a rendered map or slide. */
export function gdalJpeg(width: number, height: number, [red, green, blue]: [number, number, number]) {
  const dir = mkdtempSync(join(tmpdir(), 'gdal-jpeg-'));
  const tif = join(dir, 'image.tif');
  const jpg = join(dir, 'image.jpg');
  const burn = [red, green, blue].flatMap((value) => ['-burn', String(value)]);
  execFileSync('gdal_create', ['-of', 'GTiff', '-outsize', String(width), String(height), '-bands', '3', ...burn, tif]);
  execFileSync('gdal_translate', ['-q', '-of', 'JPEG', tif, jpg]);
  return new Uint8Array(readFileSync(jpg));
}
