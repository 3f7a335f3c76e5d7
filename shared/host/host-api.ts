import { z } from 'zod';

/**
 * The host API: the only way the renderer reaches the outside world.
 * Two implementations: Electron (preload + IPC, validated in main) and the browser.
 */

export { HOST_CHANNELS, HOST_EVENTS } from './channels';
import type { MenuCommand, UiLanguage } from './menu-commands';

/** Largest file the host will read or write in one call. */
export const MAX_HOST_FILE_BYTES = 512 * 1024 * 1024;

export const FileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[a-z0-9]{1,10}$/i))
    .min(1)
    .max(20),
});
export type FileFilter = z.infer<typeof FileFilterSchema>;

export const OpenFilesRequestSchema = z.strictObject({
  title: z.string().max(200).optional(),
  filters: z.array(FileFilterSchema).max(20).default([]),
  multiple: z.boolean().default(false),
});
export type OpenFilesRequest = z.input<typeof OpenFilesRequestSchema>;

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

/** A file name without any directory part: the renderer may suggest a name, never a path. */
const BareFileNameSchema = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[\\/]/.test(name) && name !== '.' && name !== '..', 'must be a file name without a folder');

export const SaveFileRequestSchema = z.strictObject({
  suggestedName: BareFileNameSchema,
  filters: z.array(FileFilterSchema).max(20).default([]),
  data: z
    .union([z.string(), z.instanceof(Uint8Array)])
    .refine(
      (data) => (typeof data === 'string' ? data.length * 3 : data.byteLength) <= MAX_HOST_FILE_BYTES,
      'file too large',
    ),
});
export type SaveFileRequest = z.input<typeof SaveFileRequestSchema>;

/** Not saved: cancelled by the user, or (with `error`) the write failed and nothing was changed. */
export type SaveFileResult = { saved: true; name: string } | { saved: false; error?: string };

export const SetFullScreenRequestSchema = z.boolean();

/** Hosts (name and port) of the online services the user added: the only ones the app may contact. */
export const OnlineHostsSchema = z
  .array(
    z
      .string()
      .max(260)
      .regex(/^([a-z0-9-]+\.)*[a-z0-9-]+(:\d{1,5})?$/i),
  )
  .max(200);

export const OnlineFetchRequestSchema = z.strictObject({
  url: z
    .string()
    .max(4000)
    .refine((url) => /^https?:\/\//i.test(url), 'only http(s) addresses'),
  /** A tile is kept on disk and served from there offline; a document (GetCapabilities) is always asked afresh. */
  kind: z.enum(['tile', 'document']),
});
export type OnlineFetchRequest = z.infer<typeof OnlineFetchRequestSchema>;

/** An answer from an online service; `missing` when it has nothing there (HTTP 404 or 204). */
export type OnlineFetchResult =
  { status: 'ok'; bytes: Uint8Array; contentType: string; fromCache: boolean } | { status: 'missing' };

export interface AppInfo {
  host: 'electron' | 'browser';
  version: string;
  platform: string;
}

export interface HostApi {
  readonly kind: 'electron' | 'browser';
  /** Asks the user for files; resolves to [] when they cancel. */
  openFiles(request: OpenFilesRequest): Promise<OpenedFile[]>;
  /** Asks the user where to save and writes the file (atomically in Electron). */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  appInfo(): Promise<AppInfo>;
  setFullScreen(on: boolean): Promise<void>;
  /** Opens the presenter view (notes, next slide, timer) in a second window, on a second screen if there is one. */
  openPresenterView(): Promise<void>;
  /** The UI language, so the native menu speaks it too. */
  setLanguage(language: UiLanguage): Promise<void>;
  /** Files the system asked the app to open before the page was ready (file association, command line). */
  takeOpenedFiles(): Promise<OpenedFile[]>;
  /** Files opened later (a second launch hands its files to this window); returns an unsubscribe function. */
  onFilesOpened(listener: (files: OpenedFile[]) => void): () => void;
  /** Commands from the native menu; returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** The hosts of the user's online services; nothing else online is ever contacted. */
  setOnlineHosts(hosts: string[]): Promise<void>;
  /** Fetches from one of those hosts (tiles through a disk cache that also serves them offline). */
  fetchOnline(request: OnlineFetchRequest): Promise<OnlineFetchResult>;
}

/** Where the presenter view lives in the renderer. */
export const PRESENTER_VIEW_HASH = '#presenter-view';
