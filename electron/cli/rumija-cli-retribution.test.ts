import { describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { writeProject } from '#shared/project/write-project';
import { projectFixture } from '#shared/project/project-fixture';
import type { ProjectContents } from '#shared/project/project-format';
import { EXAMPLE_TARIFF_SCHEDULE } from '#shared/tariff/tariff-schedule';
import { EXIT } from './rumija-cli';
import { runCaptured } from './run-captured';

vi.mock('electron', () => ({}));

/**
 * `rumija assess`, `notices` and `payments import` on a project the shared writer made from the demo retribution
 * cycle (two issued periods of 2026, some payments), with a third period not yet assessed. Every figure is read
 * back by another reader: the Excel and the project by GDAL, the notices by pdftotext, the amounts per line by
 * SQLite arithmetic.
 */
const dir = mkdtempSync(join(tmpdir(), 'rumija-cli-retribution-'));
const run = async (...argv: string[]) => {
  const result = await runCaptured(argv);
  return { ...result, out: result.out.replace(/\u00a0/g, ' '), err: result.err.replace(/\u00a0/g, ' ') };
};
const YEAR = String(new Date().getUTCFullYear());
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const rupiah = (text: string) => Number(text.replace(/\./g, ''));

/** One number from GDAL's SQLite dialect; the query names its result `v`. */
function gdal(file: string, sql: string, dialect = 'SQLite'): number {
  const output = execFileSync('ogrinfo', ['-ro', '-q', '-dialect', dialect, '-sql', sql, file], { encoding: 'utf8' });
  const match = / v \((?:Real|Integer|Integer64)\) = (-?[\d.]+)/.exec(output);
  if (!match) throw new Error(output);
  return Number(match[1]);
}

/** The demo project with a third period (Semester I 2027) on the Kupang programme, not yet assessed. */
function projectContents(): ProjectContents {
  const contents = projectFixture();
  const [programme] = contents.records.programmes;
  programme!.periods.push({
    id: '2027-s1',
    label: 'Semester I 2027',
    start: '2027-01-01',
    end: '2027-06-30',
    dueDate: '2027-07-31',
    tariffScheduleId: EXAMPLE_TARIFF_SCHEDULE.id,
    tariffVersion: 1,
  });
  contents.records.retributionSettings = [
    { ...contents.records.retributionSettings[0]!, lastSequence: { [YEAR]: 12 } },
  ];
  return contents;
}

async function writeProjectFile(name: string) {
  const file = join(dir, name);
  writeFileSync(file, (await writeProject(projectContents())).bytes);
  return file;
}

/** Each notice's "JUMLAH RETRIBUSI TERUTANG" as pdftotext reads it. */
function noticeTotals(pdf: string): number[] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return [...text.matchAll(/JUMLAH RETRIBUSI TERUTANG\s+Rp\s*([\d.]+)/g)].map((m) => rupiah(m[1]!));
}

const SKRD = (seq: number) => `SKRD/PUPR-NTT/${YEAR}/${String(seq).padStart(4, '0')}`;

