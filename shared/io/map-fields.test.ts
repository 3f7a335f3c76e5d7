import { describe, expect, it } from 'vitest';
import type { Layer, StoredFeature } from '../model/layer';
import { applyMapping, mappingSignature, requiredGaps, suggestMapping } from './map-fields';
import { readColumns } from './type-columns';
import { ProblemError } from '../messages/problem';
import { wordProblem } from '../messages/word-problem';

const layer: Layer = {
  id: 'l',
  name: 'survei',
  kind: 'plain',
  order: 1,
  visible: true,
  styleBy: 'status',
  demo: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};
const source = { kind: 'file', label: 'survei.csv', recordedAt: '2026-01-01T00:00:00.000Z', illustrative: false };
const line = (properties: Record<string, unknown>): StoredFeature => ({
  id: `f${Math.random()}`,
  layerId: 'l',
  geometry: {
    type: 'LineString',
    coordinates: [
      [123.6, -10.17],
      [123.61, -10.17],
    ],
  },
  properties: { ...properties, source },
});

describe('field mapping', () => {
  it('suggests model fields from the names surveyors use', () => {
    const mapping = suggestMapping('road', ['NO_RUAS', 'Nama_Ruas', 'Kondisi', 'lebar_perkerasan', 'catatan']);
    expect(mapping.sources).toMatchObject({
      ruasNumber: 'NO_RUAS',
      name: 'Nama_Ruas',
      condition: 'Kondisi',
      carriagewayWidthM: 'lebar_perkerasan',
      status: null,
    });
    expect(mappingSignature(['B', 'a'])).toBe(mappingSignature(['A', 'b']));
  });

  it('converts values and fills defaults, computing the road length', () => {
    const mapping = suggestMapping('road', ['no_ruas', 'nama', 'kondisi', 'lebar']);
    mapping.defaults = { status: 'provinsi', borderRoute: 'false' };
    const result = applyMapping(
      layer,
      [line({ no_ruas: 'P-9', nama: 'Jl. Baru', kondisi: 'Rusak Berat', lebar: '6,5' })],
      mapping,
      'survei.csv',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.layer.kind).toBe('road');
    expect(result.value.features[0]!.properties).toMatchObject({
      kind: 'road',
      ruasNumber: 'P-9',
      status: 'provinsi',
      condition: 'rusak_berat',
      carriagewayWidthM: 6.5,
      borderRoute: false,
    });
    // 0,01° of longitude at 10,17° S on the WGS 84 ellipsoid, per GDAL/SpatiaLite ST_Length(geom, 1): 1 095,819 m,
    // stored to the decimetre.
    expect(Math.abs(Number(result.value.features[0]!.properties.lengthM) - 1_095.819)).toBeLessThanOrEqual(0.05);
  });

  it('refuses the whole file at the first feature that does not fit, naming it and the field', () => {
    const mapping = suggestMapping('road', ['no_ruas', 'nama', 'kondisi']);
    mapping.defaults = { status: 'provinsi' };
    const result = applyMapping(
      layer,
      [line({ no_ruas: 'P-1', nama: 'A', kondisi: 'baik' }), line({ no_ruas: 'P-2', nama: 'B', kondisi: 'hancur' })],
      mapping,
      'survei.csv',
      (key) => ({ 'fields.condition': 'Kondisi', 'fields.ruasNumber': 'Nomor ruas' })[key] ?? key,
    );
    expect(result.ok).toBe(false);
    // Numbered from 1, with the feature's own name, the field's label and the values it may take, not zod's English.
    if (!result.ok)
      expect(wordProblem(result.error, 'id')).toBe(
        'survei.csv, fitur 2 (B): Kondisi: "hancur" harus salah satu dari: baik, sedang, rusak_ringan, rusak_berat',
      );
    const missing = applyMapping(layer, [line({ nama: 'A' })], suggestMapping('road', ['nama']), 'x.csv');
    expect(!missing.ok && wordProblem(missing.error, 'id')).toMatch(/x\.csv, fitur 1 \(A\): ruasNumber wajib diisi/);
    const point: StoredFeature = { ...line({}), geometry: { type: 'Point', coordinates: [123.6, -10.1] } };
    expect(applyMapping(layer, [point], suggestMapping('road', []), 'p.csv')).toMatchObject({ ok: false });
  });

  it('keeps a Rumija export read back as a plain layer: its codes stay text, its other numbers become numbers', () => {
    // A bridge exported by Rumija, as GDAL writes a GeoPackage: regencyCode "5301" looks like a number but is a code.
    const bridge = { ...line({ kind: 'bridge', regencyCode: '5301', name: 'Jembatan Noelmina', spanM: '12,5' }) };
    const result = applyMapping(layer, [bridge], { kind: 'plain', sources: {}, defaults: {} }, 'kantor-upt.gpkg');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.features[0]!.properties).toMatchObject({ regencyCode: '5301', spanM: 12.5 });
  });
});

