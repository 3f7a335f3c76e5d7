import { describe, expect, it, vi } from 'vitest';
import { visitInIdleSlices } from './idle-slices';

describe('visitInIdleSlices', () => {
  it('visits every item once, in order, across lists of any length (empty ones too)', async () => {
    const seen: number[] = [];
    const lists = [[1, 2, 3], [], [4], [5, 6, 7, 8, 9]];
    const slices = visitInIdleSlices(lists, (item) => seen.push(item), 2);
    expect(slices.finished).toBe(false);
    await vi.waitFor(() => expect(slices.finished).toBe(true));
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('finishes at once when asked, and does nothing more after', async () => {
    const seen: string[] = [];
    const slices = visitInIdleSlices([['a', 'b', 'c']], (item) => seen.push(item), 1);
    slices.finish();
    expect(seen).toEqual(['a', 'b', 'c']);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toEqual(['a', 'b', 'c']);
  });
});
