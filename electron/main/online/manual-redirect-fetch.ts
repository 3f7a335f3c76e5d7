/**
 * Electron's `net.fetch` (Chromium's network stack: the system proxy, the OS certificate store) cannot hand back a
 * redirect: with `redirect: 'manual'` it fails with "Redirect was cancelled" (electron/electron#43715). The online
 * fetcher must see each redirect to check its host before following it, so for that one answer Node's fetch asks
 * the same, already allowed, address again and returns the redirect with its Location.
 */
export function manualRedirectFetch(netFetch: typeof globalThis.fetch, nodeFetch = globalThis.fetch) {
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    try {
      return await netFetch(input, init);
    } catch (error) {
      if (init?.redirect === 'manual' && /Redirect was cancelled/i.test((error as Error).message))
        return nodeFetch(input, init);
      throw error;
    }
  };
}