describe('required fields before Impor', () => {
  it('counts the records a required field would leave empty, and none once a default fills them', () => {
    const features = [
      line({ no_ruas: 'P-1', nama: 'A', status: 'provinsi' }),
      line({ no_ruas: 'P-2', nama: '', status: ' ' }),
      line({ no_ruas: 'P-3', nama: 'C' }),
    ];
    const mapping = suggestMapping('road', ['no_ruas', 'nama', 'status']);
    // By hand: name is empty in 1 record (''), status in 2 (' ' and missing); ruasNumber in none.
    expect(requiredGaps(mapping, features)).toEqual([
      { key: 'name', empty: 1 },
      { key: 'status', empty: 2 },
    ]);
    const unmapped = { ...mapping, sources: { ...mapping.sources, status: null } };
    expect(requiredGaps(unmapped, features)).toContainEqual({ key: 'status', empty: 3 });
    const filled = { ...mapping, defaults: { name: 'Tanpa nama', status: 'provinsi' } };
    expect(requiredGaps(filled, features)).toEqual([]);
  });
});

describe('numbers written the Indonesian way in mapped columns', () => {
  const bridges = (rows: Record<string, string>[]) =>
    rows.map((row, index) => ({
      ...line({ nama: `Jembatan ${index + 1}`, ...row }),
      geometry: { type: 'Point' as const, coordinates: [123.6 + index / 100, -10.17] },
    }));
  const bridgeMapping = (readings?: Record<string, 'id-number' | 'en-number' | 'text'>) => {
    const mapping = suggestMapping('bridge', ['nama', 'panjang', 'sta']);
    return {
      ...mapping,
      sources: { ...mapping.sources, name: 'nama', lengthM: 'panjang', staM: 'sta' },
      defaults: { existence: 'existing' },
      ...(readings ? { readings } : {}),
    };
  };

  it('reads a column by the style of all its values: 1.050,5 and 12.400 as 1 050,5 m and STA 12 400 m', () => {
    const features = bridges([
      { panjang: '1.050,5', sta: '12.400' },
      { panjang: '45,5', sta: '3.050' },
      { panjang: '120', sta: '980' },
    ]);
    const result = applyMapping(layer, features, bridgeMapping(), 'jembatan.csv');
    if (!result.ok) throw new ProblemError(result.error);
    // By hand: Indonesian grouping dots and decimal commas ("1.050,5" was refused as not a number).
    expect(result.value.features.map((f) => f.properties.lengthM)).toEqual([1050.5, 45.5, 120]);
    expect(result.value.features.map((f) => f.properties.staM)).toEqual([12400, 3050, 980]);
  });

  it('asks about a column that reads either way, and reads it as the user chose', () => {
    const features = bridges([{ sta: '1.250' }, { sta: '2.500' }, { sta: '3.750' }]);
    expect(readColumns(features, ['nama', 'sta']).ambiguous).toEqual(['sta']);
    const defaults = { existence: 'existing', lengthM: '40' };
    const asId = applyMapping(layer, features, { ...bridgeMapping({ sta: 'id-number' }), defaults }, 'jembatan.csv');
    const asEn = applyMapping(layer, features, { ...bridgeMapping({ sta: 'en-number' }), defaults }, 'jembatan.csv');
    if (!asId.ok) throw new ProblemError(asId.error);
    if (!asEn.ok) throw new ProblemError(asEn.error);
    expect(asId.value.features.map((f) => f.properties.staM)).toEqual([1250, 2500, 3750]);
    expect(asEn.value.features.map((f) => f.properties.staM)).toEqual([1.25, 2.5, 3.75]);
  });
});
