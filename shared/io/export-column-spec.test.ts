import { describe, expect, it } from 'vitest';
import { columnsOfSpec } from './export-column-spec';

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
