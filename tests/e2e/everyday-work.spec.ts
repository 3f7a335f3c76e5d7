import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, screenshot, waitForMapIdle } from './helpers';

/**
 * What a planner and staff hit in a working day (issue #31), each through the UI: files whose column names are the
 * names of JavaScript's own object members, QGIS-style calculated columns, edits that change nothing, messages that
 * leave and follow the language.
 */
function writeFixture(name: string, content: string) {
  const path = join(mkdtempSync(join(tmpdir(), 'rumija-everyday-')), name);
  writeFileSync(path, content);
  return path;
}

const count = (page: Page) => page.getByTestId('table-count');

/** Eight poles whose columns are named like members of every JavaScript object. Written as text: `__proto__` too. */
const TRICKY_NAMES = ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'];
const trickyGeojson = () =>
  `{"type":"FeatureCollection","features":[${Array.from(
    { length: 8 },
    (_, i) =>
      `{"type":"Feature","geometry":{"type":"Point","coordinates":[${123.6 + i * 0.003},-10.17]},"properties":{` +
      `"nama":"Tiang ${i + 1}","lebar":${i + 1},` +
      TRICKY_NAMES.map((name, n) => `"${name}":"${name.slice(0, 4)}-${(i + n) % 3}"`).join(',') +
      '}}',
  ).join(',')}]}`;

test('columns named constructor, toString, __proto__ are data: table, filter, sort, style, calculation, restart', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openApp(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-files').click();
  await (await chooser).setFiles(writeFixture('nama-aneh.geojson', trickyGeojson()));
  await expect(page.getByTestId('import-preview')).toContainText('nama-aneh.geojson');
  await page.getByTestId('preview-import').click();
  await expect(page.getByTestId('import-outcome')).toContainText('8 fitur diimpor');
  await page.locator('[data-testid^="layer-table-import-"]').click();
  await expect(page.getByTestId('table-row')).toHaveCount(8);
  for (const name of TRICKY_NAMES) await expect(page.getByTestId(`sort-${name}`)).toBeVisible();
  await expect(page.getByTestId('table-row').first()).toContainText('cons-0');
  await expect(page.getByTestId('table-row').first()).toContainText('__pr-');

  // Filter and sort by them.
  await page.getByTestId('filter-text-constructor').fill('cons-1');
  await expect(count(page)).toContainText('3 dari 8');
  await page.getByTestId('filter-text-constructor').fill('');
  await page.getByTestId('filter-text-__proto__').fill('__pr-2');
  await expect(count(page)).toContainText('2 dari 8');
  await page.getByTestId('filter-text-__proto__').fill('');
  await page.getByTestId('sort-toString').click();
  await expect(page.getByTestId('table-row').first()).toContainText('toSt-0');

  // Calculated columns, QGIS's way: "field" is a field, 'text' is text; a column called constructor is stored.
  await page.getByTestId('table-calculate').click();
  await page.getByTestId('calc-name').fill('lebar2');
  await page.getByTestId('calc-expression').fill('"lebar" * 2');
  await page.getByTestId('calc-apply').click();
  await expect(page.getByTestId('table-message')).toContainText('Kolom lebar2 dihitung untuk 8 fitur (0 tanpa nilai)');
  await page.getByTestId('calc-name').fill('constructor');
  await page.getByTestId('calc-expression').fill(`concat("nama", ' / ', "__proto__")`);
  await page.getByTestId('calc-apply').click();
  await expect(page.getByTestId('table-message')).toContainText('Kolom constructor dihitung untuk 8 fitur');
  await page.getByTestId('calc-expression').fill('"tidak_ada" * 2');
  await page.getByTestId('calc-apply').click();
  await expect(page.getByTestId('table-message')).toContainText('Kolom tidak_ada tidak ada di lapisan ini');
  const stored = await page.evaluate(() => {
    const snapshot = window.rumijaStore!.getSnapshot();
    const layer = snapshot.layers.find((candidate) => candidate.id.startsWith('import-'))!;
    const feature = snapshot.featuresByLayer.get(layer.id)!.find((f) => f.properties.nama === 'Tiang 3')!;
    const own = (key: string) =>
      Object.prototype.hasOwnProperty.call(feature.properties, key) ? feature.properties[key] : 'missing';
    return { lebar2: own('lebar2'), constructor: own('constructor'), proto: own('__proto__') };
  });
  expect(stored).toEqual({ lebar2: 6, constructor: 'Tiang 3 / __pr-2', proto: '__pr-2' });

  // Style by a column named __proto__: three categories in the legend.
  const layerId = await page.evaluate(
    () => window.rumijaStore!.getSnapshot().layers.find((candidate) => candidate.id.startsWith('import-'))!.id,
  );
  await page.getByTestId(`layer-style-button-${layerId}`).click();
  await page.getByTestId(`style-field-${layerId}`).selectOption('__proto__');
  await page.getByTestId(`style-apply-${layerId}`).click();
  const legend = page.getByTestId(`legend-${layerId}`);
  for (const value of ['__pr-0', '__pr-1', '__pr-2']) await expect(legend).toContainText(value);
  await waitForMapIdle(page);
  await screenshot(page, 'field-names-as-data-id-1366');

  // After a restart the values are still there.
  await page.reload();
  await waitForMapIdle(page);
  await page.locator('[data-testid^="layer-table-import-"]').click();
  await page.getByTestId('filter-text-constructor').fill('Tiang 3');
  await expect(count(page)).toContainText('1 dari 8');
  expect(errors).toEqual([]);
});

test('an edit that changes nothing is not a change; messages leave by themselves and follow the language', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  const bridgeName = () =>
    page.evaluate(() => window.rumijaStore!.getSnapshot().featureById.get('demo-bridge-1')!.properties.name);
  const editLogLength = () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('rumija');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('editLog').objectStore('editLog').count();
            request.onsuccess = () => {
              resolve(request.result);
              open.result.close();
            };
          };
        }),
    );
  const original = await bridgeName();
  await page.getByTestId('layer-table-demo-bridges').click();
  const nameCell = page.locator('[data-feature-id="demo-bridge-1"] [data-field="name"]');
  await nameCell.dblclick();
  await page.getByTestId('cell-editor').fill('Jembatan Uji');
  await page.getByTestId('cell-editor').press('Enter');
  await expect(nameCell).toHaveText('Jembatan Uji');
  const logged = await editLogLength();

  // The same name again for the selected row: nothing changes, and the table says so.
  await page.locator('[data-feature-id="demo-bridge-1"]').click();
  await page.getByTestId('table-bulk').click();
  await page.getByTestId('bulk-field').selectOption('name');
  await page.getByTestId('bulk-value').fill('Jembatan Uji');
  await page.getByTestId('bulk-apply').click();
  await expect(page.getByTestId('table-message')).toContainText('sudah bernilai ini');

  // Vertex editing ended (Done) with nothing moved: nothing saved, nothing logged.
  await page.getByTestId('tool-edit').click();
  await expect(page.getByTestId('edit-done')).toBeVisible();
  await page.getByTestId('edit-done').click();
  await expect(page.getByTestId('tool-message')).toHaveText('Tidak ada verteks yang digeser: tidak ada yang disimpan.');
  expect(await editLogLength()).toBe(logged);

  // One undo undoes the rename, the last real change.
  await page.getByTestId('undo').click();
  await expect.poll(bridgeName).toBe(original);
  await expect(page.getByTestId('tool-message')).toHaveText('Diurungkan: ubah atribut Jembatan Uji.');
  await screenshot(page, 'message-undone-id-1366');
  // The message is worded again in English when the UI switches, and leaves by itself.
  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('tool-message')).toHaveText('Undone: attributes of Jembatan Uji changed.');
  await expect(page.getByTestId('table-message')).toHaveText(
    'Name already had this value on every selected row: nothing changed.',
  );
  await waitForMapIdle(page);
  await screenshot(page, 'message-undone-en-1366');
  await expect(page.getByTestId('tool-message')).toHaveCount(0, { timeout: 25_000 });
});

