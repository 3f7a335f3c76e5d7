import { describe, expect, it } from 'vitest';
import { readField, writeField } from './field-value';
import { fromPropertyColumns, toPropertyColumns } from './property-columns';
import { splitExtraProperties } from './road-network';
import { exportTable } from '../io/export-table';

const MEMBER_NAMES = ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf', 'isPrototypeOf'];

describe('field names are data', () => {
  it('reads only what a record holds, whatever the name', () => {
    for (const name of MEMBER_NAMES) expect(readField({}, name)).toBeUndefined();
    const record = JSON.parse('{"constructor":"a","__proto__":"b"}') as Record<string, unknown>;
    expect(readField(record, 'constructor')).toBe('a');
    expect(readField(record, '__proto__')).toBe('b');
  });

  it('stores a value under __proto__ as a field, not as the prototype', () => {
    const record: Record<string, unknown> = {};
    writeField(record, '__proto__', { x: 1 });
    expect(Object.keys(record)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(JSON.stringify(record)).toBe('{"__proto__":{"x":1}}');
  });

  it('keeps every such column through the stored column form and the model/extra split', () => {
    const properties = Object.fromEntries(MEMBER_NAMES.map((name, i) => [name, `${name}-${i}`]));
    const [back] = fromPropertyColumns(toPropertyColumns([properties]), 1);
    expect(JSON.stringify(back)).toBe(JSON.stringify(properties));
    const { extra } = splitExtraProperties({ kind: 'asset', ...properties });
    expect(JSON.stringify(extra)).toBe(JSON.stringify(properties));
  });

  it('exports a column called constructor or __proto__ with its values, and empty where a feature lacks it', () => {
    const withColumns = JSON.parse('{"constructor":"a","__proto__":"b"}') as Record<string, unknown>;
    const table = exportTable([
      { id: 'f1', layerId: 'l', geometry: { type: 'Point', coordinates: [0, 0] }, properties: withColumns },
      { id: 'f2', layerId: 'l', geometry: { type: 'Point', coordinates: [0, 0] }, properties: {} },
    ]);
    expect(table.keys).toEqual(['id', 'constructor', '__proto__']);
    expect(table.rows).toEqual([
      ['f1', 'a', 'b'],
      ['f2', null, null],
    ]);
  });
});
