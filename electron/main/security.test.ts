import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';

vi.mock('electron', () => ({}));
const { CONTENT_SECURITY_POLICY, hardenWebContents, isAppUrl } = await import('./security');

class FakeWebContents extends EventEmitter {
  openHandler: (() => { action: string }) | null = null;
  setWindowOpenHandler(handler: () => { action: string }) {
    this.openHandler = handler;
  }
}

function navigate(contents: FakeWebContents, event: string, url: string) {
  let prevented = false;
  contents.emit(event, { preventDefault: () => (prevented = true) }, url);
  return prevented;
}

describe('Electron hardening', () => {
  it('has a CSP without eval or remote hosts (WebAssembly compiles, JavaScript eval does not)', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/ 'unsafe-eval'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/object-src 'none'/);
  });

  it('blocks navigation away from the app, new windows and webviews', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never);
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'app://rumija/index.html')).toBe(false);
    expect(navigate(contents, 'will-redirect', 'http://127.0.0.1/')).toBe(true);
    expect(navigate(contents, 'will-attach-webview', 'app://rumija/')).toBe(true);
    expect(contents.openHandler?.()).toEqual({ action: 'deny' });
  });

  it('recognises only the app origin', () => {
    expect(isAppUrl('app://rumija/x')).toBe(true);
    expect(isAppUrl('app://rumija.evil/x')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
