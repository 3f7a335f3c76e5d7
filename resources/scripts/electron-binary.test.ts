import { describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { isNodeAtLeast, resolveElectronBinary, type ElectronProbe } from './electron-binary';

const PACKAGE = '/app/node_modules/electron';

function probe(overrides: Partial<ElectronProbe> & { files?: string[] } = {}): ElectronProbe {
  const files = new Set(overrides.files ?? []);
  return {
    env: {},
    platform: 'linux',
    nodeVersion: 'v22.12.0',
    electronPackageDir: PACKAGE,
    exists: (path) => files.has(path),
    readText: () => undefined,
    runInstaller: vi.fn(async () => ({ code: 1, stderr: 'TypeError: fetch failed\n    at node:internal/deps/undici' })),
    ...overrides,
  };
}

describe('resolveElectronBinary', () => {
  it('starts an installed binary without asking the installer', async () => {
    const installed = join(PACKAGE, 'dist', 'electron');
    const host = probe({ files: [installed], readText: () => 'electron' });
    expect(await resolveElectronBinary(host)).toEqual({ ok: true, execPath: installed, how: 'installed' });
    expect(host.runInstaller).not.toHaveBeenCalled();
  });

  it('uses ELECTRON_OVERRIDE_DIST_PATH with the platform executable name', async () => {
    const host = probe({
      env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' },
      platform: 'win32',
      files: ['/opt/electron/electron.exe'],
    });
    expect(await resolveElectronBinary(host)).toEqual({
      ok: true,
      execPath: '/opt/electron/electron.exe',
      how: 'override',
    });
    expect(host.runInstaller).not.toHaveBeenCalled();
  });

  it('says so when the override points at a folder without Electron, and downloads nothing', async () => {
    const host = probe({ env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/empty' } });
    const launch = await resolveElectronBinary(host);
    expect(launch).toMatchObject({ ok: false, reason: 'override-missing' });
    expect(!launch.ok && launch.message).toContain('/opt/empty/electron');
    expect(host.runInstaller).not.toHaveBeenCalled();
  });

  it("downloads with Electron's installer when nothing is installed", async () => {
    const installed = join(PACKAGE, 'dist', 'electron');
    const files = new Set<string>();
    const host = probe({
      exists: (path) => files.has(path),
      runInstaller: vi.fn(async () => {
        files.add(installed);
        return { code: 0, stderr: '' };
      }),
    });
    expect(await resolveElectronBinary(host)).toEqual({ ok: true, execPath: installed, how: 'downloaded' });
  });

  it('explains a failed download without network in both languages, with both ways on', async () => {
    const launch = await resolveElectronBinary(probe());
    expect(launch).toMatchObject({ ok: false, reason: 'no-network' });
    if (launch.ok) return;
    expect(launch.message).toContain('tidak ada jaringan');
    expect(launch.message).toContain('no network');
    expect(launch.message).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    expect(launch.message).toContain('npm run web');
    expect(launch.message).not.toMatch(/\n\s+at /);
  });

  it('tells a failed download apart from a missing network', async () => {
    const launch = await resolveElectronBinary(
      probe({ runInstaller: async () => ({ code: 1, stderr: 'Error: checksum mismatch' }) }),
    );
    expect(launch).toMatchObject({ ok: false, reason: 'download-failed' });
    expect(!launch.ok && launch.message).toContain('checksum mismatch');
  });

  it('names the Node version when the installer failed on a Node it does not support', async () => {
    const launch = await resolveElectronBinary(probe({ nodeVersion: 'v20.20.2' }));
    expect(launch).toMatchObject({ ok: false, reason: 'no-network' });
    expect(!launch.ok && launch.message).toContain('Node.js >= 22.12.0 (this is v20.20.2)');
  });
});

describe('isNodeAtLeast', () => {
  it.each([
    ['v22.12.0', true],
    ['v22.11.9', false],
    ['v23.0.0', true],
    ['v20.20.2', false],
  ])('%s >= 22.12.0 is %s', (version, expected) => expect(isNodeAtLeast(version, '22.12.0')).toBe(expected));
});
