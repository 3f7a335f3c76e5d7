import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Resolves an app:// request to a file inside rendererRoot, or null when it tries to leave it. */
export function resolveAppPath(requestUrl: string, rendererRoot: string): string | null {
  const url = new URL(requestUrl);
  if (url.host !== APP_HOST) return null;
  const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  const root = resolve(rendererRoot);
  const target = resolve(root, `.${relative}`);
  return target.startsWith(root + sep) ? target : null;
}

/** Serves the built renderer from app://rumija/ with the CSP as a response header. */
export function serveRenderer(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const path = resolveAppPath(request.url, rendererRoot);
    if (!path) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(path).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
