import { expect, test, type Page } from '@playwright/test';
import { Geodesic } from 'geographiclib-geodesic';
import type { Position } from 'geojson';
import { openApp, screenshot, waitForMapIdle } from './helpers';

// Expected values from GeographicLib directly, not from the app's geometry code.
const WGS84 = Geodesic.WGS84;
const move = (from: Position, azimuth: number, metres: number): Position => {
  const result = WGS84.Direct(from[1]!, from[0]!, azimuth, metres);
  return [result.lon2!, result.lat2!];
};
const distance = (a: Position, b: Position) => WGS84.Inverse(a[1]!, a[0]!, b[1]!, b[0]!).s12!;
/** Geodesic area of a ring (m²), by GeographicLib's polygon. */
function geodesicArea(ring: Position[]) {
  const polygon = WGS84.Polygon(false);
  for (const [lon, lat] of ring.slice(0, -1)) polygon.AddPoint(lat!, lon!);
  return Math.abs(polygon.Compute(false, true).area!);
}
/**
 * The vertices of what the measure tool drew (read from the map, as drawn from the clicks); waits for the finished
 * drawing to reach the map's source, which can come a frame after the readout.
 */
async function measuredVertices(page: Page, mode: 'measure-line' | 'measure-area'): Promise<Position[]> {
  const handle = await page.waitForFunction((wanted) => {
    const sources = ['td-linestring', 'td-polygon'].map(
      (id) =>
        (
          window.rumijaMap!.getSource(id)!.serialize() as {
            data: { features: { properties: { mode: string }; geometry: { type: string; coordinates: unknown } }[] };
          }
        ).data,
    );
    const feature = sources.flatMap((data) => data.features).find((candidate) => candidate.properties.mode === wanted);
    if (!feature) return null;
    const positions = (
      feature.geometry.type === 'Polygon'
        ? (feature.geometry.coordinates as number[][][])[0]
        : feature.geometry.coordinates
    ) as number[][];
    // While the source still holds the line being drawn, its points coincide: wait for the finished shape.
    const distinct = new Set(positions.map((position) => position.join(','))).size;
    return distinct >= (feature.geometry.type === 'Polygon' ? 3 : 2) ? positions : null;
  }, mode);
  return (await handle.jsonValue()) as Position[];
}

async function openDemo(page: Page) {
  page.on('pageerror', (error) => console.log('pageerror:', error.message));
  await openApp(page);
  await page.waitForFunction(() => window.rumijaStore?.getSnapshot().status === 'ready');
  await page.waitForFunction(() => Boolean(window.rumijaMap?.getSource('data:demo-bridges')));
}

async function jumpTo(page: Page, center: Position, zoom: number) {
  await page.evaluate(([c, z]) => window.rumijaMap!.jumpTo({ center: c as [number, number], zoom: z as number }), [
    center,
    zoom,
  ] as const);
  await waitForMapIdle(page);
}

