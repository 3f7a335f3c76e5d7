import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoDataset } from '../demo/create-demo-dataset';
import { createDemoRetribution } from '../demo/create-demo-retribution';
import { createNoticesPdf } from './create-notices-pdf';
import { EXAMPLE_RETRIBUTION_SETTINGS } from './retribution-settings';

const fonts = {
  regular: new Uint8Array(readFileSync(resolve(__dirname, '../../resources/fonts/NotoSans-Regular.ttf'))),
  bold: new Uint8Array(readFileSync(resolve(__dirname, '../../resources/fonts/NotoSans-Bold.ttf'))),
};

describe('draft SKRD notices', () => {
  const demo = createDemoRetribution(
    createDemoDataset('2026-03-01T00:00:00.000Z').features,
    '2026-03-01T00:00:00.000Z',
  );
  const firstPeriod = demo.assessments.filter((a) => a.periodId === '2026-s1');

  it('prints every notice with its lines, total in figures and words, due date and how to pay; fonts embedded', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rumija-skrd-')), 'skrd.pdf');
    writeFileSync(
      file,
      createNoticesPdf(firstPeriod, EXAMPLE_RETRIBUTION_SETTINGS, fonts, { periodLabel: () => 'Semester I 2026' }),
    );
    const fontsOut = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fontsOut.length).toBeGreaterThan(0);
    for (const row of fontsOut) {
      expect(row).toMatch(/NotoSans/);
      // emb column: yes
      expect(row.split(/\s+/).slice(-5, -4)[0]).toBe('yes');
    }
    const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
    // Each notice as a reader sees it: the number, then its total in figures, which equals the sum of its printed
    // lines, and the total in words, all read back from the PDF.
    const text = pages.join('\n');
    let sumOfNotices = 0;
    for (const assessment of firstPeriod) {
      const start = text.indexOf(`Nomor: ${assessment.number}`);
      expect(start).toBeGreaterThanOrEqual(0);
      const end = text.indexOf('Cara pembayaran', start);
      const body = text.slice(start, end);
      const total = Number(/JUMLAH RETRIBUSI TERUTANG\s+Rp\s*([\d.]+)/.exec(body)![1]!.replace(/\./g, ''));
      const lineAmounts = [...body.matchAll(/^\s*\d+\s+demo-asset-\S+.*?Rp\s*[\d.]+\s+Rp\s*([\d.]+)\s*$/gm)].map((m) =>
        Number(m[1]!.replace(/\./g, '')),
      );
      expect(lineAmounts).toHaveLength(assessment.lines.length);
      expect(lineAmounts.reduce((sum, amount) => sum + amount, 0)).toBe(total);
      expect(total).toBe(assessment.totalIdr);
      expect(body.replace(/\s+/g, ' ')).toContain(assessment.obligor.name);
      sumOfNotices += total;
    }
    expect(sumOfNotices).toBe(firstPeriod.reduce((sum, a) => sum + a.totalIdr, 0));
    const flat = text.replace(/\s+/g, ' ');
    // Biro reklame's 11 329 491, in words by hand.
    expect(flat).toContain(
      'Terbilang: sebelas juta tiga ratus dua puluh sembilan ribu empat ratus sembilan puluh satu rupiah',
    );
    expect(flat).toContain('Jatuh tempo : 31/07/2026');
    expect(flat).toContain('Setor ke Bank NTT (CONTOH)');
    expect(flat).toContain('DATA DEMO');
    expect(flat).toContain('Kepala Dinas PUPR Provinsi NTT');
  });
});
