import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import pg from 'pg';
import type { PostgisConnection } from '../../shared/postgis/postgis-api';

/**
 * The private test server that `npm test` starts (tests/setup/postgis-server.sh) and what each test file makes on it:
 * a database of its own set up with resources/postgis/rumija-setup.sql, and logins in each Rumija role.
 */
export const postgisServer = () =>
  process.env.RUMIJA_PG_PORT
    ? {
        host: process.env.RUMIJA_PG_HOST ?? '127.0.0.1',
        port: Number(process.env.RUMIJA_PG_PORT),
        superuser: process.env.RUMIJA_PG_SUPERUSER ?? 'rumija_test_super',
        password: process.env.RUMIJA_PG_SUPER_PASSWORD ?? 'rumija-test-only',
      }
    : null;

/** Why the PostGIS tests are skipped, or null when they run. `npm test` requires them (RUMIJA_PG_REQUIRED=1). */
export function postgisSkipReason(): string | null {
  if (postgisServer()) return null;
  if (process.env.RUMIJA_PG_REQUIRED) throw new Error('RUMIJA_PG_REQUIRED is set but no test server (RUMIJA_PG_PORT)');
  return 'no PostgreSQL test server: run `eval "$(bash tests/setup/postgis-server.sh start)"` and export its variables';
}

/** The test server's certificate, which is its own CA (null when the server has no TLS). */
export function testCaFile(): string | null {
  if (process.env.RUMIJA_PG_TLS !== '1') return null;
  const server = postgisServer()!;
  return process.env.RUMIJA_PG_CA ?? resolve(process.env.TMPDIR ?? '/tmp', `rumija-pg-${server.port}`, 'server.crt');
}

/**
 * How the tests connect: verified TLS (the default a user gets) trusting the test server's own certificate, or plain
 * text when the server has no TLS (no openssl where it was started).
 */
export function testTls(): Pick<PostgisConnection, 'tls' | 'ca'> {
  const file = testCaFile();
  return file ? { tls: 'verify', ca: readFileSync(file, 'utf8') } : { tls: 'off' };
}

/** The same for the command line. */
export const testTlsArguments = () => {
  const file = testCaFile();
  return file ? ['--tls-ca', file] : ['--tls', 'off'];
};

export const SETUP_SQL = readFileSync(resolve(__dirname, '../../resources/postgis/rumija-setup.sql'), 'utf8');

export interface TestDatabase {
  name: string;
  connectionAs(user: keyof TestDatabase['users']): PostgisConnection;
  users: { admin: string; editorA: string; editorB: string; viewer: string; nobody: string };
  password: string;
  /** Runs SQL as the superuser in this database. */
  superQuery<Row extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<Row>>;
  drop(): Promise<void>;
}

async function superClient(database: string) {
  const server = postgisServer()!;
  const client = new pg.Client({
    host: server.host,
    port: server.port,
    user: server.superuser,
    password: server.password,
    database,
  });
  await client.connect();
  return client;
}

/** A fresh database with PostGIS, the Rumija setup script run in it, and a login in each role. */
export async function createTestDatabase(options: { setUp?: boolean; postgis?: boolean } = {}): Promise<TestDatabase> {
  const suffix = randomBytes(4).toString('hex');
  const name = `rumija_t_${suffix}`;
  const admin = await superClient('postgres');
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const client = await superClient(name);
  if (options.postgis !== false) await client.query('CREATE EXTENSION postgis');
  if (options.setUp !== false) await client.query(SETUP_SQL);
  const password = `pw-${suffix}`;
  const users = {
    admin: `admin_${suffix}`,
    editorA: `ana_${suffix}`,
    editorB: `budi_${suffix}`,
    viewer: `citra_${suffix}`,
    nobody: `dodi_${suffix}`,
  };
  if (options.setUp !== false) {
    await client.query(`CREATE ROLE ${users.admin} LOGIN PASSWORD '${password}' IN ROLE rumija_admin`);
    await client.query(`CREATE ROLE ${users.editorA} LOGIN PASSWORD '${password}' IN ROLE rumija_editor`);
    await client.query(`CREATE ROLE ${users.editorB} LOGIN PASSWORD '${password}' IN ROLE rumija_editor`);
    await client.query(`CREATE ROLE ${users.viewer} LOGIN PASSWORD '${password}' IN ROLE rumija_viewer`);
  }
  await client.query(`CREATE ROLE ${users.nobody} LOGIN PASSWORD '${password}'`);
  const server = postgisServer()!;
  return {
    name,
    users,
    password,
    connectionAs: (user) => ({
      host: server.host,
      port: server.port,
      database: name,
      user: users[user],
      ...testTls(),
    }),
    superQuery: (text, values) => client.query(text, values),
    drop: async () => {
      await client.end();
      const outer = await superClient('postgres');
      await outer.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      for (const user of Object.values(users)) await outer.query(`DROP ROLE IF EXISTS ${user}`);
      await outer.end();
    },
  };
}
