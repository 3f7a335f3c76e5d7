import type { RecordNote } from './check-records';

/**
 * The half of an "Indonesian / English" note in the reader's language. Notes from the readers are written as
 * exactly one such pair; anything else (a path with slashes, a note of one language) is shown whole.
 */
export function noteInLanguage(note: string, language: 'id' | 'en'): string {
  const halves = note.split(' / ');
  return halves.length === 2 ? halves[language === 'id' ? 0 : 1]! : note;
}

export interface ImportNoteWords {
  number: string;
  feature: string;
  action: string;
  reason: string;
  skipped: string;
  repaired: string;
}

/**
 * The records an import skipped or repaired as a table for the surveyor (row, feature, what, why), in file
 * order: the same rows the preview lists and the CSV holds.
 */
export function importNotesRows(
  notes: { skipped: readonly RecordNote[]; repairs: readonly RecordNote[] },
  words: ImportNoteWords,
  language: 'id' | 'en',
): (string | number)[][] {
  const rows = [
    ...notes.skipped.map((note) => ({ note, action: words.skipped })),
    ...notes.repairs.map((note) => ({ note, action: words.repaired })),
  ].sort((a, b) => a.note.index - b.note.index);
  return [
    [words.number, words.feature, words.action, words.reason],
    ...rows.map(({ note, action }) => [note.index + 1, note.name ?? '', action, noteInLanguage(note.note, language)]),
  ];
}
