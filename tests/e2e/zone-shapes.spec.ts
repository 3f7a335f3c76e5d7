import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { openApp, savedFile, screenshot, SCREENSHOT_DIR, waitForMapIdle } from './helpers';
import { ZONE_COLORS } from '#shared/style/map-colours';
import { sheetLayout } from '#shared/print/print-layout';

/**
 * Issue #38: a zone is told by its marker's shape as well as its colour, on the live map, on an exported slide and
 * on a printed sheet (the sheet's map is drawn by a second, off-screen map from the live map's style). Four demo
 * assets close together, one per zone, are found on the map; in each picture the largest patch of each zone's colour
 * near the middle is matched against four shapes defined here by hand (not by the app's outlines).
 */
test.use({ viewport: { width: 1920, height: 1080 } });

const ZONES = ['rumaja', 'rumija', 'ruwasja', 'luar'] as const;
/** What each zone must look like: the "marker shape for zones". */
const EXPECTED: Record<(typeof ZONES)[number], Shape> = {
  rumaja: 'square',
  rumija: 'diamond',
  ruwasja: 'triangle',
  luar: 'triangle-down',
};
type Shape = 'square' | 'diamond' | 'triangle' | 'triangle-down' | 'cross';
/** The shapes as regions of the marker's box, u and v from −1 to 1 (v down), written from their definition. */
const REGIONS: Record<Shape, (u: number, v: number) => boolean> = {
  square: () => true,
  diamond: (u, v) => Math.abs(u) + Math.abs(v) <= 1,
  triangle: (u, v) => Math.abs(u) <= (v + 1) / 2,
  'triangle-down': (u, v) => Math.abs(u) <= (1 - v) / 2,
  cross: (u, v) => Math.abs(u) <= 0.36 || Math.abs(v) <= 0.36,
};

/** The shape whose region best covers a mask (intersection over union), and the runner-up's score. */
function classify(mask: string[]): { shape: Shape; score: number; second: number } {
  const height = mask.length;
  const width = mask[0]!.length;
  const scores = (Object.keys(REGIONS) as Shape[]).map((shape) => {
    let both = 0;
    let either = 0;
    for (let row = 0; row < height; row++)
      for (let column = 0; column < width; column++) {
        const u = width === 1 ? 0 : ((column + 0.5) / width) * 2 - 1;
        const v = height === 1 ? 0 : ((row + 0.5) / height) * 2 - 1;
        const [a, b] = [mask[row]![column] === '#', REGIONS[shape](u, v)];
        if (a && b) both++;
        if (a || b) either++;
      }
    return { shape, score: both / either };
  });
  scores.sort((a, b) => b.score - a.score);
  return { shape: scores[0]!.shape, score: scores[0]!.score, second: scores[1]!.score };
}

/**
 * In a PNG, within a rectangle, the largest connected patch (under 4 000 pixels) of pixels within 20 (per channel)
 * of each zone's colour, as a mask cropped to its box: a marker's inside is drawn in its zone's colour exactly.
 */
