import type { Database, Sqlite3Static } from '@sqlite.org/sqlite-wasm';

let loading: Promise<Sqlite3Static> | null = null;

/** SQLite in WebAssembly (the SQLite project's own build, with R*Tree), loaded once, when first needed. */
function sqlite(): Promise<Sqlite3Static> {
  loading ??= import('@sqlite.org/sqlite-wasm').then((module) => module.default());
  return loading;
}

/**
 * A database file's bytes opened in memory. A file left in WAL mode (QGIS does that) is read as a rollback-journal
 * file: without its -wal beside it, that is what is on disk.
 */
export async function openDatabaseBytes(bytes: Uint8Array): Promise<Database> {
  const sqlite3 = await sqlite();
  const copy = bytes.slice();
  if (copy[18] === 2) copy[18] = 1;
  if (copy[19] === 2) copy[19] = 1;
  const pointer = sqlite3.wasm.allocFromTypedArray(copy);
  const db = new sqlite3.oo1.DB();
  const flags = sqlite3.capi.SQLITE_DESERIALIZE_FREEONCLOSE | sqlite3.capi.SQLITE_DESERIALIZE_RESIZEABLE;
  db.checkRc(sqlite3.capi.sqlite3_deserialize(db.pointer!, 'main', pointer, copy.byteLength, copy.byteLength, flags));
  return db;
}

/** A new, empty database in memory; `exportDatabase` gives its file bytes. */
export async function newDatabase(): Promise<Database> {
  return new (await sqlite()).oo1.DB(':memory:');
}

export async function exportDatabase(db: Database): Promise<Uint8Array<ArrayBuffer>> {
  return (await sqlite()).capi.sqlite3_js_db_export(db.pointer!);
}
