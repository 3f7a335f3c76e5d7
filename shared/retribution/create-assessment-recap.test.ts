import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoDataset } from '../demo/create-demo-dataset';
import { createDemoRetribution } from '../demo/create-demo-retribution';
import { writeWorkbook } from '../io/write-xlsx';
import { createAssessmentRecap, INDONESIAN_RECAP_WORDS } from './create-assessment-recap';

/** One number from GDAL's SQLite dialect over the workbook; the query names its result `v`. */
function gdal(file: string, sql: string): number {
  const output = execFileSync('ogrinfo', ['-ro', '-q', '-dialect', 'SQLite', '-sql', sql, file], { encoding: 'utf8' });
  const match = / v \((?:Real|Integer|Integer64)\) = (-?[\d.]+)/.exec(output);
  if (!match) throw new Error(output);
  return Number(match[1]);
}

describe('Excel recap for the finance office', () => {
  const demo = createDemoRetribution(
    createDemoDataset('2026-03-01T00:00:00.000Z').features,
    '2026-03-01T00:00:00.000Z',
  );
  const names: Record<string, string> = { 'demo-corridor-kupang': 'Simpang Polda – Bandara El Tari' };

  it('one sheet per corridor, one row per assessment, period totals that GDAL sums to the hand-checked figures', async () => {
    const sheets = createAssessmentRecap(
      demo.assessments,
      demo.payments,
      demo.programmes,
      (id) => names[id] ?? null,
      INDONESIAN_RECAP_WORDS,
    );
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Simpang Polda – Bandara El Tari']);
    const file = join(mkdtempSync(join(tmpdir(), 'rumija-recap-')), 'rekap.xlsx');
    writeFileSync(file, await writeWorkbook(sheets));
    const info = execFileSync('ogrinfo', ['-ro', '-al', '-so', file], { encoding: 'utf8' });
    // 10 SKRDs, two period totals and the grand total.
    expect(info).toContain('Feature Count: 13');
    expect(info).toMatch(/Ketetapan \(Rp\): Integer/);
    const table = '"Simpang Polda – Bandara El Tari"';
    const rows = `FROM ${table} WHERE "Nomor SKRD" NOT LIKE 'JUMLAH%'`;
    expect(gdal(file, `SELECT COUNT(*) AS v ${rows}`)).toBe(10);
    // By hand: PLN 135 poles × Rp150.000 × 6/12 = 10.125.000; the semester's five SKRDs 11.329.491 + 1.211.493 +
    // 12.630.602 + 10.125.000 + 14.132.940 = 49.429.526; paid PLN 10.125.000, Telkom half of 14.132.940 = 7.066.470,
    // the billboard firm 11.329.491 → 28.520.961 paid, 20.908.565 outstanding in the first semester.
    expect(
      gdal(
        file,
        `SELECT "Ketetapan (Rp)" AS v ${rows} AND "Wajib retribusi" LIKE '%PLN%' AND "Masa retribusi" = 'Semester I 2026'`,
      ),
    ).toBe(10_125_000);
    const s1 = `${rows} AND "Masa retribusi" = 'Semester I 2026'`;
    expect(gdal(file, `SELECT SUM("Ketetapan (Rp)") AS v ${s1}`)).toBe(49_429_526);
    expect(gdal(file, `SELECT SUM("Dibayar (Rp)") AS v ${s1}`)).toBe(28_520_961);
    expect(gdal(file, `SELECT SUM("Sisa (Rp)") AS v ${s1}`)).toBe(20_908_565);
    const total = (label: string, column: string) =>
      gdal(file, `SELECT "${column}" AS v FROM ${table} WHERE "Nomor SKRD" = '${label}'`);
    expect(total('JUMLAH Semester I 2026', 'Ketetapan (Rp)')).toBe(49_429_526);
    expect(total('JUMLAH Semester I 2026', 'Sisa (Rp)')).toBe(20_908_565);
    // Second semester: the same lines (same assets, same six months); only PLN paid → 49.429.526 − 10.125.000.
    expect(total('JUMLAH Semester II 2026', 'Sisa (Rp)')).toBe(39_304_526);
    expect(total('JUMLAH SELURUHNYA', 'Ketetapan (Rp)')).toBe(98_859_052);
    expect(total('JUMLAH SELURUHNYA', 'Jumlah aset')).toBe(10);
    const flat = execFileSync('ogrinfo', ['-ro', '-al', file], { encoding: 'utf8' });
    expect(flat).toContain('Nomor SKRD (String) = DEMO/SKRD/PUPR-NTT/2026/0004');
    expect(flat).toContain('Jatuh tempo (String) = 31/07/2026');
    expect(flat).toContain('Catatan (String) = DATA DEMO; tarif CONTOH');
  });

  it('a revision stands in for the assessment it replaces and names it', () => {
    const [first, ...rest] = demo.assessments;
    const revised = {
      ...first!,
      id: 'rev',
      number: 'SKRD/X/2026/0001',
      revision: 1,
      replacesId: first!.id,
      reason: 'salah ukur',
    };
    const sheets = createAssessmentRecap(
      [{ ...first!, status: 'replaced', replacedById: 'rev' }, revised, ...rest],
      [],
      demo.programmes,
      () => null,
      INDONESIAN_RECAP_WORDS,
    );
    const [sheet] = sheets;
    expect(sheet!.name).toBe('Penertiban RUMIJA Simpang Polda – El Tari (demo)');
    const numbers = sheet!.rows.map((row) => row[1]);
    expect(numbers).not.toContain(first!.number);
    const row = sheet!.rows.find((r) => r[1] === 'SKRD/X/2026/0001')!;
    expect(row[3]).toBe(1);
    expect(row[4]).toBe(first!.number);
  });
});