describe('rumija assess', () => {
  it('drafts one SKRD per obligor; GDAL sums the lines, recomputes each amount, and the project is untouched', async () => {
    const project = await writeProjectFile('draf.rumija');
    const before = hash(project);
    const xlsx = join(dir, 'draf.xlsx');
    const { code, out, err } = await run(
      'assess',
      '--project',
      project,
      '--corridor',
      'koridor simpang polda – bandara el tari',
      '--period',
      'Semester I 2027',
      '--out',
      xlsx,
    );
    expect(code, err).toBe(EXIT.ok);
    expect(hash(project)).toBe(before);
    const printed = rupiah(/Jumlah: Rp ([\d.]+)/.exec(out)![1]!);
    const lines = gdal(xlsx, 'SELECT SUM("Jumlah (Rp)") AS v FROM "Baris aset"');
    // Each line again from its quantity, yearly rate and months, in SQLite's arithmetic: whole rupiah per line.
    const byHand = gdal(
      xlsx,
      'SELECT SUM(ROUND("Volume" * "Tarif per tahun (Rp)" * "Bulan" / 12.0)) AS v FROM "Baris aset"',
    );
    const recap = gdal(
      xlsx,
      `SELECT SUM("Ketetapan (Rp)") AS v FROM "Koridor Simpang Polda – Bandara" WHERE "Status" = 'draf'`,
    );
    // Six months of the example tariff v1, as the demo's first semester: its five SKRDs added by hand
    // (create-notice-files.test.ts) are 11.329.491 + 1.211.493 + 12.630.602 + 10.125.000 + 14.132.940.
    expect(lines).toBe(49_429_526);
    expect(byHand).toBe(lines);
    expect(recap).toBe(lines);
    expect(printed).toBe(lines);
    expect(out).toMatch(/SKRD: 5 \(0 terbit, 5 draf\) · baris aset: \d+\nJumlah: Rp /);
    // PLN: every pole Rp150.000 a year, six months: the lines of PLN are 75.000 each.
    expect(
      gdal(
        xlsx,
        `SELECT COUNT(*) AS v FROM "Baris aset" WHERE "Wajib retribusi" LIKE 'PT PLN%' AND "Jumlah (Rp)" <> 75000`,
      ),
    ).toBe(0);
    expect(err).toContain('PERINGATAN: tarif CONTOH, bukan tarif resmi NTT');
  });

  it('--issue numbers the drafts gap-free after the last number, writes the project; a second --issue is refused', async () => {
    const project = await writeProjectFile('terbit.rumija');
    const json = join(dir, 'terbit.json');
    const argv = ['assess', '--project', project, '--corridor', 'demo-corridor-kupang', '--period', '2027-s1'];
    const issued = await run(...argv, '--out', json, '--issue');
    expect(issued.code, issued.err).toBe(EXIT.ok);
    const written = JSON.parse(readFileSync(json, 'utf8')) as {
      totalIdr: number;
      assessments: { number: string; status: string; totalIdr: number; lines: { amountIdr: number }[] }[];
    };
    expect(written.assessments.map((a) => a.number).sort()).toEqual([13, 14, 15, 16, 17].map(SKRD));
    for (const a of written.assessments) expect(a.totalIdr).toBe(a.lines.reduce((s, l) => s + l.amountIdr, 0));
    expect(issued.out).toContain(`Diterbitkan: 5 SKRD ${SKRD(13)} … ${SKRD(17)}`);
    expect(issued.out).toContain(`Penetapan: ${json} · proyek: ${project}`);
    // The project as GDAL reads it: five more issued SKRDs, the counter moved to 17.
    const records = (where: string) => gdal(project, `SELECT COUNT(*) AS v FROM rumija_records WHERE ${where}`);
    expect(records(`store = 'assessments' AND json_extract(definition, '$.periodId') = '2027-s1'`)).toBe(5);
    expect(records(`store = 'assessments' AND json_extract(definition, '$.status') = 'issued'`)).toBe(15);
    expect(
      gdal(
        project,
        `SELECT json_extract(definition, '$.lastSequence."${YEAR}"') AS v FROM rumija_records WHERE store = 'retributionSettings'`,
      ),
    ).toBe(17);
    expect(
      gdal(
        project,
        `SELECT SUM(json_extract(definition, '$.totalIdr')) AS v FROM rumija_records WHERE store = 'assessments' AND json_extract(definition, '$.periodId') = '2027-s1'`,
      ),
    ).toBe(written.totalIdr);

    const after = hash(project);
    const again = await run(...argv, '--out', join(dir, 'lagi.json'), '--issue');
    expect(again.code).toBe(EXIT.input);
    expect(again.err).toContain('masa "Semester I 2027" (2027-s1)');
    expect(again.err).toContain(`sudah diterbitkan: 5 SKRD ${SKRD(13)} … ${SKRD(17)}. SKRD yang terbit bersifat final`);
    const againInEnglish = await run(...argv, '--out', join(dir, 'lagi.json'), '--issue', '--lang', 'en');
    expect(againInEnglish.code).toBe(EXIT.input);
    expect(againInEnglish.err).toContain('period "Semester I 2027" (2027-s1) of corridor ');
    expect(againInEnglish.err).toContain(
      `was already issued: 5 SKRD ${SKRD(13)} … ${SKRD(17)}. An issued SKRD is final; correct it with a revision`,
    );
    expect(hash(project)).toBe(after);
    expect(existsSync(join(dir, 'lagi.json'))).toBe(false);
    // A period the demo issued long ago is refused the same way.
    const old = await run(...argv.slice(0, -1), 'Semester I 2026', '--out', join(dir, 'lama.json'), '--issue');
    expect(old.code).toBe(EXIT.input);
    expect(old.err).toContain('masa "Semester I 2026" (2026-s1)');
  });

  it('refuses a truncated project (exit 3), unknown corridors and periods (exit 3) and wrong usage (exit 2)', async () => {
    const { bytes } = await writeProject(projectContents());
    const cut = join(dir, 'terpotong.rumija');
    writeFileSync(cut, bytes.subarray(0, 40_000));
    const out = join(dir, 'tidak.xlsx');
    const truncated = await run(
      'assess',
      '--project',
      cut,
      '--corridor',
      'x',
      '--period',
      'y',
      '--out',
      out,
      '--issue',
    );
    expect(truncated.code).toBe(EXIT.input);
    expect(truncated.err).toContain('terpotong.rumija: terpotong (');
    expect(existsSync(out)).toBe(false);
    const project = await writeProjectFile('salah.rumija');
    const before = hash(project);
    const corridor = await run('assess', '--project', project, '--corridor', 'Atambua', '--period', 'y', '--out', out);
    expect(corridor.code).toBe(EXIT.input);
    expect(corridor.err).toContain('salah.rumija: tidak ada program penertiban untuk koridor "Atambua" (ada: ');
    const corridorInEnglish = await run(
      ...['assess', '--project', project, '--corridor', 'Atambua', '--period', 'y', '--out', out, '--lang', 'en'],
    );
    expect(corridorInEnglish.err).toContain(
      'salah.rumija: no enforcement programme for corridor "Atambua" (there are: ',
    );
    const period = await run(
      'assess',
      '--project',
      project,
      '--corridor',
      'demo-corridor-kupang',
      '--period',
      '2030',
      '--out',
      out,
    );
    expect(period.code).toBe(EXIT.input);
    expect(period.err).toContain('masa retribusi tidak ditemukan: "2030"');
    expect(period.err).toContain('2027-s1 "Semester I 2027"');
    expect((await run('assess', '--project', project, '--out', out)).code).toBe(EXIT.usage);
    expect((await run('assess', '--project', project, '--corridor', 'a', '--period', 'b', '--out', 'x.csv')).code).toBe(
      EXIT.usage,
    );
    const help = await run('assess', '--help');
    expect(help.code).toBe(EXIT.ok);
    expect(help.out).toContain('rumija assess  --project <project.rumija> --corridor <id|name>');
    expect(help.out).toMatch(/^Pemakaian:\n[^]*satu penetapan per wajib retribusi/);
    const helpInEnglish = await run('assess', '--help', '--lang', 'en');
    expect(helpInEnglish.out).toMatch(/^Usage:\n[^]*one assessment per obligor/);
    expect(existsSync(out)).toBe(false);
    expect(hash(project)).toBe(before);
  });
});

