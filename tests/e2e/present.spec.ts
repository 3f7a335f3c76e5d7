import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { gdalNumber, openApp, pngPixels, screenshot, SCREENSHOT_DIR, waitForMapIdle } from './helpers';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';
import { boundsOf, positionsOf } from '#shared/geo/positions-of';
import { phraseBox, underText } from '../unit/pdf-text-box';
import { pdfFonts } from '../unit/print-fonts';

test.use({ viewport: { width: 1920, height: 1080 } });

const demo = createDemoDataset();
const bridges = demo.features.filter((feature) => feature.properties.kind === 'bridge');
const kupangCorridorRoads = demo.features.filter((feature) => feature.properties.ruasNumber === 'P-601');

async function openDemo(page: Page) {
  page.on('pageerror', (error) => console.log('pageerror:', error.message));
  await openApp(page);
  await page.waitForFunction(() => window.rumijaStore?.getSnapshot().status === 'ready');
  await page.waitForFunction(() => Boolean(window.rumijaMap?.getSource('data:demo-bridges')));
}

async function frame(page: Page, ids: string[]) {
  const [west, south, east, north] = boundsOf(
    demo.features.filter((f) => ids.includes(f.id)).flatMap((f) => positionsOf(f.geometry)),
  );
  await page.evaluate(
    (b) =>
      window.rumijaMap!.fitBounds(
        [
          [b[0]!, b[1]!],
          [b[2]!, b[3]!],
        ],
        { padding: 60, duration: 0 },
      ),
    [west, south, east, north],
  );
  await waitForMapIdle(page);
  return [west, south, east, north];
}

/** Waits for the map to stop and the slide's route drawing to finish. */
async function settled(page: Page) {
  await page.waitForFunction(() => !window.rumijaMap!.isMoving(), null, { timeout: 20_000 });
  await expect(page.getByTestId('presenter-distance')).toHaveCount(0, { timeout: 20_000 });
  await waitForMapIdle(page);
}

const selectionIds = (page: Page) => page.evaluate(() => [...window.rumijaStore!.getSnapshot().selection].sort());
const viewContains = (page: Page, bounds: number[]) =>
  page.evaluate((b) => {
    const view = window.rumijaMap!.getBounds();
    return view.contains([b[0]!, b[1]!]) && view.contains([b[2]!, b[3]!]);
  }, bounds);

/** How many colours a PNG has and how much it varies: a blank image has one colour. */
async function pngStatistics(page: Page, bytes: Buffer) {
  return page.evaluate(async (base64) => {
    const blob = await (await fetch(`data:image/png;base64,${base64}`)).blob();
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return { width: bitmap.width, height: bitmap.height, colours: colours.size };
  }, bytes.toString('base64'));
}

/** Length in km of the demo roads of some ruas, by GDAL's SQLite dialect (SpatiaLite ST_Length on the ellipsoid). */
function routeKmByGdal(ruasNumbers: string[]): number {
  const list = ruasNumbers.map((ruas) => `'${ruas}'`).join(', ');
  return gdalNumber(
    'roads',
    demo.features
      .filter((f) => f.properties.kind === 'road')
      .map((f) => ({ geometry: f.geometry, properties: { ruas: f.properties.ruasNumber } })),
    `SELECT SUM(ST_Length(geometry, 1)) / 1000 AS v FROM roads WHERE ruas IN (${list})`,
  );
}

/** Selects the rows a search leaves in a layer's attribute table (Layers → Tabel → search → select all shown). */
async function selectThroughTable(page: Page, layerId: string, search: string, expected: number) {
  await page.getByTestId('tab-layers').click();
  await page.getByTestId(`layer-table-${layerId}`).click();
  await page.getByTestId('table-search').fill(search);
  await expect(page.getByTestId('table-row')).toHaveCount(expected);
  await page.getByTestId('table-zoom-filtered').click();
  await expect(page.getByTestId('table-count')).toContainText(`${expected} dipilih`);
  await page.getByTestId('table-close').click();
  await page.getByTestId('tab-story').click();
  // Back in the story tab, the user picks the story being built if another is shown.
  await page.getByTestId('story-select').selectOption({ label: 'Paparan uji Komisi II' });
  await expect(page.getByTestId('story-title')).toHaveValue('Paparan uji Komisi II');
}

async function download(page: Page, testId: string, timeout = 60_000) {
  const downloaded = page.waitForEvent('download', { timeout });
  await page.getByTestId(testId).click();
  const file = join(mkdtempSync(join(tmpdir(), 'rumija-story-')), (await downloaded).suggestedFilename());
  await (await downloaded).saveAs(file);
  return file;
}

