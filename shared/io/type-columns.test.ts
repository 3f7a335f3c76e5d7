import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareImport } from './import-file';
import { applyMapping } from './map-fields';
import { writeFeatures } from './formats/registry';
import { typeColumns } from './type-columns';
import type { StoredFeature } from '../model/layer';
import { ProblemError } from '../messages/problem';

const feature = (properties: Record<string, unknown>): StoredFeature => ({
  id: 'f',
  layerId: 'l',
  geometry: { type: 'Point', coordinates: [123.6, -10.2] },
  properties,
});

describe('columns typed by their content at import', () => {
  it('Indonesian and English number styles become numbers; codes, mixed and ambiguous columns stay text', () => {
    const rows = [
      {
        id_style: '7,5',
        en_style: '7.5',
        big_id: '1.234,5',
        big_en: '1,234.5',
        whole: '12',
        code: '0012',
        ambiguous: '1.234',
        mixed: '3',
      },
      {
        id_style: '12',
        en_style: '-0.25',
        big_id: '2.000.000',
        big_en: '2,000,000',
        whole: '',
        code: '0450',
        ambiguous: '2.500',
        mixed: 'tiga',
      },
    ];
    const { features, typed } = typeColumns(rows.map(feature), Object.keys(rows[0]!));
    expect(typed).toEqual({
      id_style: 'id-number',
      en_style: 'en-number',
      big_id: 'id-number',
      big_en: 'en-number',
      whole: 'id-number',
    });
    expect(features.map((f) => f.properties)).toEqual([
      {
        id_style: 7.5,
        en_style: 7.5,
        big_id: 1234.5,
        big_en: 1234.5,
        whole: 12,
        code: '0012',
        ambiguous: '1.234',
        mixed: '3',
      },
      {
        id_style: 12,
        en_style: -0.25,
        big_id: 2_000_000,
        big_en: 2_000_000,
        whole: null,
        code: '0450',
        ambiguous: '2.500',
        mixed: 'tiga',
      },
    ]);
  });

  it('a CSV survey imported as a plain layer leaves as numbers in GeoJSON, GeoPackage, Shapefile and Excel (ogrinfo)', async () => {
    const csv = [
      'nama;tinggi_m;jumlah;kode;lon;lat',
      'Tiang A;7,5;1.250;0012;123,60012;-10,16034',
      'Tiang B;12;3;0450;123,60118;-10,16101',
    ].join('\n');
    const read = await prepareImport(
      { name: 'tiang.csv', bytes: new TextEncoder().encode(csv) },
      'layer',
      1,
      { parseXml: () => null as never, roads: async () => ({}) },
      new Date('2026-03-01T00:00:00Z'),
    );
    if (!read.ok) throw new ProblemError(read.error);
    const mapped = applyMapping(
      read.value.layer,
      read.value.features,
      { kind: 'plain', sources: {}, defaults: {} },
      'tiang.csv',
    );
    if (!mapped.ok) throw new ProblemError(mapped.error);
    const folder = mkdtempSync(join(tmpdir(), 'rumija-typed-'));
    const ogrinfo = (target: string) => {
      const result = spawnSync('ogrinfo', ['-ro', '-al', '-so', target], { encoding: 'utf8' });
      expect(result.stderr).not.toMatch(/Warning|ERROR/);
      return result.stdout;
    };
    for (const [format, name] of [
      ['geojson', 'tiang.geojson'],
      ['geopackage', 'tiang.gpkg'],
      ['shapefile', 'tiang.zip'],
      ['xlsx', 'tiang.xlsx'],
    ] as const) {
      const output = await writeFeatures(mapped.value.features, format, { name: 'Tiang' });
      writeFileSync(join(folder, name), output.data);
      const target = format === 'shapefile' ? `/vsizip/${join(folder, name)}` : join(folder, name);
      const info = ogrinfo(target);
      // GDAL finds the header (Excel: a text header over typed cells) and types the surveyed columns as numbers.
      expect(info, format).toMatch(/tinggi_m: Real/);
      expect(info, format).toMatch(/jumlah: (Integer|Integer64|Real)/);
      expect(info, format).toMatch(/kode: String/);
      expect(info, format).not.toMatch(/Field1/);
      const values = execFileSync('ogrinfo', ['-ro', '-al', '-q', target], { encoding: 'utf8' });
      expect(values, format).toMatch(/tinggi_m \(Real\) = 7\.50*$/m);
      expect(values, format).toMatch(/jumlah \((Integer|Integer64|Real)\) = 1250\b/);
      expect(values, format).toMatch(/kode \(String\) = 0012/);
    }
  });
});
