/**
 * A table's rows after a change to a few features, without filtering and sorting every row again: the changed rows
 * are taken out and, where they still pass the filters, put back (at their sorted place, or where they were when the
 * table is not sorted). Null when that cannot be done faithfully (an unsorted table gaining a row it did not show):
 * the caller then works the rows out from scratch.
 */
export function patchRows<T extends { id: string }>(
  rows: readonly T[],
  ids: ReadonlySet<string>,
  current: (id: string) => T | undefined,
  keep: (row: T) => boolean,
  compare: ((a: T, b: T) => number) | null,
): T[] | null {
  const shown = new Set<string>();
  const result: T[] = [];
  for (const row of rows) {
    if (!ids.has(row.id)) {
      result.push(row);
      continue;
    }
    shown.add(row.id);
    const now = current(row.id);
    // Unsorted, a row keeps its place; sorted, it is placed again below.
    if (!compare && now && keep(now)) result.push(now);
  }
  if (!compare) {
    for (const id of ids) {
      const now = current(id);
      if (!shown.has(id) && now && keep(now)) return null;
    }
    return result;
  }
  for (const id of ids) {
    const now = current(id);
    if (!now || !keep(now)) continue;
    // After the last row that sorts before or with it: equal keys keep the order they had.
    let low = 0;
    let high = result.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(result[middle]!, now) <= 0) low = middle + 1;
      else high = middle;
    }
    result.splice(low, 0, now);
  }
  return result;
}
