import type { Page } from '@playwright/test';
import type { createSyntheticRoadNetwork } from '#shared/demo/synthetic-network';
import { launchChromium, loadSharedModuleInPage, startPreview } from './browser';

declare global {
  interface Window {
    RumijaBench: { createSyntheticRoadNetwork: typeof createSyntheticRoadNetwork };
  }
}

interface RoadNetworkFigures {
  segments: number;
  storeMs: number;
  renderMs: number;
  tableOpenMs: number;
  sortMs: number;
  scrollFrameMs: number;
  reloadMs: number;
  heapMb: number;
  /** One attribute edit at street zoom: stored (the call returns) and drawn (the tile shows it); undo the same. */
  /** Median frame while panning, at the province view and at street zoom (SwiftShader renders on the CPU). */
  panFrameProvinceMs: number;
  panFrameStreetMs: number;
  editStoredMs: number;
  editDrawnMs: number;
  undoDrawnMs: number;
  coldStartMs: number;
}

/** Waits until the map draws feature `id` of a layer with `condition` (tiled or GeoJSON source alike). */
function drawnWith(layerId: string, id: string, condition: string) {
  return new Promise<void>((resolve) => {
    const map = window.rumijaMap!;
    const check = () => {
      const source = `data:${layerId}`;
      const tiled = map.getSource(source)?.type === 'vector';
      const found = map.querySourceFeatures(source, {
        sourceLayer: tiled ? 'features' : undefined,
        filter: ['==', ['get', 'fid'], id],
      });
      if (found.length > 0 && found.every((feature) => feature.properties.condition === condition)) resolve();
      else requestAnimationFrame(check);
    };
    check();
  });
}

async function waitForIdle(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.rumijaMap!;
        const check = () =>
          map.loaded() && map.areTilesLoaded() && !map.isMoving() ? resolve() : map.once('idle', check);
        map.once('idle', check);
        map.triggerRepaint();
      }),
  );
}

const nextFrames = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))),
      ),
  );

async function measure(url: string, segments: number): Promise<RoadNetworkFigures> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // tsx compiles with keepNames, which wraps functions passed to page.evaluate in __name().
    await page.addInitScript({ content: 'window.__name = (target) => target;' });
    await page.addInitScript({ content: `window.drawnWith = ${drawnWith.toString()};` });
    let started = Date.now();
    await page.goto(url);
    await page.waitForFunction(
      () => window.rumijaStore?.getSnapshot().status === 'ready' && window.rumijaMap?.loaded(),
      null,
      { timeout: 60_000 },
    );
    await waitForIdle(page);
    const coldStartMs = Date.now() - started;
    await loadSharedModuleInPage(page, 'shared/demo/synthetic-network.ts');
    const layer = { id: 'synthetic-roads' };

    const timings = await page.evaluate(async (segmentCount) => {
      const { layer, features } = window.RumijaBench.createSyntheticRoadNetwork(segmentCount, 2026);
      const started = performance.now();
      await window.rumijaStore!.document.addLayer(layer, features);
      const stored = performance.now();
      await new Promise<void>((resolve) => {
        const map = window.rumijaMap!;
        const check = () =>
          map.isSourceLoaded(`data:${layer.id}`) && map.loaded() ? resolve() : map.once('idle', check);
        map.once('idle', check);
      });
      return { storeMs: stored - started, renderMs: performance.now() - stored };
    }, segments);

    started = await page.evaluate(() => performance.now());
    await page.getByTestId(`layer-table-${layer.id}`).click();
    await page.locator('[data-testid="table-row"]').first().waitFor();
    const tableOpenMs = (await nextFrames(page)) - started;

    // The sort is timed from a settled screen: the map redraws at its new height after the table opened.
    await waitForIdle(page);
    started = await page.evaluate(() => performance.now());
    await page.getByTestId('sort-name').click();
    await page.waitForFunction(() => document.querySelector('[aria-sort="ascending"]') !== null);
    const sortMs = (await nextFrames(page)) - started;

    const scrollFrameMs = await page.evaluate(async () => {
      const scroller = document.querySelector('[data-testid="table-scroll"]') as HTMLElement;
      const frames: number[] = [];
      for (let step = 1; step <= 20; step++) {
        const before = performance.now();
        scroller.scrollTop = (scroller.scrollHeight * step) / 21;
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        frames.push(performance.now() - before);
      }
      frames.sort((a, b) => a - b);
      return frames[Math.floor(frames.length / 2)] ?? Number.NaN;
    });

    started = Date.now();
    await page.reload();
    await page.waitForFunction(
      (id) =>
        window.rumijaStore?.getSnapshot().status === 'ready' &&
        window.rumijaMap?.loaded() &&
        window.rumijaMap.isSourceLoaded(`data:${id}`),
      layer.id,
      { timeout: 120_000 },
    );
    await waitForIdle(page);
    const reloadMs = Date.now() - started;
    const reloadParts = await page.evaluate(() =>
      performance
        .getEntriesByType('measure')
        .filter((entry) => entry.name.startsWith('rumija:'))
        .map((entry) => `${entry.name.slice(7)} ${entry.duration.toFixed(0)} ms (at ${entry.startTime.toFixed(0)})`)
        .join(', '),
    );
    console.log(`  ${segments} segments, reload: ${reloadParts}`);
    const heapMb = await page.evaluate(
      () => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1048576,
    );
    const panFrames = (zoom: number) =>
      page.evaluate(async (zoom) => {
        const map = window.rumijaMap!;
        map.jumpTo({ center: [122.2, -9.4], zoom });
        await new Promise<void>((resolve) => map.once('idle', () => resolve()));
        const frames: number[] = [];
        for (let step = 0; step < 12; step++) {
          const before = performance.now();
          map.panBy([40, 0], { animate: false });
          await new Promise<void>((resolve) => map.once('render', () => resolve()));
          await new Promise((resolve) => requestAnimationFrame(resolve));
          frames.push(performance.now() - before);
        }
        frames.sort((a, b) => a - b);
        return frames[Math.floor(frames.length / 2)]!;
      }, zoom);
    const panFrameProvinceMs = await panFrames(7);
    const panFrameStreetMs = await panFrames(15);
    const edit = await page.evaluate(async (layerId) => {
      const store = window.rumijaStore!;
      const map = window.rumijaMap!;
      const feature = store.getSnapshot().featuresByLayer.get(layerId)![1234]!;
      const start = (feature.geometry as unknown as { coordinates: [number, number][] }).coordinates[0]!;
      map.jumpTo({ center: start, zoom: 15 });
      await new Promise<void>((resolve) => map.once('idle', () => resolve()));
      const before = String(feature.properties.condition);
      const after = before === 'baik' ? 'rusak_berat' : 'baik';
      const draw = (window as unknown as { drawnWith: (l: string, i: string, c: string) => Promise<void> }).drawnWith;
      await draw(layerId, feature.id, before);
      const t0 = performance.now();
      await store.document.editProperties(feature.id, { condition: after });
      const stored = performance.now();
      await draw(layerId, feature.id, after);
      const drawn = performance.now();
      await store.history.undo();
      await draw(layerId, feature.id, before);
      const undone = performance.now();
      const parts = performance
        .getEntriesByType('measure')
        .filter((entry) => /^rumija:edit-(write|shown)$/.test(entry.name))
        .slice(-2)
        .map((entry) => `${entry.name.slice(7)} ${entry.duration.toFixed(0)} ms`)
        .join(', ');
      return { editStoredMs: stored - t0, editDrawnMs: drawn - t0, undoDrawnMs: undone - drawn, editParts: parts };
    }, layer.id);
    console.log(`  ${segments} segments, edit: ${edit.editParts}`);
    // The same edit with the attribute table open and sorted, as a planner edits in the table: the rows are patched,
    // not sorted again.
    await page.getByTestId(`layer-table-${layer.id}`).click();
    await page.locator('[data-testid="table-row"]').first().waitFor();
    await page.getByTestId('sort-name').click();
    await page.waitForFunction(() => document.querySelector('[aria-sort="ascending"]') !== null);
    await waitForIdle(page);
    const tableEditMs = await page.evaluate(async (layerId) => {
      const store = window.rumijaStore!;
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const feature = store.getSnapshot().featuresByLayer.get(layerId)![2000 + i]!;
        const t0 = performance.now();
        await store.document.editProperties(feature.id, { name: `${String(feature.properties.name)} (diperiksa)` });
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        times.push(performance.now() - t0);
      }
      return times.sort((a, b) => a - b)[2]!;
    }, layer.id);
    console.log(
      `  ${segments} segments, edit of a name with the table open and sorted by name, to the next frame: ${tableEditMs.toFixed(0)} ms (median of 5)`,
    );
    return {
      segments,
      ...timings,
      tableOpenMs,
      sortMs,
      scrollFrameMs,
      reloadMs,
      heapMb,
      panFrameProvinceMs,
      panFrameStreetMs,
      ...edit,
      coldStartMs,
    };
  } finally {
    await browser.close();
  }
}

