import { expect, test, type Page } from '@playwright/test';
import { openApp, screenshot, waitForMapIdle } from './helpers';

/**
 * The sidebar and the attribute table are resizable (mouse and keyboard), the map follows, and the sizes survive a
 * restart (#31). At 1366×768 the default sidebar shows the summary's columns whole.
 */
const box = async (page: Page, testId: string) => (await page.getByTestId(testId).boundingBox())!;
const canvasSize = (page: Page) =>
  page.evaluate(() => {
    const canvas = window.rumijaMap!.getCanvas();
    return { width: canvas.clientWidth, height: canvas.clientHeight };
  });

for (const language of ['id', 'en'] as const)
  test(`sidebar and table resize, maximise and are remembered in ${language} at 1366×768`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    await openApp(page);
    if (language === 'en') await page.getByTestId('language-en').click();

    await page.getByTestId('tab-summary').click();
    const sidebarAtStart = await box(page, 'sidebar');
    await screenshot(page, `layout-summary-default-${language}-1366`);

    // Drag the handle 200 px to the right: the sidebar grows by as much and the map's canvas shrinks by as much.
    const canvasAtStart = await canvasSize(page);
    const handle = await box(page, 'sidebar-resize');
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + handle.width / 2 + 200, handle.y + handle.height / 2, { steps: 5 });
    await page.mouse.up();
    const widened = await box(page, 'sidebar');
    expect(Math.abs(widened.width - sidebarAtStart.width - 200)).toBeLessThanOrEqual(2);
    await expect.poll(async () => canvasAtStart.width - (await canvasSize(page)).width).toBeGreaterThanOrEqual(198);
    expect(canvasAtStart.width - (await canvasSize(page)).width).toBeLessThanOrEqual(202);
    // Widened, the summary shows whole: the Kemantapan column's cells end inside the sidebar.
    const kemantapanRight = await page
      .locator('[data-testid^="summary-kemantapan-"]')
      .evaluateAll((cells) => Math.max(...cells.map((cell) => cell.getBoundingClientRect().right)));
    expect(kemantapanRight).toBeGreaterThan(0);
    expect(kemantapanRight).toBeLessThanOrEqual(widened.x + widened.width);
    await page.getByTestId('tab-retribution').click();
    await screenshot(page, `layout-retribution-wide-${language}-1366`);
    await page.getByTestId('tab-summary').click();

    // The keyboard: one arrow press is one step of 16 px; Home goes to the narrowest.
    await page.getByTestId('sidebar-resize').focus();
    await page.keyboard.press('ArrowLeft');
    expect((await box(page, 'sidebar')).width).toBeCloseTo(widened.width - 16, 0);
    await page.keyboard.press('ArrowRight');
    expect((await box(page, 'sidebar')).width).toBeCloseTo(widened.width, 0);
    await expect(page.getByTestId('sidebar-resize')).toHaveAttribute(
      'aria-valuenow',
      String(Math.round(widened.width)),
    );
    await waitForMapIdle(page);
    await screenshot(page, `layout-summary-wide-${language}-1366`);

    // A restart keeps the width, and the map canvas fills what is left.
    await page.reload();
    await waitForMapIdle(page);
    expect((await box(page, 'sidebar')).width).toBeCloseTo(widened.width, 0);
    const mapArea = await page.evaluate(() => window.rumijaMap!.getContainer().getBoundingClientRect().width);
    expect((await canvasSize(page)).width).toBeCloseTo(mapArea, 0);

    // The table: maximised it takes most of the window's height, restored it goes back, and a drag sets its height.
    await page.getByTestId('layer-table-demo-roads').click();
    const tableAtStart = await box(page, 'attribute-table');
    expect(tableAtStart.height).toBeLessThan(768 * 0.5);
    await page.getByTestId('table-maximise').click();
    await expect(page.getByTestId('table-maximise')).toHaveAttribute('aria-pressed', 'true');
    const maximised = await box(page, 'attribute-table');
    expect(maximised.height).toBeGreaterThan(768 * 0.7);
    await expect.poll(async () => (await canvasSize(page)).height).toBeLessThan(140);
    await waitForMapIdle(page);
    await screenshot(page, `layout-table-maximised-${language}-1366`);
    await page.getByTestId('table-maximise').click();
    expect((await box(page, 'attribute-table')).height).toBeCloseTo(tableAtStart.height, 0);

    const tableHandle = await box(page, 'table-resize');
    await page.mouse.move(tableHandle.x + 200, tableHandle.y + tableHandle.height / 2);
    await page.mouse.down();
    await page.mouse.move(tableHandle.x + 200, tableHandle.y + tableHandle.height / 2 - 100, { steps: 5 });
    await page.mouse.up();
    const taller = await box(page, 'attribute-table');
    expect(Math.abs(taller.height - tableAtStart.height - 100)).toBeLessThanOrEqual(2);
    await page.getByTestId('table-resize').focus();
    await page.keyboard.press('ArrowDown');
    expect((await box(page, 'attribute-table')).height).toBeCloseTo(taller.height - 16, 0);

    await page.reload();
    await waitForMapIdle(page);
    await page.getByTestId('layer-table-demo-roads').click();
    expect((await box(page, 'attribute-table')).height).toBeCloseTo(taller.height - 16, 0);
  });
