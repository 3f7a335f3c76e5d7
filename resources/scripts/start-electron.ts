/**
 * `npm start` / `npm run dev`: make sure an Electron binary is there, then hand over to electron-vite
 * (`preview` builds and starts, `dev` starts with hot reload). Without a binary: one short message, exit 1.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { resolveElectronBinary } from './electron-binary';

const require = createRequire(__filename);
const projectRoot = join(__dirname, '../..');
const electronPackageDir = dirname(require.resolve('electron/package.json', { paths: [projectRoot] }));
const electronVite = join(projectRoot, 'node_modules/electron-vite/bin/electron-vite.js');

function runInstaller(): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    console.log('Rumija: mengunduh biner Electron… / downloading the Electron binary…');
    const child = spawn(process.execPath, [join(electronPackageDir, 'install.js')], {
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => resolve({ code: 1, stderr: String(error) }));
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
  });
}

async function main() {
  const launch = await resolveElectronBinary({
    env: process.env,
    platform: process.platform,
    nodeVersion: process.version,
    electronPackageDir,
    exists: existsSync,
    readText: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined),
    runInstaller,
  });

  if (!launch.ok) {
    console.error(launch.message);
    process.exit(1);
  }

  const command = process.argv[2] === 'dev' ? 'dev' : 'preview';
  const child = spawn(process.execPath, [electronVite, command, ...process.argv.slice(3)], {
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_EXEC_PATH: launch.execPath },
  });
  child.on('close', (code) => process.exit(code ?? 1));
}

void main();
