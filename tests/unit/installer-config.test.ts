import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildIcons, LINUX_ICON_SIZES, WINDOWS_ICON_SIZES } from '../../resources/scripts/build-icons';
import { isOpenableFileName, STORY_FILE_SUFFIX } from '#shared/host/opened-files';
import { PROJECT_EXTENSION } from '#shared/project/project-format';

const ROOT = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const config = manifest.build;

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (bytes: Buffer) => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];

/** The image sizes listed in an ICO directory (0 means 256). */
function icoSizes(bytes: Buffer): number[] {
  expect(bytes.readUInt16LE(2)).toBe(1);
  return Array.from({ length: bytes.readUInt16LE(4) }, (_, index) => bytes.readUInt8(6 + index * 16) || 256);
}

describe('installer configuration (electron-builder)', () => {
  it("is valid against electron-builder's own schema", () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('names a Windows NSIS installer and portable .exe, a Linux AppImage and .deb', () => {
    expect(config.appId).toBe('id.go.nttprov.pupr.rumija');
    expect(config.productName).toBe('Rumija');
    expect(config.win.target.map((target: { target: string }) => target.target)).toEqual(['nsis', 'portable']);
    expect(config.linux.target.map((target: { target: string }) => target.target)).toEqual(['AppImage', 'deb']);
    expect(manifest.scripts.dist).toContain('electron-builder');
  });

  it('associates projects, stories and the data formats with the app', () => {
    const extensions = config.fileAssociations.map((association: { ext: string }) => association.ext);
    expect(extensions).toEqual([
      PROJECT_EXTENSION,
      STORY_FILE_SUFFIX.slice(1),
      'geojson',
      'kml',
      'kmz',
      'gpx',
      'zip',
      'gpkg',
      'fgb',
    ]);
    // Every associated file is one the app opens when the system hands it over.
    for (const extension of extensions) expect(isOpenableFileName(`Berkas.${extension}`)).toBe(true);
  });

  it('has the icons every target needs, at the sizes it names', () => {
    const ico = readFileSync(join(ROOT, config.win.icon));
    expect(icoSizes(ico).sort((a, b) => a - b)).toEqual(WINDOWS_ICON_SIZES);
    const linuxDir = join(ROOT, config.linux.icon);
    const files = readdirSync(linuxDir).sort();
    expect(files).toEqual(LINUX_ICON_SIZES.map((size) => `${size}x${size}.png`).sort());
    for (const size of LINUX_ICON_SIZES)
      expect(pngSize(readFileSync(join(linuxDir, `${size}x${size}.png`)))).toEqual([size, size]);
  });

  it('icons are the ones the SVG gives today (npm run build:icons was run after the last change)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'rumija-icons-'));
    await buildIcons(join(ROOT, 'resources/build/icon.svg'), out);
    for (const size of LINUX_ICON_SIZES) {
      expect(
        readFileSync(join(out, 'icons', `${size}x${size}.png`)).equals(
          readFileSync(join(ROOT, 'resources/build/icons', `${size}x${size}.png`)),
        ),
        `${size}`,
      ).toBe(true);
    }
    expect(readFileSync(join(out, 'icon.ico')).equals(readFileSync(join(ROOT, 'resources/build/icon.ico')))).toBe(true);
  });
});
