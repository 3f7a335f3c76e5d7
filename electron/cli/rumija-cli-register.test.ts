import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCaptured } from './run-captured';

vi.mock('electron', () => ({}));

/**
 * Asset files built like real registers: ids from other systems that repeat, multi-geometries, collections,
 * categories the model does not know. Expected values are worked out by hand from the road below.
 */
const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

// A straight east–west road at 10.17° S; jalan sedang, kolektor primer, 6 m carriageway: RUMIJA 7,5 m each side.
const LAT = -10.17;
const METRES_PER_DEGREE_LAT = 110_604; // at 10° S, within 0,1 % — the points below sit far from the 7,5 m edge
const north = (metres: number) => LAT + metres / METRES_PER_DEGREE_LAT;
const road = {
  type: 'Feature',
  id: 'P-601-1',
  geometry: {
    type: 'LineString',
    coordinates: [
      [123.6, LAT],
      [123.61, LAT],
    ],
  },
  properties: {
    ruasNumber: 'P-601',
    name: 'Jl. uji',
    roadClass: 'sedang',
    functionClass: 'kolektor_primer',
    carriagewayWidthM: 6,
  },
};
const pole = (id: string | undefined, lon: number, northM: number, extra: Record<string, unknown> = {}) => ({
  type: 'Feature',
  ...(id === undefined ? {} : { id }),
  geometry: { type: 'Point', coordinates: [lon, north(northM)] },
  properties: { category: 'tiang_listrik', owner: 'PLN', ownerType: 'pln', ...extra },
});

function workspace(assets: unknown[], roads: unknown[] = [road]) {
  const folder = mkdtempSync(join(tmpdir(), 'rumija-register-'));
  folders.push(folder);
  const write = (name: string, data: unknown) => {
    const path = join(folder, name);
    writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data));
    return path;
  };
  return {
    folder,
    write,
    roads: write('roads.geojson', { type: 'FeatureCollection', features: roads }),
    assets: write('assets.geojson', { type: 'FeatureCollection', features: assets }),
  };
}

const analyze = (argv: string[]) => runCaptured(['analyze', ...argv]);

function readCsv(path: string) {
  const [header, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\r\n');
  const columns = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell])));
}

/** "Rp 300.000" in the summary → 300000. */
const printedTotal = (out: string) =>
  Number(/Potensi retribusi \(1 th\): Rp\s?([\d.]+)/.exec(out)![1]!.replaceAll('.', ''));

