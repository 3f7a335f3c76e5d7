import type { AppInfo, HostApi, OpenFilesRequest, OpenedFile, SaveFileRequest, SaveFileResult } from '../../../shared/host/host-api';
import { OpenFilesRequestSchema, SaveFileRequestSchema } from '../../../shared/host/host-api';

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

async function saveWithPicker(request: ReturnType<typeof SaveFileRequestSchema.parse>): Promise<SaveFileResult | null> {
  const picker = (window as unknown as { showSaveFilePicker?: (options: unknown) => Promise<FileSystemFileHandle> }).showSaveFilePicker;
  if (!picker) return null;
  try {
    const handle = await picker({
      suggestedName: request.suggestedName,
      types: request.filters.map((filter) => ({
        description: filter.name,
        accept: { 'application/octet-stream': filter.extensions.map((extension) => `.${extension}`) },
      })),
    });
    // The File System Access API writes to a swap file and replaces the target on close.
    const writable = await handle.createWritable();
    await writable.write(request.data as BlobPart);
    await writable.close();
    return { saved: true, name: handle.name };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return { saved: false };
    throw error;
  }
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

/** The host API in a plain browser tab: file input, File System Access API or download, Fullscreen API. */
export function createBrowserHost(options: { preferDownload?: boolean } = {}): HostApi {
  return {
    kind: 'browser',
    async openFiles(request): Promise<OpenedFile[]> {
      const files = await pickFiles(request);
      return Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
    },
    async saveFile(raw: SaveFileRequest): Promise<SaveFileResult> {
      const request = SaveFileRequestSchema.parse(raw);
      if (!options.preferDownload) {
        const result = await saveWithPicker(request);
        if (result) return result;
      }
      return saveAsDownload(request);
    },
    async appInfo(): Promise<AppInfo> {
      return { host: 'browser', version: APP_VERSION, platform: navigator.platform };
    },
    async setFullScreen(on) {
      if (on && !document.fullscreenElement) await document.documentElement.requestFullscreen();
      if (!on && document.fullscreenElement) await document.exitFullscreen();
    },
  };
}
