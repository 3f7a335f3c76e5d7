import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createStoryHandoutPdf } from './story-handout-pdf';
import { gdalJpeg } from '../../tests/unit/gdal-jpeg';
import { boxPixels, phraseBox, underText } from '../../tests/unit/pdf-text-box';
import { pdfFonts, PRINT_FONTS } from '../../tests/unit/print-fonts';

const JPEG = gdalJpeg(160, 90, [40, 120, 200]);
const CREDITS = (
  JSON.parse(readFileSync(resolve(__dirname, '../../renderer/src/i18n/locales/id/attribution.json'), 'utf8')) as {
    sources: string;
  }
).sources;

describe('story handout PDF', () => {
  it('has a cover page and one page per slide, readable by poppler', async () => {
    const pdf = await createStoryHandoutPdf(
      {
        title: 'Jalan Perbatasan RI – RDTL',
        subtitle: 'Dinas PUPR Provinsi NTT',
        closing: 'Terima kasih',
        date: '23/11/2026',
        demoNote: 'DATA DEMO — geometri ilustrasi',
        labels: { slide: 'Slide', figures: 'Angka kunci', contents: 'Isi', page: 'hlm.' },
        slides: [1, 2, 3].map((n) => ({
          title: `Slide ${n}`,
          caption: 'Keterangan',
          jpeg: JPEG,
          width: 1600,
          height: 900,
          figures: [
            { label: 'Panjang rute', value: '79,6 km' },
            { label: 'Jembatan', value: '5' },
          ],
          credits: CREDITS,
        })),
      },
      PRINT_FONTS,
    );
    const dir = mkdtempSync(join(tmpdir(), 'handout-'));
    const file = join(dir, 'handout.pdf');
    writeFileSync(file, pdf);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+4/);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    // Noto Sans embedded (no Helvetica, which is not embedded and has no en dash or em dash).
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font.embedded && font.unicode && /NotoSans/.test(font.name), font.line).toBe(true);
    expect(text).toContain('Jalan Perbatasan RI – RDTL');
    expect(text).toContain('DATA DEMO — geometri ilustrasi');
    expect(text).toContain('Angka kunci');
    expect(text).toContain('79,6 km');
    // Each slide page carries its image, embedded as the JPEG it was given (no re-encoding).
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images.map((line) => line.trim().split(/\s+/).slice(0, 8))).toEqual(
      [2, 3, 4].map((page, index) => [String(page), String(index), 'image', '160', '90', 'rgb', '3', '8']),
    );
    expect(images.every((line) => line.includes(' jpeg '))).toBe(true);
    // Fonts are subsets of what is used: the file stays small.
    expect(pdf.byteLength).toBeLessThan(JPEG.byteLength * 3 + 120_000);
    // The slide's picture fills the page across (not a third of it beside an empty column), whole: the blue area
    // poppler draws has the picture's 16:9 shape.
    const page = boxPixels(file, { page: 2, xMin: 0, yMin: 0, xMax: 841.89, yMax: 595.28 }, 40);
    let [count, minX, maxX, minY, maxY] = [0, Infinity, -Infinity, Infinity, -Infinity];
    for (let i = 0; i < page.rgb.length; i += 3) {
      const [r, g, b] = [page.rgb[i]!, page.rgb[i + 1]!, page.rgb[i + 2]!];
      if (Math.abs(r - 40) > 12 || Math.abs(g - 120) > 12 || Math.abs(b - 200) > 12) continue;
      const [x, y] = [(i / 3) % page.width, Math.floor(i / 3 / page.width)];
      count++;
      [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
    }
    expect(count / (page.width * page.height)).toBeGreaterThan(0.5);
    // Under each picture, its credits on plain paper.
    expect(text.split('Peta dasar: © kontributor OpenStreetMap').length - 1).toBe(3);
    const box = phraseBox(file, 'Peta dasar: © kontributor OpenStreetMap (ODbL)');
    const under = underText(file, box!);
    expect(under.coloured, JSON.stringify(under)).toBe(0);
    expect(under.plainShare).toBeGreaterThan(0.5);
    expect((maxX - minX + 1) / (maxY - minY + 1)).toBeCloseTo(16 / 9, 1);
  });
});
