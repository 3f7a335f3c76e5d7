import { describe, expect, it } from 'vitest';
import { geojsonToWKT } from '@terraformer/wkt';
import { createDemoDataset } from '../demo/create-demo-dataset';
import { createTableSql, layerColumns, propertiesOfRow, rowOf, tableNameFor } from './layer-table';

describe('layer tables', () => {
  it('names tables from layer names the way PostgreSQL takes them unquoted', () => {
    expect(tableNameFor('Jalan Provinsi NTT')).toBe('jalan_provinsi_ntt');
    expect(tableNameFor('Jembatan (demo) – Kupang')).toBe('jembatan_demo_kupang');
    expect(tableNameFor('2024 survei')).toBe('lapisan_2024_survei');
    expect(tableNameFor('Ōesao')).toBe('oesao');
  });

  it('has a typed column per model field and keeps extra attributes in jsonb', () => {
    expect(layerColumns('bridge').map((column) => `${column.column}:${column.sqlType}`)).toContain(
      'sta_m:double precision',
    );
    expect(createTableSql('jembatan', 'bridge')).toMatch(/"length_m" double precision/);
    expect(layerColumns('plain')).toEqual([]);
    expect(createTableSql('jalan', 'road')).toMatch(
      /"condition" text CHECK \("condition" IN \('baik', 'sedang', 'rusak_ringan', 'rusak_berat'\)\)/,
    );
  });

  it('takes a kind named like an Object method as a plain layer: names are data', () => {
    for (const kind of ['constructor', 'toString', 'hasOwnProperty'] as never[]) {
      expect(layerColumns(kind)).toEqual([]);
      expect(propertiesOfRow(kind, { extra: { kind: 'x', name: 'T-07' } })).toEqual({ kind: 'x', name: 'T-07' });
    }
  });

  it('turns every demo feature into a row and back without losing a property', () => {
    const { features, layers } = createDemoDataset();
    const kindOf = new Map(layers.map((layer) => [layer.id, layer.kind]));
    for (const feature of features) {
      const kind = kindOf.get(feature.layerId)!;
      const withExtra = { ...feature, properties: { ...feature.properties, keterangan: 'dari Excel' } };
      const row = JSON.parse(JSON.stringify(rowOf(kind, withExtra, geojsonToWKT))) as Record<string, unknown>;
      expect(row.geom).toMatch(/^SRID=4326;/);
      expect(propertiesOfRow(kind, row)).toEqual(withExtra.properties);
    }
  });
});
