import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A stand-in for Electron, fresh for each test: every test starts the main process on its own. */
const electron = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const state = {
    created: [] as {
      options: Record<string, unknown>;
      url?: string;
      sent: [string, unknown][];
      events: Map<string, Listener>;
      calls: string[];
    }[],
    handlers: new Map<string, Listener>(),
    appEvents: new Map<string, Listener>(),
    schemes: [] as unknown[],
    menus: [] as { label?: string; submenu?: { label?: string; click?: () => void }[] }[][],
    messageBoxes: [] as unknown[],
    permissionHandler: null as
      null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    lock: true,
    quit: 0,
    userData: '',
    argv: [] as string[],
  };
  const reset = () => {
    state.created.length = 0;
    state.handlers.clear();
    state.appEvents.clear();
    state.schemes.length = 0;
    state.menus.length = 0;
    state.messageBoxes.length = 0;
    state.permissionHandler = null;
    state.lock = true;
    state.quit = 0;
  };
  return { state, reset };
});

vi.mock('electron', () => {
  const { state } = electron;
  class BrowserWindow {
    static getAllWindows = () => state.created;
    private record: (typeof state.created)[number];
    webContents: { send: (channel: string, payload: unknown) => void; on: () => void };
    constructor(options: Record<string, unknown>) {
      this.record = { options, sent: [], events: new Map(), calls: [] };
      state.created.push(this.record);
      this.webContents = { send: (channel, payload) => this.record.sent.push([channel, payload]), on: () => undefined };
    }
    once(event: string, listener: () => void) {
      this.record.events.set(`once:${event}`, listener);
    }
    on(event: string, listener: () => void) {
      this.record.events.set(event, listener);
    }
    getBounds() {
      return { x: 0, y: 0, width: 1440, height: 900 };
    }
    getNormalBounds() {
      return { x: 30, y: 40, width: 1300, height: 800 };
    }
    isMaximized() {
      return true;
    }
    isMinimized() {
      return false;
    }
    isDestroyed() {
      return false;
    }
    maximize() {
      this.record.calls.push('maximize');
    }
    show() {
      this.record.calls.push('show');
    }
    focus() {
      this.record.calls.push('focus');
    }
    restore() {}
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
  }
  const display = (id: number, x: number, width: number, height: number) => ({
    id,
    workArea: { x, y: 0, width, height },
  });
  return {
    app: {
      on: (event: string, listener: (...args: unknown[]) => unknown) => state.appEvents.set(event, listener),
      whenReady: () => Promise.resolve(),
      getVersion: () => '0.1.0',
      getPath: () => state.userData,
      isPackaged: true,
      quit: () => state.quit++,
      requestSingleInstanceLock: () => state.lock,
    },
    BrowserWindow,
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: (typeof state.menus)[number]) => state.menus.push(menu),
    },
    dialog: { showMessageBox: async (...args: unknown[]) => state.messageBoxes.push(args.at(-1)) },
    ipcMain: {
      handle: (channel: string, listener: (...args: unknown[]) => unknown) => state.handlers.set(channel, listener),
    },
    screen: {
      getPrimaryDisplay: () => display(1, 0, 1920, 1080),
      getDisplayMatching: () => display(1, 0, 1920, 1080),
      getAllDisplays: () => [display(1, 0, 1920, 1080), display(2, 1920, 1280, 720)],
    },
    net: {},
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: () => Buffer.alloc(0),
      decryptString: () => '',
    },
    protocol: { registerSchemesAsPrivileged: (list: unknown[]) => state.schemes.push(...list), handle: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof state.permissionHandler) => (state.permissionHandler = handler),
        setPermissionCheckHandler: vi.fn(),
      },
    },
  };
});

const trusted = { senderFrame: { url: 'app://rumija/index.html' } };
const { state } = electron;

async function startMain(argv: string[] = ['/opt/Rumija/rumija']) {
  vi.resetModules();
  const saved = process.argv;
  process.argv = argv;
  try {
    await import('./index');
    // Start-up reads small files (window state, recent projects, files from the command line): let them land.
    await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    process.argv = saved;
  }
}

beforeEach(() => {
  electron.reset();
  state.userData = mkdtempSync(join(tmpdir(), 'rumija-user-'));
});

