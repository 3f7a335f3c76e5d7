import { describe, expect, it } from 'vitest';
import { en, id } from './resources';

type Table = { [key: string]: string | Table };
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(table: Table, prefix = '', out = new Map<string, string>()) {
  for (const [key, value] of Object.entries(table)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
}

/** Keys with i18next's plural suffixes folded, each with the placeholders its forms use. */
function placeholdersByKey(table: Table) {
  const byKey = new Map<string, Set<string>>();
  for (const [key, text] of flatten(table)) {
    const base = key.replace(PLURAL_SUFFIX, '');
    const names = byKey.get(base) ?? new Set<string>();
    for (const match of text.matchAll(/\{\{\s*([\w.]+)/g)) names.add(match[1]!);
    byKey.set(base, names);
  }
  return byKey;
}

describe('UI string tables', () => {
  const idKeys = placeholdersByKey(id);
  const enKeys = placeholdersByKey(en);

  it('has the same keys in Indonesian and English', () => {
    expect([...idKeys.keys()].filter((key) => !enKeys.has(key))).toEqual([]);
    expect([...enKeys.keys()].filter((key) => !idKeys.has(key))).toEqual([]);
    expect(idKeys.size).toBeGreaterThan(500);
  });

  it('uses the same placeholders in both languages', () => {
    const differing = [...idKeys].filter(([key, names]) => {
      const other = enKeys.get(key);
      return other && [...names].sort().join() !== [...other].sort().join();
    });
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it('gives every plural key the form each language needs (_other always, _one in English)', () => {
    for (const [language, table] of [
      ['id', id],
      ['en', en],
    ] as const) {
      const keys = [...flatten(table).keys()];
      const plural = new Set(
        keys.filter((key) => PLURAL_SUFFIX.test(key)).map((key) => key.replace(PLURAL_SUFFIX, '')),
      );
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const missing = [...plural].flatMap((base) =>
        categories.filter((category) => !keys.includes(`${base}_${category}`)).map((category) => `${base}_${category}`),
      );
      expect(missing, language).toEqual([]);
    }
  });
});
