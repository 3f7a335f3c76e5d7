import { describe, expect, it, vi } from 'vitest';

const created: { options: Record<string, unknown>; url?: string }[] = [];
const registeredChannels: string[] = [];
const handlers = new Map<string, (event: unknown, payload?: unknown) => unknown>();
const schemes: unknown[] = [];
let permissionHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => created;
    private record: { options: Record<string, unknown>; url?: string };
    constructor(options: Record<string, unknown>) {
      this.record = { options };
      created.push(this.record);
    }
    once() {}
    on() {}
    getBounds() {
      return { x: 0, y: 0, width: 1440, height: 900 };
    }
    isDestroyed() {
      return false;
    }
    focus() {}
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
  }
  return {
    app: { on: vi.fn(), whenReady: () => Promise.resolve(), getVersion: () => '0.1.0', quit: vi.fn() },
    BrowserWindow,
    dialog: {},
    ipcMain: {
      handle: (channel: string, listener: (event: unknown, payload?: unknown) => unknown) => {
        registeredChannels.push(channel);
        handlers.set(channel, listener);
      },
    },
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
      getDisplayMatching: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
      getAllDisplays: () => [
        { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } },
        { id: 2, workArea: { x: 1920, y: 0, width: 1280, height: 720 } },
      ],
    },
    net: {},
    protocol: { registerSchemesAsPrivileged: (list: unknown[]) => schemes.push(...list), handle: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof permissionHandler) => (permissionHandler = handler),
        setPermissionCheckHandler: vi.fn(),
      },
    },
  };
});

describe('main process start-up', () => {
  it('opens one sandboxed, isolated window on the app origin and registers the host API', async () => {
    await import('./index');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(created).toHaveLength(1);
    const preferences = created[0].options.webPreferences as Record<string, unknown>;
    expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(preferences.preload)).toMatch(/preload[\\/]index\.js$/);
    expect(created[0].url).toBe('app://rumija/index.html');
    expect(registeredChannels.sort()).toEqual(['host:app:info', 'host:file:save', 'host:files:open', 'host:window:fullscreen', 'host:window:presenter-view']);
    expect(schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    const answers: boolean[] = [];
    permissionHandler?.(null, 'geolocation', (granted) => answers.push(granted));
    permissionHandler?.(null, 'media', (granted) => answers.push(granted));
    permissionHandler?.(null, 'fullscreen', (granted) => answers.push(granted));
    expect(answers).toEqual([false, false, true]);
  });

  it('opens the presenter view as a second sandboxed window on the other screen, once', async () => {
    const open = handlers.get('host:window:presenter-view')!;
    const event = { senderFrame: { url: 'app://rumija/index.html' } };
    await expect(Promise.resolve().then(() => open(event, { evil: true }))).rejects.toThrow(/invalid request/);
    await expect(Promise.resolve().then(() => open({ senderFrame: { url: 'https://example.com/' } }))).rejects.toThrow(/untrusted sender/);
    await open(event);
    await open(event);
    expect(created).toHaveLength(2);
    const presenter = created[1];
    expect(presenter.url).toBe('app://rumija/index.html#presenter-view');
    expect(presenter.options).toMatchObject({ x: 1960, y: 40 });
    expect(presenter.options.webPreferences).toEqual(created[0].options.webPreferences);
  });
});
