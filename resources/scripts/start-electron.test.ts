import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');

/** Runs `npm start`'s script as a user would, with an environment of our choosing. */
function start(env: Record<string, string>, args: string[] = []) {
  const clean = { ...process.env };
  delete clean.ELECTRON_EXEC_PATH;
  delete clean.ELECTRON_OVERRIDE_DIST_PATH;
  return spawnSync(process.execPath, [TSX, 'resources/scripts/start-electron.ts', ...args], {
    cwd: ROOT,
    env: { ...clean, ...env },
    encoding: 'utf8',
    timeout: 180_000,
  });
}

describe('npm start (resources/scripts/start-electron.ts)', () => {
  it('builds and starts the Electron binary named by ELECTRON_OVERRIDE_DIST_PATH', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rumija-electron-'));
    const record = join(folder, 'started-with.txt');
    const fake = join(folder, process.platform === 'win32' ? 'electron.exe' : 'electron');
    writeFileSync(fake, `#!/bin/sh\necho "$PWD $@" > "${record}"\nexit 0\n`);
    chmodSync(fake, 0o755);

    const run = start({ ELECTRON_OVERRIDE_DIST_PATH: folder });
    expect(run.status, run.stderr).toBe(0);
    // electron-vite preview built the app and started our "Electron" on the project folder ("." in the root)
    expect(readFileSync(record, 'utf8').trim()).toBe(`${ROOT} .`);
    expect(existsSync(join(ROOT, 'out/main/index.js'))).toBe(true);
  }, 200_000);

  it('stops with one short message, no stack trace and exit 1 where no binary can be had', () => {
    const run = start({ ELECTRON_OVERRIDE_DIST_PATH: join(tmpdir(), 'no-electron-here') });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Electron tidak dapat dijalankan / Electron cannot start');
    expect(run.stderr).toContain('npm run web');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).not.toContain('Electron uninstall');
  }, 60_000);
});
