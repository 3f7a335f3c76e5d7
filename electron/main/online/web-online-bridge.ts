import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plugin } from 'vite';
// Relative, not #shared: this file is loaded with the Vite config, whose bundler (electron-vite's) leaves `#` imports
// to Node, which cannot load TypeScript.
import { OnlineFetchRequestSchema, OnlineHostsSchema } from '../../../shared/host/host-api';
import { OnlineFetcher } from './online-fetcher';
import { isSameOriginRequest } from '../same-origin-request';

/** Where the browser build asks for what the desktop app's main process does online. */
const ONLINE_BRIDGE_PATH = '/__rumija-host/online';

async function bodyOf(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/**
 * The browser build's stand-in for the main process's online fetching (`npm run web`, the UI tests): the same
 * OnlineFetcher, host list and disk cache (a temporary folder per server), reached from the page on its own origin,
 * so the page's CSP stays as strict as the desktop app's.
 */
export function onlineBridge(): Plugin {
  let fetcher: OnlineFetcher | null = null;
  const middleware = async (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    if (!request.url?.startsWith(ONLINE_BRIDGE_PATH)) return next();
    if (!isSameOriginRequest(request.headers, 'encrypted' in request.socket))
      return void response.writeHead(403).end('origin');
    fetcher ??= new OnlineFetcher({
      cacheFolder: mkdtempSync(join(tmpdir(), 'rumija-web-tile-cache-')),
      maxCacheBytes: 256 * 1024 * 1024,
    });
    try {
      const action = request.url.slice(ONLINE_BRIDGE_PATH.length);
      if (action === '/hosts' && request.method === 'POST') {
        fetcher.setAllowedHosts(OnlineHostsSchema.parse(await bodyOf(request)));
        response.writeHead(204).end();
      } else if (action === '/fetch' && request.method === 'POST') {
        const answer = await fetcher.get(OnlineFetchRequestSchema.parse(await bodyOf(request)));
        if (answer.status === 'missing') response.writeHead(204, { 'x-rumija-online': 'missing' }).end();
        else
          response
            .writeHead(200, {
              'content-type': answer.contentType,
              'x-rumija-online': answer.fromCache ? 'cache' : 'network',
            })
            .end(Buffer.from(answer.bytes));
      } else {
        response.writeHead(404).end();
      }
    } catch (error) {
      response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' }).end((error as Error).message);
    }
  };
  return {
    name: 'rumija-online-bridge',
    configureServer: (server) => void server.middlewares.use((req, res, next) => void middleware(req, res, next)),
    configurePreviewServer: (server) =>
      void server.middlewares.use((req, res, next) => void middleware(req, res, next)),
  };
}
