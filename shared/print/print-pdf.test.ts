import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createPrintPdf } from './print-pdf';
import { gdalJpeg } from '../../tests/unit/gdal-jpeg';
import { phraseBox, underText } from '../../tests/unit/pdf-text-box';
import type { PrintSheet } from './draw-sheet';
import { gridLines, scaleAtZoom, scaleBarLength, sheetLayout, zoomForScale } from './print-layout';

const FONTS = {
  regular: new Uint8Array(readFileSync(resolve(__dirname, '../../resources/fonts/NotoSans-Regular.ttf'))),
  bold: new Uint8Array(readFileSync(resolve(__dirname, '../../resources/fonts/NotoSans-Bold.ttf'))),
};

/** The rendered map stands in as a plain JPEG. */
const jpeg = (width: number, height: number, colour: [number, number, number] = [230, 225, 210]) => ({
  bytes: gdalJpeg(width, height, colour),
  format: 'JPEG' as const,
  width,
  height,
});

function sheet(paper: 'A4' | 'A3', orientation: 'portrait' | 'landscape', title: string): PrintSheet {
  const layout = sheetLayout(paper, orientation);
  return {
    layout,
    heading: 'PEMERINTAH PROVINSI NUSA TENGGARA TIMUR · DINAS PUPR',
    title,
    subtitle: 'Oelamasi – Oepoli',
    byline: 'Tanggal: 26/11/2026 · Pembuat: Bidang Bina Marga',
    demoNote: 'DATA DEMO — geometri ilustrasi',
    map: jpeg(400, 300),
    grid: [
      {
        label: '570.000 mT',
        axis: 'x',
        points: [
          [layout.map.x + 40, layout.map.y - 5],
          [layout.map.x + 40, layout.map.y + layout.map.height + 5],
        ],
      },
      {
        label: '8.876.000 mU',
        axis: 'y',
        points: [
          [layout.map.x - 5, layout.map.y + 50],
          [layout.map.x + layout.map.width + 5, layout.map.y + 50],
        ],
      },
    ],
    scaleLabel: 'Skala 1:250.000',
    scaleBar: { mm: 40, label: '10 km' },
    north: 'U',
    legendTitle: 'Legenda',
    legend: [
      {
        title: 'Ruas jalan (demo)',
        entries: [
          { label: 'Provinsi', color: '#1e88e5', shape: 'line' },
          { label: 'Rusak berat', color: '#c62828', shape: 'circle' },
        ],
      },
    ],
    inset: { image: jpeg(120, 80), extent: { x: 10, y: 10, width: 8, height: 6 } },
    insetTitle: 'Provinsi NTT',
    sourcesTitle: 'Sumber data',
    sources: ['Ruas jalan (demo): data demo', 'Peta dasar: © kontributor OpenStreetMap (ODbL)'],
    footer: 'Dicetak dengan Rumija · Halaman {page} dari {pages}',
  };
}

const poppler = (tool: string, file: string, ...args: string[]) =>
  execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });

describe('print sheets as PDF', () => {
  it('an A3 landscape sheet: page size, embedded fonts, title, dash, legend, scale, grid labels and page number', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'print-')), 'peta.pdf');
    writeFileSync(file, createPrintPdf([sheet('A3', 'landscape', 'Peta Ruas Jalan Provinsi NTT')], FONTS));
    expect(poppler('pdfinfo', file)).toMatch(/Page size:\s+1190\.55 x 841\.89 pts/);
    const fonts = poppler('pdffonts', file);
    const rows = fonts.trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    // Every font is Noto Sans, embedded (the "emb" column), with a Unicode map so text can be copied.
    for (const row of rows) expect(row).toMatch(/^NotoSans\s+CID TrueType\s+Identity-H\s+yes\s+\w+\s+yes/);
    const text = poppler('pdftotext', file, '-layout').replace(/\s+/g, ' ');
    for (const expected of [
      'Peta Ruas Jalan Provinsi NTT',
      'Oelamasi – Oepoli',
      'Legenda',
      'Rusak berat',
      'Skala 1:250.000',
      '570.000 mT',
      '8.876.000 mU',
      'Halaman 1 dari 1',
      'DATA DEMO',
    ])
      expect(text).toContain(expected);
  });

  // Sixty sheets, each with GDAL-written pictures: slow on a shared machine.
  it('an atlas: a contents page naming each sheet with its page, then one page per sheet', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'atlas-')), 'atlas.pdf');
    const titles = Array.from({ length: 60 }, (_, index) => `P-${100 + index} – Ruas ${index + 1}`);
    writeFileSync(
      file,
      createPrintPdf(
        titles.map((title) => sheet('A4', 'portrait', title)),
        FONTS,
        { title: 'Atlas Ruas jalan', heading: 'DINAS PUPR', label: 'Daftar isi', entries: titles },
      ),
    );
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', file))![1]);
    // 60 entries need two contents pages on A4.
    expect(pages).toBe(62);
    const contents = poppler('pdftotext', file, '-f', '1', '-l', '2', '-layout');
    expect(contents).toMatch(/P-100 – Ruas 1\s+3/);
    expect(contents).toMatch(/P-159 – Ruas 60\s+62/);
    expect(poppler('pdftotext', file, '-f', '62', '-l', '62')).toContain('Halaman 62 dari 62');
    // Sixty sheets, each with two GDAL-written pictures: over 30 s on a shared machine.
  }, 180_000);
});

