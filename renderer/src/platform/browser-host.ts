import type {
  AppInfo,
  HostApi,
  OpenFilesRequest,
  OpenedFile,
  SaveFileRequest,
  SaveFileResult,
} from '#shared/host/host-api';
import { OpenFilesRequestSchema, PRESENTER_VIEW_HASH, SaveFileRequestSchema } from '#shared/host/host-api';

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
      return Promise.all(
        files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
      );
    },
    async saveFile(raw: SaveFileRequest): Promise<SaveFileResult> {
      return saveAsDownload(SaveFileRequestSchema.parse(raw));
    },
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
    async setFullScreen(on) {
      if (on && !document.fullscreenElement) await document.documentElement.requestFullscreen();
      if (!on && document.fullscreenElement) await document.exitFullscreen();
    },
  };
}
