/**
 * Field names come from files other people wrote: `constructor`, `toString` or `__proto__` are column names like
 * any other. Read through these so a name never reaches Object.prototype: `properties.constructor` of a plain
 * object is a function, and `properties['__proto__'] = x` replaces the object's prototype instead of storing x.
 */
export function readField(properties: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : undefined;
}

/** Stores `value` under `key` as an own property, whatever the key is called (`__proto__` included). */
export function writeField(properties: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(properties, key, { value, writable: true, enumerable: true, configurable: true });
  else properties[key] = value;
}

/** Whether a record (properties, a lookup table) has its own entry for `key`. */
export const hasField = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);
