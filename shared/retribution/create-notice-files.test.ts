import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoDataset } from '../demo/create-demo-dataset';
import { createDemoRetribution } from '../demo/create-demo-retribution';
import { createNoticeFiles, zipNoticeFiles } from './create-notice-files';
import { EXAMPLE_RETRIBUTION_SETTINGS } from './retribution-settings';

const fonts = {
  regular: new Uint8Array(readFileSync(resolve(__dirname, '../../resources/fonts/NotoSans-Regular.ttf'))),
  bold: new Uint8Array(readFileSync(resolve(__dirname, '../../resources/fonts/NotoSans-Bold.ttf'))),
};

describe('one notice file per obligor', () => {
  const demo = createDemoRetribution(
    createDemoDataset('2026-03-01T00:00:00.000Z').features,
    '2026-03-01T00:00:00.000Z',
  );
  const firstPeriod = demo.assessments.filter((a) => a.periodId === '2026-s1');

  it('a zip of five PDFs, each with its obligor only; unzip and pdftotext read the hand-checked totals', () => {
    const files = createNoticeFiles(firstPeriod, EXAMPLE_RETRIBUTION_SETTINGS, fonts, {
      periodLabel: () => 'Semester I 2026',
      draftWord: 'draf',
    });
    const dir = mkdtempSync(join(tmpdir(), 'rumija-notices-'));
    writeFileSync(join(dir, 'skrd.zip'), zipNoticeFiles(files));
    execFileSync('unzip', ['-q', 'skrd.zip', '-d', 'out'], { cwd: dir });
    const names = readdirSync(join(dir, 'out')).sort();
    expect(names).toEqual([
      'DEMO-SKRD-PUPR-NTT-2026-0001 Biro reklame (contoh).pdf',
      'DEMO-SKRD-PUPR-NTT-2026-0002 Penyedia internet (contoh).pdf',
      'DEMO-SKRD-PUPR-NTT-2026-0003 Perumda Air Minum (contoh).pdf',
      'DEMO-SKRD-PUPR-NTT-2026-0004 PT PLN (Persero) UP3 Kupang.pdf',
      'DEMO-SKRD-PUPR-NTT-2026-0005 PT Telkom Indonesia (Persero) Tbk.pdf',
    ]);
    let sum = 0;
    for (const name of names) {
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'out', name), '-'], { encoding: 'utf8' });
      const totals = [...text.matchAll(/JUMLAH RETRIBUSI TERUTANG\s+Rp\s*([\d.]+)/g)].map((m) =>
        Number(m[1]!.replace(/\./g, '')),
      );
      expect(totals, name).toHaveLength(1);
      const flat = text.replace(/\s+/g, ' ');
      // Only this obligor's name in the file.
      for (const other of firstPeriod.filter((a) => !name.includes(a.obligor.name)))
        expect(flat, name).not.toContain(other.obligor.name);
      if (name.includes('PLN')) {
        // 135 poles × Rp150.000 × 6/12, by hand.
        expect(totals[0]).toBe(10_125_000);
        expect(flat).toContain('Terbilang: sepuluh juta seratus dua puluh lima ribu rupiah');
      }
      sum += totals[0]!;
    }
    // The five first-semester SKRDs added by hand: 11.329.491 + 1.211.493 + 12.630.602 + 10.125.000 + 14.132.940.
    expect(sum).toBe(49_429_526);
  });

  it('names that would repeat are numbered; drafts are named as drafts', () => {
    const drafts = firstPeriod.slice(0, 2).map((a) => ({
      ...a,
      status: 'draft' as const,
      number: null,
      obligor: { ...a.obligor, name: 'Sama / Same' },
    }));
    const files = createNoticeFiles(drafts, EXAMPLE_RETRIBUTION_SETTINGS, fonts, {
      periodLabel: () => 'x',
      draftWord: 'draf',
    });
    expect(files.map((file) => file.name)).toEqual(['draf Sama - Same.pdf', 'draf Sama - Same (2).pdf']);
  });
});
