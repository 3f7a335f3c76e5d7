import { describe, expect, it } from 'vitest';
import { encroachmentCsv, encroachmentGeoJson, encroachmentRows } from './export-encroachment';
import { csvCell } from './csv-cell';
import { estimateRetribution } from '../tariff/estimate-retribution';
import { EXAMPLE_TARIFF_SCHEDULE } from '../tariff/tariff-schedule';
import type { StoredFeature } from '../model/layer';
import type { EncroachmentResult } from '../analysis/encroachment';

const assets: StoredFeature[] = [
  {
    id: 'a1',
    layerId: 'x',
    geometry: { type: 'Point', coordinates: [123.612345678, -10.16] },
    properties: { kind: 'asset', category: 'tiang_listrik', owner: '=HYPERLINK("x")', ownerType: 'pln' },
  },
];
const results: EncroachmentResult[] = [
  {
    assetId: 'a1',
    zone: 'rumija',
    segmentId: 's',
    ruasNumber: 'P-601',
    corridorIds: ['k'],
    offsetM: 6.123,
    staM: 1234.56,
    quantity: 1,
    unit: 'unit',
  },
];

describe('encroachment export', () => {
  const estimate = estimateRetribution(results, assets, EXAMPLE_TARIFF_SCHEDULE);
  const rows = encroachmentRows(assets, results, estimate);

  it('writes RFC 7946 GeoJSON with the computed fields and no crs member', () => {
    const collection = encroachmentGeoJson(assets, rows);
    expect(collection).not.toHaveProperty('crs');
    expect(collection.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [123.6123457, -10.16] });
    expect(collection.features[0]!.properties).toMatchObject({
      zona: 'rumija',
      ruas: 'P-601',
      sta_m: 1234.6,
      retribusi_idr: 150_000,
      tarif_contoh: true,
    });
  });

  it('guards CSV cells against formula injection and quotes separators', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell(-5)).toBe('-5');
    // A negative number is a number: written as it is. Text that merely looks like one is guarded.
    expect(csvCell(-1.25)).toBe('-1.25');
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell('+62 812')).toBe("'+62 812");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('  =1')).toBe("'  =1");
    expect(csvCell('\t1')).toBe("'\t1");
    expect(csvCell('\r1')).toBe(`"'\r1"`);
    expect(csvCell('\u00a0=1')).toBe("'\u00a0=1");
    expect(csvCell('＝1')).toBe("'＝1");
    expect(csvCell('P-601')).toBe('P-601');
    expect(csvCell('1-2')).toBe('1-2');
    expect(csvCell('a"b')).toBe('"a""b"');
    expect(csvCell('a,b')).toBe('"a,b"');
    const csv = encroachmentCsv(assets, rows);
    expect(csv.split('\r\n')[0]).toContain('retribusi_idr');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('encroachment detail in Excel', () => {
  it('has the CSV columns, numbers as numbers, a formula-looking owner kept as text; GDAL and the library read it', async () => {
    const { encroachmentSheet } = await import('./export-encroachment');
    const { writeWorkbook } = await import('./write-xlsx');
    const { default: readXlsxFile } = await import('read-excel-file/universal');
    const estimate = estimateRetribution(results, assets, EXAMPLE_TARIFF_SCHEDULE);
    const rows = encroachmentRows(assets, results, estimate);
    const bytes = await writeWorkbook([{ name: 'Perambahan RUMIJA', ...encroachmentSheet(assets, rows) }]);
    const [sheet] = await readXlsxFile(bytes.buffer);
    expect(sheet!.sheet).toBe('Perambahan RUMIJA');
    const [header, row] = sheet!.data as unknown[][];
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('pemilik')).toBe('=HYPERLINK("x")');
    expect(cell('jarak_as_m')).toBe(6.12);
    expect(cell('retribusi_idr')).toBe(rows[0]!.retribusi_idr);
    expect(cell('tarif_contoh')).toBe(true);
    expect(cell('lon')).toBe(123.6123457);
    // GDAL's XLSX driver: one feature, the owner as a string, the amounts as numbers.
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { spawnSync } = await import('node:child_process');
    const file = join(mkdtempSync(join(tmpdir(), 'rumija-xlsx-')), 'perambahan.xlsx');
    writeFileSync(file, bytes);
    const info = spawnSync('ogrinfo', ['-ro', '-al', file], { encoding: 'utf8' });
    expect(info.stderr).not.toMatch(/Warning|ERROR/);
    expect(info.stdout).toContain('Feature Count: 1');
    expect(info.stdout).toMatch(/retribusi_idr: (Integer|Real)/);
    expect(info.stdout).toContain('pemilik (String) = =HYPERLINK("x")');
  });
});
