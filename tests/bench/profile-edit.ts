import { launchChromium, loadSharedModuleInPage, startPreview } from './browser';
(async () => {
  const preview = await startPreview(5191);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript({ content: 'window.__name = (target) => target;' });
  await page.goto(preview.url);
  await page.waitForFunction(() => (window as any).rumijaStore?.getSnapshot().status === 'ready' && (window as any).rumijaMap?.loaded(), null, { timeout: 60000 });
  await loadSharedModuleInPage(page, 'shared/demo/synthetic-network.ts');
  await page.evaluate(async () => {
    const w = window as any;
    const { layer, features } = w.RumijaBench.createSyntheticRoadNetwork(200000, 2026);
    await w.rumijaStore.addLayer(layer, features);
    const map = w.rumijaMap;
    const f = features[1234];
    map.jumpTo({ center: f.geometry.coordinates[0], zoom: 15 });
    await new Promise<void>((resolve) => { const check = () => (map.loaded() && map.areTilesLoaded() ? resolve() : map.once('idle', check)); map.once('idle', check); });
  });
  page.on('console', (message) => console.log('page:', message.text()));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const t = await page.evaluate(async () => {
    const w = window as any;
    const t0 = performance.now();
    await w.rumijaStore.editProperties('synthetic-roads-1234', { condition: 'baik' });
    const t1 = performance.now();
    const tt = performance.now();
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    console.log('next frame after', (performance.now() - tt).toFixed(0));
    await new Promise((r) => setTimeout(r, 1500));
    console.log(performance.getEntriesByType('measure').filter((e) => e.name.startsWith('rumija:edit')).map((e) => `${e.name} ${e.duration.toFixed(0)}`).join(', '));
    return t1 - t0;
  });
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
  const dt = profile.timeDeltas!;
  profile.samples!.forEach((id: number, i: number) => {
    const n: any = byId.get(id);
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  console.log('edit stored ms', t.toFixed(0));
  console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k}`).join('\n'));
  await browser.close();
  preview.stop();
})();
