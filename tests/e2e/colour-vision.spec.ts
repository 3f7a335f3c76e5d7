import { expect, test, type Page } from '@playwright/test';
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