async function clickAt(page: Page, lngLat: Position) {
  const point = await page.evaluate((position) => window.rumijaMap!.project(position as [number, number]), lngLat);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

const featuresNamed = (page: Page, name: string) =>
  page.evaluate(
    (wanted) =>
      [...window.rumijaStore!.getSnapshot().featureById.values()].filter(
        (feature) => feature.properties.name === wanted,
      ),
    name,
  );

/** Reads "1.234,5 m" (Indonesian) from the readout. */
const metresIn = (text: string) => Number(/([\d.]+,\d) m/.exec(text)![1]!.replace(/\./g, '').replace(',', '.'));

// An empty stretch east of Kupang, away from the demo roads, so nothing snaps by accident.
const start: Position = [123.74, -10.215];
const end = move(start, 90, 1_200);

async function drawRoad(page: Page, points: Position[], ruasNumber: string, name: string) {
  await page.getByTestId('tool-road').click();
  for (const point of points) await clickAt(page, point);
  await clickAt(page, points[points.length - 1]!);
  await page.getByTestId('new-ruasNumber').fill(ruasNumber);
  await page.getByTestId('new-name').fill(name);
  await page.getByTestId('feature-form-save').click();
  await expect(page.getByTestId('feature-form')).toBeHidden();
  await page.keyboard.press('Escape');
  const [road] = await featuresNamed(page, name);
  return road;
}

const coordinatesOf = (feature: { geometry: unknown }) => (feature.geometry as { coordinates: Position[] }).coordinates;

test('draw a road, add a bridge at STA 0+500, undo, redo, reload: it is all still there', async ({ page }) => {
  await openDemo(page);
  await jumpTo(page, move(start, 90, 600), 15);

  await page.getByTestId('tool-road').click();
  await clickAt(page, start);
  await clickAt(page, end);
  await expect(page.getByTestId('measure-readout')).toContainText('Panjang');
  await clickAt(page, end); // clicking the last point again finishes the line
  const form = page.getByTestId('feature-form');
  await expect(form).toBeVisible();
  await expect(page.getByTestId('form-measure')).toContainText('km');
  // The model refuses a road without ruas number and name, naming the fields.
  await page.getByTestId('feature-form-save').click();
  await expect(page.getByTestId('error-ruasNumber')).toBeVisible();
  await page.getByTestId('new-ruasNumber').fill('901');
  await page.getByTestId('new-name').fill('Jalan Uji Gambar');
  await page.getByTestId('new-status').selectOption('kabupaten');
  await screenshot(page, 'draw-road-form-id');
  await page.getByTestId('feature-form-save').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('tool-message')).toContainText('Jalan digambar');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('tool-status')).toBeHidden();

  const [road] = await featuresNamed(page, 'Jalan Uji Gambar');
  expect(road!.layerId).toBe('drawn-road');
  expect(Number(road!.properties.lengthM)).toBeGreaterThan(1_150);
  expect(Number(road!.properties.lengthM)).toBeLessThan(1_250);
  const roadStart = (road!.geometry as { coordinates: Position[] }).coordinates[0];

  // A bridge at STA 0+500 of the new ruas.
  await page.getByTestId('tab-sta').click();
  await page.getByTestId('sta-ruas').selectOption('drawn-road|901');
  await page.getByTestId('sta-input').fill('0+500');
  await page.getByTestId('sta-go').click();
  await page.getByTestId('sta-add-bridge').click();
  await expect(page.getByTestId('new-staM')).toHaveValue('0+500');
  await expect(page.getByTestId('new-ruasNumber')).toHaveValue('901');
  await page.getByTestId('new-name').fill('Jembatan Uji');
  await page.getByTestId('new-lengthM').fill('30');
  await page.getByTestId('feature-form-save').click();
  await expect(form).toBeHidden();
  await waitForMapIdle(page);
  await screenshot(page, 'draw-bridge-at-sta-id');

  const bridgeIsThere = async () => {
    const [bridge] = await featuresNamed(page, 'Jembatan Uji');
    if (!bridge) return null;
    const position = (bridge.geometry as { coordinates: Position }).coordinates;
    return { staM: bridge.properties.staM, fromStart: distance(roadStart!, position), layerId: bridge.layerId };
  };
  const placed = (await bridgeIsThere())!;
  expect(placed.staM).toBe(500);
  expect(placed.layerId).toBe('drawn-bridge');
  expect(Math.abs(placed.fromStart - 500)).toBeLessThan(0.5);

  await page.getByTestId('map').click({ position: { x: 5, y: 5 } }); // focus off the panel inputs
  await page.keyboard.press('Control+z');
  await expect.poll(bridgeIsThere).toBeNull();
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await bridgeIsThere())?.staM).toBe(500);

  await page.reload();
  await openDemo(page);
  expect((await bridgeIsThere())!.staM).toBe(500);
  expect(await featuresNamed(page, 'Jalan Uji Gambar')).toHaveLength(1);
  await expect(page.getByTestId('layer-drawn-road')).toBeVisible();
});