test('build a two-slide story, present it with the keyboard, export PNG and PDF', async ({ page }) => {
  // Three exports and a presentation: a budget that holds on a loaded 2-core machine.
  test.setTimeout(240_000);
  await openDemo(page);
  await page.getByTestId('tab-story').click();
  await page.getByTestId('story-new').click();
  await expect(page.getByTestId('story-title')).toHaveValue('Cerita tanpa judul');
  await page.getByTestId('story-title').fill('Paparan uji Komisi II');
  await page.getByTestId('story-subtitle').click();

  // Slide 1: the bridges, those in bad condition highlighted, with the route of P-101 drawing itself.
  const bridgeBounds = await frame(
    page,
    bridges.map((b) => b.id),
  );
  // Highlighted as a user does it: the bridges table, filtered to "Rusak berat", all rows selected.
  const highlighted = bridges
    .filter((b) => b.properties.condition === 'rusak_berat')
    .map((b) => b.id)
    .sort();
  await selectThroughTable(page, 'demo-bridges', 'Rusak berat', highlighted.length);
  await frame(
    page,
    bridges.map((b) => b.id),
  );
  await page.getByTestId('slide-add').click();
  await page.getByTestId('slide-title-0').fill('Jembatan rusak berat');
  await page.getByTestId('slide-caption-0').fill('Empat jembatan rusak berat di ruas Oelamasi – Oepoli.');
  await page.getByTestId('slide-route-ruas-0').fill('P-101');
  await page.getByTestId('slide-route-layer-0').selectOption('demo-roads');
  await expect(page.getByTestId('slide-0')).toContainText(`${highlighted.length} fitur disorot`);

  // Slide 2: the Kupang corridor with the bridges layer hidden.
  const corridorBounds = await frame(
    page,
    kupangCorridorRoads.map((r) => r.id),
  );
  await selectThroughTable(page, 'demo-roads', 'P-601', kupangCorridorRoads.length);
  await frame(
    page,
    kupangCorridorRoads.map((r) => r.id),
  );
  await page.getByTestId('tab-layers').click();
  await page.getByTestId('layer-demo-bridges').getByRole('checkbox').uncheck();
  await page.getByTestId('tab-story').click();
  await page.getByTestId('slide-add').click();
  await page.getByTestId('slide-title-1').fill('Koridor Simpang Polda – El Tari');
  await page.getByTestId('slide-title-0').click();
  await expect
    .poll(() =>
      page.evaluate(() =>
        window
          .rumijaStore!.getSnapshot()
          .stories.find((s) => s.title === 'Paparan uji Komisi II')
          ?.slides.map((s) => s.title),
      ),
    )
    .toEqual(['Jembatan rusak berat', 'Koridor Simpang Polda – El Tari']);
  await screenshot(page, 'story-editor-id');
  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('story-present')).toContainText('Present');
  await screenshot(page, 'story-editor-en');
  await page.getByTestId('language-id').click();

  // Present: opening, slide 1, slide 2, closing, with arrows and PageDown/PageUp.
  await page.getByTestId('story-present').click();
  await expect(page.getByTestId('presenter-opening')).toContainText('Paparan uji Komisi II');
  await expect(page.getByTestId('app-subtitle')).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('presenter-title')).toHaveText('Jembatan rusak berat');
  await settled(page);
  expect(await viewContains(page, bridgeBounds)).toBe(true);
  expect(await selectionIds(page)).toEqual(highlighted);
  const selectedOnMap = await page.evaluate(() =>
    window
      .rumijaMap!.queryRenderedFeatures({ layers: ['selection-point'] })
      .map((f) => f.properties.fid)
      .sort(),
  );
  expect(selectedOnMap).toEqual(highlighted);
  expect(await page.evaluate(() => window.rumijaMap!.getLayoutProperty('data:demo-bridges:symbol', 'visibility'))).toBe(
    'visible',
  );
  await expect(page.getByTestId('presenter-figures')).toContainText('Panjang rute');
  await expect(page.getByTestId('presenter-figures')).toContainText('Jembatan di rute');
  // Tiles repeat features: count distinct labels.
  const routeBridgeLabels = await page.evaluate(
    () =>
      new Set(
        window
          .rumijaMap!.querySourceFeatures('present-marks')
          .filter((f) => f.properties.kind === 'bridge')
          .map((f) => f.properties.label),
      ).size,
  );
  expect(routeBridgeLabels).toBe(5);
  await screenshot(page, 'present-test-slide-1-1920');
  // Where the map puts the bridges and a piece of the route on this slide: the exported PNG must show them there.
  const routeRoad = demo.features.find((f) => f.id === 'demo-road-P-101-1')!;
  const [routeA, routeB] = (routeRoad.geometry as { coordinates: number[][] }).coordinates as [number, number][];
  const slideOnePixels = await page.evaluate(
    ({ marks, route }) => {
      const map = window.rumijaMap!;
      const [p, q] = [map.project(route[0]), map.project(route[1])];
      return {
        bridges: marks.map((mark) => ({ ...map.project(mark.at), id: mark.id, colour: mark.colour })),
        route: { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 },
      };
    },
    {
      marks: bridges.map((bridge) => ({
        id: bridge.id,
        at: (bridge.geometry as { coordinates: number[] }).coordinates as [number, number],
        // Rusak berat in the legend's dark red; the proposed bridge white.
        colour: bridge.properties.existence === 'proposed' ? '#ffffff' : '#68151d',
      })),
      route: [routeA!, routeB!] as [[number, number], [number, number]],
    },
  );

  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('presenter-title')).toHaveText('Koridor Simpang Polda – El Tari');
  await settled(page);
  expect(await viewContains(page, corridorBounds)).toBe(true);
  expect(await selectionIds(page)).toEqual(kupangCorridorRoads.map((r) => r.id).sort());
  // The slide hides the bridges layer although the layer itself is on again later.
  expect(await page.evaluate(() => window.rumijaMap!.getLayoutProperty('data:demo-bridges:symbol', 'visibility'))).toBe(
    'none',
  );
  await expect(page.getByTestId('presenter-counter')).toHaveText('2 / 2');
  await screenshot(page, 'present-test-slide-2-1920');

  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('presenter-closing')).toContainText('Terima kasih');
  await page.keyboard.press('Home');
  await expect(page.getByTestId('presenter-opening')).toBeVisible();
  await page.keyboard.press('End');
  await expect(page.getByTestId('presenter-closing')).toBeVisible();
  await page.keyboard.press('PageUp');
  await expect(page.getByTestId('presenter-title')).toHaveText('Koridor Simpang Polda – El Tari');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presenter')).toHaveCount(0);
  await expect(page.getByTestId('app-subtitle')).toBeVisible();
  expect(await page.evaluate(() => window.rumijaStore!.getSnapshot().presentation)).toBeNull();

  // PNGs of both slides, not blank, at the size of the full-screen map.
  const zipFile = await download(page, 'story-export-png');
  const zip = unzipSync(readFileSync(zipFile));
  const names = Object.keys(zip).sort();
  expect(names).toEqual([
    '01 Jembatan rusak berat.png',
    '02 Koridor Simpang Polda - El Tari.png'.replace(' - ', ' – '),
  ]);
  for (const [index, name] of names.entries()) {
    const bytes = Buffer.from(zip[name]!);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(join(SCREENSHOT_DIR, `story-export-slide-${index + 1}.png`), bytes);
    const stats = await pngStatistics(page, bytes);
    expect(stats.width).toBe(1920);
    expect(stats.colours).toBeGreaterThan(50);
    if (index === 0) {
      // Slide 1 shows each bridge in its colour at its place, and the route line (#d500f9) along P-101.
      const points = [...slideOnePixels.bridges, { ...slideOnePixels.route, id: 'route P-101', colour: '#d500f9' }];
      const pixels = await pngPixels(page, bytes, points);
      points.forEach((point, i) => {
        const expected = [1, 3, 5].map((k) => parseInt(point.colour.slice(k, k + 2), 16));
        const distance = Math.max(...pixels[i]!.map((channel, k) => Math.abs(channel - expected[k]!)));
        expect(
          distance,
          `${point.id} at ${Math.round(point.x)},${Math.round(point.y)}: ${pixels[i]} vs ${point.colour}`,
        ).toBeLessThanOrEqual(8);
      });
    }
  }
  await expect(page.getByTestId('export-message')).toContainText('Diekspor');

  // The handout: a cover page and one page per slide.
  const pdfFile = await download(page, 'story-export-pdf');
  expect(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' })).toMatch(/Pages:\s+3\n/);
  const text = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' });
  expect(text).toContain('Paparan uji Komisi II');
  expect(text).toContain('Jembatan rusak berat');
  expect(text).toContain('Panjang rute');

  // Reorder, delete (one undo step each), and the story file round trip.
  const titles = () =>
    page.evaluate(() =>
      window
        .rumijaStore!.getSnapshot()
        .stories.find((s) => s.title === 'Paparan uji Komisi II')
        ?.slides.map((s) => s.title),
    );
  await page.getByTestId('slide-up-1').click();
  await expect.poll(titles).toEqual(['Koridor Simpang Polda – El Tari', 'Jembatan rusak berat']);
  await page.getByTestId('slide-delete-0').click();
  await expect.poll(titles).toEqual(['Jembatan rusak berat']);
  await page.getByTestId('map').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect.poll(titles).toEqual(['Koridor Simpang Polda – El Tari', 'Jembatan rusak berat']);
  const storyFile = await download(page, 'story-export-file');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('story-import').click();
  await (await chooser).setFiles(storyFile);
  await expect(page.getByTestId('story-message')).toContainText('cerita dengan 2 slide dibuka');
  // The imported copy gets its own id: both are there now.
  expect(
    await page.evaluate(
      () => window.rumijaStore!.getSnapshot().stories.filter((s) => s.title === 'Paparan uji Komisi II').length,
    ),
  ).toBe(2);
});

