import type { Problem } from '#shared/messages/problem';
import { wordProblem } from '#shared/messages/word-problem';
import { describe, expect, it, vi } from 'vitest';
import { HOST_CHANNELS, MAX_HOST_FILE_BYTES } from '#shared/host/host-api';
import { registerHostHandlers, type HostHandlerDependencies, type IpcEventLike } from './host-handlers';

vi.mock('electron', () => ({}));

const TRUSTED = 'app://rumija';
const trustedEvent: IpcEventLike = { senderFrame: { url: `${TRUSTED}/index.html` } };

function createHost(overrides: Partial<HostHandlerDependencies> = {}) {
  const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
  const written: { path: string; data: string | Uint8Array }[] = [];
  const fullScreen: boolean[] = [];
  const presenterViews: number[] = [];
  const languages: string[] = [];
  const teamRequests: unknown[] = [];
  const noted: string[] = [];
  const opened: string[] = [];
  const deps: HostHandlerDependencies = {
    ipc: { handle: (channel, listener) => handlers.set(channel, listener) },
    dialog: {
      showOpenDialog: async () => ({ canceled: false, filePaths: ['/data/survei/ruas-oelamasi.geojson'] }),
      showSaveDialog: async () => ({ canceled: false, filePath: '/data/ekspor/jalan.geojson' }),
    },
    files: {
      size: async () => 12,
      read: async () => new TextEncoder().encode('{"type":"x"}'),
      writeAtomic: async (path, data) => {
        written.push({ path, data });
      },
    },
    window: { setFullScreen: (on) => fullScreen.push(on) },
    openPresenterView: () => presenterViews.push(1),
    setLanguage: (language) => languages.push(language),
    takeOpenedFiles: () => [{ name: 'ruas.geojson', bytes: new TextEncoder().encode('{}') }],
    online: { setAllowedHosts: () => undefined, get: async () => ({ status: 'missing' }) },
    recentProjects: {
      note: async (path) => {
        noted.push(path);
      },
      list: async () => [],
      open: async (id) => {
        opened.push(id);
        return null;
      },
      forget: async () => undefined,
      changed: () => undefined,
    },
    backups: {
      write: async (about, data) => ({ ...about, id: 'x', bytes: data.byteLength }),
      list: async () => [],
      read: async (id) => {
        opened.push(id);
        return null;
      },
      info: async () => ({ folder: '/cadangan', chosen: false, kept: 7 }),
      choose: async (folder) => ({ folder, chosen: true, kept: 7 }),
    },
    backgroundFiles: { grant: async () => [], read: async () => new Uint8Array(0), forget: async () => undefined },
    team: {
      handle: async (request) => {
        teamRequests.push(request);
        return { ok: true, value: null };
      },
    },
    appVersion: '0.1.0',
    platform: 'linux',
    trustedOrigin: TRUSTED,
    ...overrides,
  };
  registerHostHandlers(deps);
  const invoke = (channel: string, payload?: unknown, event: IpcEventLike = trustedEvent) =>
    Promise.resolve().then(() => handlers.get(channel)!(event, payload));
  return { invoke, written, fullScreen, presenterViews, languages, handlers, teamRequests, noted, opened };
}