test('measure a distance and an area: the readout is the geodesic length and area of what was drawn, within 0.1 %', async ({
  page,
}) => {
  await openDemo(page);
  const a: Position = [123.75, -10.25];
  const b = move(a, 90, 1_500);
  await jumpTo(page, move(a, 90, 750), 15);
  await page.getByTestId('tool-measure-line').click();
  await clickAt(page, a);
  await clickAt(page, b);
  await clickAt(page, b);
  const readout = page.getByTestId('measure-readout');
  await expect(readout).toContainText('km');
  const measured = metresIn(await readout.innerText());
  // Clicks land on whole pixels (about 5 m here): the drawn line is about 1 500 m, and the readout is its length.
  expect(Math.abs(measured - 1_500) / 1_500).toBeLessThan(0.01);
  const [from, to] = await measuredVertices(page, 'measure-line');
  expect(Math.abs(measured - distance(from!, to!)) / measured).toBeLessThan(0.001);
  await screenshot(page, 'measure-distance-id');
  // A second measurement replaces the first on the map.
  await clickAt(page, move(a, 0, 300));
  await clickAt(page, move(move(a, 0, 300), 90, 500));
  await clickAt(page, move(move(a, 0, 300), 90, 500));
  await expect.poll(async () => metresIn(await readout.innerText())).toBeLessThan(510);
  await waitForMapIdle(page);
  const measureLines = await page.evaluate(() => {
    const data = (
      window.rumijaMap!.getSource('td-linestring')!.serialize() as {
        data: { features: { properties: { mode: string } }[] };
      }
    ).data;
    return data.features.filter((feature) => feature.properties.mode === 'measure-line').length;
  });
  expect(measureLines).toBe(1);

  // A 600 m × 400 m rectangle: 24 ha, read in English this time.
  await page.getByTestId('language-en').click();
  await page.getByTestId('tool-measure-area').click();
  const c = move(a, 90, 600);
  const d = move(c, 0, 400);
  const e = move(a, 0, 400);
  for (const corner of [a, c, d, e]) await clickAt(page, corner);
  await clickAt(page, a);
  await expect(readout).toContainText('ha');
  const text = await readout.innerText();
  const squareMetres = Number(/Area: ([\d,]+) m²/.exec(text)![1]!.replace(/,/g, ''));
  await waitForMapIdle(page);
  await screenshot(page, 'measure-area-en');
  expect(Math.abs(squareMetres - 240_000) / 240_000).toBeLessThan(0.01);
  expect(
    Math.abs(squareMetres - geodesicArea(await measuredVertices(page, 'measure-area'))) / squareMetres,
  ).toBeLessThan(0.001);
  await page.keyboard.press('Escape');
  await expect(readout).toBeHidden();
});

