import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gdalJpeg } from '../../tests/unit/gdal-jpeg';
import { phraseBox, underText } from '../../tests/unit/pdf-text-box';
import { createDemoDataset } from '../demo/create-demo-dataset';
import { analyzeAssets, createRoadIndex } from '../analysis/encroachment';
import { estimateRetribution } from '../tariff/estimate-retribution';
import { EXAMPLE_TARIFF_SCHEDULE } from '../tariff/tariff-schedule';
import { formatRupiah } from '../format/format-rupiah';
import { createEncroachmentReportPdf, type ReportInput } from './encroachment-report-pdf';
import type { StoredFeature } from '../model/layer';
import { analysisWarnings } from '../analysis/analysis-warnings';
import { pdfFonts, PRINT_FONTS } from '../../tests/unit/print-fonts';

const CREDITS = (
  JSON.parse(readFileSync(resolve(__dirname, '../../renderer/src/i18n/locales/id/attribution.json'), 'utf8')) as {
    sources: string;
  }
).sources;
/** A strongly coloured stand-in for a rendered map: any of it under the credits shows in the pixels. */
const MAP = gdalJpeg(300, 200, [40, 120, 200]);

/** The report with the example schedule, written to a file for poppler to read. */
async function writeReport(
  input: Pick<ReportInput, 'areaName' | 'estimate' | 'results' | 'demoData' | 'warnings' | 'maps' | 'mapCredits'>,
): Promise<string> {
  const bytes = await createEncroachmentReportPdf(
    {
      createdAt: new Date(2026, 0, 21),
      schedule: EXAMPLE_TARIFF_SCHEDULE,
      categoryLabel: (c) => c,
      corridorLabel: (c) => c,
      ...input,
    },
    PRINT_FONTS,
  );
  const file = join(mkdtempSync(join(tmpdir(), 'rumija-pdf-')), 'laporan.pdf');
  writeFileSync(file, bytes);
  return file;
}

describe('PDF report', () => {
  it('is a readable PDF in Indonesian with the totals and the example warning', async () => {
    const demo = createDemoDataset();
    const roads = demo.features.filter((f) => f.properties.kind === 'road');
    const assets = demo.features.filter((f) => f.properties.kind === 'asset');
    const results = analyzeAssets(createRoadIndex(roads), assets);
    const estimate = estimateRetribution(results, assets, EXAMPLE_TARIFF_SCHEDULE, {
      payingShare: 0.2,
    });
    const file = await writeReport({
      areaName: 'Koridor Simpang Polda – Bandara El Tari',
      estimate,
      results,
      demoData: true,
      maps: [{ caption: 'Peta Koridor Simpang Polda – Bandara El Tari', jpeg: MAP, width: 300, height: 200 }],
      mapCredits: CREDITS,
    });
    // Every font is embedded, with a Unicode map: the en dash and "m²" survive copying.
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font.embedded && font.unicode, font.line).toBe(true);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThan(1);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Laporan Estimasi Retribusi Pemakaian RUMIJA');
    expect(text).toContain('21/01/2026');
    expect(text).toContain(formatRupiah(estimate.totalIdr).replace('\u00a0', ' '));
    expect(text).toContain('CONTOH');
    expect(text).toContain(`halaman ${pages} dari ${pages}`);
    expect(text).toContain('Provinsi Nusa Tenggara Timur – Koridor Simpang Polda – Bandara El Tari');
    // The map's credits are printed under it, on plain paper.
    const box = phraseBox(file, 'Peta dasar: © kontributor OpenStreetMap');
    expect(box).not.toBeNull();
    const under = underText(file, box!);
    expect(under.coloured, JSON.stringify(under)).toBe(0);
    expect(under.plainShare).toBeGreaterThan(0.5);
  });

  it('prints the warnings, and detail rows whose amounts add up to the printed total', async () => {
    const demo = createDemoDataset();
    const roads = demo.features.filter((f) => f.properties.kind === 'road');
    // Billboards surveyed as points: inside RUMIJA, but the tariff is per m².
    const pole = demo.features.find((f) => f.properties.category === 'tiang_listrik')!;
    const assets: StoredFeature[] = [0, 1, 2].map((i) => ({
      ...pole,
      id: `RK-${i}`,
      properties: { ...pole.properties, category: 'reklame' },
    }));
    assets.push(pole);
    const results = analyzeAssets(createRoadIndex(roads), assets);
    const estimate = estimateRetribution(results, assets, EXAMPLE_TARIFF_SCHEDULE);
    const warnings = analysisWarnings({ roadCount: roads.length, assets, estimate });
    const file = await writeReport({ areaName: 'Uji', estimate, results, demoData: false, warnings });
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(
      'PERINGATAN: 3 aset di dalam RUMIJA bernilai Rp 0 karena bentuk geometrinya tidak cocok dengan dasar tarif (reklame ×3',
    );
    // One pole at Rp150 000 (whole rupiah), three billboards at Rp 0: the total is the pole.
    expect(estimate.totalIdr).toBe(150_000);
    expect(text).toContain('Rp 150.000');
  });
});
