/**
 * Import benchmark: a ~100 MB GeoJSON and a 1 000 000-row CSV.
 *  - Node: parse + validate (+ safe repairs) with prepareImport, peak memory per case in its own process,
 *    against the floor of a bare JSON.parse / Papa.parse of the same text.
 *  - Browser: the app's whole path (worker parse + validate, then one Dexie transaction) in Chromium.
 * Prints figures; asserts nothing.
 */
import { fork } from 'node:child_process';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { prepareImport } from '#shared/io/import-file';
import { createLargeCsvText, createLargeGeoJsonText } from '#shared/demo/synthetic-files';
import { launchChromium, loadSharedModuleInPage, startPreview } from './browser';
import { ProblemError } from '../../shared/messages/problem';

const GEOJSON_MB = 100;
const CSV_ROWS = 1_000_000;
const environment = {
  parseXml: () => {
    throw new Error('no XML here');
  },
};

type CaseName = 'geojson' | 'csv';

async function runCase(name: CaseName) {
  const text = name === 'geojson' ? createLargeGeoJsonText(GEOJSON_MB) : createLargeCsvText(CSV_ROWS);
  const bytes = new TextEncoder().encode(text);
  let started = performance.now();
  if (name === 'geojson') JSON.parse(text);
  else Papa.parse(text, { header: true, skipEmptyLines: 'greedy' });
  const floorSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const result = await prepareImport(
    { name: name === 'geojson' ? 'besar.geojson' : 'besar.csv', bytes },
    'bench',
    1,
    environment,
  );
  const seconds = (performance.now() - started) / 1000;
  if (!result.ok) throw new ProblemError(result.error);
  process.send!({
    name,
    megabytes: bytes.byteLength / 1048576,
    features: result.value.features.length,
    floorSeconds,
    seconds,
    peakMb: process.resourceUsage().maxRSS / 1024,
  });
}

function runInChild(name: CaseName): Promise<Record<string, number | string>> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--case', name], { execArgv: ['--import', 'tsx', '--max-old-space-size=12000'] });
    child.on('message', (message) => resolve(message as Record<string, number | string>));
    child.on('exit', (code) => (code ? reject(new Error(`${name} exited with ${code}`)) : undefined));
  });
}

declare global {
  interface Window {
    RumijaFiles: {
      createLargeGeoJsonText: typeof createLargeGeoJsonText;
      createLargeCsvText: typeof createLargeCsvText;
    };
  }
}

async function inBrowser(page: Page, name: CaseName) {
  return page.evaluate(
    async ({ name, megabytes, rows }) => {
      const text =
        name === 'geojson'
          ? window.RumijaFiles.createLargeGeoJsonText(megabytes)
          : window.RumijaFiles.createLargeCsvText(rows);
      const bytes = new TextEncoder().encode(text);
      const started = performance.now();
      const store = window.rumijaStore!;
      const [failure] = await store.imports.prepare([
        { name: name === 'geojson' ? 'besar.geojson' : 'besar.csv', bytes },
      ]);
      const outcome =
        failure ?? (await store.imports.confirm({ kind: 'plain', sources: {}, defaults: {} }, 'benchmark'));
      const seconds = (performance.now() - started) / 1000;
      // Then drawn (the map idle with the layer's source loaded) and the table open on its first rows.
      const layerId = outcome.ok ? outcome.layerId : '';
      await new Promise<void>((resolve) => {
        const map = window.rumijaMap!;
        const check = () =>
          !outcome.ok || (map.isSourceLoaded(`data:${layerId}`) && map.loaded() && map.areTilesLoaded())
            ? resolve()
            : map.once('idle', check);
        check();
      });
      const drawnSeconds = (performance.now() - started) / 1000;
      (document.querySelector(`[data-testid="layer-table-${layerId}"]`) as HTMLElement | null)?.click();
      await new Promise<void>((resolve) => {
        const check = () =>
          !outcome.ok || document.querySelector('[data-testid="table-row"]') ? resolve() : requestAnimationFrame(check);
        check();
      });
      const tableSeconds = (performance.now() - started) / 1000;
      const parts = performance
        .getEntriesByType('measure')
        .filter((entry) => entry.name.startsWith('rumija:'))
        .map((entry) => `${entry.name.slice(7)} ${(entry.duration / 1000).toFixed(2)} s`)
        .join(', ');
      const heapMb =
        ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1048576;
      return {
        ok: outcome.ok,
        count: outcome.ok ? outcome.count : 0,
        error: outcome.ok ? null : outcome.error,
        seconds,
        drawnSeconds,
        tableSeconds,
        heapMb,
        parts,
      };
    },
    { name, megabytes: GEOJSON_MB, rows: CSV_ROWS },
  );
}

export async function benchmarkImport() {
  const geojson = await runInChild('geojson');
  const csv = await runInChild('csv');
  const f = (value: unknown, digits = 2) => Number(value).toFixed(digits);
  console.log('\nImport, parse + validate (Node, one thread)');
  for (const r of [geojson, csv]) {
    console.log(
      `${String(r.name).padEnd(8)} ${f(r.megabytes, 0)} MB, ${r.features} features: ${f(r.seconds)} s, peak ${f(r.peakMb, 0)} MB; ` +
        `bare ${r.name === 'geojson' ? 'JSON.parse' : 'Papa.parse'} ${f(r.floorSeconds)} s → ×${f(Number(r.seconds) / Number(r.floorSeconds), 1)}`,
    );
  }
  const preview = await startPreview(5191);
  const browser = await launchChromium();
  try {
    console.log('Import in the app (Chromium: worker parse + validate, one Dexie transaction)');
    for (const name of ['geojson', 'csv'] as const) {
      const page = await browser.newPage();
      await page.addInitScript({ content: 'window.__name = (target) => target;' });
      await page.goto(preview.url);
      await page.waitForFunction(() => window.rumijaStore?.getSnapshot().status === 'ready', null, { timeout: 60_000 });
      await loadSharedModuleInPage(page, 'shared/demo/synthetic-files.ts', 'RumijaFiles');
      const result = await inBrowser(page, name);
      console.log(
        `${name.padEnd(8)} ${result.ok ? `${result.count} features` : `FAILED: ${result.error}`}: stored ${f(result.seconds)} s, drawn ${f(result.drawnSeconds)} s, table ready ${f(result.tableSeconds)} s (file in → result out), page heap after ${f(result.heapMb, 0)} MB\n         (${result.parts})`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
    preview.stop();
  }
}

const caseIndex = process.argv.indexOf('--case');
if (caseIndex > 0) void runCase(process.argv[caseIndex + 1] as CaseName);