test('split a drawn road, delete both parts, undo; snap a new road onto its end; drag a vertex', async ({ page }) => {
  await openDemo(page);
  await jumpTo(page, move(start, 90, 600), 15);
  const road = await drawRoad(page, [start, end], '902', 'Jalan Potong');

  // A second road drawn from a click 5 px beside the first road's end snaps onto that vertex.
  const nearEnd = await page.evaluate((position) => {
    const map = window.rumijaMap!;
    const point = map.project(position as [number, number]);
    const moved = map.unproject([point.x + 4, point.y + 3]);
    return [moved.lng, moved.lat];
  }, coordinatesOf(road!)[1]);
  const branch = await drawRoad(page, [nearEnd, move(end, 0, 500)], '903', 'Jalan Cabang');
  expect(coordinatesOf(branch!)[0]).toEqual(coordinatesOf(road!)[1]);

  // Split at 400 m: two segments of the same ruas, 400 m and 800 m.
  await page.getByTestId('tool-split').click();
  await clickAt(page, move(start, 90, 400));
  await expect(page.getByTestId('tool-message')).toContainText('dipotong');
  await page.keyboard.press('Escape');
  const parts = await featuresNamed(page, 'Jalan Potong');
  expect(parts).toHaveLength(2);
  // Within a few metres: the click lands on a whole pixel (about 2.4 m at zoom 15).
  const lengths = parts.map((part) => Number(part.properties.lengthM)).sort((x, y) => x - y);
  expect(Math.abs(lengths[0]! - 400)).toBeLessThan(3);
  expect(lengths[0]! + lengths[1]!).toBeCloseTo(1_200, 1);
  await screenshot(page, 'draw-split-id');

  // Both parts are selected after the split: Delete removes them, Ctrl+Z brings them back.
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await featuresNamed(page, 'Jalan Potong')).length).toBe(0);
  await expect(page.getByTestId('tool-message')).toContainText('2 fitur dihapus');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await featuresNamed(page, 'Jalan Potong')).length).toBe(2);

  // Vertex editing: drag the branch's far end 100 m east, save with Enter, then undo it.
  // The user clicks the branch on the map (a third of the way along it, clear of the junction) to select it.
  const [branchStart, branchEnd] = coordinatesOf(branch!) as [Position, Position];
  await clickAt(page, [
    branchStart[0]! + (branchEnd[0]! - branchStart[0]!) / 3,
    branchStart[1]! + (branchEnd[1]! - branchStart[1]!) / 3,
  ]);
  await expect.poll(() => page.evaluate(() => window.rumijaStore!.getSnapshot().selection)).toEqual([branch!.id]);
  await page.keyboard.press('Escape');
  await page.getByTestId('tool-edit').click();
  await expect(page.getByTestId('edit-done')).toBeVisible();
  const from = coordinatesOf(branch!)[1];
  const to = move(from!, 90, 100);
  const [p, q] = await page.evaluate(
    ([a, b]) => [window.rumijaMap!.project(a as [number, number]), window.rumijaMap!.project(b as [number, number])],
    [from, to],
  );
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.move(box.x + p.x, box.y + p.y);
  await page.mouse.down();
  await page.mouse.move(box.x + (p.x + q.x) / 2, box.y + (p.y + q.y) / 2, { steps: 5 });
  await page.mouse.move(box.x + q.x, box.y + q.y, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tool-message')).toContainText('Geometri disimpan');
  const [edited] = await featuresNamed(page, 'Jalan Cabang');
  expect(distance(coordinatesOf(edited!)[1]!, to)).toBeLessThan(5);
  expect(coordinatesOf(edited!)[0]).toEqual(coordinatesOf(branch!)[0]);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => coordinatesOf((await featuresNamed(page, 'Jalan Cabang'))[0]!)[1]).toEqual(from);
});