async function zoneMasks(page: Page, png: Buffer, rect: { x: number; y: number; width: number; height: number }) {
  return page.evaluate(
    async ({ base64, rect, colours }) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const { x: x0, y: y0, width, height } = rect;
      const data = context.getImageData(x0, y0, width, height).data;
      const result: Record<string, string[]> = {};
      for (const [zone, hex] of Object.entries(colours)) {
        const target = [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
        const near = new Uint8Array(width * height);
        for (let i = 0; i < width * height; i++)
          near[i] = target.every((c, k) => Math.abs(data[i * 4 + k]! - c) <= 20) ? 1 : 0;
        const label = new Int32Array(width * height).fill(-1);
        let best: number[] = [];
        for (let start = 0; start < near.length; start++) {
          if (!near[start] || label[start]! >= 0) continue;
          const members = [start];
          label[start] = start;
          for (let k = 0; k < members.length; k++) {
            const at = members[k]!;
            const [cx, cy] = [at % width, Math.floor(at / width)];
            for (const [dx, dy] of [
              [1, 0],
              [-1, 0],
              [0, 1],
              [0, -1],
            ]) {
              const [nx, ny] = [cx + dx!, cy + dy!];
              if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
              const next = ny * width + nx;
              if (near[next] && label[next]! < 0) {
                label[next] = start;
                members.push(next);
              }
            }
          }
          // A marker, not a band (the RUMAJA band over RUMIJA over land comes within 32 of the RUWASJA colour), and
          // a whole one: a patch the rectangle's edge cuts is left out.
          const cut = members.some((at) => {
            const [mx, my] = [at % width, Math.floor(at / width)];
            return mx === 0 || my === 0 || mx === width - 1 || my === height - 1;
          });
          if (!cut && members.length > best.length && members.length < 4000) best = members;
        }
        if (best.length === 0) continue;
        const xs = best.map((at) => at % width);
        const ys = best.map((at) => Math.floor(at / width));
        const [left, top] = [Math.min(...xs), Math.min(...ys)];
        const [right, bottom] = [Math.max(...xs), Math.max(...ys)];
        const rows = Array.from({ length: bottom - top + 1 }, () => Array<string>(right - left + 1).fill('.'));
        for (let k = 0; k < best.length; k++) rows[ys[k]! - top]![xs[k]! - left] = '#';
        result[zone] = rows.map((row) => row.join(''));
      }
      return result;
    },
    { base64: png.toString('base64'), rect, colours: Object.fromEntries(ZONES.map((z) => [z, ZONE_COLORS[z]!])) },
  );
}

/** Each zone's patch has its zone's shape, clearly (a good fit, ahead of every other shape). */
function expectZoneShapes(masks: Record<string, string[]>, zones: readonly (typeof ZONES)[number][], where: string) {
  for (const zone of zones) {
    const mask = masks[zone];
    expect(mask, `${where}: no ${zone} marker`).toBeDefined();
    const fit = classify(mask!);
    const picture = mask!.join('\n');
    expect(mask!.length, `${where}: ${zone} marker too small\n${picture}`).toBeGreaterThanOrEqual(8);
    expect(fit.shape, `${where}: ${zone}\n${picture}`).toBe(EXPECTED[zone]);
    expect(fit.score - fit.second, `${where}: ${zone} shape not clear\n${picture}`).toBeGreaterThan(0.08);
  }
}

/**
 * Demo assets to look at, as the map holds them (zones from the RUMIJA analysis the user runs on the Kupang
 * corridor), each at least 20 m from any other asset: the three inner zones close together (one view), and an
 * asset outside RUMIJA (a second view: the demo has none near the corridor).
 */
