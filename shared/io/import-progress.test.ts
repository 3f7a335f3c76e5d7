import { describe, expect, it } from 'vitest';
import { decodeUtf8WithProgress, throttledProgress, type ImportProgress } from './import-progress';

describe('import progress', () => {
  it('decodes UTF-8 split inside a character, reporting bytes as it goes', () => {
    const text = 'Jembatan Noelmina – Kupang ✓ '.repeat(1000);
    const bytes = new TextEncoder().encode(text);
    const seen: ImportProgress[] = [];
    // 7-byte slices cut through the 3-byte dash and check mark.
    expect(decodeUtf8WithProgress(bytes, (progress) => seen.push(progress), 7)).toBe(text);
    expect(seen.at(-1)).toEqual({ phase: 'read', done: bytes.byteLength, total: bytes.byteLength, features: 0 });
    expect(seen.map((progress) => progress.done)).toEqual(
      [...seen.map((progress) => progress.done)].sort((a, b) => a - b),
    );
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(decodeUtf8WithProgress(Uint8Array.from([0x4a, 0xff, 0x41]), () => undefined)).toBeNull();
  });

  it('tells at most once per interval, but always the end of a phase', () => {
    let time = 0;
    const seen: number[] = [];
    const report = throttledProgress(
      (progress) => seen.push(progress.done),
      100,
      () => time,
    );
    for (let done = 1; done <= 10; done++) {
      time += 30;
      report({ phase: 'check', done, total: 10, features: done });
    }
    expect(seen).toEqual([1, 5, 9, 10]);
  });
});
