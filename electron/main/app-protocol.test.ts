import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ net: {}, protocol: {} }));
const { resolveAppPath } = await import('./app-protocol');

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