test('picking a ruas in the STA tab shows it; the table counts only its own selection; coordinates the Indonesian way', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);

  // The cursor readout with the decimal comma of the Indonesian UI.
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId('cursor-decimal')).toHaveText(/^-\d+,\d{5}°; \d+,\d{5}°$/);

  // A bridge selected: the road table does not count it, the bridge table does.
  await page.evaluate(() => window.rumijaStore!.selection.select(['demo-bridge-1']));
  await page.getByTestId('layer-table-demo-roads').click();
  await expect(page.getByTestId('table-count')).toHaveText('63 dari 63 baris');
  await expect(page.getByTestId('table-copy')).toBeDisabled();
  await page.getByTestId('layer-table-demo-bridges').click();
  await expect(page.getByTestId('table-count')).toContainText('1 dipilih');
  await page.getByTestId('table-close').click();

  // The last ruas of the list, far from Kupang: the map moves to it.
  await page.getByTestId('tab-sta').click();
  const options = await page
    .getByTestId('sta-ruas')
    .locator('option')
    .evaluateAll((all) => all.map((option) => (option as HTMLOptionElement).value));
  const key = options[options.length - 1]!;
  const [layerId, ruasNumber] = key.split('|') as [string, string];
  const centre = await page.evaluate(
    ([layer, ruas]) => {
      type Nested = number | Nested[];
      const flat = (c: Nested[]): number[][] =>
        typeof c[0] === 'number' ? [c as number[]] : c.flatMap((part) => flat(part as Nested[]));
      const positions = window
        .rumijaStore!.getSnapshot()
        .featuresByLayer.get(layer)!
        .filter((feature) => String(feature.properties.ruasNumber) === ruas)
        .flatMap((feature) => flat((feature.geometry as unknown as { coordinates: Nested[] }).coordinates));
      const xs = positions.map((position) => position[0]!);
      const ys = positions.map((position) => position[1]!);
      return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2] as [number, number];
    },
    [layerId, ruasNumber] as const,
  );
  await page.evaluate(() => window.rumijaMap!.jumpTo({ center: [123.6, -10.17], zoom: 13 }));
  expect(await page.evaluate((c) => window.rumijaMap!.getBounds().contains(c), centre)).toBe(false);
  await page.getByTestId('sta-ruas').selectOption(key);
  await expect
    .poll(() =>
      page.evaluate((c) => !window.rumijaMap!.isMoving() && window.rumijaMap!.getBounds().contains(c), centre),
    )
    .toBe(true);
  await waitForMapIdle(page);
  await screenshot(page, 'sta-ruas-framed-id-1366');
});