describe('main process start-up', () => {
  it('opens one sandboxed, isolated window on the app origin and registers the host API', async () => {
    await startMain();
    expect(state.created).toHaveLength(1);
    const preferences = state.created[0]!.options.webPreferences as Record<string, unknown>;
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(String(preferences.preload)).toMatch(/preload[\\/]index\.js$/);
    expect(state.created[0]!.url).toBe('app://rumija/index.html');
    expect([...state.handlers.keys()].sort()).toEqual([
      'host:app:info',
      'host:background:forget',
      'host:background:pick',
      'host:background:read',
      'host:backup:choose-folder',
      'host:backup:folder',
      'host:backup:list',
      'host:backup:read',
      'host:backup:write',
      'host:file:save',
      'host:files:open',
      'host:files:take-opened',
      'host:online:fetch',
      'host:online:hosts',
      'host:recent:forget',
      'host:recent:list',
      'host:recent:open',
      'host:team:call',
      'host:ui:language',
      'host:window:fullscreen',
      'host:window:presenter-view',
    ]);
    expect(state.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const answers: boolean[] = [];
    state.permissionHandler?.(null, 'geolocation', (granted) => answers.push(granted));
    state.permissionHandler?.(null, 'media', (granted) => answers.push(granted));
    state.permissionHandler?.(null, 'fullscreen', (granted) => answers.push(granted));
    expect(answers).toEqual([false, false, true]);
  });

  it('opens the presenter view as a second sandboxed window on the other screen, once', async () => {
    await startMain();
    const open = state.handlers.get('host:window:presenter-view')!;
    await expect(Promise.resolve().then(() => open(trusted, { evil: true }))).rejects.toThrow(/Permintaan tidak sah/);
    await expect(Promise.resolve().then(() => open({ senderFrame: { url: 'https://example.com/' } }))).rejects.toThrow(
      /Pengirim tidak dipercaya/,
    );
    await open(trusted);
    await open(trusted);
    expect(state.created).toHaveLength(2);
    const presenter = state.created[1]!;
    expect(presenter.url).toBe('app://rumija/index.html#presenter-view');
    expect(presenter.options).toMatchObject({ x: 1960, y: 40 });
    expect(presenter.options.webPreferences).toEqual(state.created[0]!.options.webPreferences);
  });

  it('quits at once when another Rumija already runs (that one gets the files)', async () => {
    state.lock = false;
    await startMain();
    expect(state.quit).toBeGreaterThan(0);
  });

  it('hands files from the command line to the page when it asks, and files of a second launch at once', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'rumija-open-'));
    const first = join(folder, 'ruas.geojson');
    const second = join(folder, 'paparan.rumija-story.json');
    writeFileSync(first, '{"type":"FeatureCollection","features":[]}');
    writeFileSync(second, '{"format":"rumija-story"}');
    await startMain(['/opt/Rumija/rumija', first, '--flag', join(folder, 'catatan.docx')]);

    type Sent = { name: string; bytes: Uint8Array }[];
    const taken = (await state.handlers.get('host:files:take-opened')!(trusted)) as Sent;
    const window = state.created[0]!;
    const delivered = () => [
      ...taken,
      ...window.sent.filter(([channel]) => channel === 'host:files:opened').flatMap(([, files]) => files as Sent),
    ];
    // On a loaded machine the file may still be being read when the page first asks: then it is sent once read.
    // Either way the page gets it exactly once.
    await vi.waitFor(() => expect(delivered().map((file) => file.name)).toEqual(['ruas.geojson']));
    expect(new TextDecoder().decode(delivered()[0]!.bytes)).toContain('FeatureCollection');

    await state.appEvents.get('second-instance')!({}, ['/opt/Rumija/rumija', second], folder);
    expect(window.calls).toContain('focus');
    await vi.waitFor(() =>
      expect(delivered().map((file) => file.name)).toEqual(['ruas.geojson', 'paparan.rumija-story.json']),
    );
  });

  it('puts a project opened from the command line on the recent list', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'rumija-open-'));
    const project = join(folder, 'Sidang DPRD.rumija');
    writeFileSync(project, 'isi');
    await startMain(['/opt/Rumija/rumija', project]);
    await vi.waitFor(async () => {
      const listed = (await state.handlers.get('host:recent:list')!(trusted)) as { name: string }[];
      expect(listed.map((entry) => entry.name)).toEqual(['Sidang DPRD.rumija']);
    });
  });

  it('builds the menu in Indonesian, rebuilds it in English when the page switches, and sends its commands to the page', async () => {
    await startMain();
    expect(state.menus.at(-1)!.map((menu) => menu.label)).toEqual(['Berkas', 'Sunting', 'Tampilan', 'Bantuan']);
    await state.handlers.get('host:ui:language')!(trusted, 'en');
    const menu = state.menus.at(-1)!;
    expect(menu.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    menu[0]!.submenu!.find((item) => item.label === 'Import files…')!.click!();
    menu[1]!.submenu!.find((item) => item.label === 'Undo')!.click!();
    expect(state.created[0]!.sent).toEqual([
      ['host:menu:command', 'import'],
      ['host:menu:command', 'undo'],
    ]);
    menu[3]!.submenu![0]!.click!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(state.messageBoxes.at(-1)).toMatchObject({ type: 'info', message: 'Rumija 0.1.0' });
  });

  it('reopens the window where it was, maximised, and remembers where it is when it closes', async () => {
    writeFileSync(
      join(state.userData, 'window-state.json'),
      JSON.stringify({ version: 1, x: 1950, y: 20, width: 1200, height: 700, maximized: true }),
    );
    await startMain();
    const window = state.created[0]!;
    expect(window.options).toMatchObject({ x: 1950, y: 20, width: 1200, height: 700 });
    window.events.get('once:ready-to-show')!();
    expect(window.calls).toEqual(['maximize', 'show']);
    window.events.get('close')!();
    await vi.waitFor(() =>
      expect(JSON.parse(readFileSync(join(state.userData, 'window-state.json'), 'utf8'))).toEqual({
        version: 1,
        x: 30,
        y: 40,
        width: 1300,
        height: 800,
        maximized: true,
      }),
    );
  });
});
