import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Electron's protocol and net, reduced to what serveRenderer uses: the handler is kept, files come from disk. */
const electron = vi.hoisted(() => ({ handler: null as null | ((request: Request) => Promise<Response>) }));
vi.mock('electron', async () => {
  const { readFile } = await import('node:fs/promises');
  const { fileURLToPath } = await import('node:url');
  return {
    protocol: {
      handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => (electron.handler = handler),
    },
    net: {
      fetch: async (url: string) => {
        try {
          return new Response(await readFile(fileURLToPath(url)), { headers: { 'Content-Type': 'text/html' } });
        } catch {
          return new Response('missing', { status: 404 });
        }
      },
    },
  };
});
const { resolveAppPath, serveRenderer } = await import('./app-protocol');

describe('resolveAppPath', () => {
  const root = '/opt/rumija/out/renderer';
  it('maps app URLs into the renderer folder', () => {
    expect(resolveAppPath('app://rumija/', root)).toBe(`${root}/index.html`);
    expect(resolveAppPath('app://rumija/basemap/land-low.json', root)).toBe(`${root}/basemap/land-low.json`);
  });
  it('refuses paths that leave the folder and other hosts', () => {
    expect(resolveAppPath('app://rumija/..%2f..%2fetc/passwd', root)).toBeNull();
    // The URL parser folds encoded dot segments before we see them, so this stays inside the root.
    expect(resolveAppPath('app://rumija/%2e%2e/%2e%2e/secret', root)).toBe(`${root}/secret`);
    expect(resolveAppPath('app://rumija/x/..%5c..%5c..%5csecret', root)).not.toMatch(/^\/opt\/rumija\/out\/secret/);
    expect(resolveAppPath('app://other/index.html', root)).toBeNull();
  });
});

describe('serveRenderer', () => {
  it('serves the renderer with the strict CSP and nosniff on every response, and nothing outside it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rumija-renderer-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Rumija</title>');
    serveRenderer(root);
    const page = await electron.handler!(new Request('app://rumija/'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Rumija</title>');
    const csp = page.headers.get('Content-Security-Policy');
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/ 'unsafe-eval'|\*/); // 'wasm-unsafe-eval' lets WebAssembly (SQLite) compile, nothing more
    expect(page.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect((await electron.handler!(new Request('app://other/index.html'))).status).toBe(404);
    const missing = await electron.handler!(new Request('app://rumija/none.js'));
    expect(missing.headers.get('Content-Security-Policy')).toBe(csp);
  });
});
