import { expect, test } from '@playwright/test';
import { openApp, screenshot } from './helpers';

/**
 * An issued SKRD is final (#32): its number may be on paper, and the register is gap-free. Undo after issuing says
 * so in the user's language and changes nothing; the numbers stay, and the next issue would continue after them.
 */
test('undo after issuing an SKRD is refused with the reason, and the numbers stay', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  await page.getByTestId('tab-retribution').click();
  // The demo's periods are issued already: an owner linked now is assessed into a draft.
  await page
    .getByTestId('suggestion')
    .filter({ hasText: 'Operator seluler (contoh)' })
    .getByTestId('confirm-suggestion')
    .click();
  await page.getByTestId('retribution-tab-assess').click();
  const issue = page.getByTestId('assess-issue');
  const periods = await page
    .getByTestId('assess-period')
    .locator('option')
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  await page.getByTestId('assess-period').selectOption(periods.at(-1)!);
  await page.getByTestId('assess-run').click();
  await expect(issue).toBeEnabled();
  page.on('dialog', (dialog) => void dialog.accept());
  const register = () =>
    page.evaluate(async () => {
      const db = window.rumijaStore!.db;
      const settings = await db.retributionSettings.get('default');
      const assessments = await db.assessments.toArray();
      return {
        sequence: settings?.lastSequence ?? {},
        numbers: assessments.flatMap((a) => (a.number ? [a.number] : [])).sort(),
      };
    });
  const before = await register();
  await issue.click();
  await expect(page.getByTestId('assess-message')).toContainText('SKRD terbit:');
  const issued = await register();
  expect(issued.numbers.length).toBeGreaterThan(before.numbers.length);

  await page.getByTestId('undo').click();
  await expect(page.getByTestId('tool-message')).toHaveText(
    'SKRD yang sudah diterbitkan tidak diurungkan: nomornya mungkin sudah tercetak dan tidak boleh dipakai lagi. Koreksi melalui revisi SKRD (tab Retribusi).',
  );
  expect(await register()).toEqual(issued);
  await screenshot(page, 'skrd-undo-refused-id-1366');
  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('tool-message')).toHaveText(
    'An issued SKRD is not undone: its number may already be printed and must not be used again. Correct it with a revision (Retribution tab).',
  );
});
