import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, screenshot } from './helpers';

/** Each failure is injected from outside the app (a broken browser API, a broken worker script), not through a hook. */

test('a panel that throws while drawing is replaced by a message; the map and the other panels carry on', async ({
  page,
}) => {
  await openApp(page);
  await page.evaluate(() => {
    const descriptor = Object.getOwnPropertyDescriptor(Intl.NumberFormat.prototype, 'format')!;
    (window as unknown as { restoreFormat: () => void }).restoreFormat = () =>
      Object.defineProperty(Intl.NumberFormat.prototype, 'format', descriptor);
    Object.defineProperty(Intl.NumberFormat.prototype, 'format', {
      configurable: true,
      get() {
        throw new Error('injected: number formatting broke');
      },
    });
  });
  await page.getByTestId('tab-summary').click();
  await expect(page.getByTestId('panel-failure')).toContainText('Panel ringkasan mengalami galat');
  await expect(page.getByTestId('panel-failure')).toContainText('injected: number formatting broke');
  await expect(page.locator('.maplibregl-canvas')).toBeVisible();
  await expect(page.getByTestId('tab-layers')).toBeEnabled();
  await screenshot(page, 'panel-failure-id');

  await page.evaluate(() => (window as unknown as { restoreFormat: () => void }).restoreFormat());
  await page.getByTestId('panel-retry').click();
  await expect(page.getByTestId('panel-failure')).toHaveCount(0);
  await expect(page.getByTestId('summary-panel')).toBeVisible();
});

test('an import whose reader (the worker) dies ends in a message, not a spinner, and the next import works', async ({
  page,
}) => {
  let breakWorker = true;
  await page.route('**/import.worker*', async (route) => {
    if (!breakWorker) return route.continue();
    await route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("injected: reader crashed");' });
  });
  await openApp(page);
  const file = join(mkdtempSync(join(tmpdir(), 'rumija-resilience-')), 'tiang.geojson');
  writeFileSync(
    file,
    JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [123.6, -10.16] }, properties: {} }],
    }),
  );

  let chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-files').click();
  await (await chooser).setFiles(file);
  await expect(page.getByTestId('import-outcome')).toContainText('tiang.geojson');
  await expect(page.getByTestId('import-messages')).toHaveAttribute('role', 'alert');
  await expect(page.getByTestId('import-progress')).toHaveCount(0);

  breakWorker = false;
  chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-files').click();
  await (await chooser).setFiles(file);
  await expect(page.getByTestId('import-preview')).toContainText('tiang.geojson');
});

test('a failed export write says so and names the file', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('tab-analysis').click();
  await page.getByTestId('analysis-corridor').selectOption('demo-corridor-kupang');
  await page.getByTestId('analysis-run').click();
  await expect(page.getByTestId('analysis-results')).toBeVisible();
  await page.evaluate(() => {
    URL.createObjectURL = () => {
      throw new Error('injected: disk full');
    };
  });
  await page.getByTestId('export-csv').click();
  await expect(page.getByTestId('analysis-export-message')).toHaveText(/rumija-perambahan\.csv: injected: disk full/);
  await expect(page.getByTestId('analysis-export-message')).toHaveAttribute('role', 'alert');
});

test('a rejection nobody handled is shown to the user', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => {
    void Promise.reject(new Error('injected: lost promise'));
  });
  await expect(page.getByTestId('unexpected-error')).toContainText(
    'Terjadi kesalahan tak terduga: injected: lost promise',
  );
  await screenshot(page, 'unexpected-error-id');
});