export async function benchmarkRoadNetwork(sizes = [20_000, 200_000]) {
  const preview = await startPreview();
  try {
    const results: RoadNetworkFigures[] = [];
    for (const size of sizes) results.push(await measure(preview.url, size));
    const fmt = (value: number) => value.toFixed(0).padStart(8);
    console.log('\nRoad network in the app (Chromium, SwiftShader WebGL, this machine)');
    console.log(
      'segments   store ms  render ms  table ms   sort ms  scroll frame ms  reload ms  heap MB  edit stored  edit drawn  undo drawn',
    );
    for (const r of results) {
      console.log(
        `${String(r.segments).padStart(8)} ${fmt(r.storeMs)}   ${fmt(r.renderMs)} ${fmt(r.tableOpenMs)} ${fmt(r.sortMs)}         ${r.scrollFrameMs.toFixed(1).padStart(8)} ${fmt(r.reloadMs)} ${fmt(r.heapMb)}     ${fmt(r.editStoredMs)}    ${fmt(r.editDrawnMs)}    ${fmt(r.undoDrawnMs)}`,
      );
    }
    console.log(`cold start on the demo to map idle: ${results.map((r) => `${r.coldStartMs} ms`).join(', ')}`);
    for (const r of results)
      console.log(
        `${r.segments} segments, median frame while panning: ${r.panFrameProvinceMs.toFixed(0)} ms at zoom 7, ${r.panFrameStreetMs.toFixed(0)} ms at zoom 15`,
      );
    if (results.length === 2) {
      const [base, big] = results as [RoadNetworkFigures, RoadNetworkFigures];
      const ratio = (key: keyof RoadNetworkFigures) => (big[key] / Math.max(1, base[key])).toFixed(1);
      console.log(
        `ratio ${big.segments}/${base.segments} (×${big.segments / base.segments} data): store ×${ratio('storeMs')}, render ×${ratio('renderMs')}, table ×${ratio('tableOpenMs')}, sort ×${ratio('sortMs')}, scroll frame ×${ratio('scrollFrameMs')}, reload ×${ratio('reloadMs')}`,
      );
    }
    return results;
  } finally {
    preview.stop();
  }
}
