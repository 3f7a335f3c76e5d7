/**
 * Team database sync: 10 000 changed features between two desktops through a real PostgreSQL + PostGIS server.
 * In process (the sync code the app and the CLI run, over pg): publish and clone a 20 000-segment OSM-like network,
 * push 10 000 changes, pull them on the other desktop, 10 000 conflicts found and resolved; beside a baseline that
 * pushes the same changes one UPDATE at a time (the usual way), in the same process. Then end to end through the
 * UI (browser build, two pages, the web server's bridge): publish, open, Sync with 10 000 changes, Sync on the
 * other page until the changes are in its layer. Prints figures; asserts only that each step did what it should.
 */
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { createSyntheticRoadNetwork } from '#shared/demo/synthetic-network';
import { applyToCopy, type LocalCopy } from '#shared/postgis/local-copy';
import { outgoingChanges, resolveConflict } from '#shared/postgis/sync-plan';
import type { StoredFeature } from '#shared/model/layer';
import { PostgisSession } from '../../electron/main/postgis/postgis-session';
import { createTestDatabase, type TestDatabase } from '../setup/postgis-test-db';
import { openDesktop } from '../setup/team-desktop';
import { launchChromium, loadSharedModuleInPage, startPreview } from './browser';

const SEGMENTS = 20_000;
const CHANGED = 10_000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

/** Starts a private server when none is given (RUMIJA_PG_PORT), as `npm test` does. */
function ensureServer(): () => void {
  if (process.env.RUMIJA_PG_PORT) return () => undefined;
  const env = { ...process.env, RUMIJA_PG_PORT: '55439' };
  const printed = execFileSync('bash', ['tests/setup/postgis-server.sh', 'start'], { env, encoding: 'utf8' });
  for (const line of printed.trim().split('\n')) {
    const [key, value] = line.split('=');
    process.env[key!] = value;
  }
  return () => execFileSync('bash', ['tests/setup/postgis-server.sh', 'stop'], { env });
}

const desktop = (db: TestDatabase, user: 'editorA' | 'editorB', table: string) => openDesktop(db, user, table, 'bench');

/** 10 000 features changed as a survey update would: condition and surface, and every tenth one reshaped. */
function changeFeatures(copy: LocalCopy, label: string) {
  let index = 0;
  for (const feature of [...copy.features.values()].slice(0, CHANGED)) {
    const reshaped = index++ % 10 === 0;
    const geometry = feature.geometry as { type: 'LineString'; coordinates: number[][] };
    copy.features.set(feature.id, {
      ...feature,
      geometry: reshaped
        ? { ...geometry, coordinates: geometry.coordinates.map(([x, y]) => [x! + 0.00001, y!]) }
        : feature.geometry,
      properties: { ...feature.properties, condition: 'rusak_ringan', surface: 'beton', name: `${label} ${index}` },
    });
  }
}

async function inProcess(db: TestDatabase) {
  const { features } = createSyntheticRoadNetwork(SEGMENTS, 19);
  const vertices = features.reduce((sum, f) => sum + (f.geometry as { coordinates: unknown[] }).coordinates.length, 0);
  console.log(`network: ${SEGMENTS} segments, ${vertices} vertices (synthetic, OSM-like)`);
  const admin = await PostgisSession.open(db.connectionAs('admin'), db.password);
  const [, publishMs] = await timed(() =>
    admin.publishLayer({ table: 'jalan_bench', name: 'Bench', kind: 'road', demo: false }, features),
  );
  console.log(`publish ${SEGMENTS} segments (one transaction): ${seconds(publishMs)}`);
  const [a, cloneMs] = await timed(() => desktop(db, 'editorA', 'jalan_bench'));
  const b = await desktop(db, 'editorB', 'jalan_bench');
  console.log(`open (read ${SEGMENTS} segments into a local copy): ${seconds(cloneMs)}`);

  changeFeatures(a.copy, 'A');
  const [pushed, pushMs] = await timed(() => a.sync());
  if (pushed.pushed !== CHANGED) throw new Error(`pushed ${pushed.pushed}, not ${CHANGED}`);
  const [pulled, pullMs] = await timed(() => b.sync());
  if (pulled.taken !== CHANGED) throw new Error(`pulled ${pulled.taken}, not ${CHANGED}`);
  console.log(
    `sync with ${CHANGED} changed features: push ${seconds(pushMs)}, pull on the other desktop ${seconds(pullMs)}`,
  );

  // Baseline: the same 10 000 changes pushed one UPDATE per feature (version-checked, one transaction).
  changeFeatures(a.copy, 'A2');
  const out = outgoingChanges([...a.copy.features.values()], a.copy.base);
  const baselineMs = await baselinePush(db, out.puts);
  const [, batchedMs] = await timed(() => a.sync());
  console.log(
    `push ${CHANGED} changes: batched ${seconds(batchedMs)} vs one UPDATE per feature ${seconds(baselineMs)} (×${(baselineMs / batchedMs).toFixed(1)})`,
  );

  // Both desktops change the same 10 000 features: the second sync finds 10 000 conflicts.
  await b.sync();
  changeFeatures(a.copy, 'A3');
  changeFeatures(b.copy, 'B3');
  await a.sync();
  const [conflicted, conflictMs] = await timed(() => b.sync());
  if (conflicted.conflicts !== CHANGED) throw new Error(`conflicts ${conflicted.conflicts}, not ${CHANGED}`);
  const [, resolveMs] = await timed(async () => {
    for (const conflict of [...b.copy.conflicts.values()]) {
      applyToCopy(b.copy, resolveConflict('bench', conflict, { take: 'mine' }), null);
      b.copy.conflicts.delete(conflict.id);
    }
    return b.sync();
  });
  console.log(
    `${CHANGED} conflicts found in ${seconds(conflictMs)}; all kept "mine" and pushed in ${seconds(resolveMs)}`,
  );
  await Promise.all([admin.close(), a.session.close(), b.session.close()]);
}

