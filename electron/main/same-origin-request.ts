import { originOf } from './origin';

/** The headers of a request to one of the browser build's bridges (Node lowercases header names). */
export interface BridgeRequestHeaders {
  origin?: string | string[];
  host?: string | string[];
  'content-type'?: string | string[];
}

/**
 * Whether a request to a bridge of the web server (`npm run web`, the UI tests) comes from a page that server
 * served. Any site open in the same browser can send a plain-text POST to 127.0.0.1 without asking (a "simple"
 * request skips CORS), so a bridge that only parsed the body would let that site set the online host list or push
 * to the team database with a kept password. The page's own fetch carries `Origin: http://<Host>` and a JSON
 * content type; a JSON content type from another site needs a CORS preflight, which these servers never grant.
 * `secure`: the request came over TLS (the page's origin is then https).
 */
export function isSameOriginRequest(headers: BridgeRequestHeaders, secure: boolean): boolean {
  const { origin, host } = headers;
  const contentType = headers['content-type'];
  if (typeof origin !== 'string' || typeof host !== 'string' || typeof contentType !== 'string') return false;
  if (!/^application\/json\s*(;|$)/i.test(contentType)) return false;
  // The header must already be an origin (scheme://host[:port]) as a browser writes it, nothing more or less.
  if (originOf(origin) !== origin) return false;
  const { protocol, host: originHost } = new URL(origin);
  return protocol === (secure ? 'https:' : 'http:') && originHost === host.toLowerCase();
}
