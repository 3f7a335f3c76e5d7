import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOST_CHANNELS } from '#shared/host/host-api';
import { registerHostHandlers, type HostHandlerDependencies, type IpcEventLike } from '../ipc/host-handlers';
import { OnlineFetcher } from './online-fetcher';
import { manualRedirectFetch } from './manual-redirect-fetch';

vi.mock('electron', () => ({}));

/** A tile server on 127.0.0.1 that counts what it was asked. */
async function tileServer(
  answer: (path: string) => { status: number; type?: string; body?: string; location?: string },
) {
  const asked: string[] = [];
  const server: Server = createServer((request, response) => {
    asked.push(request.url ?? '');
    const { status, type, body, location } = answer(request.url ?? '');
    response.writeHead(status, { 'content-type': type ?? 'image/png', ...(location ? { location } : {}) });
    response.end(body ?? `tile ${request.url}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { asked, host, stop, server };
}

const png = (path: string) => ({ status: path.includes('/404/') ? 404 : 200 });

describe('online fetcher (main process)', () => {
  let listed: Awaited<ReturnType<typeof tileServer>>;
  let unlisted: Awaited<ReturnType<typeof tileServer>>;
  beforeAll(async () => {
    listed = await tileServer(png);
    unlisted = await tileServer(png);
  });
  afterAll(async () => {
    await listed.stop().catch(() => undefined);
    await unlisted.stop();
  });
  const folder = () => mkdtempSync(join(tmpdir(), 'rumija-tile-cache-'));

  it('fetches only from hosts on the list, never from another (not even by a redirect)', async () => {
    const fetcher = new OnlineFetcher({ cacheFolder: folder(), maxCacheBytes: 1e6 });
    fetcher.setAllowedHosts([listed.host]);
    const tile = await fetcher.get({ url: `http://${listed.host}/12/3/4.png`, kind: 'tile' });
    expect(tile).toMatchObject({ status: 'ok', contentType: 'image/png', fromCache: false });
    await expect(fetcher.get({ url: `http://${unlisted.host}/12/3/4.png`, kind: 'tile' })).rejects.toThrow(
      `Host tidak ada di daftar layanan daring: ${unlisted.host}`,
    );
    expect(unlisted.asked).toEqual([]);

    const redirecting = await tileServer(() => ({ status: 302, location: `http://${unlisted.host}/stolen.png` }));
    fetcher.setAllowedHosts([listed.host, redirecting.host]);
    await expect(fetcher.get({ url: `http://${redirecting.host}/1/0/0.png`, kind: 'tile' })).rejects.toThrow(
      /tidak ada di daftar layanan daring/,
    );
    expect(redirecting.asked).toEqual(['/1/0/0.png']);
    expect(unlisted.asked).toEqual([]);
    await redirecting.stop();
  });

  it("still checks a redirect's host when Electron's net.fetch cannot return redirects", async () => {
    // net.fetch with redirect: 'manual' throws instead of returning the 3xx (electron/electron#43715).
    const electronLike = async (input: string | URL | Request, init?: RequestInit) => {
      const response = await fetch(input, init);
      if (response.status >= 300 && response.status < 400) throw new Error('net::ERR_FAILED: Redirect was cancelled');
      return response;
    };
    const redirecting = await tileServer((path) =>
      path.startsWith('/moved/')
        ? { status: 301, location: `/tiles/${path.slice(7)}` }
        : path.startsWith('/away/')
          ? { status: 302, location: `http://${unlisted.host}/stolen.png` }
          : { status: 200 },
    );
    const fetcher = new OnlineFetcher({
      cacheFolder: folder(),
      maxCacheBytes: 1e6,
      fetch: manualRedirectFetch(electronLike as typeof fetch),
    });
    fetcher.setAllowedHosts([redirecting.host]);
    const moved = await fetcher.get({ url: `http://${redirecting.host}/moved/3/1/2.png`, kind: 'tile' });
    expect(moved.status === 'ok' && new TextDecoder().decode(moved.bytes)).toBe('tile /tiles/3/1/2.png');
    await expect(fetcher.get({ url: `http://${redirecting.host}/away/1.png`, kind: 'tile' })).rejects.toThrow(
      /tidak ada di daftar layanan daring/,
    );
    expect(unlisted.asked).toEqual([]);
    await redirecting.stop();
  });

  it('keeps tiles on disk and serves them with the server stopped, after a restart of the app', async () => {
    const cacheFolder = folder();
    const server = await tileServer(png);
    const first = new OnlineFetcher({ cacheFolder, maxCacheBytes: 1e6 });
    first.setAllowedHosts([server.host]);
    const url = `http://${server.host}/14/13660/8680.png`;
    await first.get({ url, kind: 'tile' });
    const again = await first.get({ url, kind: 'tile' });
    expect(again).toMatchObject({ status: 'ok', fromCache: true });
    expect(server.asked).toEqual(['/14/13660/8680.png']);
    // Nothing there (404) is not kept; a document is always asked afresh and not kept.
    expect(await first.get({ url: `http://${server.host}/404/1/1.png`, kind: 'tile' })).toEqual({ status: 'missing' });
    await first.get({ url: `http://${server.host}/caps.xml`, kind: 'document' });
    expect(readdirSync(cacheFolder)).toHaveLength(1);
    await server.stop();

    const restarted = new OnlineFetcher({ cacheFolder, maxCacheBytes: 1e6, timeoutMs: 2000 });
    restarted.setAllowedHosts([server.host]);
    const offline = await restarted.get({ url, kind: 'tile' });
    expect(offline.status === 'ok' && new TextDecoder().decode(offline.bytes)).toBe('tile /14/13660/8680.png');
    await expect(restarted.get({ url: `http://${server.host}/14/0/0.png`, kind: 'tile' })).rejects.toThrow(
      /Tidak dapat menghubungi .* \(dan tidak ada di cache\)/,
    );
  });

  it('refuses a WMS error answered as XML with status 200 and does not keep it', async () => {
    const wms = await tileServer(() => ({
      status: 200,
      type: 'application/vnd.ogc.se_xml',
      body: '<ServiceExceptionReport><ServiceException>Layer jalan unknown</ServiceException></ServiceExceptionReport>',
    }));
    const cacheFolder = folder();
    const fetcher = new OnlineFetcher({ cacheFolder, maxCacheBytes: 1e6 });
    fetcher.setAllowedHosts([wms.host]);
    await expect(fetcher.get({ url: `http://${wms.host}/wms?REQUEST=GetMap`, kind: 'tile' })).rejects.toThrow(
      /bukan gambar ubin: .*Layer jalan unknown/,
    );
    expect(readdirSync(cacheFolder)).toEqual([]);
    await wms.stop();
  });

  it('stays under its size limit, dropping the least recently used tiles first', async () => {
    const big = await tileServer(() => ({ status: 200, body: 'x'.repeat(1000) }));
    const fetcher = new OnlineFetcher({ cacheFolder: folder(), maxCacheBytes: 5000 });
    fetcher.setAllowedHosts([big.host]);
    const url = (n: number) => `http://${big.host}/t/${n}.png`;
    for (let n = 0; n < 4; n++) await fetcher.get({ url: url(n), kind: 'tile' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await fetcher.get({ url: url(0), kind: 'tile' }); // used again: now the newest
    for (let n = 4; n < 6; n++) await fetcher.get({ url: url(n), kind: 'tile' });
    expect(await fetcher.cacheSize()).toBeLessThanOrEqual(5000);
    big.asked.length = 0;
    await fetcher.get({ url: url(0), kind: 'tile' });
    await fetcher.get({ url: url(5), kind: 'tile' });
    expect(big.asked).toEqual([]);
    await fetcher.get({ url: url(1), kind: 'tile' });
    expect(big.asked).toEqual(['/t/1.png']);
    await big.stop();
  });

  it('is reached only through validated IPC payloads', async () => {
    const handlers = new Map<string, (event: IpcEventLike, payload: unknown) => unknown>();
    const fetcher = new OnlineFetcher({ cacheFolder: folder(), maxCacheBytes: 1e6 });
    registerHostHandlers({
      ipc: {
        handle: (channel: string, listener: (event: IpcEventLike, payload: unknown) => unknown) =>
          handlers.set(channel, listener),
      },
      online: fetcher,
      trustedOrigin: 'app://rumija',
    } as unknown as HostHandlerDependencies);
    const trusted: IpcEventLike = { senderFrame: { url: 'app://rumija/index.html' } };
    const invoke = (channel: string, payload: unknown, event = trusted) =>
      Promise.resolve().then(() => handlers.get(channel)!(event, payload));
    await expect(invoke(HOST_CHANNELS.setOnlineHosts, ['tiles.example.org/x'])).rejects.toThrow(/Permintaan tidak sah/);
    await expect(invoke(HOST_CHANNELS.fetchOnline, { url: 'file:///etc/passwd', kind: 'tile' })).rejects.toThrow(
      /Permintaan tidak sah/,
    );
    await invoke(HOST_CHANNELS.setOnlineHosts, [listed.host]);
    const answer = await invoke(HOST_CHANNELS.fetchOnline, { url: `http://${listed.host}/9/1/1.png`, kind: 'tile' });
    expect(answer).toMatchObject({ status: 'ok' });
    await expect(
      invoke(
        HOST_CHANNELS.fetchOnline,
        { url: `http://${listed.host}/9/1/1.png`, kind: 'tile' },
        {
          senderFrame: { url: 'https://evil.example/' },
        },
      ),
    ).rejects.toThrow(/Pengirim tidak dipercaya/);
    await expect(
      invoke(HOST_CHANNELS.fetchOnline, { url: `http://${unlisted.host}/9/1/1.png`, kind: 'tile' }),
    ).rejects.toThrow(/tidak ada di daftar layanan daring/);
    expect(unlisted.asked).toEqual([]);
  });
});
