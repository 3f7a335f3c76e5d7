/**
 * The province at once: 200 000 road segments (an OSM-like extract, ~3 million vertices) and 1 000 000 utility
 * assets (points, cables, kiosks) stored in the app, then the app reloaded to map idle, and a cold start on the demo
 * for comparison. Prints figures; asserts nothing.
 */
import type { createSyntheticAssets, createSyntheticRoadNetwork } from '#shared/demo/synthetic-network';
import { launchChromium, loadSharedModuleInPage, startPreview } from './browser';

declare global {
  interface Window {
    RumijaProvince: {
      createSyntheticRoadNetwork: typeof createSyntheticRoadNetwork;
      createSyntheticAssets: typeof createSyntheticAssets;
    };
  }
}

/** Map idle with every data source of these layers added and loaded (drawn), not merely a quiet map. */
const idle = (layerIds: string[]) =>
  new Promise<void>((resolve) => {
    const map = window.rumijaMap!;
    const drawn = () =>
      layerIds.every((id) => map.getSource(`data:${id}`) && map.isSourceLoaded(`data:${id}`)) &&
      map.loaded() &&
      map.areTilesLoaded() &&
      !map.isMoving();
    const check = () => (drawn() ? resolve() : setTimeout(check, 20));
    check();
  });

export async function benchmarkProvince(segments = 200_000, assets = 1_000_000) {
  const preview = await startPreview(5192);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript({ content: 'window.__name = (target) => target;' });
    await page.addInitScript({ content: `window.benchIdle = ${idle.toString()};` });
    let started = Date.now();
    await page.goto(preview.url);
    await page.waitForFunction(() => window.rumijaStore?.getSnapshot().status === 'ready', null, { timeout: 60_000 });
    await page.evaluate(() =>
      (window as unknown as { benchIdle: (ids: string[]) => Promise<void> }).benchIdle(['demo-roads', 'demo-assets']),
    );
    const coldStartMs = Date.now() - started;
    await loadSharedModuleInPage(page, 'shared/demo/synthetic-network.ts', 'RumijaProvince');
    const stored = await page.evaluate(
      async ({ segments, assets }) => {
        const bench = window.RumijaProvince;
        const roads = bench.createSyntheticRoadNetwork(segments, 2026);
        const points = bench.createSyntheticAssets(roads.features, assets, 7);
        let t = performance.now();
        await window.rumijaStore!.document.addLayer(roads.layer, roads.features);
        const roadsMs = performance.now() - t;
        t = performance.now();
        await window.rumijaStore!.document.addLayer(points.layer, points.features);
        const assetsMs = performance.now() - t;
        return { roadsMs, assetsMs };
      },
      { segments, assets },
    );
    started = Date.now();
    await page.reload();
    await page.waitForFunction(() => window.rumijaStore?.getSnapshot().status === 'ready', null, { timeout: 120_000 });
    await page.evaluate(() =>
      (window as unknown as { benchIdle: (ids: string[]) => Promise<void> }).benchIdle([
        'demo-roads',
        'synthetic-roads',
        'synthetic-assets',
      ]),
    );
    const reloadMs = Date.now() - started;
    const parts = await page.evaluate(() =>
      performance
        .getEntriesByType('measure')
        .filter((entry) => entry.name.startsWith('rumija:'))
        .map((entry) => `${entry.name.slice(7)} ${entry.duration.toFixed(0)} ms (from ${entry.startTime.toFixed(0)})`)
        .join(', '),
    );
    const heapMb = await page.evaluate(
      () => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1048576,
    );
    console.log(`\nProvince in the app (Chromium, SwiftShader WebGL, this machine)`);
    console.log(`cold start on the demo to map idle: ${coldStartMs} ms`);
    console.log(
      `store ${segments} segments: ${stored.roadsMs.toFixed(0)} ms; store ${assets} assets: ${stored.assetsMs.toFixed(0)} ms`,
    );
    console.log(
      `reload with both to map idle: ${reloadMs} ms (×${(reloadMs / coldStartMs).toFixed(1)} the demo's cold start), heap ${heapMb.toFixed(0)} MB`,
    );
    console.log(`  where the reload went: ${parts}`);
  } finally {
    await browser.close();
    preview.stop();
  }
}
