import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';

const ROOT = resolve(__dirname, '../..');

/** Serves the built renderer (out/web) with vite preview on a free loopback port. */
export async function startPreview(port = 5190): Promise<{ url: string; stop: () => void }> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      resolve(ROOT, 'node_modules/vite/bin/vite.js'),
      'preview',
      '--config',
      'renderer/vite.config.mts',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { cwd: ROOT, stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}/`;
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(url)).ok) return { url, stop: () => child.kill() };
    } catch {
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  child.kill();
  throw new Error(`vite preview did not start on ${url}`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * Defines `window[globalName]` in the page with the exports of a shared module, so large
 * benchmark data is generated inside the page rather than serialised across the protocol.
 */
export async function loadSharedModuleInPage(page: Page, entry: string, globalName = 'RumijaBench'): Promise<void> {
  const bundle = await build({
    entryPoints: [resolve(ROOT, entry)],
    bundle: true,
    format: 'iife',
    globalName,
    write: false,
    platform: 'browser',
  });
  await page.evaluate(`${bundle.outputFiles[0]!.text}; window.${globalName} = ${globalName}; true`);
}