const CREDITS = (
  JSON.parse(readFileSync(resolve(__dirname, '../../renderer/src/i18n/locales/id/attribution.json'), 'utf8')) as {
    sources: string;
  }
).sources;

describe('credits on paper', () => {
  // Maps as strongly coloured pictures, so anything of them under a credit shows in the pixels.
  const coloured = (base: PrintSheet): PrintSheet => ({
    ...base,
    map: jpeg(400, 300, [40, 120, 200]),
    inset: { image: jpeg(120, 80, [200, 60, 40]), extent: null },
    // A legend longer than the side panel: it must give way to the sources, not push them under the inset.
    legend: ['Ruas jalan (demo)', 'Jembatan (demo)', 'Aset RUMIJA (demo)', 'Koridor RUMIJA (demo)'].map((title) => ({
      title,
      entries: ['Baik', 'Sedang', 'Rusak ringan', 'Rusak berat', 'Provinsi', 'Nasional', 'Kabupaten'].map((label) => ({
        label,
        color: '#c62828',
        shape: 'line' as const,
      })),
    })),
  });
  for (const [paper, orientation] of [
    ['A3', 'landscape'],
    ['A4', 'landscape'],
    ['A4', 'portrait'],
  ] as const)
    it(`${paper} ${orientation}: every source line, the basemap licence included, is on plain paper`, () => {
      const base = sheet(paper, orientation, 'Peta Jembatan Ruas P-101');
      const sources = [
        'Ruas jalan (demo): data demo',
        'Jembatan (demo): data demo',
        'Aset RUMIJA (demo): data demo',
        'Latar: Foto udara Kupang 2024 (Dinas PUPR Provinsi NTT · Bidang Tata Ruang)',
        CREDITS,
      ];
      const file = join(mkdtempSync(join(tmpdir(), 'credits-')), 'peta.pdf');
      writeFileSync(file, createPrintPdf([{ ...coloured(base), sources }], FONTS));
      for (const phrase of ['Peta dasar: © kontributor OpenStreetMap', 'GeoNames (CC BY 4.0)', 'idn-area-data']) {
        const box = phraseBox(file, phrase);
        expect(box, phrase).not.toBeNull();
        const under = underText(file, box!);
        expect(under.coloured, `${phrase}: ${JSON.stringify(under)}`).toBe(0);
        expect(under.plainShare, phrase).toBeGreaterThan(0.5);
      }
    });
});

describe('print layout', () => {
  it('a scale and its zoom are inverse: 1:250 000 at Kupang is 66 m per CSS pixel, zoom 10.2', () => {
    expect(zoomForScale(250_000, -10.17)).toBeCloseTo(10.19, 2);
    expect(scaleAtZoom(zoomForScale(50_000, -10), -10)).toBeCloseTo(50_000, 3);
  });

  it('the scale bar is a round length that fits', () => {
    expect(scaleBarLength(250_000, 40)).toEqual({ metres: 10_000, mm: 40 });
    expect(scaleBarLength(5000, 40)).toEqual({ metres: 200, mm: 40 });
    expect(scaleBarLength(100_000, 30).metres).toBe(2000);
  });

  it('UTM grid lines of 51S fall on round eastings and northings', () => {
    const lines = gridLines([123.55, -10.22, 123.65, -10.13], 'utm');
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) expect(line.value % 1000).toBe(0);
    expect(lines.some((line) => line.axis === 'x' && line.value === 570_000)).toBe(true);
  });

  it('A4 portrait and A3 landscape pages are the paper sizes, the map inside the margins', () => {
    expect(sheetLayout('A4', 'portrait').page).toEqual({ width: 210, height: 297 });
    const a3 = sheetLayout('A3', 'landscape');
    expect(a3.page).toEqual({ width: 420, height: 297 });
    expect(a3.map.x + a3.map.width).toBeLessThan(a3.side.x);
    expect(a3.side.x + a3.side.width).toBeLessThanOrEqual(410);
  });
});
