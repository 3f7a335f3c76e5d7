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
    // The encroachment analysis of the whole province from the app, and the longest the page stops answering while
    // it runs; beside it, the old way's page-side work (packing every feature of the same lists, same process).
    await loadSharedModuleInPage(page, 'shared/model/packed-features.ts', 'RumijaPacked');
    const analysis = await page.evaluate(async () => {
      const store = window.rumijaStore!;
      let longestGap = 0;
      let last = performance.now();
      let running = true;
      const watch = () => {
        const now = performance.now();
        longestGap = Math.max(longestGap, now - last);
        last = now;
        if (running) requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
      const started = performance.now();
      await store.analysis.run({
        scheduleId: store.getSnapshot().tariffs[0]!.id,
        corridorId: null,
        periodYears: 1,
        payingShare: 1,
      });
      const runMs = performance.now() - started;
      running = false;
      const { analysis, layers, featuresByLayer } = store.getSnapshot();
      const visible = (kind: string) =>
        layers
          .filter((layer) => layer.kind === kind && layer.visible)
          .flatMap((layer) => featuresByLayer.get(layer.id)!);
      const pack = (window as unknown as { RumijaPacked: typeof import('#shared/model/packed-features') }).RumijaPacked;
      const packStarted = performance.now();
      for (const kind of ['road', 'corridor', 'asset']) pack.packFeatures(visible(kind));
      const parts = performance
        .getEntriesByType('measure')
        .filter((entry) => entry.name.startsWith('rumija:analysis'))
        .map((entry) => `${entry.name.slice(16)} ${entry.duration.toFixed(0)} ms`)
        .join(', ');
      return {
        parts,
        runMs,
        longestGap,
        oldPackMs: performance.now() - packStarted,
        assets: analysis.results.length,
        status: analysis.status,
      };
    });
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
    console.log(
      `analysis of ${analysis.assets} assets (${analysis.status}): ${analysis.runMs.toFixed(0)} ms; longest the page ` +
        `did not answer: ${analysis.longestGap.toFixed(0)} ms; packing the same features on the page the old way: ` +
        `${analysis.oldPackMs.toFixed(0)} ms`,
    );
    console.log(`  where the analysis went (from its start): ${analysis.parts}`);
  } finally {
    await browser.close();
    preview.stop();
  }
}
