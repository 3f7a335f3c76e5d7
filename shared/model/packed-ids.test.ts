import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packIds, unpackIds } from './packed-ids';

describe('packed ids', () => {
  it('gives back every id as it was, including empty ids and ids holding any character', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' })), (ids) => {
        expect(unpackIds(packIds(ids))).toEqual(ids);
      }),
    );
  });

  it('is one string and one typed array however many ids there are', () => {
    const packed = packIds(['ruas-1', '', 'ü\u0000x']);
    expect(packed.text).toBe('ruas-1ü\u0000x');
    expect([...packed.ends]).toEqual([6, 6, 9]);
  });
});