describe('rumija analyze on registers as they come', () => {
  it.each([
    ['inside first', [3, 40]],
    ['outside first', [40, 3]],
  ])(
    'keeps two poles that share an id apart (%s), and its rows add up to the printed total',
    async (_label, offsets) => {
      const files = workspace(offsets.map((offset, i) => pole('TL-7', 123.602 + i * 0.001, offset)));
      const out = join(files.folder, 'r.csv');
      const result = await analyze(['--roads', files.roads, '--assets', files.assets, '--out', out]);
      expect(result.code).toBe(0);
      const rows = readCsv(out);
      expect(rows.map((row) => [row.id, row.zona, row.retribusi_idr])).toEqual(
        offsets.map((offset) => ['TL-7', offset === 3 ? 'rumaja' : 'luar', offset === 3 ? '150000' : '0']),
      );
      expect(printedTotal(result.out)).toBe(150_000);
      expect(result.err).toContain('1 id aset dipakai lebih dari sekali (TL-7 ×2)');
    },
  );

  it('counts each pole of a MultiPoint, and gives every multi-geometry a position in the CSV', async () => {
    const files = workspace([
      {
        type: 'Feature',
        id: 'MP-1',
        geometry: {
          type: 'MultiPoint',
          coordinates: [
            [123.603, north(2)],
            [123.604, north(30)],
            [123.605, north(-45)],
          ],
        },
        properties: { category: 'tiang_listrik', owner: 'PLN' },
      },
      {
        type: 'Feature',
        id: 'ML-1',
        geometry: {
          type: 'MultiLineString',
          coordinates: [
            [
              [123.606, north(-20)],
              [123.606, north(20)],
            ],
          ],
        },
        properties: { category: 'kabel', owner: 'Telkom' },
      },
    ]);
    const out = join(files.folder, 'r.csv');
    expect((await analyze(['--roads', files.roads, '--assets', files.assets, '--out', out])).code).toBe(0);
    const [poles, cable] = readCsv(out);
    expect(poles).toMatchObject({ jumlah_dalam_rumija: '1', retribusi_idr: '150000', lon: '123.603' });
    expect(Number(poles!.lat)).toBeCloseTo(north(2), 7);
    // A 40 m cable square across a 15 m RUMIJA: 15 m × Rp13 333 = Rp199 995.
    expect(cable).toMatchObject({ jumlah_dalam_rumija: '15', retribusi_idr: '199995', lon: '123.606' });
  });

  it('measures a GeometryCollection of one kind, and refuses a mixed one naming the feature — near a road or far', async () => {
    const collection = (id: string, geometries: unknown[]) => ({
      type: 'Feature',
      id,
      geometry: { type: 'GeometryCollection', geometries },
      properties: { category: 'tiang_listrik', owner: 'PLN' },
    });
    const good = workspace([
      collection('GC-1', [
        { type: 'Point', coordinates: [123.603, north(2)] },
        { type: 'Point', coordinates: [123.604, north(3)] },
      ]),
    ]);
    const out = join(good.folder, 'r.geojson');
    expect((await analyze(['--roads', good.roads, '--assets', good.assets, '--out', out])).code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.features[0].properties).toMatchObject({ jumlah_dalam_rumija: 2, retribusi_idr: 300_000 });
    expect(report.features[0].geometry.type).toBe('MultiPoint');

    for (const where of [2, 50_000]) {
      const mixed = workspace([
        pole('ok', 123.602, 3),
        collection('GC-2', [
          { type: 'Point', coordinates: [123.603, north(where)] },
          {
            type: 'LineString',
            coordinates: [
              [123.604, north(where)],
              [123.605, north(where)],
            ],
          },
        ]),
      ]);
      const result = await analyze([
        '--roads',
        mixed.roads,
        '--assets',
        mixed.assets,
        '--out',
        join(mixed.folder, 'x.csv'),
      ]);
      expect(result.code).toBe(3);
      expect(result.err).toContain('assets.geojson, fitur 2 (id GC-2): GeometryCollection mencampur titik, garis');
    }
  });

  it('warns instead of giving silent zeros: no roads, no assets, points priced per m²', async () => {
    const noRoads = workspace([pole('a', 123.602, 3)], []);
    const noRoadsArgv = ['--roads', noRoads.roads, '--assets', noRoads.assets, '--out', join(noRoads.folder, 'r.csv')];
    const first = await analyze(noRoadsArgv);
    expect(first.code).toBe(0);
    expect(first.err).toContain('PERINGATAN: Tidak ada ruas jalan');
    expect(first.err).not.toContain('No road segments');
    const firstInEnglish = await analyze(['--lang', 'en', ...noRoadsArgv]);
    expect(firstInEnglish.err).toContain('WARNING: No road segments');
    expect(firstInEnglish.out).toMatch(/^Roads: 0 · assets: \d+ · inside RUMIJA: 0 · /);

    const noAssets = workspace([]);
    const emptyCsv = join(noAssets.folder, 'r.csv');
    const second = await analyze(['--roads', noAssets.roads, '--assets', noAssets.assets, '--out', emptyCsv]);
    expect(second.err).toContain('Tidak ada aset utilitas');
    expect(readFileSync(emptyCsv, 'utf8')).toBe(
      'id,kategori,pemilik,jenis_pemilik,zona,ruas,koridor,jarak_as_m,sta_m,jumlah_dalam_rumija,satuan,tarif_per_tahun_idr,retribusi_idr,masalah,jadwal_tarif,tarif_contoh,lon,lat\r\n',
    );

    const billboards = workspace([1, 2, 3].map((i) => pole(`R-${i}`, 123.601 + i * 0.001, 2, { category: 'reklame' })));
    const third = await analyze([
      '--roads',
      billboards.roads,
      '--assets',
      billboards.assets,
      '--out',
      join(billboards.folder, 'r.csv'),
    ]);
    expect(third.err).toContain(
      '3 aset di dalam RUMIJA bernilai Rp 0 karena bentuk geometrinya tidak cocok dengan dasar tarif (reklame ×3',
    );
  });

  it('refuses an unknown category by default, and offers a mapping file or pricing it as "lainnya"', async () => {
    const files = workspace([
      pole('a', 123.602, 3, { category: 'TIANG PLN' }),
      pole('b', 123.603, 3, { category: 'gardu' }),
    ]);
    const out = join(files.folder, 'r.csv');
    const filesArgv = ['--roads', files.roads, '--assets', files.assets, '--out', out];
    const refused = await analyze(filesArgv);
    expect(refused.code).toBe(3);
    expect(refused.err).toContain('kategori tidak dikenal "TIANG PLN"');
    expect(refused.err).toContain('--category-map');
    const refusedInEnglish = await analyze([...filesArgv, '--lang=en']);
    expect(refusedInEnglish.err).toContain('assets.geojson, feature 1 (id a): category: unknown category "TIANG PLN"');

    const map = files.write('kategori.json', { 'tiang pln': 'tiang_listrik' });
    const mapped = await analyze([...filesArgv, '--category-map', map, '--unknown-category', 'lainnya']);
    expect(mapped.code).toBe(0);
    expect(readCsv(out).map((row) => [row.kategori, row.retribusi_idr, row.masalah])).toEqual([
      ['tiang_listrik', '150000', ''],
      ['lainnya', '0', 'no-tariff-item'],
    ]);
    expect(mapped.err).toContain('1 aset berkategori tak dikenal (gardu ×1) dihitung sebagai "lainnya"');
    expect(mapped.err).toContain('tidak punya item untuk kategorinya (lainnya ×1)');
  });

  it('names line and column of broken JSON even where Node gives no position', async () => {
    const files = workspace([]);
    const broken = files.write('rusak.geojson', '{\n  "type": "FeatureCollection",\n  "features": [1,,2]\n}');
    const result = await analyze(['--roads', files.roads, '--assets', broken, '--out', join(files.folder, 'r.csv')]);
    expect(result.code).toBe(3);
    expect(result.err).toContain('rusak.geojson: JSON tidak sah (baris 3, kolom 18');
  });
});
