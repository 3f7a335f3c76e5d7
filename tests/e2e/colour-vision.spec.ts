import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { differenceCiede2000 } from 'culori';
import { unzipSync } from 'fflate';
import { spawnSync } from 'node:child_process';
import { openApp, pngPixels, savedFile, screenshot, waitForMapIdle } from './helpers';
import { frameRoad } from './road-pixels';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';

/**
 * Issue #38: with the story editor's "simulate colour vision" set to greyscale, the screen (what a presenter sees and
 * a greyscale reader would) shows the four condition classes in lightness order, better road lighter. Pixels are read
 * from Playwright's screenshot of the page, so the CSS filter over the map is included.
 */
const demo = createDemoDataset();
const CONDITIONS = ['baik', 'sedang', 'rusak_ringan', 'rusak_berat'] as const;

/**
 * The darkest grey along the middle of a road's first edge in a screenshot (dashes are darker than their gaps),
 * framed first unless it is shown as a slide.
 */
async function greyAlong(page: Page, id: string, frame = true) {
  if (frame) await frameRoad(page, id);
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
  // A slide is exported at the window's size: a hearing's projector size.
  await page.setViewportSize({ width: 1920, height: 1080 });
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
  for (const [index, condition] of CONDITIONS.entries()) {
    const road = plain.find((f) => f.properties.condition === condition)!;
    greys.push(await greyAlong(page, road.id));
    if (condition === 'rusak_berat') await screenshot(page, 'colour-vision-greyscale-map');
    await page.getByTestId('slide-add').click();
    await expect(page.getByTestId(`slide-${index}`)).toBeVisible();
  }
  // The same four views presented as slides, as the hearing room sees them (title card, full screen).
  const onSlides: number[] = [];
  for (const [index, condition] of CONDITIONS.entries()) {
    await page.getByTestId(`slide-present-${index}`).click();
    await waitForMapIdle(page);
    const road = plain.find((f) => f.properties.condition === condition)!;
    // The slide's card and legend are seen through the same simulation as the map under them.
    await expect(page.getByTestId('presenter')).toHaveCSS('filter', /rumija-vision-greyscale/);
    onSlides.push(await greyAlong(page, road.id, false));
    if (condition === 'rusak_berat') await screenshot(page, 'colour-vision-greyscale-slide');
    await page.keyboard.press('Escape');
  }
  // Expected greys by hand from the palette (BT.709 luminance, sRGB): 208, 158, 102, 53; some drift allowed.
  for (const [what, values] of [
    ['map', greys],
    ['slide', onSlides],
  ] as const)
    for (let i = 1; i < values.length; i++)
      expect(values[i]!, `${what}: ${CONDITIONS[i]} darker than ${CONDITIONS[i - 1]}: ${values}`).toBeLessThan(
        values[i - 1]! - 20,
      );

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

/**
 * Issue #38: two road layers on one map, one coloured by status and one by condition, as a planner shows village and
 * district roads beside the province's condition. Every class of one must stand apart from every class of the other
 * in each vision, read from the screen through the app's own simulation filter (CIEDE2000 by culori, not the app).
 * Both layers' roads are kabupaten roads, so they are drawn at one width and only colour can tell them apart.
 */
test('a status map beside a condition map: kabupaten and desa apart from baik and sedang in every vision', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  for (const layer of ['demo-assets', 'demo-bridges', 'demo-corridors', 'demo-roads'])
    await page.getByTestId(`layer-visible-${layer}`).uncheck();
  // Four parallel roads 3 km long, 250 m apart, in open country east of Kupang.
  const lines: Record<string, { lat: number; properties: Record<string, string> }> = {
    kabupaten: { lat: -10.04, properties: { status: 'kabupaten', kondisi: 'rusak_ringan' } },
    desa: { lat: -10.0425, properties: { status: 'desa', kondisi: 'rusak_ringan' } },
    baik: { lat: -10.045, properties: { status: 'kabupaten', kondisi: 'baik' } },
    sedang: { lat: -10.0475, properties: { status: 'kabupaten', kondisi: 'sedang' } },
  };
  const folder = mkdtempSync(join(tmpdir(), 'rumija-two-palettes-'));
  const fileOf = (name: string, keys: string[]) => {
    const path = join(folder, `${name}.geojson`);
    const features = keys.map((key, index) => ({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: [123.75, 123.7775].map((lon) => [lon, lines[key]!.lat]) },
      properties: { no_ruas: `K-${index + 1}`, nama_ruas: `Ruas ${key}`, ...lines[key]!.properties },
    }));
    writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }));
    return path;
  };
  for (const [name, keys, styleBy] of [
    ['jalan-status', ['kabupaten', 'desa'], 'status'],
    ['jalan-kondisi', ['baik', 'sedang'], 'condition'],
  ] as const) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-files').click();
    await (await chooser).setFiles(fileOf(name, [...keys]));
    await page.getByTestId('preview-kind').selectOption('road');
    await page.getByTestId('preview-import').click();
    await expect(page.getByTestId('import-outcome')).toContainText(`2 fitur diimpor dari ${name}.geojson`);
    const id = await page.evaluate(
      (layerName) => window.rumijaStore!.getSnapshot().layers.find((layer) => layer.name === layerName)!.id,
      name,
    );
    await page.getByTestId(`layer-${id}`).getByRole('combobox').selectOption(styleBy);
  }
  await page.evaluate(() => window.rumijaMap!.jumpTo({ center: [123.76375, -10.04375], zoom: 14 }));
  await waitForMapIdle(page);
  const along = await page.evaluate(
    (rows) => {
      const map = window.rumijaMap!;
      const box = map.getCanvas().getBoundingClientRect();
      return Object.fromEntries(
        Object.entries(rows).map(([key, lat]) => [
          key,
          Array.from({ length: 15 }, (_, i) => {
            const point = map.project([123.755 + i * 0.0012, lat]);
            return { x: box.left + point.x, y: box.top + point.y };
          }),
        ]),
      );
    },
    Object.fromEntries(Object.entries(lines).map(([key, { lat }]) => [key, lat])),
  );
  /** The colour most often seen along a road's middle (a road of one class is one colour). */
  const colourOf = async (png: Buffer, key: string) => {
    const counts = new Map<string, number>();
    for (const pixel of await pngPixels(page, png, along[key]!))
      counts.set(pixel.join(','), (counts.get(pixel.join(',')) ?? 0) + 1);
    const [rgb] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const [r, g, b] = rgb.split(',').map((channel) => +channel / 255);
    return { mode: 'rgb' as const, r: r!, g: g!, b: b! };
  };
  const difference = differenceCiede2000();
  await page.getByTestId('tab-story').click();
  await page.getByTestId('story-new').click();
  for (const vision of ['', 'deuteranopia', 'protanopia', 'tritanopia'] as const) {
    await page.getByTestId('story-vision').selectOption(vision);
    await waitForMapIdle(page);
    const png = await page.screenshot();
    if (vision) await screenshot(page, `colour-vision-two-palettes-${vision}`);
    const colours = Object.fromEntries(
      await Promise.all(Object.keys(lines).map(async (key) => [key, await colourOf(png, key)] as const)),
    );
    for (const status of ['kabupaten', 'desa'])
      for (const condition of ['baik', 'sedang']) {
        const distance = difference(colours[status]!, colours[condition]!);
        // The palette keeps them ≥ 15 apart; a little is lost to the screen's rounding.
        expect(distance, `${vision || 'normal'}: ${status} ~ ${condition}`).toBeGreaterThan(13);
      }
  }
});

