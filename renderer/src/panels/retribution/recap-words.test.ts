import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { INDONESIAN_RECAP_WORDS, RECAP_COLUMNS } from '#shared/retribution/create-assessment-recap';
import { en, id } from '../../i18n/resources';
import { recapWords } from './recap-words';

describe('recap words', () => {
  it('the CLI writes the same Indonesian headers as the app', async () => {
    const instance = i18next.createInstance();
    await instance.init({ lng: 'id', resources: { id: { translation: id }, en: { translation: en } } });
    const words = recapWords(instance.t, 'id');
    expect(words.column).toEqual(INDONESIAN_RECAP_WORDS.column);
    expect(words.status).toEqual(INDONESIAN_RECAP_WORDS.status);
    expect(words.periodTotal('Semester I 2026')).toBe(INDONESIAN_RECAP_WORDS.periodTotal('Semester I 2026'));
    expect([words.grandTotal, words.demo, words.exampleTariff]).toEqual([
      INDONESIAN_RECAP_WORDS.grandTotal,
      INDONESIAN_RECAP_WORDS.demo,
      INDONESIAN_RECAP_WORDS.exampleTariff,
    ]);
    await instance.changeLanguage('en');
    const english = recapWords(instance.t, 'en');
    for (const column of RECAP_COLUMNS) expect(english.column[column]).not.toMatch(/retribution\./);
    expect(english.periodTotal('Semester I 2026')).toBe('TOTAL Semester I 2026');
  });
});
