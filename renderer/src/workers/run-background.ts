import { addProtocol } from 'maplibre-gl';
import { proxy } from 'comlink';
import type { BackgroundFileHandle } from '#shared/host/host-api';
import type { BackgroundInfo } from '#shared/background/background-readers';
import { tileUrlOf, type TileService } from '#shared/background/tile-service';
import { messageOf } from '#shared/format/message-of';
import { host } from '../platform';
import type { BackgroundWorkerApi } from './background.worker';
import { createWorkerClient } from './worker-client';

const backgroundWorker = createWorkerClient<BackgroundWorkerApi>(
  'background',
  () => new Worker(new URL('./background.worker.ts', import.meta.url), { type: 'module' }),
);

export const BACKGROUND_PROTOCOL = 'rumija-bg';

/** The files opened (picked, or kept by the desktop host), so a restarted worker can open them again. */
const opened = new Map<string, File | BackgroundFileHandle>();

function openInWorker(id: string, file: File | BackgroundFileHandle): Promise<BackgroundInfo> {
  if (file instanceof File) return backgroundWorker.call((api) => api.open(id, file));
  const read = (offset: number, length: number) => host.readBackgroundFile({ token: file.token, offset, length });
  return backgroundWorker.call((api) => api.openRanged(id, file.name, file.size, proxy(read)));
}

/** Opens a background file: a picked File, or one the desktop host keeps by path and reads by ranges. */
export async function openBackgroundFile(id: string, file: File | BackgroundFileHandle): Promise<BackgroundInfo> {
  const info = await openInWorker(id, file);
  opened.set(id, file);
  return info;
}

/** Online services by background id: their tiles come through the host, never straight from the page. */
const services = new Map<string, TileService>();
let reportTileError: (id: string, message: string | null) => void = () => undefined;

export function openOnlineService(id: string, service: TileService) {
  services.set(id, service);
}

/** Told when an online background's tile fails (null: one came through again), to show it by the background. */
export function onOnlineTileError(listener: (id: string, message: string | null) => void) {
  reportTileError = listener;
}

const tileSizes = new WeakMap<TileService, { tiles: number; bytes: number }>();

/** The mean size of this service's tiles seen so far, for download estimates; null before any. */
export function averageTileBytes(service: TileService): number | null {
  const seen = tileSizes.get(service);
  return seen && seen.tiles > 0 ? seen.bytes / seen.tiles : null;
}

/** One tile of an online service, through the host (its host list and disk cache); null where there is none. */
export async function onlineTile(service: TileService, z: number, x: number, y: number): Promise<Uint8Array | null> {
  const url = tileUrlOf(service, z, x, y);
  if (!url) return null;
  const answer = await host.fetchOnline({ url, kind: 'tile' });
  if (answer.status !== 'ok') return null;
  const seen = tileSizes.get(service) ?? { tiles: 0, bytes: 0 };
  tileSizes.set(service, { tiles: seen.tiles + 1, bytes: seen.bytes + answer.bytes.byteLength });
  return answer.bytes;
}

export function closeBackgroundFile(id: string) {
  services.delete(id);
  opened.delete(id);
  void backgroundWorker.call((api) => api.close(id)).catch(() => undefined);
}

/** A fully transparent 1 × 1 PNG, for raster tiles the file does not have (MapLibre wants an image). */
const EMPTY_PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII='),
  (c) => c.charCodeAt(0),
);

async function tileBytes(id: string, z: number, x: number, y: number): Promise<Uint8Array | null> {
  const service = services.get(id);
  if (service) {
    try {
      const bytes = await onlineTile(service, z, x, y);
      reportTileError(id, null);
      return bytes;
    } catch (error) {
      reportTileError(id, messageOf(error));
      return null;
    }
  }
  const ask = () => backgroundWorker.call<Uint8Array | null | 'unknown'>((api) => api.tile(id, z, x, y));
  let bytes = await ask();
  if (bytes === 'unknown') {
    const file = opened.get(id);
    if (!file) return null;
    await openInWorker(id, file);
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
