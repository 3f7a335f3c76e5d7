import type { RecordNote } from './check-records';
import type { Problem } from '../messages/problem';

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
  word: (problem: Problem) => string,
): (string | number)[][] {
  const rows = [
    ...notes.skipped.map((note) => ({ note, action: words.skipped })),
    ...notes.repairs.map((note) => ({ note, action: words.repaired })),
  ].sort((a, b) => a.note.index - b.note.index);
  return [
    [words.number, words.feature, words.action, words.reason],
    ...rows.map(({ note, action }) => [note.index + 1, note.name ?? '', action, word(note.note)]),
  ];
}
