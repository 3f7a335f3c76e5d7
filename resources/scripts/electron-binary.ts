/**
 * Finds the Electron binary before electron-vite starts, because electron-vite 6 reads
 * node_modules/electron/path.txt itself and stops with "Electron uninstall" when it is missing,
 * while Electron 45 only downloads its binary when something asks (its install.js).
 */
import { join } from 'node:path';

/** Node version Electron 45's downloader (@electron/get 5) requires. */
export const ELECTRON_INSTALLER_NODE = '22.12.0';

export interface ElectronProbe {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  nodeVersion: string;
  /** Folder of the `electron` npm package. */
  electronPackageDir: string;
  exists: (path: string) => boolean;
  readText: (path: string) => string | undefined;
  /** Runs Electron's own installer; resolves with its exit code and what it printed on stderr. */
  runInstaller: () => Promise<{ code: number; stderr: string }>;
}

export type ElectronLaunch =
  | { ok: true; execPath: string; how: 'exec-path' | 'override' | 'installed' | 'downloaded' }
  | { ok: false; reason: 'override-missing' | 'no-network' | 'download-failed'; message: string };

export function platformExecutable(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

export function isNodeAtLeast(version: string, minimum: string): boolean {
  const parts = (text: string) =>
    text
      .replace(/^v/, '')
      .split('.')
      .map((part) => Number.parseInt(part, 10) || 0);
  const have = parts(version);
  const need = parts(minimum);
  for (let index = 0; index < 3; index++) {
    const difference = (have[index] ?? 0) - (need[index] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  return true;
}

const NETWORK_ERROR =
  /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|socket hang up/i;

const HOW_TO_CONTINUE = [
  'Cara melanjutkan / How to continue:',
  '  • Arahkan ke Electron yang sudah ada / point at an Electron you already have:',
  '      ELECTRON_OVERRIDE_DIST_PATH=/folder/berisi/electron npm start',
  '  • Atau jalankan aplikasi yang sama di peramban / or run the same app in a browser:',
  '      npm run web   (lalu buka / then open http://127.0.0.1:5173/)',
].join('\n');

function failure(reason: Exclude<ElectronLaunch, { ok: true }>['reason'], why: string): ElectronLaunch {
  return {
    ok: false,
    reason,
    message: `Rumija: Electron tidak dapat dijalankan / Electron cannot start.\n${why}\n\n${HOW_TO_CONTINUE}`,
  };
}

/** Decides which Electron binary to start, downloading it with Electron's installer only when none is found. */
export async function resolveElectronBinary(probe: ElectronProbe): Promise<ElectronLaunch> {
  const executable =
    probe.readText(join(probe.electronPackageDir, 'path.txt'))?.trim() || platformExecutable(probe.platform);

  const execPath = probe.env.ELECTRON_EXEC_PATH;
  if (execPath && probe.exists(execPath)) return { ok: true, execPath, how: 'exec-path' };

  const override = probe.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = join(override, executable);
    if (probe.exists(candidate)) return { ok: true, execPath: candidate, how: 'override' };
    return failure(
      'override-missing',
      `ELECTRON_OVERRIDE_DIST_PATH menunjuk ke ${override}, tetapi ${candidate} tidak ada.\n` +
        `ELECTRON_OVERRIDE_DIST_PATH points at ${override}, but ${candidate} does not exist.`,
    );
  }

  const installed = join(probe.electronPackageDir, 'dist', executable);
  if (probe.exists(installed)) return { ok: true, execPath: installed, how: 'installed' };

  const { code, stderr } = await probe.runInstaller();
  if (code === 0 && probe.exists(installed)) return { ok: true, execPath: installed, how: 'downloaded' };
  const nodeNote = isNodeAtLeast(probe.nodeVersion, ELECTRON_INSTALLER_NODE)
    ? ''
    : `\nPengunduh Electron memerlukan Node.js >= ${ELECTRON_INSTALLER_NODE} (terpasang ${probe.nodeVersion}).` +
      `\nElectron's downloader needs Node.js >= ${ELECTRON_INSTALLER_NODE} (this is ${probe.nodeVersion}).`;
  const lastLine =
    stderr
      .trim()
      .split('\n')
      .find((line) => line.trim().length > 0)
      ?.trim() ?? `exit ${code}`;
  if (NETWORK_ERROR.test(stderr)) {
    return failure(
      'no-network',
      `Biner Electron tidak dapat diunduh: tidak ada jaringan ke server unduhan Electron (${lastLine}).\n` +
        `The Electron binary could not be downloaded: no network to Electron's download server (${lastLine}).` +
        nodeNote,
    );
  }
  return failure(
    'download-failed',
    `Pengunduhan biner Electron gagal (${lastLine}).\nDownloading the Electron binary failed (${lastLine}).` + nodeNote,
  );
}