async function zoneAssets(page: Page) {
  await page.getByTestId('tab-analysis').click();
  await page.getByTestId('analysis-corridor').selectOption('demo-corridor-kupang');
  await page.getByTestId('analysis-run').click();
  await expect(page.getByTestId('analysis-results')).toBeVisible({ timeout: 60_000 });
  // The whole province, so every asset's zone is on the map (positions from the store, not from coarse tiles).
  await page.evaluate(() => window.rumijaMap!.jumpTo({ center: [122.3, -9.4], zoom: 6.5 }));
  await waitForMapIdle(page);
  const { assets, segments } = await page.evaluate(() => {
    const store = window.rumijaStore!.getSnapshot();
    const zones = new Map(
      window
        .rumijaMap!.querySourceFeatures('data:demo-assets')
        .map((f) => [String(f.properties.fid), f.properties.zone]),
    );
    const segments: [number, number][][] = [];
    for (const feature of store.featuresByLayer.get('demo-assets') ?? []) {
      const rings =
        feature.geometry.type === 'LineString'
          ? [feature.geometry.coordinates]
          : feature.geometry.type === 'Polygon'
            ? feature.geometry.coordinates
            : [];
      for (const ring of rings)
        for (let i = 1; i < ring.length; i++)
          segments.push([ring[i - 1]!.slice(0, 2) as [number, number], ring[i]!.slice(0, 2) as [number, number]]);
    }
    const assets = [...zones].flatMap(([id, zone]) => {
      const geometry = store.featureById.get(id)?.geometry;
      return geometry?.type === 'Point'
        ? [{ id, zone: String(zone), at: geometry.coordinates.slice(0, 2) as [number, number] }]
        : [];
    });
    return { assets, segments };
  });
  // Metres on a local plane (equirectangular at the point's latitude): enough to say "far apart".
  const plane = (a: [number, number], origin: [number, number]) => [
    (a[0] - origin[0]) * 111_320 * Math.cos((origin[1] * Math.PI) / 180),
    (a[1] - origin[1]) * 110_574,
  ];
  const metres = (a: [number, number], b: [number, number]) => Math.hypot(...(plane(a, b) as [number, number]));
  const toSegment = (p: [number, number], [a, b]: [number, number][]) => {
    const [bx, by] = plane(b!, a!) as [number, number];
    const [px, py] = plane(p, a!) as [number, number];
    const t = Math.max(0, Math.min(1, (px * bx + py * by) / (bx * bx + by * by || 1)));
    return Math.hypot(px - t * bx, py - t * by);
  };
  // Alone: 20 m from any other asset point and from any asset line or area (at zoom 19, some 60 pixels).
  const alone = assets.filter(
    (a) =>
      assets.every((b) => b === a || metres(a.at, b.at) > 20) &&
      segments.every((segment) => toSegment(a.at, segment) > 20),
  );
  const counts = ZONES.map((zone) => `${zone} ${alone.filter((a) => a.zone === zone).length}`);
  let best: { group: typeof alone; span: number } | null = null;
  for (const anchor of alone.filter((a) => a.zone === 'rumaja')) {
    const group = [anchor];
    for (const zone of ['rumija', 'ruwasja']) {
      const nearest = alone
        .filter((a) => a.zone === zone)
        .sort((a, b) => metres(a.at, anchor.at) - metres(b.at, anchor.at))[0];
      if (nearest) group.push(nearest);
    }
    if (group.length < 3) continue;
    const span = Math.max(...group.flatMap((a) => group.map((b) => metres(a.at, b.at))));
    if (!best || span < best.span) best = { group, span };
  }
  const outside = alone.find((a) => a.zone === 'luar');
  expect(best && outside, `an asset of each zone on its own (${counts.join(', ')})`).toBeTruthy();
  expect(best!.span, 'the three inner-zone assets within 300 m').toBeLessThan(300);
  return [best!.group, [outside!]].map((group) => {
    const xs = group.map((a) => a.at[0]);
    const ys = group.map((a) => a.at[1]);
    return {
      ids: group.map((a) => a.id),
      zones: group.map((a) => a.zone as (typeof ZONES)[number]),
      bounds: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as [number, number, number, number],
    };
  });
}

/** Frames a box in the middle fifth of the map, no closer than zoom 19. */
async function frameInMiddle(page: Page, bounds: [number, number, number, number]) {
  await page.evaluate((box) => {
    const map = window.rumijaMap!;
    const { clientWidth: w, clientHeight: h } = map.getContainer();
    map.fitBounds(
      [
        [box[0], box[1]],
        [box[2], box[3]],
      ],
      { padding: { left: w * 0.4, right: w * 0.4, top: h * 0.4, bottom: h * 0.4 }, maxZoom: 19, animate: false },
    );
  }, bounds);
  await waitForMapIdle(page);
}

/** The middle of a picture (where the assets are framed), as a rectangle of pixels. */
const middle = (width: number, height: number) => ({
  x: Math.round(width * 0.3),
  y: Math.round(height * 0.3),
  width: Math.round(width * 0.4),
  height: Math.round(height * 0.4),
});

