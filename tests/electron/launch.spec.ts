import { _electron as electron, expect, test } from '@playwright/test';
import { resolve } from 'node:path';

/**
 * Starts the real desktop app. Runs only when ELECTRON_OVERRIDE_DIST_PATH points at an Electron
 * binary (this machine cannot download one); otherwise it is reported as skipped.
 */
const binaryFolder = process.env.ELECTRON_OVERRIDE_DIST_PATH;

test.describe('Electron desktop app', () => {
  test.skip(!binaryFolder, 'Electron binary not available: set ELECTRON_OVERRIDE_DIST_PATH to run the desktop launch test');

  test('launches a hardened window that renders the offline map', async () => {
    const app = await electron.launch({
      args: [resolve(__dirname, '../../out/main/index.js'), '--no-sandbox'],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    });
    try {
      const window = await app.firstWindow();
      await window.waitForFunction(() => Boolean(window.rumijaMap?.loaded()), null, { timeout: 30_000 });
      expect(window.url()).toBe('app://rumija/index.html');
      expect(await window.evaluate(() => window.rumijaHost?.kind)).toBe('electron');
      expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      const preferences = await app.evaluate(({ BrowserWindow }) => {
        const web = BrowserWindow.getAllWindows()[0].webContents;
        return { isolated: web.getLastWebPreferences()?.contextIsolation, sandbox: web.getLastWebPreferences()?.sandbox };
      });
      expect(preferences).toEqual({ isolated: true, sandbox: true });
      await window.evaluate(() => {
        window.location.href = 'https://example.org/';
      });
      await window.waitForTimeout(500);
      expect(window.url()).toBe('app://rumija/index.html');
      const info = await window.evaluate(() => window.rumijaHost!.appInfo());
      expect(info.host).toBe('electron');
    } finally {
      await app.close();
    }
  });
});
