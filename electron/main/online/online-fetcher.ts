import type { OnlineFetchRequest, OnlineFetchResult } from '#shared/host/host-api';
import { DiskTileCache } from './disk-tile-cache';
// Relative, not #shared: the browser build's vite config loads this file through Node, which cannot resolve it.
import { problem, ProblemError } from '../../../shared/messages/problem';

export interface OnlineFetcherOptions {
  cacheFolder: string;
  maxCacheBytes: number;
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

const MAX_REDIRECTS = 3;

/**
 * The app's only way online: fetches for the hosts of the services the user added, and nothing else (a redirect to
 * another host is refused too). Tiles go through a disk cache: once seen they are served offline.
 */
export class OnlineFetcher {
  private hosts = new Set<string>();
  private readonly cache: DiskTileCache;
  private readonly fetch: typeof globalThis.fetch;
  private readonly timeoutMs: number;

  constructor(options: OnlineFetcherOptions) {
    this.cache = new DiskTileCache(options.cacheFolder, options.maxCacheBytes);
    this.fetch = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  setAllowedHosts(hosts: readonly string[]) {
    this.hosts = new Set(hosts.map((host) => host.toLowerCase()));
  }

  isAllowed(address: string): boolean {
    if (!URL.canParse(address)) return false;
    const url = new URL(address);
    return (url.protocol === 'http:' || url.protocol === 'https:') && this.hosts.has(url.host.toLowerCase());
  }

  async get(request: OnlineFetchRequest): Promise<OnlineFetchResult> {
    this.assertAllowed(request.url);
    if (request.kind === 'tile') {
      const cached = await this.cache.get(request.url);
      if (cached) return { status: 'ok', ...cached, fromCache: true };
    }
    const response = await this.follow(request.url);
    if (response.status === 404 || response.status === 204) return { status: 'missing' };
    const host = new URL(request.url).host;
    if (!response.ok) throw new ProblemError(problem('online.httpStatus', { host, status: String(response.status) }));
    const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (request.kind === 'tile') {
      // A WMS says what went wrong in XML with status 200: a message, not a tile to keep.
      if (/xml|text|json|html/i.test(contentType))
        throw new ProblemError(
          problem('online.notTile', { host, detail: new TextDecoder().decode(bytes.slice(0, 300)) }),
        );
      await this.cache.put(request.url, bytes, contentType);
    }
    return { status: 'ok', bytes, contentType, fromCache: false };
  }

  cacheSize(): Promise<number> {
    return this.cache.size();
  }

  private assertAllowed(address: string) {
    if (!this.isAllowed(address)) throw new ProblemError(problem('online.hostNotListed', { host: safeHost(address) }));
  }

  private async follow(address: string): Promise<Response> {
    let url = address;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      let response: Response;
      try {
        response = await this.fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
      } catch (error) {
        throw new ProblemError(
          problem('online.unreachable', { host: safeHost(url), detail: (error as Error).message }),
        );
      }
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return response;
      url = new URL(location, url).toString();
      this.assertAllowed(url);
    }
    throw new ProblemError(problem('online.tooManyRedirects', { host: safeHost(address) }));
  }
}

function safeHost(address: string): string {
  try {
    return new URL(address).host;
  } catch {
    return address.slice(0, 100);
  }
}