for (const [width, height] of [
  [1920, 1080],
  [1280, 720],
] as const) {
  test(`the demo story plays through at ${width}×${height}: border routes drawing themselves, bridges, status change, corridor estimate`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height });
    await openDemo(page);
    await page.getByTestId('tab-story').click();
    await expect(page.getByTestId('story-select')).toContainText('(demo)');
    await expect(page.getByTestId('story-demo')).toContainText('DATA DEMO');
    await page.getByTestId('story-present').click();
    await expect(page.getByTestId('presenter-opening')).toContainText('Jalan Perbatasan RI – RDTL');
    await page.waitForFunction(() => !window.rumijaMap!.isMoving(), null, { timeout: 20_000 });
    await waitForMapIdle(page);
    await screenshot(page, `present-demo-0-opening-${width}`);
    const slideCount = await page.evaluate(
      () => window.rumijaStore!.getSnapshot().stories.find((s) => s.demo)!.slides.length,
    );
    for (let number = 1; number <= slideCount; number++) {
      await page.keyboard.press(number % 2 ? 'ArrowRight' : 'PageDown');
      await expect(page.getByTestId('presenter-counter')).toHaveText(`${number} / ${slideCount}`);
      if (number === 1) {
        // While it draws, the distance counts up.
        await expect(page.getByTestId('presenter-distance')).toBeVisible();
      }
      await settled(page);
      await expect(page.getByTestId('presenter-demo')).toBeVisible();
      if (number === 1 || number === 3) {
        const crossings = await page.evaluate(
          () => window.rumijaMap!.queryRenderedFeatures({ layers: ['present-crossing'] }).length,
        );
        expect(crossings).toBeGreaterThan(0);
        await expect(page.getByTestId('presenter-figures')).toContainText('Titik lintas batas');
      }
      if (number === 2) await expect(page.getByTestId('presenter-figures')).toContainText('285 m');
      if (number === slideCount) {
        await expect(page.getByTestId('presenter-figures').locator('[data-figure="retributionPerYear"]')).toContainText(
          'Rp',
          { timeout: 30_000 },
        );
        await expect(page.getByTestId('presenter-figures')).toContainText('tarif contoh');
      }
      await screenshot(page, `present-demo-${number}-${width}`);
    }
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('presenter-closing')).toBeVisible();
    await page.waitForFunction(() => !window.rumijaMap!.isMoving(), null, { timeout: 20_000 });
    await waitForMapIdle(page);
    expect(
      await page.evaluate(() => window.rumijaMap!.queryRenderedFeatures({ layers: ['sta-tick-label'] }).length),
    ).toBe(0);
    await screenshot(page, `present-demo-closing-${width}`);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('presenter')).toHaveCount(0);
  });
}