test('condition by STA ranges is drawn, summarised and refused when ranges overlap', async ({ page }) => {
  await openDemo(page);
  await page.getByTestId('tab-sta').click();
  await page.getByTestId('sta-ruas').selectOption('demo-roads|P-101');
  await expect(page.getByTestId('sta-ruas-length')).toContainText('79,555 km');
  await page.getByTestId('range-add').click();
  await page.getByTestId('range-to-0').fill('3+400');
  await page.getByTestId('range-add').click();
  await page.getByTestId('range-to-1').fill('5+100');
  await page.getByTestId('range-condition-1').selectOption('rusak_berat');
  await page.getByTestId('range-save').click();
  await expect(page.getByTestId('sta-message')).toContainText('2 rentang disimpan');
  await expect(page.getByTestId('ranges-summary-baik')).toContainText('3,40 km');
  await expect(page.getByTestId('ranges-summary-rusak_berat')).toContainText('1,70 km');
  await expect(page.getByTestId('ranges-kemantapan')).toContainText('66,7%');
  await expect(page.getByTestId('layer-condition-ranges')).toHaveCount(0); // the layers tab is not shown
  const ranges = await page.evaluate(() =>
    window
      .rumijaStore!.getSnapshot()
      .featuresByLayer.get('condition-ranges')!
      .map((f) => f.properties),
  );
  expect(ranges.map((range) => [range.staFromM, range.staToM, range.condition])).toEqual([
    [0, 3400, 'baik'],
    [3400, 5100, 'rusak_berat'],
  ]);

  // Go to STA 3+400 and look at the ranges drawn along the ruas with the STA labels.
  await page.getByTestId('sta-input').fill('3+400');
  await page.getByTestId('sta-go').click();
  await page.waitForFunction(() => !window.rumijaMap!.isMoving());
  await page.evaluate(() => window.rumijaMap!.setZoom(14.2));
  await waitForMapIdle(page);
  const labels = await page.evaluate(() =>
    window.rumijaMap!.queryRenderedFeatures({ layers: ['sta-tick-label'] }).map((f) => f.properties.label),
  );
  expect(labels).toContain('STA 3+000');
  await screenshot(page, 'sta-condition-ranges-id');

  // An overlapping range is refused, naming both ranges, and the stored ones stay.
  await page.getByTestId('range-add').click();
  await page.getByTestId('range-from-2').fill('5+000');
  await page.getByTestId('range-to-2').fill('6+000');
  await page.getByTestId('range-save').click();
  await expect(page.getByTestId('sta-message')).toContainText(
    'STA 5+000 – STA 6+000: tumpang tindih dengan STA 3+400 – STA 5+100',
  );
  expect(
    await page.evaluate(() => window.rumijaStore!.getSnapshot().featuresByLayer.get('condition-ranges')!.length),
  ).toBe(2);

  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('ranges-kemantapan')).toContainText('66.7%');
  await screenshot(page, 'sta-condition-ranges-en');
  await page.getByTestId('language-id').click();

  // A whole set of ranges is one undo step.
  await page.getByTestId('map').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect
    .poll(() =>
      page.evaluate(() => window.rumijaStore!.getSnapshot().featuresByLayer.get('condition-ranges')?.length ?? 0),
    )
    .toBe(0);
});

test('a note and an asset line are drawn with their attributes and shown on the map', async ({ page }) => {
  await openDemo(page);
  const a: Position = [123.76, -10.23];
  await jumpTo(page, a, 15);
  // This one in English: the tools, the form and the messages.
  await page.getByTestId('language-en').click();
  await page.getByTestId('tool-menu-note').click();
  await page.getByTestId('tool-note-point').click();
  await clickAt(page, a);
  await page.getByTestId('new-text').fill('Rencana pelebaran');
  await page.getByTestId('feature-form-save').click();
  await expect(page.getByTestId('feature-form')).toBeHidden();
  await page.getByTestId('tool-menu-asset').click();
  await page.getByTestId('tool-asset-line').click();
  await clickAt(page, move(a, 180, 100));
  await clickAt(page, move(move(a, 180, 100), 90, 250));
  await clickAt(page, move(move(a, 180, 100), 90, 250));
  await page.getByTestId('new-category').selectOption('kabel');
  await page.getByTestId('new-owner').fill('Telkom');
  await page.getByTestId('new-ownerType').selectOption('telkom');
  await expect(page.getByTestId('feature-form')).toContainText('New feature: Utility asset');
  await screenshot(page, 'draw-cable-form-en');
  await page.getByTestId('feature-form-save').click();
  await expect(page.getByTestId('feature-form')).toBeHidden();
  await page.keyboard.press('Escape');
  await waitForMapIdle(page);
  const labels = await page.evaluate(() =>
    window.rumijaMap!.queryRenderedFeatures({ layers: ['data:drawn-annotation:label'] }).map((f) => f.properties.text),
  );
  expect(labels).toEqual(['Rencana pelebaran']);
  const cable = await page.evaluate(
    () => window.rumijaStore!.getSnapshot().featuresByLayer.get('drawn-asset')![0]!.properties,
  );
  expect(cable).toMatchObject({ kind: 'asset', category: 'kabel', owner: 'Telkom', source: { kind: 'drawn' } });
  await expect(page.getByTestId('layer-drawn-annotation')).toContainText('1 feature');
  await expect(page.getByTestId('layer-drawn-annotation')).not.toContainText('1 features');
  await screenshot(page, 'draw-note-and-cable-en');
});
