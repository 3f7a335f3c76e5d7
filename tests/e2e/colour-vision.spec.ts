import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { openApp, pngPixels, screenshot, waitForMapIdle } from './helpers';
import { frameRoad } from './road-pixels';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';

/**
 * Issue #38: with the story editor's "simulate colour vision" set to greyscale, the screen (what a presenter sees and
 * a greyscale reader would) shows the four condition classes in lightness order, better road lighter. Pixels are read
 * from Playwright's screenshot of the page, so the CSS filter over the map is included.
 */
const demo = createDemoDataset();
const CONDITIONS = ['baik', 'sedang', 'rusak_ringan', 'rusak_berat'] as const;

/** The darkest grey along the middle of a road's first edge in a screenshot (dashes are darker than their gaps). */
async function greyAlong(page: Page, id: string) {
  await frameRoad(page, id);
  const road = demo.features.find((f) => f.id === id)!;
  const [a, b] = (road.geometry as { coordinates: number[][] }).coordinates as [number, number][];
  const points = await page.evaluate(
    ({ from, to }) => {
      const map = window.rumijaMap!;
      const box = map.getCanvas().getBoundingClientRect();
      const [p, q] = [map.project(from), map.project(to)];
      return Array.from({ length: 40 }, (_, i) => {
        const t = 0.25 + (0.5 * i) / 39;
        return { x: box.left + p.x + (q.x - p.x) * t, y: box.top + p.y + (q.y - p.y) * t };
      });
    },
    { from: a!, to: b! },
  );
  const png = await page.screenshot();
  const pixels = await pngPixels(page, png, points);
  for (const [r, g, b] of pixels)
    expect(Math.max(r!, g!, b!) - Math.min(r!, g!, b!), `grey ${r},${g},${b}`).toBeLessThan(6);
  return Math.min(...pixels.map(([r]) => r!));
}

test('greyscale simulation: the four condition classes in lightness order', async ({ page }) => {
  test.setTimeout(300_000);
  await openApp(page);
  for (const layer of ['demo-assets', 'demo-bridges', 'demo-corridors'])
    await page.getByTestId(`layer-visible-${layer}`).uncheck();
  await page.getByTestId('layer-style-demo-roads').selectOption('condition');
  await page.getByTestId('tab-story').click();
  await page.getByTestId('story-new').click();
  await page.getByTestId('story-vision').selectOption('greyscale');
  await waitForMapIdle(page);
  const plain = demo.features.filter((f) => f.properties.kind === 'road' && !f.properties.borderRoute);
  const greys: number[] = [];
  for (const condition of CONDITIONS) {
    const road = plain.find((f) => f.properties.condition === condition)!;
    greys.push(await greyAlong(page, road.id));
    if (condition === 'rusak_berat') await screenshot(page, 'colour-vision-greyscale-map');
  }
  // Expected greys by hand from the palette (BT.709 luminance, sRGB): 208, 158, 102, 53; some drift allowed.
  for (let i = 1; i < greys.length; i++)
    expect(greys[i]!, `${CONDITIONS[i]} darker than ${CONDITIONS[i - 1]}: ${greys}`).toBeLessThan(greys[i - 1]! - 20);

  // Back to normal vision: the same roads in colour again.
  await page.getByTestId('story-vision').selectOption('');
  await expect(page.locator('html')).not.toHaveAttribute('data-vision-simulation', /./);
});

/**
 * Issue #38: what a presenter checks before a hearing, under each simulation — the map (story editor's switch), a
 * slide exported at 1920×1080 (shown through the app's own simulation filter) and a printed sheet (the print
 * preview's switch). The pictures are for looking at; each is also checked to have changed from normal vision.
 */
test.describe('screens under each simulation', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('map, slide and printed sheet under deuteranopia, protanopia, tritanopia and greyscale', async ({ page }) => {
    test.setTimeout(420_000);
    await openApp(page);
    await page.getByTestId('layer-style-demo-roads').selectOption('condition');
    // Zones on the assets, as the RUMIJA analysis gives them; it frames the Kupang corridor.
    await page.getByTestId('tab-analysis').click();
    await page.getByTestId('analysis-corridor').selectOption('demo-corridor-kupang');
    await page.getByTestId('analysis-run').click();
    await expect(page.getByTestId('analysis-results')).toBeVisible({ timeout: 60_000 });
    await page.evaluate(() => window.rumijaMap!.jumpTo({ center: [123.62, -10.17], zoom: 14.5 }));
    await waitForMapIdle(page);

    await page.getByTestId('tab-story').click();
    await page.getByTestId('story-new').click();
    await page.getByTestId('slide-add').click();
    await page.getByTestId('slide-title-0').fill('Kondisi jalan dan zona RUMIJA');
    await page.getByTestId('slide-caption-0').click();
    const visions = ['deuteranopia', 'protanopia', 'tritanopia', 'greyscale'] as const;
    const normal = await page.screenshot();
    for (const vision of visions) {
      await page.getByTestId('story-vision').selectOption(vision);
      await screenshot(page, `colour-vision-${vision}-map`);
      expect(Buffer.compare(await page.screenshot(), normal), vision).not.toBe(0);
    }
    await page.getByTestId('story-vision').selectOption('');

    // The slide as exported, seen through each simulation filter the app defines.
    const download = page.waitForEvent('download', { timeout: 180_000 });
    await page.getByTestId('story-export-png').click();
    const zip = unzipSync(readFileSync((await (await download).path())!));
    const slide = Buffer.from(Object.values(zip)[0]!);
    expect([slide.readUInt32BE(16), slide.readUInt32BE(20)]).toEqual([1920, 1080]);
    await page.evaluate((base64) => {
      const image = document.createElement('img');
      image.src = `data:image/png;base64,${base64}`;
      image.dataset.testid = 'slide-under-simulation';
      Object.assign(image.style, { position: 'fixed', inset: '0', width: '1920px', height: '1080px', zIndex: '9999' });
      document.body.append(image);
    }, slide.toString('base64'));
    await expect(page.getByTestId('slide-under-simulation')).toBeVisible();
    for (const vision of visions) {
      await page.evaluate(
        (id) =>
          (document.querySelector<HTMLElement>('[data-testid="slide-under-simulation"]')!.style.filter = `url(#${id})`),
        `rumija-vision-${vision}`,
      );
      await screenshot(page, `colour-vision-${vision}-slide-1920`);
    }
    await page.evaluate(() => document.querySelector('[data-testid="slide-under-simulation"]')!.remove());

    // The printed sheet in the print preview, with its own switch.
    await page.getByTestId('print-open').click();
    await page.getByTestId('print-preview').click();
    await expect(page.getByTestId('print-preview-image')).toBeVisible({ timeout: 120_000 });
    for (const vision of visions) {
      await page.getByTestId('print-vision').selectOption(vision);
      await expect(page.getByTestId('print-preview-image')).toHaveCSS('filter', new RegExp(`rumija-vision-${vision}`));
      await screenshot(page, `colour-vision-${vision}-sheet`);
    }
  });
});
