import { _electron as electron, expect, test } from '@playwright/test';
import { resolve } from 'node:path';

/**
 * Starts the real desktop app. Runs only when ELECTRON_OVERRIDE_DIST_PATH points at an Electron
 * binary (this machine cannot download one); otherwise it is reported as skipped.
 */
const binaryFolder = process.env.ELECTRON_OVERRIDE_DIST_PATH;

test.describe('Electron desktop app', () => {
  test.skip(
    !binaryFolder,
    'Electron binary not available: set ELECTRON_OVERRIDE_DIST_PATH to run the desktop launch test',
  );

  test('launches a hardened window that renders the offline map', async () => {
    const app = await electron.launch({
      args: [resolve(__dirname, '../../out/main/index.js'), '--no-sandbox'],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    });
    try {
      const page = await app.firstWindow();
      await page.waitForFunction(() => Boolean(window.rumijaMap?.loaded()), null, { timeout: 30_000 });
      expect(page.url()).toBe('app://rumija/index.html');
      expect(await page.evaluate(() => window.rumijaHost?.kind)).toBe('electron');
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      const preferences = await app.evaluate(({ BrowserWindow }) => {
        const web = BrowserWindow.getAllWindows()[0]!.webContents as unknown as {
          getLastWebPreferences(): { contextIsolation?: boolean; sandbox?: boolean } | null;
        };
        const preferences = web.getLastWebPreferences();
        return { isolated: preferences?.contextIsolation, sandbox: preferences?.sandbox };
      });
      expect(preferences).toEqual({ isolated: true, sandbox: true });
      await page.evaluate(() => {
        window.location.href = 'https://example.org/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toBe('app://rumija/index.html');
      const info = await page.evaluate(() => window.rumijaHost!.appInfo());
      expect(info.host).toBe('electron');
    } finally {
      await app.close();
    }
  });
});
