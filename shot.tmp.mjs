import { chromium } from '@playwright/test';
const args = ['--no-sandbox','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--disable-quic','--use-angle=swiftshader','--enable-unsafe-swiftshader'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
await page.goto('http://127.0.0.1:4181/');
await page.waitForFunction(() => window.rumijaMap?.loaded() && window.rumijaStore?.getSnapshot().status === 'ready', null, { timeout: 30000 });
for (const z of [12, 13, 14, 15, 16]) {
  await page.evaluate((z) => { window.rumijaMap.jumpTo({ center: [123.63, -10.17], zoom: z }); }, z);
  await page.evaluate(() => new Promise((r) => window.rumijaMap.once('idle', r)));
  const info = await page.evaluate(() => window.rumijaMap.queryRenderedFeatures([500, 350]).map((f) => f.layer.id).join(','));
  console.log(z, info);
}
await page.screenshot({ path: '/tmp/z16.png' });
await browser.close();
