import { describe, expect, it, vi } from 'vitest';

const created: { options: Record<string, unknown>; url?: string }[] = [];
const registeredChannels: string[] = [];
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
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
  }
  return {
    app: { on: vi.fn(), whenReady: () => Promise.resolve(), getVersion: () => '0.1.0', quit: vi.fn() },
    BrowserWindow,
    dialog: {},
    ipcMain: { handle: (channel: string) => registeredChannels.push(channel) },
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
    expect(registeredChannels.sort()).toEqual(['host:app:info', 'host:file:save', 'host:files:open', 'host:window:fullscreen']);
    expect(schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    const answers: boolean[] = [];
    permissionHandler?.(null, 'geolocation', (granted) => answers.push(granted));
    permissionHandler?.(null, 'media', (granted) => answers.push(granted));
    permissionHandler?.(null, 'fullscreen', (granted) => answers.push(granted));
    expect(answers).toEqual([false, false, true]);
  });
});