test('place labels near the bottom edge are not hidden: the scale bar and coordinates sit under the map', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  const canvas = page.locator('[data-testid="map"] canvas');
  const below = async (testid: string | null, selector?: string) => {
    const box = (await (testid ? page.getByTestId(testid) : page.locator(selector!)).boundingBox())!;
    const map = (await canvas.boundingBox())!;
    return box.y >= map.y + map.height - 0.5;
  };
  await page.mouse.move(700, 400);
  await expect(page.getByTestId('cursor-decimal')).toHaveText(/^-\d+,\d{5}°; \d+,\d{5}°$/);
  expect(await below('cursor-coordinates')).toBe(true);
  await expect(page.locator('.maplibregl-ctrl-scale')).toHaveText(/^\d+\sk?m$/);
  expect(await below(null, '.maplibregl-ctrl-scale')).toBe(true);

  // Kupang 12 px above the bottom-left corner of the map, where the scale and the coordinates used to be drawn.
  const map = (await canvas.boundingBox())!;
  await page.evaluate(
    ({ height }) => {
      const m = window.rumijaMap!;
      m.jumpTo({ zoom: 9, center: [123.60694, -10.17083] });
      const at = m.project([123.60694, -10.17083]);
      m.panBy([at.x - 60, at.y - (height - 12)], { duration: 0 });
    },
    { height: map.height },
  );
  await waitForMapIdle(page);
  const label = await page.evaluate(() => {
    const m = window.rumijaMap!;
    const found = m.queryRenderedFeatures({ layers: ['place-labels'] }).find((f) => f.properties.name === 'Kupang');
    const at = m.project([123.60694, -10.17083]);
    return found ? { x: at.x, y: at.y } : null;
  });
  expect(label, 'Kupang is labelled').not.toBeNull();
  const onTop = await page.evaluate(
    ({ x, y, left, top }) => document.elementFromPoint(left + x + 20, top + y - 8)?.tagName ?? null,
    { ...label!, left: map.x, top: map.y },
  );
  expect(onTop, 'what covers the Kupang label').toBe('CANVAS');
  await screenshot(page, 'map-status-strip-id-1366');
  await page.getByTestId('language-en').click();
  await page.mouse.move(700, 400);
  await expect(page.getByTestId('cursor-decimal')).toHaveText(/^-\d+\.\d{5}°, \d+\.\d{5}°$/);
  await screenshot(page, 'map-status-strip-en-1366');
});