describe('rumija notices', () => {
  it('one PDF and a zip of one PDF per obligor; pdftotext totals add up to the Excel that GDAL sums', async () => {
    const project = await writeProjectFile('notices.rumija');
    const argv = ['--project', project, '--corridor', 'demo-corridor-kupang', '--period', '2027-s1'];
    expect((await run('assess', ...argv, '--out', join(dir, 'n.xlsx'), '--issue')).code).toBe(EXIT.ok);
    const excel = gdal(join(dir, 'n.xlsx'), 'SELECT SUM("Jumlah (Rp)") AS v FROM "Baris aset"');
    const before = hash(project);

    const pdf = join(dir, 'skrd.pdf');
    const one = await run('notices', '--project', project, '--period', 'Semester I 2027', '--out', pdf);
    expect(one.code, one.err).toBe(EXIT.ok);
    const totals = noticeTotals(pdf);
    expect(totals).toHaveLength(5);
    expect(totals.reduce((s, v) => s + v, 0)).toBe(excel);
    expect(one.out).toContain(`Jumlah: Rp ${excel.toLocaleString('de-DE')}`);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    for (const seq of [13, 14, 15, 16, 17]) expect(text).toContain(`Nomor: ${SKRD(seq)}`);
    expect(text).toContain('Semester I 2027');

    const zip = join(dir, 'skrd.zip');
    const many = await run('notices', '--project', project, '--period', '2027-s1', '--out', zip);
    expect(many.code, many.err).toBe(EXIT.ok);
    execFileSync('unzip', ['-q', zip, '-d', join(dir, 'unzipped')]);
    const names = readdirSync(join(dir, 'unzipped')).sort();
    expect(names).toHaveLength(5);
    expect(many.out).toMatch(/^SKRD: 5 \(draf: 0\) · berkas: 5 · rata-rata \d+ KB · [\d,]+ s\nJumlah: Rp /);
    expect(names[0]).toMatch(new RegExp(`^SKRD-PUPR-NTT-${YEAR}-001[3-7] .+\\.pdf$`));
    const sum = names.reduce((s, name) => s + noticeTotals(join(dir, 'unzipped', name))[0]!, 0);
    expect(sum).toBe(excel);

    const folder = join(dir, 'folder-skrd');
    const inFolder = await run('notices', '--project', project, '--period', '2027-s1', '--out', folder, '--lang', 'en');
    expect(inFolder.code).toBe(EXIT.ok);
    expect(inFolder.out).toMatch(/^SKRD: 5 \(drafts: 0\) · files: 5 · average \d+ KB · [\d.]+ s\nTotal: Rp /);
    expect(inFolder.out).toContain(`Notices: ${folder} (folder)`);
    expect(readdirSync(folder).sort()).toEqual(names);
    expect(hash(project)).toBe(before);
    // A period without assessments, and an output that cannot be written.
    const none = await run(
      'notices',
      '--project',
      project,
      '--period',
      'Semester I 2026',
      '--corridor',
      'x',
      '--out',
      pdf,
    );
    expect(none.code).toBe(EXIT.input);
    // A folder that is a file: the notices cannot be written there.
    const denied = await run('notices', '--project', project, '--period', '2026-s1', '--out', join(pdf, 'a.pdf'));
    expect(denied.code).toBe(EXIT.output);
    expect(denied.err).toContain('a.pdf: tidak dapat ditulis (');
    const deniedInEnglish = await run(
      ...['notices', '--project', project, '--period', '2026-s1', '--out', join(pdf, 'a.pdf'), '--lang', 'en'],
    );
    expect(deniedInEnglish.err).toContain('a.pdf: cannot be written (');
  }, 60_000);
});

