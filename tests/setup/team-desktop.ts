import { copyOfServerLayer, syncCopy } from '../../shared/postgis/local-copy';
import type { SyncServer } from '../../shared/postgis/sync-layer';
import { PostgisSession } from '../../electron/main/postgis/postgis-session';
import type { TestDatabase } from './postgis-test-db';

/**
 * A desktop as the sync tests and the benchmark need one: its own connection and its own local copy of a layer
 * (in memory, as the app keeps it in IndexedDB and the CLI in files), and the sync the app runs.
 */
export async function openDesktop(db: TestDatabase, user: keyof TestDatabase['users'], table: string, layerId: string) {
  const session = await PostgisSession.open(db.connectionAs(user), db.password);
  const read = await session.readLayer(table);
  const copy = copyOfServerLayer(layerId, table, read.kind, read.features, read.horizon);
  const sync = (server: SyncServer = session) => syncCopy(server, copy);
  return { session, copy, sync };
}
