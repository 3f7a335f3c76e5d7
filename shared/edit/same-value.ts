import type { Geometry, Position } from 'geojson';

/**
 * Whether two stored values (JSON-like: numbers, text, lists, records) are the same. A change whose "after" is the
 * same as its "before" changes nothing, and is neither written nor logged as an undo step.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((value, index) => sameValue(value, other[index]));
  }
  return sameRecord(a as Record<string, unknown>, b as Record<string, unknown>);
}

/**
 * Two records the same, key by key. A key one of them lacks counts as empty (null): a cell shown empty before and
 * after was not changed. `ignore` leaves out bookkeeping keys (when it was saved).
 */
export function sameRecord(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
  ignore: ReadonlySet<string> = new Set(),
): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (ignore.has(key)) continue;
    const left = Object.hasOwn(a, key) ? a[key] : undefined;
    const right = Object.hasOwn(b, key) ? b[key] : undefined;
    if (!sameValue(left ?? null, right ?? null)) return false;
  }
  return true;
}

/**
 * Whether an edited geometry is the one stored, vertex by vertex within `toleranceDeg` (1e-9° is 0.1 mm: the editor
 * keeps nine decimals, so an edit where nothing moved can differ from the stored value in the last digit).
 */
export function sameGeometry(a: Geometry, b: Geometry, toleranceDeg = 1e-9): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'GeometryCollection' || b.type === 'GeometryCollection') return sameValue(a, b);
  const samePositions = (p: unknown, q: unknown): boolean => {
    if (!Array.isArray(p) || !Array.isArray(q) || p.length !== q.length) return false;
    if (typeof p[0] === 'number')
      return (p as Position).every((value, index) => Math.abs(value - (q as Position)[index]!) <= toleranceDeg);
    return p.every((part, index) => samePositions(part, q[index]));
  };
  return samePositions(a.coordinates, b.coordinates);
}
