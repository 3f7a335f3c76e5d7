import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { writeProject } from '#shared/project/write-project';
import { projectFixture } from '#shared/project/project-fixture';
import { projectPhotos } from '../../tests/unit/project-photos';
import { formatProblemNumber } from '#shared/messages/word-problem';
import { EXIT } from './rumija-cli';
import { runCaptured } from './run-captured';

vi.mock('electron', () => ({}));

/** `rumija project info` and `rumija analyze --project`, read against GDAL's counts and the file-based analysis. */
const dir = mkdtempSync(join(tmpdir(), 'rumija-cli-project-'));

const run = (...argv: string[]) => runCaptured(argv);

describe('rumija project', () => {
  it('info lists each layer with the count GDAL reads, the tables, the format version and a checksum that holds', async () => {
    const contents = projectFixture();
    contents.photos = projectPhotos(contents);
    const file = join(dir, 'proyek.rumija');
    const { bytes, checksum } = await writeProject(contents);
    writeFileSync(file, bytes);
    const { code, out } = await run('project', 'info', file);
    expect(code).toBe(EXIT.ok);
    expect(out).toContain('Format: rumija-project 3');
    expect(out).toContain(`Checksum (SHA-256): ${checksum} cocok`);
    for (const { layer } of contents.layers) {
      const gdal = execFileSync('ogrinfo', ['-ro', '-so', file, layer.name], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      const count = /Feature Count: (\d+)/.exec(gdal)![1];
      expect(out).toContain(`  ${layer.name}\t${layer.kind}\t${formatProblemNumber(Number(count), 'id')} fitur`);
    }
    expect(out).toMatch(/rumija_tariffs\t3\n/);
    expect(out).toMatch(/rumija_stories\t2\n/);
    expect(out).toMatch(/layer_styles\t7/);
    // Three photos, two with their image and thumbnail embedded.
    expect(out).toMatch(/rumija_photos\t3\n/);
    expect(out).toMatch(/rumija_photo_images\t4\n/);
  });

  it('info refuses a truncated file (exit 3) and a changed one, naming it; wrong usage is exit 2', async () => {
    const { bytes } = await writeProject(projectFixture());
    const cut = join(dir, 'terpotong.rumija');
    writeFileSync(cut, bytes.subarray(0, 40_000));
    const truncated = await run('project', 'info', cut);
    expect(truncated.code).toBe(EXIT.input);
    const size = (language: 'id' | 'en') => formatProblemNumber(bytes.length, language);
    expect(truncated.err).toContain(`terpotong.rumija: terpotong (40.000 dari ${size('id')} bita)`);
    const english = await run('--lang', 'en', 'project', 'info', cut);
    expect(english.err).toContain(`terpotong.rumija: truncated (40,000 of ${size('en')} bytes)`);
    const changed = join(dir, 'diubah.rumija');
    writeFileSync(changed, bytes);
    execFileSync('ogrinfo', ['-q', changed, '-sql', `UPDATE "Tiang bergaya" SET no_tiang = 'X' WHERE fid = 1`], {
      stdio: 'ignore',
    });
    const edited = await run('project', 'info', changed);
    expect(edited.code).toBe(EXIT.input);
    expect(edited.out).toContain('TIDAK COCOK');
    expect(edited.err).toContain('diubah.rumija: checksum tidak cocok — berubah setelah disimpan');
    const editedInEnglish = await run('project', 'info', changed, '--lang', 'en');
    expect(editedInEnglish.out).toMatch(/^Project: .*\nSaved: /);
    expect(editedInEnglish.out).toContain('DOES NOT MATCH');
    expect(editedInEnglish.out).toMatch(/\t\d+ features?\n/);
    expect((await run('project', 'list', changed)).code).toBe(EXIT.usage);
  });

  it('analyze --project gives the report the same roads and assets give as files', async () => {
    const contents = projectFixture();
    const file = join(dir, 'analisis.rumija');
    writeFileSync(file, (await writeProject(contents)).bytes);
    const asGeoJson = (kind: string) =>
      JSON.stringify({
        type: 'FeatureCollection',
        features: contents.layers
          .filter(({ layer }) => layer.kind === kind)
          .flatMap(({ features }) => features)
          .filter((feature) => feature.properties.kind === kind)
          .map((feature) => ({
            type: 'Feature',
            id: feature.id,
            geometry: feature.geometry,
            properties: feature.properties,
          })),
      });
    writeFileSync(join(dir, 'roads.geojson'), asGeoJson('road'));
    writeFileSync(join(dir, 'assets.geojson'), asGeoJson('asset'));
    writeFileSync(join(dir, 'corridors.geojson'), asGeoJson('corridor'));
    // The project's newest tariff version (3) written out for the file-based run.
    const newest = contents.tariffs.at(-1)!;
    const { savedAt: _savedAt, ...schedule } = newest;
    writeFileSync(join(dir, 'tarif.json'), JSON.stringify(schedule));
    const fromProject = await run('analyze', '--project', file, '--out', join(dir, 'a.csv'));
    const fromFiles = await run(
      'analyze',
      '--roads',
      join(dir, 'roads.geojson'),
      '--assets',
      join(dir, 'assets.geojson'),
      '--corridors',
      join(dir, 'corridors.geojson'),
      '--tariff',
      join(dir, 'tarif.json'),
      '--out',
      join(dir, 'b.csv'),
    );
    expect(fromProject.code, fromProject.err).toBe(EXIT.ok);
    expect(fromFiles.code, fromFiles.err).toBe(EXIT.ok);
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe(readFileSync(join(dir, 'b.csv'), 'utf8'));
    expect(readFileSync(join(dir, 'a.csv'), 'utf8').split('\n').length).toBeGreaterThan(600);
    const plain = join(dir, 'jalan.gpkg');
    execFileSync('ogr2ogr', ['-f', 'GPKG', plain, file, 'Ruas jalan (demo)']);
    const refused = await run('analyze', '--project', plain, '--out', join(dir, 'c.csv'));
    expect(refused.code).toBe(EXIT.input);
    expect(refused.err).toContain('jalan.gpkg: GeoPackage biasa, bukan proyek Rumija');
  }, 120_000);
});
