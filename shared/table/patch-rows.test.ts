import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { patchRows } from './patch-rows';

type Row = { id: string; value: number };

describe('rows patched after an edit', () => {
  const byValue = (a: Row, b: Row) => a.value - b.value;

  it('agree with filtering and sorting from scratch (values unique), for any edit of a few rows', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(), fc.option(fc.integer({ min: 10_001, max: 20_000 }))), { maxLength: 5 }),
        fc.boolean(),
        (values, edits, sorted) => {
          const before: Row[] = values.map((value, index) => ({ id: `f${index}`, value }));
          const now = new Map(before.map((row) => [row.id, row] as [string, Row | undefined]));
          const ids = new Set<string>();
          for (const [pick, value] of edits) {
            const index = pick % values.length;
            const id = `f${index}`;
            ids.add(id);
            // Two rows edited to one value would tie in the sort, whose order between them is free: the row's index
            // in the low bits keeps edited values unique (at most 60 rows), as the property assumes.
            now.set(id, value === null ? undefined : { id, value: value * 64 + index });
          }
          const keep = (row: Row) => row.value % 3 !== 0;
          const compare = sorted ? byValue : null;
          const fromScratch = (list: Row[]) => {
            const kept = list.filter(keep);
            return compare ? kept.sort(compare) : kept;
          };
          const after = before.map((row) => now.get(row.id)).filter((row): row is Row => Boolean(row));
          const patched = patchRows(fromScratch(before), ids, (id) => now.get(id), keep, compare);
          if (patched) expect(patched).toEqual(fromScratch(after));
          else expect(sorted).toBe(false);
        },
      ),
    );
  });

  it('an unsorted table that would gain a row it did not show asks to be worked out again', () => {
    const rows = [{ id: 'a', value: 1 }];
    const now = { id: 'b', value: 5 };
    expect(
      patchRows(
        rows,
        new Set(['b']),
        () => now,
        () => true,
        null,
      ),
    ).toBeNull();
  });
});