/**
 * Issue #38: an asset layer exported for Google Earth after the RUMIJA analysis draws each asset as the map does:
 * its zone's shape (a picture in the KMZ) in its zone's colour. GDAL reads the file back; the zones to expect are the
 * app's analysis result, which the export must carry (a zone is computed, not stored).
 */
test('KMZ from the asset table after the analysis: every asset in its zone’s shape and colour', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page);
  await page.getByTestId('tab-analysis').click();
  await page.getByTestId('analysis-corridor').selectOption('demo-corridor-kupang');
  await page.getByTestId('analysis-run').click();
  await expect(page.getByTestId('analysis-results')).toBeVisible({ timeout: 60_000 });
  const expected = await page.evaluate(() => {
    const counts: Record<string, number> = {};
    const snapshot = window.rumijaStore!.getSnapshot();
    for (const asset of snapshot.featuresByLayer.get('demo-assets') ?? []) {
      const zone = snapshot.analysis.resultByAsset.get(asset.id)?.zone ?? 'unanalysed';
      counts[zone] = (counts[zone] ?? 0) + 1;
    }
    return counts;
  });
  expect(Object.keys(expected).length).toBeGreaterThanOrEqual(3);

  await page.getByTestId('tab-layers').click();
  await page.getByTestId('layer-table-demo-assets').click();
  await page.getByTestId('table-export').click();
  await page.getByTestId('export-format').selectOption('kmz');
  const file = await savedFile(page, 'export-save');
  const result = spawnSync(
    'ogrinfo',
    [
      '-ro',
      '-q',
      '--config',
      'LIBKML_RESOLVE_STYLE',
      'YES',
      file,
      '-sql',
      'SELECT OGR_STYLE FROM "Aset utilitas (demo sintetis)"',
    ],
    { encoding: 'utf8' },
  );
  expect(result.status, result.stderr).toBe(0);
  const shapeOf: Record<string, string> = {
    rumaja: 'square',
    rumija: 'diamond',
    ruwasja: 'triangle',
    luar: 'triangle-down',
    unanalysed: 'cross',
  };
  const colourOf: Record<string, string> = {
    rumaja: '701759',
    rumija: 'AC4E96',
    ruwasja: 'EA81B2',
    luar: 'A8DCFF',
    unanalysed: '56715F',
  };
  const read: Record<string, number> = {};
  for (const [, id, colour] of result.stdout.matchAll(
    /OGR_STYLE \(String\) = .*SYMBOL\(id:"files\/([\w-]+)\.png",c:#(\w{6})FF/g,
  )) {
    const zone =
      Object.keys(shapeOf).find((key) => shapeOf[key] === id && colourOf[key] === colour) ?? `${id} ${colour}`;
    read[zone] = (read[zone] ?? 0) + 1;
  }
  expect(read).toEqual(expected);
});