describe('rumija payments import', () => {
  it('reports exact, duplicate, partial and unmatched lines without writing; --confirm records the matched ones', async () => {
    const project = await writeProjectFile('bayar.rumija');
    const json = join(dir, 'bayar.json');
    expect(
      (
        await run(
          'assess',
          '--project',
          project,
          '--corridor',
          'demo-corridor-kupang',
          '--period',
          '2027-s1',
          '--out',
          json,
          '--issue',
        )
      ).code,
    ).toBe(EXIT.ok);
    const issued = (JSON.parse(readFileSync(json, 'utf8')) as { assessments: { number: string; totalIdr: number }[] })
      .assessments;
    const first = issued.find((a) => a.number === SKRD(13))!;
    const second = issued.find((a) => a.number === SKRD(14))!;
    const statement = join(dir, 'rekening.csv');
    writeFileSync(
      statement,
      [
        'Tanggal;Keterangan;Referensi;Debet;Kredit',
        `05/02/2027;TRF ${first.number};FT27036A;;${first.totalIdr.toLocaleString('de-DE')},00`,
        `05/02/2027;TRF ${first.number};FT27036A;;${first.totalIdr.toLocaleString('de-DE')},00`,
        `06/02/2027;Sebagian ${second.number};FT27037B;;1.000.000,00`,
        '07/02/2027;Setoran tanpa keterangan;FT27038C;;123.457,00',
        '08/02/2027;Biaya admin;;6.500,00;',
      ].join('\n'),
    );
    const before = hash(project);
    const paymentsIn = () => gdal(project, `SELECT COUNT(*) AS v FROM rumija_records WHERE store = 'payments'`);
    const demoPayments = paymentsIn();
    const report = join(dir, 'laporan.csv');
    const dry = await run('payments', 'import', '--project', project, '--statement', statement, '--out', report);
    expect(dry.code, dry.err).toBe(EXIT.ok);
    expect(hash(project)).toBe(before);
    expect(dry.out).toContain('rekening.csv: 4 kredit · 1 baris dilewati (debet, saldo)');
    expect(dry.out).toContain('  cocok: 1');
    expect(dry.out).toContain('  ganda: 1');
    expect(dry.out).toContain('  sebagian: 1 · Rp 1.000.000 (baris 4)');
    expect(dry.out).toContain('  tidak cocok: 1 · Rp 123.457 (baris 5)');
    expect(dry.out).toContain('Belum dicatat: 2 baris siap; jalankan lagi dengan --confirm');
    expect(dry.out).toContain(`Laporan: ${report}`);
    // The report as GDAL reads a CSV: the kind of each row.
    const kinds = execFileSync('ogrinfo', ['-ro', '-q', '-al', report], { encoding: 'utf8' });
    expect(kinds.match(/Hasil \(String\) = (.+)/g)).toEqual([
      'Hasil (String) = cocok',
      'Hasil (String) = ganda',
      'Hasil (String) = sebagian',
      'Hasil (String) = tidak cocok',
    ]);
    // In English the lines are English; the report's columns stay Indonesian.
    const dryInEnglish = await run(
      ...['payments', 'import', '--project', project, '--statement', statement, '--out', report, '--lang', 'en'],
    );
    expect(dryInEnglish.out).toContain('rekening.csv: credits: 4 · rows skipped (debits, balances): 1');
    expect(dryInEnglish.out).toContain('  partial: 1 · Rp 1,000,000 (rows 4)');
    expect(dryInEnglish.out).toContain('Not recorded yet: 2 lines ready; run again with --confirm');
    expect(dryInEnglish.err).toContain('row 5: 2027-02-07 Rp 123,457 "FT27038C" — unmatched, not recorded');
    expect(execFileSync('ogrinfo', ['-ro', '-q', '-al', report], { encoding: 'utf8' })).toContain(
      'Hasil (String) = tidak cocok',
    );
    expect(hash(project)).toBe(before);

    const confirmed = await run('payments', 'import', '--project', project, '--statement', statement, '--confirm');
    expect(confirmed.code, confirmed.err).toBe(EXIT.ok);
    expect(confirmed.out).toContain(
      `Dicatat: 2 pembayaran · Rp ${(first.totalIdr + 1_000_000).toLocaleString('de-DE')}`,
    );
    expect(confirmed.err).toContain('  baris 5: 2027-02-07 Rp 123.457 "FT27038C" — tidak cocok, tidak dicatat');
    expect(paymentsIn()).toBe(demoPayments + 2);
    expect(
      gdal(
        project,
        `SELECT SUM(json_extract(definition, '$.amountIdr')) AS v FROM rumija_records WHERE store = 'payments' AND json_extract(definition, '$.source') = 'bank-statement'`,
      ),
    ).toBe(first.totalIdr + 1_000_000);
    // The same statement again: both lines are already recorded, nothing is added.
    const again = await run('payments', 'import', '--project', project, '--statement', statement, '--confirm');
    expect(again.out).toContain('  sudah dicatat: 2');
    expect(paymentsIn()).toBe(demoPayments + 2);
  }, 60_000);

  it('reads an Excel statement; a bad amount is refused naming the file, row and field, nothing written', async () => {
    const project = await writeProjectFile('bayar-xlsx.rumija');
    const before = hash(project);
    const csv = join(dir, 'mutasi.csv');
    writeFileSync(csv, ['Tanggal,Keterangan,Kredit', '2026-08-01,DEMO/SKRD/PUPR-NTT/2026/0002,500000'].join('\n'));
    const xlsx = join(dir, 'mutasi.xlsx');
    execFileSync('ogr2ogr', ['-f', 'XLSX', xlsx, csv, '-nln', 'Mutasi']);
    const read = await run('payments', 'import', '--project', project, '--statement', xlsx);
    expect(read.code, read.err).toBe(EXIT.ok);
    expect(read.out).toContain('mutasi.xlsx: 1 kredit');
    expect(read.out).toMatch(/(sebagian|cocok|lebih bayar): 1 · Rp 500.000/);

    writeFileSync(csv, ['Tanggal,Keterangan,Kredit', '2026-08-01,x,500000', '2026-08-02,y,12.5O0'].join('\n'));
    const bad = await run('payments', 'import', '--project', project, '--statement', csv, '--confirm');
    expect(bad.code).toBe(EXIT.input);
    expect(bad.err).toBe('mutasi.csv, baris 3, kredit: "12.5O0" bukan rupiah bulat\nTidak ada yang dicatat.');
    const badInEnglish = await run('payments', 'import', '--project', project, '--statement', csv, '--lang', 'en');
    expect(badInEnglish.code).toBe(EXIT.input);
    expect(badInEnglish.err).toBe('mutasi.csv, row 3, amount: "12.5O0" is not whole rupiah\nNothing recorded.');
    expect(hash(project)).toBe(before);
    const cut = join(dir, 'bayar-terpotong.rumija');
    writeFileSync(cut, readFileSync(project).subarray(0, 50_000));
    const truncated = await run('payments', 'import', '--project', cut, '--statement', csv, '--confirm');
    expect(truncated.code).toBe(EXIT.input);
    expect(truncated.err).toContain('bayar-terpotong.rumija: terpotong (');
    expect((await run('payments', 'list')).code).toBe(EXIT.usage);
    expect((await run('payments', 'import', '--help')).code).toBe(EXIT.ok);
  }, 60_000);
});
