import type { StoredFeature } from '../model/layer';

/** Properties as text with their keys sorted: a feature rebuilt by an undo may list its keys in another order. */
const propertiesText = (properties: Record<string, unknown>) =>
  JSON.stringify(properties, Object.keys(properties).sort());

const number = new Float64Array(1);
const words = new Uint32Array(number.buffer);

/** The hash being worked out: module state rather than closures made for each of a million features. */
let hash = 0;

function mixText(text: string) {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
}

function mixCoordinates(value: unknown) {
  if (typeof value === 'number') {
    number[0] = value;
    hash = Math.imul(hash ^ words[0]!, 0x01000193);
    hash = Math.imul(hash ^ words[1]!, 0x01000193);
  } else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) mixCoordinates(value[i]);
}

/** One feature's FNV-1a hash over its id, properties and coordinates, seeded with its group. */
function featureHash(feature: StoredFeature, group: number): number {
  hash = Math.imul(0x811c9dc5 ^ group, 0x01000193);
  mixText(feature.id);
  mixText(propertiesText(feature.properties));
  const geometry = feature.geometry as { coordinates?: unknown; geometries?: { coordinates?: unknown }[] };
  mixCoordinates(geometry.coordinates ?? geometry.geometries?.map((member) => member.coordinates));
  return hash;
}

/** The order-free sums of some features' hashes: by sum and by xor, and how many. */
export interface SignatureTotals {
  sum: number;
  xor: number;
  count: number;
}

const EMPTY: SignatureTotals = { sum: 0, xor: 0, count: 0 };

function added(totals: SignatureTotals, features: readonly StoredFeature[], group: number, sign: 1 | -1) {
  let { sum, xor, count } = totals;
  for (const feature of features) {
    const hash = featureHash(feature, group);
    sum = (sum + sign * (hash >>> 0)) >>> 0;
    xor = (xor ^ Math.imul(hash, 0x9e3779b1)) >>> 0;
    count += sign;
  }
  return { sum, xor, count };
}

/** The totals of some features (of one group). */
export const signatureTotals = (features: readonly StoredFeature[], group: number) => added(EMPTY, features, group, 1);

/**
 * Totals of feature lists already worked out, per list and group. Lists are never changed in place (a change makes
 * a new list), so a known list answers at once: a province of a million features is hashed once (~5 s), not at every
 * edit while a result is shown.
 */
const known = new WeakMap<readonly StoredFeature[], Map<number, SignatureTotals>>();

/** Records the totals of a list worked out elsewhere (the analysis worker hashes what it reads). */
export function rememberTotals(list: readonly StoredFeature[], group: number, totals: SignatureTotals) {
  let byGroup = known.get(list);
  if (!byGroup) known.set(list, (byGroup = new Map()));
  byGroup.set(group, totals);
}

function totalsOfList(list: readonly StoredFeature[], group: number) {
  let totals = known.get(list)?.get(group);
  if (!totals) rememberTotals(list, group, (totals = signatureTotals(list, group)));
  return totals;
}

/** A list made from `previous` by taking `removed` out and putting `added` in: its totals follow without a walk. */
export function carrySignatureTotals(
  previous: readonly StoredFeature[],
  next: readonly StoredFeature[],
  removed: readonly StoredFeature[],
  put: readonly StoredFeature[],
) {
  for (const [group, totals] of known.get(previous) ?? [])
    rememberTotals(next, group, added(added(totals, removed, group, -1), put, group, 1));
}

/**
 * A fingerprint of what an analysis read: every feature's id, properties and coordinates, per group (each group
 * given as one or more lists), in any order. Equal fingerprints mean the same input (so an undo back to it makes the
 * result current again, even with the restored feature now last in its layer); any edit, added or removed feature
 * changes it. Each feature is hashed with FNV-1a; the hashes are combined by sum and by xor, which do not depend on
 * order.
 */
export function signatureOfLists(groups: readonly (readonly (readonly StoredFeature[])[])[]): string {
  let sum = 0;
  let xor = 0;
  let count = 0;
  groups.forEach((lists, group) => {
    for (const list of lists) {
      const totals = totalsOfList(list, group);
      sum = (sum + totals.sum) >>> 0;
      xor = (xor ^ totals.xor) >>> 0;
      count += totals.count;
    }
  });
  return `${count}:${sum.toString(16)}:${xor.toString(16)}`;
}

/** The fingerprint of groups of features (see signatureOfLists). */
export const inputSignature = (groups: readonly (readonly StoredFeature[])[]) =>
  signatureOfLists(groups.map((features) => [features]));
