import { addProtocol } from 'maplibre-gl';
import type { BackgroundInfo } from '#shared/background/background-readers';
import type { BackgroundWorkerApi } from './background.worker';
import { createWorkerClient } from './worker-client';

const backgroundWorker = createWorkerClient<BackgroundWorkerApi>(
  'Latar peta / background',
  () => new Worker(new URL('./background.worker.ts', import.meta.url), { type: 'module' }),
);

export const BACKGROUND_PROTOCOL = 'rumija-bg';

/** The files opened, so a restarted worker can open them again. */
const opened = new Map<string, File>();

export async function openBackgroundFile(id: string, file: File): Promise<BackgroundInfo> {
  const info = await backgroundWorker.call((api) => api.open(id, file));
  opened.set(id, file);
  return info;
}

export function closeBackgroundFile(id: string) {
  opened.delete(id);
  void backgroundWorker.call((api) => api.close(id)).catch(() => undefined);
}

/** A fully transparent 1 × 1 PNG, for raster tiles the file does not have (MapLibre wants an image). */
const EMPTY_PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

async function tileBytes(id: string, z: number, x: number, y: number): Promise<Uint8Array | null> {
  const ask = () => backgroundWorker.call<Uint8Array | null | 'unknown'>((api) => api.tile(id, z, x, y));
  let bytes = await ask();
  if (bytes === 'unknown') {
    const file = opened.get(id);
    if (!file) return null;
    await backgroundWorker.call((api) => api.open(id, file));
    bytes = await ask();
  }
  return bytes === 'unknown' ? null : bytes;
}

let protocolAdded = false;

/** `rumija-bg://<id>/<raster|vector>/{z}/{x}/{y}`: tiles of the opened background files, never from the network. */
export function ensureBackgroundProtocol() {
  if (protocolAdded) return;
  protocolAdded = true;
  addProtocol(BACKGROUND_PROTOCOL, async (params) => {
    const [id, type, z, x, y] = params.url.slice(BACKGROUND_PROTOCOL.length + 3).split('/');
    const bytes = await tileBytes(decodeURIComponent(id!), Number(z), Number(x), Number(y));
    if (bytes) return { data: bytes.buffer as ArrayBuffer };
    return { data: type === 'raster' ? EMPTY_PNG.slice().buffer : new ArrayBuffer(0) };
  });
}