test('text typed into a new slide at once is kept; the route picker shows the layer of the typed ruas', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  // A second road layer: a ruas typed on a slide is looked for in the layer that has it, not the first one.
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-files').click();
  await (
    await chooser
  ).setFiles(
    writeFixture(
      'ruas-survei.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: {
              type: 'LineString',
              coordinates: [
                [123.7, -10.1],
                [123.72, -10.11],
              ],
            },
            properties: { no_ruas: 'X-9', nama: 'Ruas survei', kondisi: 'baik', status: 'provinsi' },
          },
        ],
      }),
    ),
  );
  await page.getByTestId('preview-kind').selectOption('road');
  await page.getByTestId('preview-import').click();
  await expect(page.getByTestId('import-outcome')).toContainText('1 fitur diimpor');
  const surveyLayer = await page.evaluate(
    () => window.rumijaStore!.getSnapshot().layers.find((layer) => layer.name.includes('ruas-survei'))!.id,
  );
  await page.getByTestId('tab-story').click();
  await page.getByTestId('story-new').click();
  await expect(page.getByTestId('story-title')).toHaveValue('Cerita tanpa judul');
  // A slow disk: each story save reaches the store 800 ms late, so the new slide's own save comes back while
  // what was typed after it is still on its way.
  await page.evaluate(() => {
    const stories = window.rumijaStore!.stories;
    const save = stories.save.bind(stories);
    stories.save = (story) => new Promise((resolve) => setTimeout(resolve, 800)).then(() => save(story));
  });
  await page.getByTestId('slide-add').click();
  const title = page.getByTestId('slide-title-0');
  await title.click();
  await title.press('Control+a');
  await title.pressSequentially('Jembatan rusak', { delay: 0 });
  await page.getByTestId('slide-caption-0').pressSequentially('Lima jembatan di P-101', { delay: 0 });
  await page.getByTestId('slide-notes-0').pressSequentially('Sebut Kapsali dulu', { delay: 0 });
  await page.getByTestId('slide-route-ruas-0').pressSequentially('P-101', { delay: 0 });
  await page.getByTestId('slide-add').click();
  await page.getByTestId('slide-caption-1').pressSequentially('Kedua', { delay: 0 });
  await page.getByTestId('slide-route-ruas-1').pressSequentially('X-9', { delay: 0 });
  await page.getByTestId('story-title').click();

  const expectSlides = async () => {
    await expect(page.getByTestId('slide-title-0')).toHaveValue('Jembatan rusak');
    await expect(page.getByTestId('slide-caption-0')).toHaveValue('Lima jembatan di P-101');
    await expect(page.getByTestId('slide-notes-0')).toHaveValue('Sebut Kapsali dulu');
    await expect(page.getByTestId('slide-route-ruas-0')).toHaveValue('P-101');
    // The ruas was typed without picking a layer: the picker names the road layer it was found in.
    await expect(page.getByTestId('slide-route-layer-0')).toHaveValue('demo-roads');
    await expect(page.getByTestId('slide-caption-1')).toHaveValue('Kedua');
    await expect(page.getByTestId('slide-route-ruas-1')).toHaveValue('X-9');
    await expect(page.getByTestId('slide-route-layer-1')).toHaveValue(surveyLayer);
  };
  await expectSlides();
  await page.waitForTimeout(1_500);
  await expectSlides();
  await page.reload();
  await waitForMapIdle(page);
  await page.getByTestId('tab-story').click();
  await page.getByTestId('story-select').selectOption({ label: 'Cerita tanpa judul' });
  await expectSlides();
  await page.getByTestId('slide-0').scrollIntoViewIfNeeded();
  await screenshot(page, 'story-slides-typed-id-1366');
  // The default title was written in Indonesian when the story was made; it is the user's text now, not the UI's.
  await page.getByTestId('story-title').fill('Uji ketik cepat');
  await page.getByTestId('story-subtitle').click();
  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('story-title')).toHaveValue('Uji ketik cepat');
  await waitForMapIdle(page);
  await expect(page.getByTestId('slide-route-layer-0').locator('option').first()).toHaveText('No route');
  await screenshot(page, 'story-slides-typed-en-1366');
});
