import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EncroachmentResult } from './encroachment';
import { fromResultColumns, resultColumnBuffers, toResultColumns } from './result-columns';

const result: fc.Arbitrary<EncroachmentResult> = fc.record({
  assetId: fc.string({ unit: 'binary' }),
  zone: fc.constantFrom('rumaja', 'rumija', 'ruwasja', 'luar'),
  segmentId: fc.option(fc.string({ unit: 'binary' })),
  ruasNumber: fc.option(fc.string()),
  corridorIds: fc.array(fc.string(), { maxLength: 3 }),
  offsetM: fc.option(fc.double({ noNaN: true })),
  staM: fc.option(fc.double({ noNaN: true })),
  quantity: fc.double({ noNaN: true }),
  unit: fc.constantFrom('unit', 'm', 'm2'),
});

describe('analysis results as columns', () => {
  it('come back equal, nulls, empty strings and -0 included', () => {
    fc.assert(
      fc.property(fc.array(result, { maxLength: 40 }), (results) => {
        expect(fromResultColumns(structuredClone(toResultColumns(results)))).toEqual(results);
      }),
    );
  });

  it('hand over their buffers, each once', () => {
    const columns = toResultColumns([
      {
        assetId: 'a',
        zone: 'rumija',
        segmentId: null,
        ruasNumber: 'P-101',
        corridorIds: ['k'],
        offsetM: 3.5,
        staM: null,
        quantity: 1,
        unit: 'unit',
      },
    ]);
    const buffers = resultColumnBuffers(columns);
    expect(new Set(buffers).size).toBe(buffers.length);
  });
});
