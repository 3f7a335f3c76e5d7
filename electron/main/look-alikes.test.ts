/**
 * Every allow-list of the main process and the web server's bridges against generated look-alikes: hosts with a
 * label added before or after, a letter added, a trailing dot, a homoglyph, another port or scheme, the allowed name
 * in the user info, path, query or fragment, encoded separators. Which inputs name the same place and which do not
 * is decided by how each input is built, not by the code under test.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { OnlineFetcher } from './online/online-fetcher';
import { isSameOriginRequest } from './same-origin-request';
import { originOf } from './origin';

vi.mock('electron', () => ({}));
const { isAppUrl } = await import('./security');

const RUNS = { numRuns: 400 };
const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
const host = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('go.id', 'com', 'id', 'net'))
  .map(([labels, tld]) => [...labels, tld].join('.'));
const tail = fc
  .tuple(fc.webPath(), fc.option(fc.webQueryParameters()), fc.option(fc.webFragments()))
  .map(
    ([path, query, fragment]) =>
      `${path}${query === null ? '' : `?${query}`}${fragment === null ? '' : `#${fragment}`}`,
  );
const HOMOGLYPHS: Record<string, string> = { a: 'а', c: 'с', e: 'е', i: 'і', o: 'о', p: 'р', x: 'х', y: 'у' };

/** The same host, written another way a URL parser treats as equal. */
const sameHostUrl = (allowed: string) =>
  fc
    .record({
      scheme: fc.constantFrom('http', 'https', 'HTTPS'),
      upper: fc.array(fc.boolean(), { minLength: allowed.length, maxLength: allowed.length }),
      defaultPort: fc.boolean(),
      encodeDots: fc.boolean(),
      rest: tail,
    })
    .map(({ scheme, upper, defaultPort, encodeDots, rest }) => {
      let name = [...allowed].map((char, index) => (upper[index] ? char.toUpperCase() : char)).join('');
      if (encodeDots) name = name.replaceAll('.', '%2e');
      const port = defaultPort ? (scheme.toLowerCase() === 'http' ? ':80' : ':443') : '';
      return `${scheme}://${name}${port}${rest}`;
    });

/** Another host that looks like the allowed one. */
const otherHostUrl = (allowed: string) =>
  fc
    .record({
      scheme: fc.constantFrom('http', 'https'),
      extra: label,
      evil: host,
      port: fc.integer({ min: 1, max: 65535 }).filter((port) => port !== 80 && port !== 443),
      trick: fc.integer({ min: 0, max: 12 }),
      rest: tail,
    })
    .map(({ scheme, extra, evil, port, trick, rest }) => {
      const glyph = [...allowed].findIndex((char) => char in HOMOGLYPHS);
      switch (trick) {
        case 0:
          return `${scheme}://${allowed}.${extra}${rest}`;
        case 1:
          return `${scheme}://${extra}.${allowed}${rest}`;
        case 2:
          return `${scheme}://${allowed}${extra}${rest}`;
        case 3:
          return `${scheme}://${allowed}.${rest}`;
        case 4:
          return `${scheme}://${allowed}@${evil}${rest}`;
        case 5:
          return `${scheme}://${evil}\\@${allowed}${rest}`;
        case 6:
          return `${scheme}://${evil}/${allowed}`;
        case 7:
          return `${scheme}://${evil}?h=${allowed}`;
        case 8:
          return `${scheme}://${evil}#${allowed}`;
        case 9:
          return `${scheme}://${allowed}:${port}${rest}`;
        case 10:
          return `${scheme}://${allowed}%2e${evil}${rest}`;
        case 11:
          return glyph < 0
            ? `ftp://${allowed}${rest}`
            : `${scheme}://${allowed.slice(0, glyph)}${HOMOGLYPHS[allowed[glyph]!]}${allowed.slice(glyph + 1)}${rest}`;
        default:
          return `${fc.sample(fc.constantFrom('ftp', 'file', 'ws', 'wss', 'javascript', 'data'), 1)[0]}://${allowed}${rest}`;
      }
    });

