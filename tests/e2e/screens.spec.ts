import { expect, test, type Page } from '@playwright/test';
import { openApp, screenshot, waitForMapIdle } from './helpers';

/**
 * The screens this round touched, in both languages at the two desktop sizes, for a person to look at: the layer
 * style editor with its legend and the highlight legend, the attribute table's tools, the summary export, the
 * tariff and the print dialog with its preview. Each checks the words it shows are in the UI language.
 */
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const WORDS = {
  id: { style: 'Warnai menurut kolom', table: 'Kolom hitungan…', summary: 'Simpan CSV (Excel)', print: 'Simpan PDF' },
  en: { style: 'Colour by field', table: 'Calculated column…', summary: 'Save CSV (Excel)', print: 'Save PDF' },
};

async function tour(page: Page, language: 'id' | 'en', width: number) {
  const words = WORDS[language];
  const name = (screen: string) => `screen-${screen}-${language}-${width}`;
  // The sidebar's footer buttons stay on one row, so the panels above keep their height.
  const tops = await page
    .locator('.sidebar-footer button')
    .evaluateAll((buttons) => buttons.map((button) => Math.round(button.getBoundingClientRect().top)));
  expect(new Set(tops).size, `footer rows: ${tops}`).toBe(1);
  await page.getByTestId('layer-style-button-demo-roads').click();
  await page.getByTestId('style-field-demo-roads').selectOption('condition');
  await page.getByTestId('style-apply-demo-roads').click();
  await expect(page.getByTestId('style-editor-demo-roads')).toContainText(words.style);
  await page.getByTestId('highlight-legend').locator('summary').click();
  await waitForMapIdle(page);
  await screenshot(page, name('layer-style'));
  await page.getByTestId('highlight-legend').scrollIntoViewIfNeeded();
  await screenshot(page, name('highlight-legend'));

  await page.getByTestId('layer-table-demo-roads').click();
  await page.getByTestId('filter-text-lengthM').fill(language === 'id' ? '> 50.000' : '> 50,000');
  await page.getByTestId('table-row').first().click();
  await page.getByTestId('table-bulk').click();
  await expect(page.getByTestId('table-calculate')).toHaveText(words.table);
  await screenshot(page, name('table-tools'));
  await page.getByTestId('table-close').click();

  await page.getByTestId('tab-summary').click();
  await expect(page.getByTestId('summary-save')).toHaveText(words.summary);
  await screenshot(page, name('summary'));
  await page.getByTestId('tab-analysis').click();
  await page.locator('.tariff-details summary').click();
  await screenshot(page, name('tariff'));

  await page.getByTestId('print-open').click();
  await page.getByTestId('print-preview').click();
  await expect(page.getByTestId('print-preview-image')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('print-pdf')).toHaveText(words.print);
  await screenshot(page, name('print'));
  await page.getByTestId('print-close').click();
}

for (const size of SIZES)
  for (const language of ['id', 'en'] as const)
    test(`the screens of this round in ${language} at ${size.width}×${size.height}`, async ({ page }) => {
      test.setTimeout(240_000);
      await page.setViewportSize(size);
      await openApp(page);
      if (language === 'en') await page.getByTestId('language-en').click();
      await tour(page, language, size.width);
    });