async function baselinePush(db: TestDatabase, puts: { feature: StoredFeature; baseVersion: number | null }[]) {
  const { geojsonToWKT } = await import('@terraformer/wkt');
  const session = await PostgisSession.open(db.connectionAs('editorA'), db.password);
  const client = (session as unknown as { client: import('pg').Client }).client;
  const [, ms] = await timed(async () => {
    await client.query('BEGIN');
    for (const { feature, baseVersion } of puts) {
      const p = feature.properties;
      await client.query(
        `UPDATE rumija.jalan_bench SET geom = ST_GeomFromText($2, 4326), name = $3, condition = $4, surface = $5
          WHERE fid = $1 AND version = $6`,
        [feature.id, geojsonToWKT(feature.geometry), p.name, p.condition, p.surface, baseVersion],
      );
    }
    // Rolled back: the baseline is timed, the real push follows.
    await client.query('ROLLBACK');
  });
  await session.close();
  return ms;
}

async function connectInPage(page: Page, db: TestDatabase, user: 'admin' | 'editorB') {
  const connection = db.connectionAs(user);
  await page.getByTestId('tab-team').click();
  await page.getByTestId('team-host').fill(connection.host);
  await page.getByTestId('team-port').fill(String(connection.port));
  await page.getByTestId('team-database').fill(connection.database);
  await page.getByTestId('team-user').fill(connection.user);
  await page.getByTestId('team-password').fill(db.password);
  await page.getByTestId('team-connect').click();
  await page.getByTestId('team-session').waitFor();
}

async function throughTheUi(db: TestDatabase) {
  const preview = await startPreview(5195);
  const browser = await launchChromium();
  try {
    const open = async () => {
      const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
      // tsx compiles with keepNames, which wraps functions passed to page.evaluate in __name().
      await page.addInitScript({ content: 'window.__name = (target) => target;' });
      await page.goto(preview.url);
      await page.waitForFunction(() => window.rumijaStore?.getSnapshot().status === 'ready', null, {
        timeout: 120_000,
      });
      return page;
    };
    const a = await open();
    await loadSharedModuleInPage(a, 'shared/demo/synthetic-network.ts');
    await a.evaluate(async (count) => {
      const { layer, features } = (
        window as unknown as { RumijaBench: typeof import('../../shared/demo/synthetic-network') }
      ).RumijaBench.createSyntheticRoadNetwork(count, 23, 'ui-bench');
      await window.rumijaStore!.document.addLayer({ ...layer, name: 'Jaringan UI' }, features);
    }, SEGMENTS);
    await connectInPage(a, db, 'admin');
    await a.getByTestId('team-publish-layer').selectOption('ui-bench');
    await a.getByTestId('team-publish-table').fill('jalan_ui');
    const [, publishMs] = await timed(async () => {
      await a.getByTestId('team-publish').click();
      await a.getByTestId('team-link-jalan_ui').waitFor({ timeout: 300_000 });
    });
    const b = await open();
    await connectInPage(b, db, 'editorB');
    const [, openMs] = await timed(async () => {
      await b.getByTestId('team-open-jalan_ui').click();
      await b.getByTestId('team-link-jalan_ui').waitFor({ timeout: 300_000 });
    });
    console.log(
      `UI: publish ${SEGMENTS} segments ${seconds(publishMs)}; open them on the other page ${seconds(openMs)}`,
    );

    const refused = await a.evaluate(async (count) => {
      const store = window.rumijaStore!;
      const features = store.getSnapshot().featuresByLayer.get('ui-bench')!.slice(0, count);
      return store.document
        .editPropertiesMany(
          features.map((feature, index) => ({
            id: feature.id,
            patch: { condition: 'rusak_berat', name: `UI ${index}` },
          })),
        )
        .then(
          () => null,
          (error: Error) => `${error.name}: ${error.message}\n${error.stack}`,
        );
    }, CHANGED);
    if (refused) throw new Error(refused);
    await a
      .getByTestId('team-link-jalan_ui')
      .getByText(/10\.000 perubahan belum dikirim/)
      .waitFor({ timeout: 120_000 });
    const [, pushMs] = await timed(async () => {
      await a.getByTestId('team-sync-jalan_ui').click();
      await a
        .getByTestId('team-message')
        .getByText(/10\.000 perubahan dikirim/)
        .waitFor({ timeout: 300_000 });
    });
    const [, pullMs] = await timed(async () => {
      await b.getByTestId('team-sync-jalan_ui').click();
      await b
        .getByTestId('team-message')
        .getByText(/10\.000 dari rekan diterima/)
        .waitFor({ timeout: 300_000 });
    });
    const changedOnB = await b.evaluate(
      () =>
        [...window.rumijaStore!.getSnapshot().featureById.values()].filter(
          (feature) =>
            String(feature.properties.name).startsWith('UI ') && feature.properties.condition === 'rusak_berat',
        ).length,
    );
    if (changedOnB !== CHANGED) throw new Error(`the other page has ${changedOnB} changed features, not ${CHANGED}`);
    console.log(
      `UI: Sync with ${CHANGED} changed features: click → "sent" ${seconds(pushMs)}; other page click → in its layer ${seconds(pullMs)}`,
    );
  } finally {
    await browser.close();
    preview.stop();
  }
}

export async function benchmarkTeamSync() {
  const stop = ensureServer();
  const db = await createTestDatabase();
  try {
    await inProcess(db);
    await throughTheUi(db);
  } finally {
    await db.drop();
    stop();
  }
}
