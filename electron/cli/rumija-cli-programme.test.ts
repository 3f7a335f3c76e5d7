import { describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { writeProject } from '#shared/project/write-project';
import { projectFixture } from '#shared/project/project-fixture';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';
import { EXAMPLE_HANDLING_CATALOGUE } from '#shared/programme/example-handling-catalogue';
import { EXIT } from './rumija-cli';
import { runCaptured } from './run-captured';

vi.mock('electron', () => ({}));

/**
 * `rumija programme` on the demo network with the example catalogue and Rp 100 miliar: the figures are the ones
 * worked by hand in tests/e2e/programme.spec.ts (the walk down the priority list is written out there), and the
 * Excel file is read back by GDAL.
 */
const dir = mkdtempSync(join(tmpdir(), 'rumija-cli-programme-'));
/** Rupiah are printed with a no-break space after "Rp"; the figures are compared as a reader sees them. */
const run = async (...argv: string[]) => {
  const result = await runCaptured(argv);
  return { ...result, out: result.out.replace(/\u00a0/g, ' ') };
};
const BY_HAND = [
  'Terprogram: Rp 96.670.552.800 (Rp96,7 miliar)',
  'Sisa: Rp 3.329.447.200',
  'Kebutuhan: Rp 991.308.367.800 (Rp991,3 miliar)',
  'Usulan: 16 dari 34 terprogram',
  'Jalan ditangani: 71,5 km',
  'Jembatan ditangani: 285,0 m',
  'Jalan belum tertangani: 495,2 km',
  'Kemantapan: 26,4% → 31,8%',
];
/** The same figures with --lang en: English words and number style (the rupiah keep theirs). */
const BY_HAND_EN = [
  'Funded: Rp 96,670,552,800 (Rp96.7 billion)',
  'Candidates: 16 of 34 funded',
  'Roads handled: 71.5 km',
  'Bridges handled: 285.0 m',
  'Kemantapan (steady condition): 26.4% → 31.8%',
];
const catalogueFile = join(dir, 'contoh.json');
writeFileSync(catalogueFile, JSON.stringify(EXAMPLE_HANDLING_CATALOGUE));

function gdalValue(file: string, sql: string): number {
  const text = execFileSync('ogrinfo', ['-ro', '-q', '-dialect', 'SQLite', '-sql', sql, file], { encoding: 'utf8' });
  return Number(/ v \((?:Real|Integer|Integer64)\) = ([\d.]+)/.exec(text)![1]);
}

/** The demo's roads or bridges as a GeoPackage GDAL writes, columns renamed as a surveyor's file names them. */
function demoFile(kind: 'road' | 'bridge', name: string, select: string, edit?: (p: Record<string, unknown>) => void) {
  const features = createDemoDataset()
    .features.filter((feature) => feature.properties.kind === kind)
    .map((feature) => {
      const { source: _source, ...properties } = feature.properties;
      edit?.(properties);
      return { type: 'Feature', id: feature.id, geometry: feature.geometry, properties };
    });
  const geojson = join(dir, `${name}.geojson`);
  writeFileSync(geojson, JSON.stringify({ type: 'FeatureCollection', features }));
  const gpkg = join(dir, `${name}.gpkg`);
  execFileSync('ogr2ogr', [
    '-f',
    'GPKG',
    gpkg,
    geojson,
    '-nln',
    name,
    '-dialect',
    'SQLite',
    '-sql',
    `${select} "${name}"`,
  ]);
  return gpkg;
}
const ROAD_COLUMNS =
  'SELECT ruasNumber AS no_ruas, name AS nama_ruas, status AS status_jalan, condition AS kondisi, surface AS permukaan, ' +
  'carriagewayWidthM AS lebar_perkerasan, regencyCode AS kode_kab, borderRoute, proposedStatus, geometry FROM';
const BRIDGE_COLUMNS =
  'SELECT name AS nama_jembatan, lengthM AS panjang, condition AS kondisi, existence, ruasNumber AS no_ruas, ' +
  'regencyCode AS kode_kab, geometry FROM';

describe('rumija programme', () => {
  it('fills Rp 100 miliar on a project as the Program tab does, and GDAL reads the same sums from the workbook', async () => {
    const project = join(dir, 'proyek.rumija');
    writeFileSync(project, (await writeProject(projectFixture())).bytes);
    const out = join(dir, 'program.xlsx');
    const result = await run(
      'programme',
      '--project',
      project,
      '--budget',
      '100.000.000.000',
      '--catalogue',
      catalogueFile,
      '--out',
      out,
    );
    expect(result.err).toContain('harga satuan CONTOH');
    expect(result.code).toBe(EXIT.ok);
    // The year and statuses are the project's programme's.
    expect(result.out).toMatch(/^Program 2027 · provinsi · Aturan penanganan/);
    for (const line of BY_HAND) expect(result.out).toContain(line);

    const funded = gdalValue(out, `SELECT SUM("Biaya (Rp)") AS v FROM "Program 2027" WHERE "Terprogram" = 'ya'`);
    expect(funded).toBe(96_670_552_800);
    const regencies = `"Per kabupaten" WHERE "Kabupaten/kota" <> 'Provinsi'`;
    expect(gdalValue(out, `SELECT SUM("Biaya (Rp)") AS v FROM ${regencies}`)).toBe(96_670_552_800);
    expect(gdalValue(out, `SELECT SUM("Jembatan (m)") AS v FROM ${regencies}`)).toBe(285);
    const about = execFileSync('ogrinfo', ['-ro', '-q', out, 'Keterangan'], { encoding: 'utf8' });
    expect(about).toContain('Dinas PUPR Provinsi Nusa Tenggara Timur');
    expect(about).toContain('CONTOH — bukan harga resmi');
  });

  it("without --catalogue a project is priced with its programme's catalogue, newest version", async () => {
    const project = join(dir, 'proyek-v2.rumija');
    writeFileSync(project, (await writeProject(projectFixture())).bytes);
    const result = await run(
      'programme',
      '--project',
      project,
      '--budget',
      '100000000000',
      '--out',
      join(dir, 'p.json'),
    );
    expect(result.code).toBe(EXIT.ok);
    expect(result.out).toContain('(v2)');
    const json = JSON.parse(readFileSync(join(dir, 'p.json'), 'utf8')) as { catalogue: { version: number } };
    expect(json.catalogue.version).toBe(2);
  });

  it('reads road and bridge files from GDAL with surveyor column names and gives the same programme as JSON', async () => {
    const roads = demoFile('road', 'roads', ROAD_COLUMNS);
    const bridges = demoFile('bridge', 'bridges', BRIDGE_COLUMNS);
    const out = join(dir, 'program.json');
    const result = await run(
      'programme',
      '--roads',
      roads,
      '--bridges',
      bridges,
      '--budget',
      'Rp 100.000.000.000',
      '--year',
      '2027',
      '--catalogue',
      catalogueFile,
      '--out',
      out,
    );
    expect(result.err).not.toContain('fitur');
    expect(result.code).toBe(EXIT.ok);
    for (const line of BY_HAND) expect(result.out).toContain(line);
    const english = await run(
      ...['programme', '--roads', roads, '--bridges', bridges, '--budget', 'Rp 100.000.000.000', '--year', '2027'],
      ...['--catalogue', catalogueFile, '--out', out, '--lang', 'en'],
    );
    expect(english.code).toBe(EXIT.ok);
    expect(english.err).toContain('WARNING: EXAMPLE unit costs, not adopted prices');
    expect(english.out).toMatch(/^Programme 2027 · provinsi · /);
    for (const line of BY_HAND_EN) expect(english.out).toContain(line);
    expect(english.out).toContain(`Programme: ${out}`);
    const json = JSON.parse(readFileSync(out, 'utf8')) as {
      fundedIdr: number;
      items: { featureId: string; funded: boolean }[];
      regencies: { regencyCode: string; fundedBridgeM: number }[];
    };
    expect(json.fundedIdr).toBe(96_670_552_800);
    expect(json.items.filter((item) => item.funded)).toHaveLength(16);
    expect(json.regencies.find((row) => row.regencyCode === '5303')?.fundedBridgeM).toBe(285);
  });

  it('refuses bad input by file, feature and field, and bad usage, writing nothing', async () => {
    const roads = demoFile('road', 'roads-bad', ROAD_COLUMNS, (properties) => {
      if (properties.name === 'Oelamasi – Oepoli (2/3)') properties.condition = 'hancur';
    });
    const out = join(dir, 'never.xlsx');
    const bad = await run('programme', '--roads', roads, '--budget', '1000', '--out', out);
    expect(bad.code).toBe(EXIT.input);
    expect(bad.err).toMatch(
      /^roads-bad\.gpkg, fitur \d+ \(Oelamasi – Oepoli \(2\/3\)\): condition: "hancur" harus salah satu dari/,
    );
    expect(existsSync(out)).toBe(false);

    const ambiguous = await run('programme', '--roads', roads, '--budget', '100,5', '--out', out);
    expect(ambiguous.code).toBe(EXIT.usage);
    expect(ambiguous.err).toContain('--budget "100,5": bukan jumlah rupiah bulat');
    const ambiguousInEnglish = await run(
      'programme',
      '--roads',
      roads,
      '--budget',
      '100,5',
      '--out',
      out,
      '--lang',
      'en',
    );
    expect(ambiguousInEnglish.err).toContain('--budget "100,5": not a whole rupiah amount');
    const neither = await run('programme', '--budget', '1', '--out', out, '--lang', 'en');
    expect(neither.err).toMatch(/^--project or --roads is required\nUsage:\n  rumija programme /);
    expect((await run('programme', '--roads', roads, '--budget', '1', '--out', join(dir, 'p.csv'))).code).toBe(
      EXIT.usage,
    );
    expect((await run('programme', '--budget', '1', '--out', out)).code).toBe(EXIT.usage);
    expect(
      (await run('programme', '--roads', roads, '--statuses', 'provinsi,rdtl', '--budget', '1', '--out', out)).code,
    ).toBe(EXIT.usage);
    const good = demoFile('road', 'roads-good', ROAD_COLUMNS);
    const unwritable = await run(
      'programme',
      '--roads',
      good,
      '--budget',
      '1',
      '--out',
      join(dir, 'no', 'dir', 'p.xlsx'),
    );
    expect(unwritable.code).toBe(EXIT.output);
    expect(unwritable.err).toMatch(/p\.xlsx: tidak dapat ditulis \(ENOENT\)$/);
    expect(existsSync(out)).toBe(false);
  });
});
