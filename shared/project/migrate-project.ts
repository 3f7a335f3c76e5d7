import type { Database } from '@sqlite.org/sqlite-wasm';
import { PHOTO_TABLES } from './project-tables';

/** One step of the format: brings a file of version `from` to `from + 1`, in the opened copy (the file is not touched). */
export interface ProjectMigration {
  from: number;
  run(db: Database): void;
}

/**
 * Every step since format 1, in order. Add one here with each new format version (and a test that opens a file
 * of the version before); a file of any older version is brought up step by step when it is opened.
 */
export const PROJECT_MIGRATIONS: readonly ProjectMigration[] = [
  // Format 2 carries the retribution and road-programme registers; a format 1 file had none.
  {
    from: 1,
    run: (db) =>
      db.exec(`CREATE TABLE rumija_records (store TEXT NOT NULL, record_key TEXT NOT NULL, position INTEGER NOT NULL,
        definition TEXT NOT NULL, PRIMARY KEY (store, record_key))`),
  },
  // Format 3 carries field photos (records, and their images when embedded); a format 2 file had none.
  { from: 2, run: (db) => db.exec(PHOTO_TABLES) },
];

/** Runs the steps from `version` up to the newest, in one transaction; throws naming a missing step. */
export function migrateProject(
  db: Database,
  version: number,
  newest: number,
  migrations: readonly ProjectMigration[],
): number {
  let at = version;
  db.transaction(() => {
    while (at < newest) {
      const step = migrations.find((candidate) => candidate.from === at);
      if (!step) throw new Error(`no migration from format ${at}`);
      step.run(db);
      at++;
    }
  });
  return at;
}