describe('host IPC handlers', () => {
  it('registers every channel of the host API', () => {
    const { handlers } = createHost();
    expect([...handlers.keys()].sort()).toEqual(Object.values(HOST_CHANNELS).sort());
  });

  it('passes team-database requests on only when they are valid: no SQL, no bad table names, no odd geometry', async () => {
    const { invoke, teamRequests } = createHost();
    const connection = { host: 'db.pupr.nttprov.go.id', port: 5432, database: 'rumija', user: 'ana', tls: 'prefer' };
    await invoke(HOST_CHANNELS.team, { action: 'connect', connection, password: 'rahasia', remember: true });
    expect(teamRequests).toHaveLength(1);
    const refused = [
      { action: 'read', table: 'jalan; DROP TABLE rumija.layers', after: null, limit: 10 },
      { action: 'connect', connection: { ...connection, host: 'db host; rm' }, password: null, remember: false },
      { action: 'changes', table: 'jalan', kind: 'road', since: '1 OR 1=1' },
      {
        action: 'push',
        table: 'jalan',
        kind: 'road',
        puts: [{ feature: { id: 'a', layerId: 'l', geometry: { type: 'Circle' }, properties: {} }, baseVersion: 1 }],
        deletes: [],
      },
      { action: 'sql', text: 'SELECT 1' },
    ];
    for (const payload of refused)
      await expect(invoke(HOST_CHANNELS.team, payload)).rejects.toThrow(/Permintaan tidak sah pada host:team:call/);
    expect(teamRequests).toHaveLength(1);
  });

  it('opens a file and returns its name (never its path) and bytes', async () => {
    const { invoke } = createHost();
    const files = (await invoke(HOST_CHANNELS.openFiles, {
      filters: [{ name: 'GeoJSON', extensions: ['geojson', 'json'] }],
    })) as {
      name: string;
      bytes: Uint8Array;
    }[];
    expect(files).toHaveLength(1);
    expect(files[0]!.name).toBe('ruas-oelamasi.geojson');
    expect(new TextDecoder().decode(files[0]!.bytes)).toBe('{"type":"x"}');
  });

  it('returns no files when the dialog is cancelled', async () => {
    const { invoke } = createHost({
      dialog: {
        showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
        showSaveDialog: async () => ({ canceled: true }),
      },
    });
    expect(await invoke(HOST_CHANNELS.openFiles, {})).toEqual([]);
    expect(await invoke(HOST_CHANNELS.saveFile, { suggestedName: 'a.csv', data: 'x' })).toEqual({ saved: false });
  });

  it('refuses files over the size limit with a message naming the file', async () => {
    const { invoke } = createHost({
      files: {
        size: async () => MAX_HOST_FILE_BYTES + 1,
        read: async () => new Uint8Array(),
        writeAtomic: async () => undefined,
      },
    });
    await expect(invoke(HOST_CHANNELS.openFiles, {})).rejects.toThrow(/ruas-oelamasi\.geojson/);
  });

  it('saves atomically to the chosen path', async () => {
    const { invoke, written } = createHost();
    const result = await invoke(HOST_CHANNELS.saveFile, { suggestedName: 'jalan.geojson', data: '{}' });
    expect(result).toEqual({ saved: true, name: 'jalan.geojson' });
    expect(written).toEqual([{ path: '/data/ekspor/jalan.geojson', data: '{}' }]);
  });

  it.each([
    ['EBUSY', 'open in another program'],
    ['ENAMETOOLONG', 'too long'],
    ['EACCES', 'no permission'],
    [undefined, 'disk exploded'],
  ])('answers a failed write (%s) with a message naming the file, instead of throwing', async (code, words) => {
    const failure = Object.assign(new Error('disk exploded'), { code });
    const { invoke } = createHost({
      files: {
        size: async () => 1,
        read: async () => new Uint8Array(),
        writeAtomic: async () => Promise.reject(failure),
      },
    });
    const result = (await invoke(HOST_CHANNELS.saveFile, { suggestedName: 'jalan.geojson', data: '{}' })) as {
      saved: boolean;
      error: Problem;
    };
    expect(result.saved).toBe(false);
    expect(wordProblem(result.error, 'id')).toMatch(/^Tidak tersimpan: jalan\.geojson: /);
    expect(wordProblem(result.error, 'en')).toContain('jalan.geojson');
    expect(wordProblem(result.error, 'en')).toContain(words);
  });

  it.each([
    ['a path instead of a name', { suggestedName: '../../etc/passwd', data: 'x' }],
    ['missing data', { suggestedName: 'a.csv' }],
    ['data of the wrong type', { suggestedName: 'a.csv', data: 42 }],
    ['an unknown field', { suggestedName: 'a.csv', data: 'x', path: '/tmp/a' }],
    ['a bad filter extension', { suggestedName: 'a.csv', data: 'x', filters: [{ name: 'x', extensions: ['../'] }] }],
    ['no payload', undefined],
  ])('rejects a save request with %s and writes nothing', async (_label, payload) => {
    const { invoke, written } = createHost();
    await expect(invoke(HOST_CHANNELS.saveFile, payload)).rejects.toThrow(/Permintaan tidak sah pada host:file:save/);
    expect(written).toEqual([]);
  });

  it('rejects malformed open requests and full-screen payloads', async () => {
    const { invoke, fullScreen } = createHost();
    await expect(invoke(HOST_CHANNELS.openFiles, { multiple: 'yes' })).rejects.toThrow(/Permintaan tidak sah/);
    await expect(invoke(HOST_CHANNELS.setFullScreen, 'on')).rejects.toThrow(/Permintaan tidak sah/);
    await expect(invoke(HOST_CHANNELS.appInfo, { evil: true })).rejects.toThrow(/Permintaan tidak sah/);
    await invoke(HOST_CHANNELS.setFullScreen, true);
    expect(fullScreen).toEqual([true]);
  });

  it('opens the presenter view only for an empty payload', async () => {
    const { invoke, presenterViews } = createHost();
    await expect(invoke(HOST_CHANNELS.openPresenterView, { url: 'https://example.org/' })).rejects.toThrow(
      /Permintaan tidak sah/,
    );
    expect(presenterViews).toEqual([]);
    await invoke(HOST_CHANNELS.openPresenterView);
    expect(presenterViews).toEqual([1]);
  });

  it('passes the UI language on only when it is one the menu speaks', async () => {
    const { invoke, languages } = createHost();
    await expect(invoke(HOST_CHANNELS.setLanguage, 'fr')).rejects.toThrow(/Permintaan tidak sah pada host:ui:language/);
    await expect(invoke(HOST_CHANNELS.setLanguage, { language: 'id' })).rejects.toThrow(/Permintaan tidak sah/);
    await invoke(HOST_CHANNELS.setLanguage, 'en');
    expect(languages).toEqual(['en']);
    // From then on a refusal reaches the page in English, the detail too (IPC carries only the message).
    await expect(invoke(HOST_CHANNELS.setLanguage, 'fr')).rejects.toThrow(
      /^Invalid request on host:ui:language: \(payload\): Invalid option: expected one of "id"\|"en"$/,
    );
  });

  it('hands the files opened from the system to the page, for an empty request only', async () => {
    const { invoke } = createHost();
    await expect(invoke(HOST_CHANNELS.takeOpenedFiles, { path: '/etc/passwd' })).rejects.toThrow(
      /Permintaan tidak sah/,
    );
    const files = (await invoke(HOST_CHANNELS.takeOpenedFiles)) as { name: string }[];
    expect(files.map((file) => file.name)).toEqual(['ruas.geojson']);
  });

  it('notes the paths of files opened and saved, and reopens a recent project by id only', async () => {
    const { invoke, noted, opened } = createHost({});
    await invoke(HOST_CHANNELS.openFiles, { filters: [] });
    await invoke(HOST_CHANNELS.saveFile, { suggestedName: 'Sidang.rumija', data: 'x' });
    // Every path goes to the store, which keeps only project files (recent-projects.test.ts).
    expect(noted).toEqual(['/data/survei/ruas-oelamasi.geojson', '/data/ekspor/jalan.geojson']);
    const id = '0b6f1a52-3c1e-4d8a-9f7e-2a4b5c6d7e8f';
    await expect(invoke(HOST_CHANNELS.openRecentProject, id)).resolves.toBeNull();
    for (const payload of ['/etc/passwd', { path: '/etc/passwd' }, undefined, '../x'])
      await expect(invoke(HOST_CHANNELS.openRecentProject, payload)).rejects.toThrow(/Permintaan tidak sah/);
    await expect(invoke(HOST_CHANNELS.forgetRecentProject, 'C:\\x.rumija')).rejects.toThrow(/Permintaan tidak sah/);
    expect(opened).toEqual([id]);
  });

  it('writes backups only with a valid note and bytes, and reads one only by its file name', async () => {
    const { invoke, opened } = createHost({});
    const about = {
      at: '2026-12-07T04:00:00.000Z',
      reason: 'daily',
      name: 'Sidang',
      counts: { layers: 4, features: 719, stories: 1, tariffs: 1 },
    };
    await expect(invoke(HOST_CHANNELS.writeBackup, { about, data: new Uint8Array(3) })).resolves.toMatchObject({
      bytes: 3,
    });
    for (const payload of [
      { about, data: 'teks' },
      { about: { ...about, reason: 'sesuka' }, data: new Uint8Array(1) },
      { about: { ...about, at: 'kemarin' }, data: new Uint8Array(1) },
      { about, data: new Uint8Array(1), path: '/etc' },
    ])
      await expect(invoke(HOST_CHANNELS.writeBackup, payload)).rejects.toThrow(
        /Permintaan tidak sah pada host:backup:write/,
      );
    const id = 'rumija-cadangan-2026-12-07T04-00-00-000Z-daily-a1b2c3.rumija';
    await invoke(HOST_CHANNELS.readBackup, id);
    for (const payload of ['../../etc/passwd', `../${id}`, '/tmp/x.rumija', 'rumija-cadangan-x/../../y.rumija'])
      await expect(invoke(HOST_CHANNELS.readBackup, payload)).rejects.toThrow(/Permintaan tidak sah/);
    expect(opened).toEqual([id]);
  });

  it('rejects calls from frames outside the app origin', async () => {
    const { invoke } = createHost();
    const foreign: IpcEventLike = { senderFrame: { url: 'https://example.org/' } };
    await expect(invoke(HOST_CHANNELS.appInfo, undefined, foreign)).rejects.toThrow(/Pengirim tidak dipercaya/);
    await expect(invoke(HOST_CHANNELS.appInfo, undefined, { senderFrame: null })).rejects.toThrow(
      /Pengirim tidak dipercaya/,
    );
    expect(await invoke(HOST_CHANNELS.appInfo)).toEqual({ host: 'electron', version: '0.1.0', platform: 'linux' });
  });
});
