import { launchChromium, loadSharedModuleInPage, startPreview } from './browser';

async function main() {
  const preview = await startPreview(5196);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript({ content: 'window.__name = (target) => target;' });
  await page.goto(preview.url);
  await page.waitForFunction(() => (window as any).rumijaStore?.getSnapshot().status === 'ready', null, {
    timeout: 60000,
  });
  await loadSharedModuleInPage(page, 'shared/demo/synthetic-network.ts');
  await page.evaluate(async () => {
    const { layer, features } = (window as any).RumijaBench.createSyntheticRoadNetwork(200000, 2026);
    await (window as any).rumijaStore.document.addLayer(layer, features);
  });
  await page.waitForTimeout(3000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  for (const step of ['open', 'sort', 'edit']) {
    await cdp.send('Profiler.start');
    let t0 = Date.now();
    if (step === 'open') {
      await page.getByTestId('layer-table-synthetic-roads').click();
      await page.locator('[data-testid="table-row"]').first().waitFor();
    } else if (step === 'sort') {
      await page.evaluate(
        () =>
          new Promise<void>((r) => {
            const m = (window as any).rumijaMap;
            const c = () => (m.loaded() && m.areTilesLoaded() ? r() : setTimeout(c, 50));
            c();
          }),
      );
      console.log('map idle after open at', Date.now() - t0, 'ms');
      t0 = Date.now();
      await page.getByTestId('sort-name').click();
      await page.waitForFunction(() => document.querySelector('[aria-sort="ascending"]') !== null);
    } else {
      await page
        .evaluate(async () => {
          const store = (window as any).rumijaStore;
          const feature = store.getSnapshot().featuresByLayer.get('synthetic-roads')[5];
          const t = performance.now();
          await store.document.editProperties(feature.id, { name: 'Diubah' });
          (window as any).editMs = performance.now() - t;
        })
        .catch((e) => console.log('edit failed', e.message));
    }
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const ms = Date.now() - t0;
    const { profile } = await cdp.send('Profiler.stop');
    const self = new Map<string, number>();
    const dt = profile.timeDeltas!;
    const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
    const counts = new Map<number, number>();
    profile.samples!.forEach((id: number, i: number) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
    for (const [id, us] of counts) {
      const n: any = byId.get(id);
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + us / 1000);
    }
    console.log(`== ${step}: ${ms} ms`, step === 'edit' ? await page.evaluate(() => (window as any).editMs) : '');
    [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 18)
      .forEach(([k, v]) => console.log(`  ${v.toFixed(0).padStart(6)} ms  ${k}`));
  }
  await browser.close();
  preview.stop();
}
main();
