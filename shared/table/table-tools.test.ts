import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileExpression } from './field-expression';
import { parseColumnFilter } from './column-filter';
import { toExcelCsv, toTsv } from '../format/spreadsheet-text';
import { formatNumber } from '../format/format-number';

const run = (text: string, properties: Record<string, unknown>, fields = Object.keys(properties)) => {
  const compiled = compileExpression(text, fields);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problem));
  return compiled.evaluate(properties);
};

describe('calculated columns', () => {
  it('computes arithmetic over fields, with functions and conditions', () => {
    expect(run('panjang_km * 1000', { panjang_km: 2.5 })).toBe(2500);
    expect(run('round(lebar / 3, 2)', { lebar: 10 })).toBe(3.33);
    expect(run("lebar > 20 ? 'lebar' : 'sempit'", { lebar: 25 })).toBe('lebar');
    expect(run("nama + ' (' + ruas + ')'", { nama: 'Jl. El Tari', ruas: 'P-601' })).toBe('Jl. El Tari (P-601)');
    expect(run('max(a, b, 3)', { a: 1, b: 7 })).toBe(7);
    expect(run('upper(kode)', { kode: 'p-101' })).toBe('P-101');
    expect(run("'12.5' * 2", {})).toBe(25);
  });

  it("reads QGIS's quoting and operators: \"field\", 'text', =, <>, AND, OR", () => {
    expect(run('"lebar" * 2', { lebar: 6 })).toBe(12);
    expect(run(`"lebar jalan" * 2`, { 'lebar jalan': 3 })).toBe(6);
    expect(run(`"status" = 'baik'`, { status: 'baik' })).toBe(true);
    expect(run(`"status" <> 'baik'`, { status: 'baik' })).toBe(false);
    expect(run(`"a" > 1 AND "b" < 5`, { a: 2, b: 3 })).toBe(true);
    expect(run(`"a" > 5 OR "b" < 5`, { a: 2, b: 3 })).toBe(true);
    expect(run(`"a" > 5 or "b" > 5`, { a: 2, b: 3 })).toBe(false);
    // A double-quoted name that is no field is said, not computed as text.
    expect(compileExpression('"lebr" * 2', ['lebar'])).toEqual({
      ok: false,
      problem: { reason: 'unknownField', detail: 'lebr' },
    });
  });

  it('takes field names that are names of JavaScript object members as fields, and never calls them', () => {
    const properties = JSON.parse('{"constructor":4,"toString":"x","__proto__":7,"hasOwnProperty":2}') as Record<
      string,
      unknown
    >;
    expect(run('constructor * 2', properties)).toBe(8);
    expect(run('"__proto__" + 1', properties)).toBe(8);
    expect(run('concat("toString", hasOwnProperty)', properties)).toBe('x2');
    // Asked for a field the record does not have, the answer is "no value", not Object.prototype's member.
    expect(run('valueOf', {}, ['valueOf'])).toBeNull();
    expect(compileExpression('constructor(1)', [])).toEqual({
      ok: false,
      problem: { reason: 'unknownFunction', detail: 'constructor' },
    });
  });

  it('gives no value (not a wrong one) when an input is missing or the sum has none', () => {
    expect(run('a * 2', { a: null })).toBeNull();
    expect(run('a * 2', { a: 'dua' })).toBeNull();
    expect(run('a / b', { a: 1, b: 0 })).toBeNull();
    expect(run('coalesce(a, 0) + 1', { a: null })).toBe(1);
  });

  it('names the unknown field or function, and refuses what is not a simple expression', () => {
    expect(compileExpression('panjang * 2', ['lebar'])).toEqual({
      ok: false,
      problem: { reason: 'unknownField', detail: 'panjang' },
    });
    expect(compileExpression('hapus(lebar)', ['lebar'])).toMatchObject({ problem: { reason: 'unknownFunction' } });
    expect(compileExpression('lebar.constructor', ['lebar'])).toMatchObject({ problem: { reason: 'unsupported' } });
    expect(compileExpression('lebar | 2', ['lebar'])).toMatchObject({ problem: { reason: 'unsupported' } });
    expect(compileExpression('lebar *', ['lebar'])).toMatchObject({ problem: { reason: 'syntax' } });
    expect(compileExpression('', ['lebar'])).toMatchObject({ ok: false });
  });
});

describe('column filters typed in the table header', () => {
  const passes = (text: string, value: unknown, locale: 'id' | 'en' = 'id', numeric = true) => {
    const filter = parseColumnFilter(text, numeric, locale);
    if (!filter?.ok) throw new Error(text);
    return filter.test(value, () => String(value));
  };

  it('reads comparisons and ranges with numbers written the UI language’s way', () => {
    expect(passes('> 20', 20.5)).toBe(true);
    expect(passes('> 20', 20)).toBe(false);
    expect(passes('<= 5,5', 5.5)).toBe(true);
    expect(passes('10 .. 20', 15)).toBe(true);
    expect(passes('10 – 20', 21)).toBe(false);
    expect(passes('20 sampai 10', 12)).toBe(true);
    expect(passes('1.000', 1000)).toBe(true);
    expect(passes('1,000', 1000, 'en')).toBe(true);
    expect(passes('> -5', -4)).toBe(true);
    expect(passes('> 0', null)).toBe(false);
    expect(passes('> 0', '12')).toBe(true);
  });

  it('filters text by what the cell shows, in any case; an unreadable number is refused', () => {
    expect(passes('tari', 'Jl. El Tari', 'id', false)).toBe(true);
    expect(passes('TARI', 'Jl. El Tari', 'id', false)).toBe(true);
    expect(passes('polda', 'Jl. El Tari', 'id', false)).toBe(false);
    expect(parseColumnFilter('> 20.5', true, 'id')).toMatchObject({ ok: false, reading: { reason: 'ambiguous' } });
    expect(parseColumnFilter('  ', true, 'id')).toBeNull();
  });

  it('a number formatted in either language is found again by its own filter', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.constantFrom('id' as const, 'en' as const),
        (raw, locale) => {
          const value = Math.round(raw * 100) / 100;
          return passes(`= ${formatNumber(value, locale, 2)}`, value, locale);
        },
      ),
    );
  });
});

describe('rows for spreadsheets', () => {
  it('copies as tab-separated text with the UI language’s decimal mark, guarded like CSV', () => {
    const rows = [
      ['Nama', 'Lebar'],
      ['Jl. "Timor Raya"\nKupang', 20.5],
      ['=HYPERLINK("x")', 1000],
      [' +cmd', null],
      ['＝1+1', true],
    ];
    expect(toTsv(rows, 'id')).toBe(
      'Nama\tLebar\r\n"Jl. ""Timor Raya""\nKupang"\t20,5\r\n"\'=HYPERLINK(""x"")"\t1000\r\n\' +cmd\t\r\n\'＝1+1\tTRUE',
    );
    expect(toTsv([[20.5]], 'en')).toBe('20.5');
  });

  it('writes CSV that Indonesian Excel opens: BOM, semicolons, decimal comma', () => {
    expect(
      toExcelCsv(
        [
          ['Kabupaten', 'Mantap (%)'],
          ['Kota Kupang', 81.25],
        ],
        'id',
      ),
    ).toBe('\ufeffKabupaten;Mantap (%)\r\nKota Kupang;81,25\r\n');
    expect(toExcelCsv([['a;b', 1.5]], 'en')).toBe('\ufeffa;b,1.5\r\n');
    expect(toExcelCsv([['a;b', 1.5]], 'id')).toBe('\ufeff"a;b";1,5\r\n');
  });
});
