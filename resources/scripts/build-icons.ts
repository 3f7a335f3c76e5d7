/**
 * Renders the app icon for every installer from one SVG (resources/build/icon.svg): PNGs for Linux
 * (AppImage, .deb) and the window, and a multi-size .ico for Windows (NSIS installer, portable .exe).
 * Run with `npm run build:icons`; the output is committed and a test checks it is up to date.
 */
import { Resvg } from '@resvg/resvg-js';
import pngToIco from 'png-to-ico';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const WINDOWS_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256];

export function renderIconPng(svg: string, size: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
}

export async function buildIcons(svgPath: string, outputDir: string): Promise<string[]> {
  const svg = readFileSync(svgPath, 'utf8');
  const iconsDir = join(outputDir, 'icons');
  mkdirSync(iconsDir, { recursive: true });
  const written: string[] = [];
  for (const size of LINUX_ICON_SIZES) {
    const file = join(iconsDir, `${size}x${size}.png`);
    writeFileSync(file, renderIconPng(svg, size));
    written.push(file);
  }
  const ico = await pngToIco(WINDOWS_ICON_SIZES.map((size) => renderIconPng(svg, size)));
  writeFileSync(join(outputDir, 'icon.ico'), ico);
  writeFileSync(join(outputDir, 'icon.png'), renderIconPng(svg, 512));
  written.push(join(outputDir, 'icon.ico'), join(outputDir, 'icon.png'));
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(__filename)) {
  const root = resolve(__dirname, '../..');
  void buildIcons(join(root, 'resources/build/icon.svg'), join(root, 'resources/build')).then((files) =>
    console.log(`${files.length} icon files written to resources/build`),
  );
}
