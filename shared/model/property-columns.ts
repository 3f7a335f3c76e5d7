import { writeField } from './field-value';
/**
 * The properties of up to 65 535 features as columns: per key, the distinct values once and a Uint16 index per
 * feature (0 = the feature has no such key). Survey files repeat the same values (status, condition, owner, the
 * import's source note) on every row, so this is a fraction of the JSON text, and reading it back builds the objects
 * without parsing text. Features of one block share equal nested values (they are never changed in place).
 */
export interface PropertyColumns {
  keys: string[];
  dictionaries: unknown[][];
  indices: Uint16Array[];
}

const MAX_FEATURES = 65_535;

/** A key under which equal values meet: the value itself for primitives, its JSON for objects and arrays. */
const identityOf = (value: unknown) =>
  typeof value === 'object' && value !== null ? `\u0000${JSON.stringify(value)}` : value;

export function toPropertyColumns(all: readonly Record<string, unknown>[]): PropertyColumns {
  if (all.length > MAX_FEATURES) throw new Error(`too many features for one block: ${all.length}`);
  const columns = new Map<string, { dictionary: unknown[]; seen: Map<unknown, number>; indices: Uint16Array }>();
  // The same object on many features (a shared source note) is turned into JSON once.
  const identities = new Map<object, unknown>();
  const identityOfCached = (value: unknown) => {
    if (typeof value !== 'object' || value === null) return value;
    let identity = identities.get(value);
    if (identity === undefined) identities.set(value, (identity = identityOf(value)));
    return identity;
  };
  all.forEach((properties, feature) => {
    for (const key of Object.keys(properties)) {
      const value = properties[key];
      if (value === undefined) continue;
      let column = columns.get(key);
      if (!column)
        columns.set(key, (column = { dictionary: [], seen: new Map(), indices: new Uint16Array(all.length) }));
      const identity = identityOfCached(value);
      let index = column.seen.get(identity);
      if (index === undefined) {
        index = column.dictionary.push(value);
        column.seen.set(identity, index);
      }
      column.indices[feature] = index;
    }
  });
  const keys = [...columns.keys()];
  return {
    keys,
    dictionaries: keys.map((key) => columns.get(key)!.dictionary),
    indices: keys.map((key) => columns.get(key)!.indices),
  };
}

export function fromPropertyColumns(columns: PropertyColumns, count: number): Record<string, unknown>[] {
  const all: Record<string, unknown>[] = new Array(count);
  for (let feature = 0; feature < count; feature++) {
    const properties: Record<string, unknown> = {};
    for (let key = 0; key < columns.keys.length; key++) {
      const index = columns.indices[key]![feature]!;
      if (index !== 0) writeField(properties, columns.keys[key]!, columns.dictionaries[key]![index - 1]);
    }
    all[feature] = properties;
  }
  return all;
}

/** Strings that mostly repeat (times of change), each distinct one kept once. */
export interface StringDictionary {
  values: string[];
  indices: Uint16Array;
}

export function toStringDictionary(strings: readonly string[]): StringDictionary {
  const values: string[] = [];
  const seen = new Map<string, number>();
  const indices = new Uint16Array(strings.length);
  strings.forEach((value, index) => {
    let at = seen.get(value);
    if (at === undefined) seen.set(value, (at = values.push(value) - 1));
    indices[index] = at;
  });
  return { values, indices };
}

export const fromStringDictionary = ({ values, indices }: StringDictionary): string[] =>
  Array.from(indices, (index) => values[index]!);