test('the handout of the demo story: small, fonts embedded, each map across its page with its credits readable', async ({
  page,
}) => {
  test.setTimeout(420_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openDemo(page);
  await page.getByTestId('tab-story').click();
  await expect(page.getByTestId('story-demo')).toContainText('DATA DEMO');
  const started = Date.now();
  // Every slide drawn at 1920×1080 by SwiftShader: minutes on a shared machine.
  const pdfFile = await download(page, 'story-export-pdf', 240_000);
  const seconds = (Date.now() - started) / 1000;
  const bytes = statSync(pdfFile).size;
  console.log(`demo story handout: ${(bytes / 1e6).toFixed(2)} MB in ${seconds.toFixed(1)} s (click to file)`);
  test.info().annotations.push({ type: 'handout', description: `${bytes} bytes, ${seconds.toFixed(1)} s` });
  expect(bytes).toBeLessThanOrEqual(3_000_000);
  const slideCount = await page.evaluate(
    () => window.rumijaStore!.getSnapshot().stories.find((story) => story.demo)!.slides.length,
  );
  expect(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' })).toMatch(
    new RegExp(`Pages:\\s+${slideCount + 1}\\n`),
  );
  const images = execFileSync('pdfimages', ['-list', pdfFile], { encoding: 'utf8' }).trim().split('\n').slice(2);
  expect(images.map((line) => line.trim().split(/\s+/).slice(0, 5).join(' '))).toEqual(
    Array.from({ length: slideCount }, (_, index) => `${index + 2} ${index} image 1920 1080`),
  );
  expect(images.every((line) => / jpeg /.test(line))).toBe(true);

  // The key figures carry the right values: each route's length as GDAL measures the same roads (ellipsoidal).
  const handoutText = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' });
  for (const ruas of [
    ['P-101', 'RDTL-1'],
    ['P-102', 'RDTL-2'],
  ]) {
    const km = routeKmByGdal(ruas);
    expect(handoutText, ruas.join(' + ')).toContain(`${km.toFixed(1).replace('.', ',')} km`);
  }

  // Noto Sans embedded (the reader's machine need not have it) with a Unicode map: the en dash stays.
  for (const font of pdfFonts(pdfFile)) expect(font.embedded && font.unicode, font.line).toBe(true);
  expect(handoutText).toContain('Jalan Perbatasan RI – RDTL dan RUMIJA Kota Kupang');
  // Every slide page prints the basemap's credit under its map, on plain paper.
  expect(handoutText.split('Peta dasar: © kontributor OpenStreetMap (ODbL)').length - 1).toBe(slideCount);
  const credit = phraseBox(pdfFile, 'Peta dasar: © kontributor OpenStreetMap (ODbL)')!;
  const under = underText(pdfFile, credit);
  expect(under.coloured, JSON.stringify(under)).toBe(0);
  expect(under.plainShare).toBeGreaterThan(0.5);

  // Page 2 as a picture (looked at): the map across the page, no title card baked into it.
  const dir = mkdtempSync(join(tmpdir(), 'rumija-handout-'));
  execFileSync('pdftoppm', ['-f', '2', '-l', '2', '-r', '60', '-png', pdfFile, join(dir, 'page')]);
  const pagePng = readdirSync(dir).find((name) => name.endsWith('.png'))!;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  copyFileSync(join(dir, pagePng), join(SCREENSHOT_DIR, 'handout-demo-page-2.png'));
  execFileSync('pdfimages', ['-f', '2', '-l', '2', '-j', pdfFile, join(dir, 'slide')]);
  copyFileSync(join(dir, 'slide-000.jpg'), join(SCREENSHOT_DIR, 'handout-demo-slide-1.jpg'));
});

test('the presenter view in a second window follows the slides and drives them', async ({ page, context }) => {
  await openDemo(page);
  const view = await context.newPage();
  await view.goto('/#presenter-view');
  await expect(view.getByTestId('presenter-view-wait')).toBeVisible();
  await page.getByTestId('tab-story').click();
  await page.getByTestId('story-present').click();
  await expect(view.getByTestId('presenter-view-current')).toContainText('Pembuka');
  await expect(view.getByTestId('presenter-view-next')).toContainText('1. Oelamasi – Oepoli');
  await view.getByTestId('presenter-view-next-button').click();
  await expect(page.getByTestId('presenter-title')).toHaveText('Oelamasi – Oepoli, menuju Oekusi (RDTL)');
  await expect(view.getByTestId('presenter-view-notes')).toContainText('satu-satunya akses darat');
  await view.setViewportSize({ width: 1280, height: 720 });
  await screenshot(view, 'presenter-view-id');
  await view.getByTestId('presenter-view-exit').click();
  await expect(page.getByTestId('presenter')).toHaveCount(0);
  await expect(view.getByTestId('presenter-view-wait')).toContainText('selesai');
});

test('presenting in English', async ({ page }) => {
  await openDemo(page);
  await page.getByTestId('language-en').click();
  await page.getByTestId('tab-story').click();
  await page.getByTestId('slide-present-0').click();
  await expect(page.getByTestId('presenter-title')).toHaveText('Oelamasi – Oepoli, menuju Oekusi (RDTL)');
  await settled(page);
  await expect(page.getByTestId('presenter-figures')).toContainText('Route length');
  await expect(page.getByTestId('presenter-figures')).toContainText('Border crossings');
  await expect(page.getByTestId('presenter-demo')).toHaveText('DEMO DATA — illustrative geometry, example tariffs');
  await screenshot(page, 'present-demo-1-1920-en');
  await page.keyboard.press('End');
  await expect(page.getByTestId('presenter-closing')).toContainText('Thank you');
  await page.keyboard.press('Escape');
});
