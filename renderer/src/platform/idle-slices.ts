/**
 * Work done a slice at a time while the page is idle (between frames), so a start does not wait for it; whoever
 * needs the result first calls `finish()` and the rest is done at once.
 */
export class IdleSlices {
  private done = false;

  /** `step` does one slice and returns true when nothing is left. */
  constructor(private readonly step: () => boolean) {
    this.schedule();
  }

  get finished() {
    return this.done;
  }

  finish() {
    while (!this.done) this.done = this.step();
  }

  private schedule() {
    const run = (deadline?: IdleDeadline) => {
      if (this.done) return;
      // At least one slice per callback, more while the idle period lasts.
      do this.done = this.step();
      while (!this.done && deadline && deadline.timeRemaining() > 2);
      if (!this.done) this.schedule();
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
    else setTimeout(run, 0);
  }
}

/** Visits every item of the lists, `perSlice` at a time, in idle time (or all at once on `finish()`). */
export function visitInIdleSlices<T>(lists: readonly (readonly T[])[], visit: (item: T) => void, perSlice = 20_000) {
  let list = 0;
  let index = 0;
  return new IdleSlices(() => {
    let left = perSlice;
    while (list < lists.length && left > 0) {
      const items = lists[list]!;
      const end = Math.min(items.length, index + left);
      left -= end - index;
      for (; index < end; index++) visit(items[index]!);
      if (index >= items.length) {
        list++;
        index = 0;
      }
    }
    return list >= lists.length;
  });
}
