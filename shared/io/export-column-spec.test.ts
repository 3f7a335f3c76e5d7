import { describe, expect, it } from 'vitest';
import { columnsOfSpec } from './export-column-spec';
import { exportTable } from './export-table';
import type { StoredFeature } from '../model/layer';

describe('column labels that cross to the export worker', () => {
  it('names and labels what the spec lists, and leaves other columns and values as stored', () => {
    const columns = columnsOfSpec({
      names: { ruasNumber: 'Nomor ruas' },
      values: { condition: { rusak_berat: 'Rusak berat' } },
    });
    expect(columns.name('ruasNumber')).toBe('Nomor ruas');
    expect(columns.name('kolom_berkas')).toBe('kolom_berkas');
    expect(columns.name('constructor')).toBe('constructor');
    expect(columns.value('condition', 'rusak_berat')).toBe('Rusak berat');
    expect(columns.value('condition', 'toString')).toBe('toString');
    expect(columns.value('lengthM', 12.5)).toBe(12.5);
    expect(columnsOfSpec(null).name('ruasNumber')).toBe('ruasNumber');
  });
});

describe("Rumija's own id and kind in exports", () => {
  const feature = {
    id: 'import-mxc7p1vz-abc',
    layerId: 'survei',
    geometry: { type: 'Point' as const, coordinates: [123.6, -10.17] },
    properties: { kind: 'asset', category: 'tiang_listrik', tinggi_m: 7.5 },
  } as unknown as StoredFeature;

  it('leave only when the user asks, under the names the spec gives them', () => {
    const plain = exportTable([feature], columnsOfSpec({ names: {}, values: {} }));
    expect(plain.names).toEqual(['category', 'tinggi_m']);
    const asked = exportTable(
      [feature],
      columnsOfSpec({ names: { id: 'ID Rumija', kind: 'Jenis fitur Rumija' }, values: {}, internal: true }),
    );
    expect(asked.names).toEqual(['ID Rumija', 'Jenis fitur Rumija', 'category', 'tinggi_m']);
    expect(asked.rows[0]!.slice(0, 2)).toEqual(['import-mxc7p1vz-abc', 'asset']);
  });

  it("a file's own id column is the user's and leaves without being asked for", () => {
    const own = {
      ...feature,
      properties: { kind: 'plain', id: 'T-07', tinggi_m: 7.5 },
    } as unknown as StoredFeature;
    const table = exportTable([own], columnsOfSpec({ names: {}, values: {} }));
    expect(table.names).toEqual(['id', 'tinggi_m']);
    expect(table.rows[0]).toEqual(['T-07', 7.5]);
  });

  it('always leave with no spec: project files and backups need them', () => {
    expect(exportTable([feature]).keys).toEqual(['id', 'kind', 'category', 'tinggi_m']);
  });
});
