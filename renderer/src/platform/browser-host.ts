import type {
  AppInfo,
  HostApi,
  OpenFilesRequest,
  OpenedFile,
  SaveFileRequest,
  SaveFileResult,
  OnlineFetchRequest,
  OnlineFetchResult,
} from '#shared/host/host-api';
import type { TeamReply, TeamRequest } from '#shared/postgis/team-requests';
import {
  OnlineFetchRequestSchema,
  OnlineHostsSchema,
  OpenFilesRequestSchema,
  PRESENTER_VIEW_HASH,
  SaveFileRequestSchema,
} from '#shared/host/host-api';

import { browserRecentProjects, forgetBrowserRecentProject, noteBrowserRecentProject } from './browser-recent-projects';

const APP_VERSION = '0.1.0';

function acceptAttribute(request: OpenFilesRequest): string {
  const { filters } = OpenFilesRequestSchema.parse(request);
  return filters.flatMap((filter) => filter.extensions.map((extension) => `.${extension}`)).join(',');
}

/** Opens the browser's file picker; resolves to [] if the user cancels. */
function pickFiles(request: OpenFilesRequest): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = Boolean(request.multiple);
    input.accept = acceptAttribute(request);
    input.style.display = 'none';
    const finish = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => finish(Array.from(input.files ?? [])));
    input.addEventListener('cancel', () => finish([]));
    document.body.append(input);
    input.click();
  });
}

/** This page's own connection at the web server's team bridge (electron/main/postgis/web-team-bridge.ts). */
const TEAM_CLIENT = crypto.randomUUID();

/** The web server's stand-in for the desktop app's online fetching (electron/main/online/web-online-bridge.ts). */
async function askOnlineBridge(action: 'hosts' | 'fetch', body: unknown): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(new URL(`./__rumija-host/online/${action}`, document.baseURI), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new Error(`Server aplikasi tidak menjawab / the app's server did not answer: ${(error as Error).message}`);
  }
  if (response.status === 404 || response.status === 405)
    throw new Error(
      'Layanan daring hanya tersedia di aplikasi desktop atau `npm run web` / online services need the desktop app or `npm run web`',
    );
  if (response.status === 502) throw new Error(await response.text());
  return response;
}

function saveAsDownload(request: ReturnType<typeof SaveFileRequestSchema.parse>): SaveFileResult {
  const blob = new Blob([request.data as BlobPart]);
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = request.suggestedName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { saved: true, name: request.suggestedName };
}

/**
 * The host API in a plain browser tab: file input, download, Fullscreen API. Saving is a download
 * (the browser's own save location or prompt); atomic writes are the desktop app's job.
 */
export function createBrowserHost(): HostApi {
  return {
    kind: 'browser',
    async openFiles(request): Promise<OpenedFile[]> {
      const files = await pickFiles(request);
      for (const file of files) noteBrowserRecentProject(file.name);
      return Promise.all(
        files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
      );
    },
    async saveFile(raw: SaveFileRequest): Promise<SaveFileResult> {
      const result = saveAsDownload(SaveFileRequestSchema.parse(raw));
      if (result.saved) noteBrowserRecentProject(result.name);
      return result;
    },
    async recentProjects() {
      return browserRecentProjects();
    },
    async openRecentProject() {
      return null;
    },
    async forgetRecentProject(id) {
      forgetBrowserRecentProject(id);
    },
    onRecentProjectChosen: () => () => undefined,
    // The page keeps its backups in IndexedDB (renderer/src/persistence/backup-store.ts).
    backups: null,
    async appInfo(): Promise<AppInfo> {
      return { host: 'browser', version: APP_VERSION, platform: navigator.platform };
    },
    async openPresenterView() {
      // Same origin, so it shares the stories (IndexedDB) and the presenter channel.
      window.open(`${location.pathname}${PRESENTER_VIEW_HASH}`, 'rumija-presenter-view', 'popup,width=960,height=640');
    },
    // A browser tab has no native menu and no file associations: the page's own buttons do it all.
    async setLanguage() {},
    async takeOpenedFiles() {
      return [];
    },
    onFilesOpened: () => () => undefined,
    onMenuCommand: () => () => undefined,
    async setOnlineHosts(hosts) {
      await askOnlineBridge('hosts', OnlineHostsSchema.parse(hosts));
    },
    async fetchOnline(request: OnlineFetchRequest): Promise<OnlineFetchResult> {
      const response = await askOnlineBridge('fetch', OnlineFetchRequestSchema.parse(request));
      if (response.status === 204) return { status: 'missing' };
      return {
        status: 'ok',
        bytes: new Uint8Array(await response.arrayBuffer()),
        contentType: response.headers.get('content-type') ?? 'application/octet-stream',
        fromCache: response.headers.get('x-rumija-online') === 'cache',
      };
    },
    // The page reads a picked file itself (a Blob, by ranges); there is no path to keep.
    async pickBackgroundFiles() {
      return null;
    },
    async readBackgroundFile() {
      throw new Error('Hanya di aplikasi desktop / desktop app only');
    },
    async forgetBackgroundFile() {},
    async team(request: TeamRequest): Promise<TeamReply> {
      let response: Response;
      try {
        response = await fetch(new URL('./__rumija-host/team', document.baseURI), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-rumija-client': TEAM_CLIENT },
          body: JSON.stringify(request),
        });
      } catch (error) {
        return { ok: false, failure: 'unreachable', message: (error as Error).message };
      }
      if (response.status === 404 || response.status === 405)
        return {
          ok: false,
          failure: 'no-connection',
          message:
            'Basis data tim hanya tersedia di aplikasi desktop atau `npm run web` / the team database needs the desktop app or `npm run web`',
        };
      if (!response.ok) return { ok: false, failure: 'server', message: await response.text() };
      return (await response.json()) as TeamReply;
    },
    async setFullScreen(on) {
      if (on && !document.fullscreenElement) await document.documentElement.requestFullscreen();
      if (!on && document.fullscreenElement) await document.exitFullscreen();
    },
  };
}
