import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en, id } from './resources';
import { problemText } from './problem-text';
import { wordProblem, PROBLEM_TABLES, type ProblemTable } from '#shared/messages/word-problem';
import type { Problem } from '#shared/messages/problem';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every code of a table with the placeholders its forms use. */
function codesOf(table: ProblemTable, prefix = '', out = new Map<string, Set<string>>()) {
  for (const [key, value] of Object.entries(table)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value !== 'string') codesOf(value, path, out);
    else {
      const code = path.replace(PLURAL_SUFFIX, '');
      const names = out.get(code) ?? new Set<string>();
      for (const match of value.matchAll(/\{\{\s*(\w+)/g)) names.add(match[1]!);
      out.set(code, names);
    }
  }
  return out;
}

describe('problems in the UI', () => {
  const codes = codesOf(PROBLEM_TABLES.id);

  it('has every problem code in both languages with the same placeholders', () => {
    const english = codesOf(PROBLEM_TABLES.en);
    expect([...codes.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [code, names] of codes) expect([...names].sort(), code).toEqual([...english.get(code)!].sort());
    expect(codes.size).toBeGreaterThan(100);
  });

  it('words every problem through i18next exactly as the CLI does, in both languages', async () => {
    const instance = i18next.createInstance();
    await instance.init({
      resources: { id: { translation: id }, en: { translation: en } },
      lng: 'id',
      interpolation: { escapeValue: false },
    });
    for (const language of ['id', 'en'] as const) {
      await instance.changeLanguage(language);
      for (const count of [1, 1234.5]) {
        for (const [code, names] of codes) {
          const values = Object.fromEntries(
            [...names].map((name) => [
              name,
              name === 'count' ? count : name === 'problem' ? { code: 'geometry.none' } : `<${name}>`,
            ]),
          ) as Problem['values'];
          const problem: Problem = { code, values };
          const shown = problemText(problem, instance.t, language);
          expect(shown, `${language} ${code}`).toBe(wordProblem(problem, language));
          expect(shown, `${language} ${code}`).not.toMatch(/\{\{|problems\./);
        }
      }
    }
  });
});
