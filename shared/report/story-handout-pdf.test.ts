import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStoryHandoutPdf } from './story-handout-pdf';
import { gdalJpeg } from '../../tests/unit/gdal-jpeg';

const JPEG = gdalJpeg(160, 90, [40, 120, 200]);

describe('story handout PDF', () => {
  it('has a cover page and one page per slide, readable by poppler', () => {
    const pdf = createStoryHandoutPdf({
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
        figures: [{ label: 'Panjang rute', value: '79,6 km' }],
      })),
    });
    const dir = mkdtempSync(join(tmpdir(), 'handout-'));
    const file = join(dir, 'handout.pdf');
    writeFileSync(file, pdf);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+4/);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Jalan Perbatasan RI - RDTL');
    expect(text).toContain('Angka kunci');
    expect(text).toContain('79,6 km');
    // Each slide page carries its image, embedded as the JPEG it was given (no re-encoding).
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images.map((line) => line.trim().split(/\s+/).slice(0, 8))).toEqual(
      [2, 3, 4].map((page, index) => [String(page), String(index), 'image', '160', '90', 'rgb', '3', '8']),
    );
    expect(images.every((line) => line.includes(' jpeg '))).toBe(true);
    expect(pdf.byteLength).toBeLessThan(JPEG.byteLength * 3 + 40_000);
  });
});