describe('online fetcher host list against look-alikes', () => {
  const fetcher = new OnlineFetcher({
    cacheFolder: mkdtempSync(join(tmpdir(), 'rumija-lookalike-')),
    maxCacheBytes: 1,
  });

  it('allows the listed host however it is written', () => {
    fc.assert(
      fc.property(
        host.chain((allowed) => fc.tuple(fc.constant(allowed), sameHostUrl(allowed))),
        ([allowed, url]) => {
          fetcher.setAllowedHosts([allowed]);
          expect(fetcher.isAllowed(url), url).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('refuses every look-alike of the listed host', () => {
    fc.assert(
      fc.property(
        host.chain((allowed) => fc.tuple(fc.constant(allowed), otherHostUrl(allowed))),
        ([allowed, url]) => {
          fetcher.setAllowedHosts([allowed]);
          expect(fetcher.isAllowed(url), url).toBe(false);
        },
      ),
      RUNS,
    );
  });
});

describe('IPC sender origin (app://rumija) against look-alikes', () => {
  it('trusts pages of the app origin only', () => {
    fc.assert(
      fc.property(tail, (rest) => {
        expect(isAppUrl(`app://rumija${rest}`)).toBe(true);
      }),
      RUNS,
    );
    const lookAlike = fc
      .tuple(label, fc.integer({ min: 1, max: 65535 }), tail, fc.integer({ min: 0, max: 8 }))
      .map(
        ([extra, port, rest, trick]) =>
          [
            `app://rumija.${extra}${rest}`,
            `app://${extra}.rumija${rest}`,
            `app://rumija${extra}${rest}`,
            `app://rumija:${port}${rest}`,
            `app://rumija%2e${extra}${rest}`,
            `app://${extra}/rumija`,
            `${['apps', 'http', 'https', 'file'][port % 4]}://rumija${rest}`,
            `app:rumija${rest}`,
            `app://rumija.${rest}`,
          ][trick]!,
      );
    fc.assert(
      fc.property(lookAlike, (url) => {
        expect(isAppUrl(url), url).toBe(false);
      }),
      RUNS,
    );
  });
});

describe('web server bridges: requests from the page the server served only', () => {
  const serverHost = fc
    .tuple(fc.constantFrom('127.0.0.1', 'localhost', '[::1]'), fc.integer({ min: 1024, max: 65535 }))
    .map(([name, port]) => `${name}:${port}`);
  const json = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'Application/JSON');

  it('accepts the page’s own JSON requests', () => {
    fc.assert(
      fc.property(serverHost, json, fc.boolean(), fc.boolean(), (hostHeader, contentType, upper, secure) => {
        const headers = {
          host: upper ? hostHeader.toUpperCase() : hostHeader,
          origin: `${secure ? 'https' : 'http'}://${hostHeader}`,
          'content-type': contentType,
        };
        expect(isSameOriginRequest(headers, secure)).toBe(true);
      }),
      RUNS,
    );
  });

  it('refuses other origins, look-alike origins and simple (non-JSON) posts', () => {
    const request = fc
      .tuple(serverHost, label, fc.integer({ min: 0, max: 10 }), json)
      .map(([hostHeader, extra, trick, contentType]) => {
        const [name, port] = [
          hostHeader.slice(0, hostHeader.lastIndexOf(':')),
          hostHeader.slice(hostHeader.lastIndexOf(':') + 1),
        ];
        const variants: [string | undefined, string][] = [
          [`http://${hostHeader}.${extra}.com`, contentType],
          [`http://${name}:${port}0`, contentType],
          [`http://${extra}.${name}:${port}`, contentType],
          [`https://${hostHeader}`, contentType],
          [`http://${hostHeader}/`, contentType],
          [`http://${hostHeader}@${extra}.com`, contentType],
          ['null', contentType],
          [undefined, contentType],
          [`http://${hostHeader}`, 'text/plain'],
          [`http://${hostHeader}`, 'application/jsonp'],
          [`http://${hostHeader}`, 'text/plain; application/json'],
        ];
        const [origin, type] = variants[trick]!;
        return { host: hostHeader, origin, 'content-type': type };
      });
    fc.assert(
      fc.property(request, (headers) => {
        expect(isSameOriginRequest(headers, false), JSON.stringify(headers)).toBe(false);
      }),
      RUNS,
    );
  });

  it('refuses a request missing a header or repeating one', () => {
    const page = { host: '127.0.0.1:4173', origin: 'http://127.0.0.1:4173', 'content-type': 'application/json' };
    expect(isSameOriginRequest(page, false)).toBe(true);
    for (const missing of ['host', 'origin', 'content-type'] as const) {
      const headers: Record<string, string> = { ...page };
      delete headers[missing];
      expect(isSameOriginRequest(headers, false), missing).toBe(false);
    }
    expect(isSameOriginRequest({ ...page, origin: [page.origin, page.origin] }, false)).toBe(false);
    expect(isSameOriginRequest({ ...page, host: [page.host] }, false)).toBe(false);
  });
});

describe('origin of a URL', () => {
  it('is empty for what has no origin to trust', () => {
    for (const url of ['not a url', '', 'app:rumija', 'about:blank', 'data:text/html,x'])
      expect(originOf(url), url).toBe('');
    expect(originOf('app://rumija/index.html?x#y')).toBe('app://rumija');
  });
});
