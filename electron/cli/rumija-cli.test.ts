import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';
// Exit codes are the README's numbers (0 done, 2 usage, 3 input, 4 output), not the code's own constants.
import { runCaptured } from './run-captured';

vi.mock('electron', () => ({}));

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function createWorkspace() {
  const folder = mkdtempSync(join(tmpdir(), 'rumija-cli-'));
  folders.push(folder);
  const demo = createDemoDataset();
  const toCollection = (kind: string) => ({
    type: 'FeatureCollection',
    features: demo.features
      .filter((f) => f.properties.kind === kind)
      .map((f) => ({ type: 'Feature', id: f.id, geometry: f.geometry, properties: f.properties })),
  });
  const write = (name: string, data: unknown) => {
    const path = join(folder, name);
    writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data, null, 2));
    return path;
  };
  return {
    folder,
    write,
    roads: write('roads.geojson', toCollection('road')),
    assets: write('assets.geojson', toCollection('asset')),
  };
}

const run = runCaptured;

describe('rumija analyze', () => {
  it('reads the assets from any format the app imports (here KML written by GDAL), through the same registry', async () => {
    const { folder, roads, assets } = createWorkspace();
    const kml = join(folder, 'assets.kml');
    execFileSync('ogr2ogr', ['-f', 'KML', kml, assets], { stdio: 'pipe' });
    const fromGeoJson = await run(['analyze', '--roads', roads, '--assets', assets, '--out', join(folder, 'a.csv')]);
    const fromKml = await run(['analyze', '--roads', roads, '--assets', kml, '--out', join(folder, 'b.csv')]);
    expect(fromKml.code).toBe(0);
    const inside = (output: string) => /di dalam RUMIJA: (\d+)/.exec(output)?.[1];
    expect(inside(fromKml.out)).toMatch(/^[1-9]\d*$/);
    expect(inside(fromKml.out)).toBe(inside(fromGeoJson.out));
  });

  it('writes a GeoJSON report and prints a summary', async () => {
    const { folder, roads, assets } = createWorkspace();
    const report = join(folder, 'report.geojson');
    const result = await run(['analyze', '--roads', roads, '--assets', assets, '--out', report, '--paying', '0.2']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/di dalam RUMIJA: \d+/);
    expect(result.out).toContain('Potensi retribusi');
    expect(result.err).toContain('tarif contoh');
    const collection = JSON.parse(readFileSync(report, 'utf8'));
    expect(collection.features).toHaveLength(
      createDemoDataset().features.filter((f) => f.properties.kind === 'asset').length,
    );
    expect(collection.features[0].properties).toHaveProperty('retribusi_idr');
  });

  it('writes CSV when asked', async () => {
    const { folder, roads, assets } = createWorkspace();
    const report = join(folder, 'report.csv');
    expect((await run(['analyze', '--roads', roads, '--assets', assets, '--out', report])).code).toBe(0);
    expect(readFileSync(report, 'utf8').split('\r\n')[0]).toContain('zona');
  });

  it.each([
    [['frobnicate'], 2, /^Perintah tidak dikenal: frobnicate\nPemakaian:\n  rumija analyze/],
    [['frobnicate', '--lang', 'en'], 2, /^Unknown command: frobnicate\nUsage:\n  rumija analyze/],
    [['analyze', '--roads', 'x.geojson', '--lang', 'en'], 2, /--assets is required/],
    [['analyze', '--roads', 'x.geojson'], 2, /--assets wajib/],
    [['analyze', '--roads', 'a', '--assets', 'b', '--out', 'c.txt'], 2, /\.geojson atau \.csv/],
  ])('refuses wrong usage %j', async (argv, code, message) => {
    const result = await run(argv as string[]);
    expect(result.code).toBe(code);
    expect(result.err).toMatch(message);
  });

  it('words its usage in the language of --lang or LANG', async () => {
    const indonesian = await run(['--help']);
    expect(indonesian.code).toBe(0);
    expect(indonesian.out).toMatch(/^Pemakaian:\n  rumija analyze /);
    expect(indonesian.out).toContain('Bahasa pesan: --lang id|en');
    const english = await run(['--lang', 'en', '--help']);
    expect(english.out).toMatch(/^Usage:\n  rumija analyze /);
    expect(english.out).toContain('Language of messages: --lang id|en');
    expect((await run(['analyze', '--help', '--lang=en'])).out).toContain('(a layer of the team database: postgis:');
    const wrong = await run(['analyze', '--bogus', '--lang', 'en']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/^Bad argument: .*--bogus.*\nUsage:/);
  });

  it('names the file, the feature and the problem for bad input, and writes nothing', async () => {
    const { folder, write, roads, assets } = createWorkspace();
    const report = join(folder, 'report.geojson');
    const cases: [string, unknown, RegExp][] = [
      [
        'broken.geojson',
        '{\n  "type": "FeatureCollection",\n  "features": [\n    {"type": "Feature",, }\n  ]\n}',
        /broken\.geojson: JSON tidak sah.*baris 4/,
      ],
      [
        'projected.geojson',
        {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              geometry: { type: 'Point', coordinates: [566419, 8875595] },
              properties: { category: 'kios' },
            },
          ],
        },
        /projected\.geojson, fitur 1: .*WGS 84/,
      ],
      [
        'unknown-category.geojson',
        {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              geometry: { type: 'Point', coordinates: [123.6, -10.2] },
              properties: { category: 'ufo' },
            },
          ],
        },
        /unknown-category\.geojson, fitur 1: category/,
      ],
      ['not-collection.geojson', { type: 'Topology' }, /bukan FeatureCollection/],
    ];
    for (const [name, content, message] of cases) {
      const result = await run(['analyze', '--roads', roads, '--assets', write(name, content), '--out', report]);
      expect(result.code, name).toBe(3);
      expect(result.err, name).toMatch(message);
    }
    expect(
      (await run(['analyze', '--roads', join(folder, 'missing.geojson'), '--assets', roads, '--out', report])).err,
    ).toMatch(/missing\.geojson: tidak dapat dibaca.*ENOENT/);
    const badTariff = write('tariff.json', {
      id: 'x',
      name: 'x',
      version: 1,
      example: false,
      legalReference: '',
      validFrom: '2026-01-01',
      validTo: null,
      items: [],
    });
    const tariffResult = await run([
      'analyze',
      '--roads',
      roads,
      '--assets',
      assets,
      '--tariff',
      badTariff,
      '--out',
      report,
    ]);
    expect(tariffResult.code).toBe(3);
    expect(tariffResult.err).toMatch(/tariff\.json: jadwal tarif tidak sah/);
    expect(existsSync(report)).toBe(false);
  });

  it('reports an output it cannot write', async () => {
    const { folder, roads, assets } = createWorkspace();
    const result = await run([
      'analyze',
      '--roads',
      roads,
      '--assets',
      assets,
      '--out',
      join(folder, 'no-such-folder', 'r.geojson'),
    ]);
    expect(result.code).toBe(4);
    expect(result.err).toMatch(/tidak dapat ditulis.*ENOENT/);
  });
});