test('zone markers: each zone in its own shape on the map, on a slide and on a printed sheet', async ({ page }) => {
  test.setTimeout(420_000);
  await openApp(page);
  const views = await zoneAssets(page);
  await page.getByTestId('tab-story').click();
  await page.getByTestId('story-new').click();

  for (const [index, view] of views.entries()) {
    await frameInMiddle(page, view.bounds);
    // The live map, as the screen shows it (page screenshot, so nothing laid over the canvas is missed).
    const box = await page.evaluate(() => {
      const rect = window.rumijaMap!.getCanvas().getBoundingClientRect();
      return { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
    });
    await screenshot(page, `zone-shapes-map-${index + 1}`);
    const inMap = middle(box.width, box.height);
    const masks = await zoneMasks(page, await page.screenshot(), { ...inMap, x: inMap.x + box.x, y: inMap.y + box.y });
    expectZoneShapes(masks, view.zones, `map ${index + 1}`);
    // A slide of this view.
    await page.getByTestId('slide-add').click();
    await page.getByTestId(`slide-title-${index}`).fill(`Penanda zona ${index + 1}`);
    await page.getByTestId(`slide-caption-${index}`).click();
  }
  // The legend beside the map says the same: each zone with its shape.
  await page.getByTestId('tab-layers').click();
  for (const zone of ZONES)
    await expect(page.getByTestId(`legend-demo-assets-${zone}`)).toHaveAttribute('data-shape', EXPECTED[zone]);

  // The slides exported as PNGs (their map is the live map's canvas, their legend painted beside it).
  await page.getByTestId('tab-story').click();
  const download = page.waitForEvent('download', { timeout: 180_000 });
  await page.getByTestId('story-export-png').click();
  const zip = unzipSync(readFileSync((await (await download).path())!));
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const [index, name] of Object.keys(zip).sort().entries()) {
    const slide = Buffer.from(zip[name]!);
    writeFileSync(join(SCREENSHOT_DIR, `zone-shapes-slide-${index + 1}.png`), slide);
    const size = { width: slide.readUInt32BE(16), height: slide.readUInt32BE(20) };
    expect(size).toEqual({ width: 1920, height: 1080 });
    const masks = await zoneMasks(page, slide, middle(size.width, size.height));
    expectZoneShapes(masks, views[index]!.zones, `slide ${index + 1}`);
  }

  // A printed sheet at 150 dpi of each view: drawn by the off-screen print map, from the live map's style.
  const layout = sheetLayout('A4', 'landscape');
  const px = (mm: number) => Math.round((mm * 150) / 25.4);
  for (const [index, view] of views.entries()) {
    await frameInMiddle(page, view.bounds);
    await page.getByTestId('print-open').click();
    await page.getByTestId('print-paper').selectOption('A4');
    await page.getByTestId('print-orientation').selectOption('landscape');
    await page.getByTestId('print-scale').selectOption('view');
    await page.getByTestId('print-dpi').selectOption('150');
    const sheet = readFileSync(await savedFile(page, 'print-png'));
    writeFileSync(join(SCREENSHOT_DIR, `zone-shapes-sheet-${index + 1}.png`), sheet);
    // The middle of the map frame, where the view's middle is (the frame's shape is not the screen's).
    const [frameWidth, frameHeight] = [px(layout.map.width), px(layout.map.height)];
    const inFrame = {
      x: Math.round(frameWidth * 0.2),
      y: Math.round(frameHeight * 0.2),
      width: Math.round(frameWidth * 0.6),
      height: Math.round(frameHeight * 0.6),
    };
    const frame = { ...inFrame, x: inFrame.x + px(layout.map.x), y: inFrame.y + px(layout.map.y) };
    expectZoneShapes(await zoneMasks(page, sheet, frame), view.zones, `sheet ${index + 1}`);
    await page.getByTestId('print-close').click();
  }
});
