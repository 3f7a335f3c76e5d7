import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import net from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoDataset, DEMO_LAYER_IDS } from '#shared/demo/create-demo-dataset';
import type { StoredFeature } from '#shared/model/layer';
import { PostgisError } from '#shared/postgis/postgis-errors';
import { PostgisSession } from '../main/postgis/postgis-session';
import {
  createTestDatabase,
  postgisSkipReason,
  testTlsArguments,
  type TestDatabase,
} from '../../tests/setup/postgis-test-db';
import { runCaptured } from './run-captured';

vi.mock('electron', () => ({}));

const skip = postgisSkipReason();

const run = runCaptured;

/**
 * A server that answers like a PostgreSQL without TLS ("N" to the SSLRequest) and keeps every byte it is sent: a
 * stand-in on the network, or a server whose TLS is off. The password must never reach it.
 */
async function startPlainServer() {
  const received: Buffer[] = [];
  const server = net.createServer((socket) => {
    let answered = false;
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk);
      if (!answered) {
        answered = true;
        socket.write('N');
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    received: () => Buffer.concat(received),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('rumija: usage and TLS before any connection', () => {
  it('prints usage for --help (exit 0), for the command and for sync', async () => {
    for (const argv of [['--help'], ['-h'], ['sync', '--help'], ['analyze', '--help']]) {
      const result = await run(argv);
      expect(result.code, argv.join(' ')).toBe(0);
      expect(result.out).toMatch(/^Pemakaian:\n/);
    }
    const english = await run(['sync', '--help', '--lang', 'en']);
    expect(english.out).toMatch(/^Usage:\n  rumija sync .*\n[^]*first run: clones the table/);
    expect(english.out).toContain('The password is read from PGPASSWORD.');
    expect((await run(['sync', '--help'])).out).toMatch(/--take <feature id>=mine\|theirs/);
  });

  it('refuses a mistyped --tls or an unknown option (exit 2) and a file that is not a certificate (exit 3)', async () => {
    const url = 'postgresql://ana@127.0.0.1:1/rumija';
    const mistyped = await run(['sync', '--db', url, '--table', 't', '--project', 'p.geojson', '--tls', 'requre']);
    expect(mistyped.code).toBe(2);
    expect(mistyped.err).toMatch(/--tls harus verify\|require\|off: requre/);
    const mistypedInEnglish = await run([
      ...['sync', '--db', url, '--table', 't', '--project', 'p.geojson', '--tls', 'requre', '--lang', 'en'],
    ]);
    expect(mistypedInEnglish.err).toMatch(/^--tls must be verify\|require\|off: requre$/);
    const unknown = await run(['sync', '--db', url, '--tables', 't']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^Argumen tidak sah: .*--tables/);
    const folder = mkdtempSync(join(tmpdir(), 'rumija-tls-'));
    writeFileSync(join(folder, 'ca.pem'), 'not a certificate');
    const badCa = await run([
      'sync',
      ...['--db', url, '--table', 't', '--project', 'p.geojson', '--tls-ca', join(folder, 'ca.pem')],
    ]);
    expect(badCa.code).toBe(3);
    expect(badCa.err).toMatch(/ca\.pem: bukan sertifikat PEM/);
  });

  it('says PGPASSWORD is missing instead of a driver error', async () => {
    const saved = process.env.PGPASSWORD;
    delete process.env.PGPASSWORD;
    try {
      const result = await run([
        'sync',
        ...['--db', 'postgresql://ana@127.0.0.1:1/rumija', '--table', 't', '--project', 'p.geojson'],
      ]);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/^PGPASSWORD tidak diisi: /);
    } finally {
      if (saved !== undefined) process.env.PGPASSWORD = saved;
    }
  });

  it('by default, a server that declines TLS gets no password, and the message says why (also with --tls require)', async () => {
    const plain = await startPlainServer();
    process.env.PGPASSWORD = 'rahasia-jangan-bocor';
    try {
      for (const extra of [[], ['--tls', 'require', '--lang', 'en']]) {
        const result = await run([
          'sync',
          ...['--db', `postgresql://ana@127.0.0.1:${plain.port}/rumija`, '--table', 't', '--project', 'p.geojson'],
          ...extra,
        ]);
        expect(result.code).toBe(6);
        // Indonesian unless English is asked for.
        expect(result.err).toMatch(extra.length ? /does not offer TLS/ : /tidak menawarkan TLS/);
      }
      // Only SSLRequests (8 bytes each) arrived: no startup message, no password.
      expect(plain.received().length).toBe(16);
      expect(plain.received().toString('latin1')).not.toContain('ana');
    } finally {
      delete process.env.PGPASSWORD;
      await plain.close();
    }
  });
});

describe.skipIf(skip !== null)('rumija sync: messages, round trips and conflicts per feature', () => {
  let db: TestDatabase;
  const folder = mkdtempSync(join(tmpdir(), 'rumija-cli-team-'));
  const project = join(folder, 'jalan.geojson');
  let url: string;
  const roads = createDemoDataset().features.filter((feature) => feature.layerId === DEMO_LAYER_IDS.roads);
  const sync = (...extra: string[]) =>
    run(['sync', '--db', url, '--table', 'jalan', '--project', project, ...testTlsArguments(), ...extra]);
  const readProject = () =>
    JSON.parse(readFileSync(project, 'utf8')) as {
      features: { id: string; properties: Record<string, unknown>; geometry: unknown }[];
    };
  const writeProject = (data: unknown) => writeFileSync(project, JSON.stringify(data));

  beforeAll(async () => {
    db = await createTestDatabase();
    const admin = await PostgisSession.open(db.connectionAs('admin'), db.password);
    await admin.publishLayer({ table: 'jalan', name: 'Jalan', kind: 'road', demo: true }, roads);
    await admin.close();
    const connection = db.connectionAs('editorA');
    url = `postgresql://${connection.user}@${connection.host}:${connection.port}/${connection.database}`;
    process.env.PGPASSWORD = db.password;
  });
  afterAll(async () => {
    delete process.env.PGPASSWORD;
    await db?.drop();
  });

  it('a table never published is said so, with the tables that are', async () => {
    const result = await run([
      'sync',
      ...['--db', url, '--table', 'jalan_tidak_ada', '--project', join(folder, 'x.geojson'), ...testTlsArguments()],
    ]);
    expect(result.code).toBe(6);
    expect(result.err).toMatch(/^Basis data tim: Tidak ada lapisan terbit dengan nama tabel itu di server/);
    expect(result.err).toMatch(/jalan_tidak_ada; terbit: jalan/);
    expect(result.err).not.toMatch(/tidak ada lagi di server/);
    const english = await run([
      'sync',
      ...['--db', url, '--table', 'jalan_tidak_ada', '--project', join(folder, 'x.geojson'), ...testTlsArguments()],
      ...['--lang', 'en'],
    ]);
    expect(english.code).toBe(6);
    expect(english.err).toMatch(/^Team database: No layer is published under that table name on the server/);
    expect(english.err).toMatch(/jalan_tidak_ada; published: jalan/);
  });

  it('a bad value in a push names the feature and the field, and nothing is sent', async () => {
    expect((await sync()).code).toBe(0);
    const current = readProject();
    const bad = current.features[0]!;
    bad.properties.condition = 'jelek';
    current.features[1]!.properties.name = 'Perubahan yang baik';
    writeProject(current);
    const refused = await sync();
    expect(refused.code).toBe(6);
    expect(refused.err).toMatch(
      new RegExp(`(fitur|feature) ${bad.id}, condition: (nilai tidak dikenal|unknown value) "jelek"`),
    );
    const server = await db.superQuery<{ n: string }>(`SELECT count(*)::text AS n FROM rumija.jalan WHERE version > 1`);
    expect(server.rows[0]!.n).toBe('0');
    bad.properties.condition = 'baik';
    writeProject(current);
    expect((await sync()).code).toBe(0);
  });

  it('--take decides conflicts per feature id; an id with no conflict is refused', async () => {
    const current = readProject();
    const [a, b] = [current.features[4]!, current.features[5]!];
    a.properties.name = 'A dari CLI';
    b.properties.name = 'B dari CLI';
    writeProject(current);
    await db.superQuery(`UPDATE rumija.jalan SET name = 'dari kantor' WHERE fid = ANY($1)`, [[a.id, b.id]]);
    expect((await sync()).code).toBe(5);
    const unknown = await sync('--take', 'bukan-id=mine');
    expect(unknown.code).toBe(3);
    expect(unknown.err).toMatch(/tidak ada konflik yang menunggu untuk: bukan-id \(menunggu: /);
    const decided = await sync('--take', `${a.id}=mine`);
    expect(decided.code).toBe(5);
    expect(decided.err).toContain(`KONFLIK ${b.id}`);
    expect(decided.err).not.toContain(`KONFLIK ${a.id}`);
    expect((await sync('--take', `${b.id}=theirs`)).code).toBe(0);
    const server = await db.superQuery<{ fid: string; name: string }>(
      `SELECT fid, name FROM rumija.jalan WHERE fid = ANY($1) ORDER BY fid = $2 DESC`,
      [[a.id, b.id], a.id],
    );
    expect(server.rows.map((row) => row.name)).toEqual(['A dari CLI', 'dari kantor']);
    expect(readProject().features.find((feature) => feature.id === b.id)!.properties.name).toBe('dari kantor');
  });
});

describe.skipIf(skip !== null)('what a user published comes back as it was', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.drop());

  it('a plain layer keeps its `kind` property; a number in a text column stays a number', async () => {
    const road = createDemoDataset().features.find((feature) => feature.layerId === DEMO_LAYER_IDS.roads)!;
    const numbered: StoredFeature = {
      ...road,
      properties: { ...road.properties, ruasNumber: 601, carriagewayWidthM: '6.5' },
    };
    const plain: StoredFeature = {
      id: 'tiang-1',
      layerId: 'plain',
      geometry: { type: 'Point', coordinates: [123.6, -10.2] },
      properties: { kind: 'tiang listrik', nomor: 7, catatan: '007' },
    };
    const admin = await PostgisSession.open(db.connectionAs('admin'), db.password);
    await admin.publishLayer({ table: 'jalan_angka', name: 'Angka', kind: 'road', demo: false }, [numbered]);
    await admin.publishLayer({ table: 'titik', name: 'Titik', kind: 'plain', demo: false }, [plain]);
    const roadBack = (await admin.readLayer('jalan_angka')).features[0]!;
    const plainBack = (await admin.readLayer('titik')).features[0]!;
    expect(roadBack.properties).toEqual(numbered.properties);
    expect(plainBack.properties).toEqual(plain.properties);
    // QGIS and SQL see the column as text, as its type says.
    const column = await db.superQuery<{ ruas_number: string }>('SELECT ruas_number FROM rumija.jalan_angka');
    expect(column.rows[0]!.ruas_number).toBe('601');
    // Changed there, the column's value wins over the kept original.
    await db.superQuery(`UPDATE rumija.jalan_angka SET ruas_number = 'P-601'`);
    expect((await admin.readLayer('jalan_angka')).features[0]!.properties.ruasNumber).toBe('P-601');
    // Pushed again (an edit of another field), the plain layer's kind is still there.
    const pushed = await admin.push('titik', 'plain', {
      puts: [{ feature: { ...plain, properties: { ...plain.properties, nomor: 8 } }, baseVersion: 1 }],
      deletes: [],
    });
    expect(pushed.written).toEqual([{ id: 'tiang-1', version: 2 }]);
    expect((await admin.readLayer('titik')).features[0]!.properties).toEqual({ ...plain.properties, nomor: 8 });
    const refused = await admin
      .push('jalan_angka', 'road', {
        puts: [
          { feature: { ...numbered, properties: { ...numbered.properties, rumijaWidthM: 'lebar' } }, baseVersion: 2 },
        ],
        deletes: [],
      })
      .catch((error: unknown) => error);
    expect((refused as PostgisError).failure).toBe('bad-value');
    expect((refused as PostgisError).message).toContain(`fitur ${road.id}, rumijaWidthM: harus angka`);
    await admin.close();
  });
});

if (skip) it.skip(`PostGIS CLI: ${skip}`, () => undefined);
