import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOST_CHANNELS } from '#shared/host/host-api';
import { registerHostHandlers, type HostHandlerDependencies, type IpcEventLike } from './ipc/host-handlers';
import { BackgroundFiles } from './background-files';

vi.mock('electron', () => ({}));

describe('background files kept by path (main process)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'rumija-background-files-'));
  const path = join(folder, 'ortofoto-kupang-2025.tif');
  const bytes = randomBytes(3 * 1024 * 1024 + 17);
  writeFileSync(path, bytes);
  const list = join(folder, 'background-files.json');

  it('reads byte ranges by token, also after a restart, and nothing once forgotten or moved', async () => {
    const files = new BackgroundFiles(list);
    const [handle] = await files.grant([path]);
    expect(handle).toEqual({
      token: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'ortofoto-kupang-2025.tif',
      size: bytes.length,
    });
    const middle = await files.read(handle!.token, 1_000_000, 65_536);
    expect(Buffer.from(middle).equals(bytes.subarray(1_000_000, 1_065_536))).toBe(true);
    const end = await files.read(handle!.token, bytes.length - 10, 1024);
    expect(Buffer.from(end).equals(bytes.subarray(bytes.length - 10))).toBe(true);

    const restarted = new BackgroundFiles(list);
    expect(Buffer.from(await restarted.read(handle!.token, 0, 16)).equals(bytes.subarray(0, 16))).toBe(true);
    await restarted.forget(handle!.token);
    await expect(new BackgroundFiles(list).read(handle!.token, 0, 16)).rejects.toThrow('Berkas latar tidak dikenal');

    const [again] = await restarted.grant([path]);
    renameSync(path, `${path}.moved`);
    await expect(new BackgroundFiles(list).read(again!.token, 0, 16)).rejects.toThrow(
      'ortofoto-kupang-2025.tif: berkas tidak ada lagi di tempatnya',
    );
    renameSync(`${path}.moved`, path);
  });

  it('gives the page a name and a token, never the path, and checks every read request', async () => {
    const handlers = new Map<string, (event: IpcEventLike, payload: unknown) => unknown>();
    registerHostHandlers({
      ipc: {
        handle: (channel: string, listener: (event: IpcEventLike, payload: unknown) => unknown) =>
          handlers.set(channel, listener),
      },
      dialog: { showOpenDialog: async () => ({ canceled: false, filePaths: [path] }) },
      backgroundFiles: new BackgroundFiles(join(folder, 'ipc.json')),
      trustedOrigin: 'app://rumija',
    } as unknown as HostHandlerDependencies);
    const event: IpcEventLike = { senderFrame: { url: 'app://rumija/index.html' } };
    const invoke = (channel: string, payload?: unknown) =>
      Promise.resolve().then(() => handlers.get(channel)!(event, payload));
    const picked = (await invoke(HOST_CHANNELS.pickBackgroundFiles)) as { token: string }[];
    expect(JSON.stringify(picked)).not.toContain(folder);
    const token = picked[0]!.token;
    const read = (await invoke(HOST_CHANNELS.readBackgroundFile, { token, offset: 5, length: 3 })) as Uint8Array;
    expect([...read]).toEqual([...bytes.subarray(5, 8)]);
    await expect(
      invoke(HOST_CHANNELS.readBackgroundFile, { token: '../../etc/passwd', offset: 0, length: 3 }),
    ).rejects.toThrow(/Permintaan tidak sah/);
    await expect(invoke(HOST_CHANNELS.readBackgroundFile, { token, offset: -1, length: 3 })).rejects.toThrow(
      /Permintaan tidak sah/,
    );
    await expect(invoke(HOST_CHANNELS.readBackgroundFile, { token, offset: 0, length: 2 ** 30 })).rejects.toThrow(
      /Permintaan tidak sah/,
    );
    await invoke(HOST_CHANNELS.forgetBackgroundFile, token);
    await expect(invoke(HOST_CHANNELS.readBackgroundFile, { token, offset: 0, length: 3 })).rejects.toThrow(
      'Berkas latar tidak dikenal',
    );
  });
});
