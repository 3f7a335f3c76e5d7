import { z } from 'zod';
import type { Problem } from '../messages/problem';

/**
 * The host API: the only way the renderer reaches the outside world.
 * Two implementations: Electron (preload + IPC, validated in main) and the browser.
 */

export { HOST_CHANNELS, HOST_EVENTS } from './channels';
import type { MenuCommand, UiLanguage } from './menu-commands';
import type { TeamRequest, TeamReply } from '../postgis/team-requests';

/** Largest file the host will read or write in one call. */
export const MAX_HOST_FILE_BYTES = 512 * 1024 * 1024;

const FileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  // The import dialog offers every format's extensions (21 with DXF and DWG): room for more formats.
  extensions: z
    .array(z.string().regex(/^[a-z0-9]{1,10}$/i))
    .min(1)
    .max(40),
});

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
export type SaveFileResult = { saved: true; name: string } | { saved: false; error?: Problem | string };

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

/** A background file the desktop app keeps by path (never sent to the page): read by ranges with its token. */
export interface BackgroundFileHandle {
  token: string;
  name: string;
  size: number;
}

const TokenSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
export const BackgroundTokenSchema = TokenSchema;
/** Largest range read in one call (a TIFF strip, a PMTiles directory, a whole MBTiles up to this size). */
const MAX_RANGE_BYTES = 256 * 1024 * 1024;
export const BackgroundReadRequestSchema = z.strictObject({
  token: TokenSchema,
  offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  length: z.number().int().min(1).max(MAX_RANGE_BYTES),
});
type BackgroundReadRequest = z.infer<typeof BackgroundReadRequestSchema>;

/** A project file saved or opened lately, newest first. The page gets an id, never the path. */
export interface RecentProject {
  id: string;
  /** The file name, e.g. `Sidang Kupang.rumija`. */
  name: string;
  /** The folder it is in (desktop), to tell apart files of one name; null in the browser. */
  folder: string | null;
  /** When it was last saved or opened (ISO). */
  at: string;
  /** False when the file is no longer where it was; null where the host cannot tell (the browser). */
  exists: boolean | null;
  /** The host can open it again by itself (desktop); the browser has to ask the user to pick the file again. */
  reopenable: boolean;
}

/** How many recent projects are remembered. */
export const KEPT_RECENT_PROJECTS = 8;
export const RecentProjectIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

/** What a backup holds and why it was made, as "Restore from backup" lists it. */
export const BackupAboutSchema = z.strictObject({
  at: z.iso.datetime(),
  reason: z.enum(['before-open', 'before-restore', 'daily']),
  name: z.string().max(200),
  counts: z.strictObject({
    layers: z.number().int().min(0),
    features: z.number().int().min(0),
    stories: z.number().int().min(0),
    tariffs: z.number().int().min(0),
    // Counted since projects carry the registers and photos; a backup listed from before has none of them.
    obligors: z.number().int().min(0).optional(),
    assessments: z.number().int().min(0).optional(),
    payments: z.number().int().min(0).optional(),
    programmes: z.number().int().min(0).optional(),
    workProgrammes: z.number().int().min(0).optional(),
    photos: z.number().int().min(0).optional(),
  }),
});
export type BackupAbout = z.infer<typeof BackupAboutSchema>;
export const WriteBackupRequestSchema = z.strictObject({
  about: BackupAboutSchema,
  data: z.instanceof(Uint8Array).refine((data) => data.byteLength <= MAX_HOST_FILE_BYTES, 'file too large'),
});
/** A backup's id is its file name in the backup folder (never a path). */
export const BackupIdSchema = z.string().regex(/^rumija-cadangan-[0-9TZ-]+-[a-z-]+-[0-9a-f]{6}\.rumija$/);
export interface HostBackup extends BackupAbout {
  id: string;
  bytes: number;
}
/** Where the desktop app keeps its backups: the user data folder unless the user picked another. */
export interface BackupFolderInfo {
  folder: string;
  chosen: boolean;
  kept: number;
}

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
  /**
   * Asks the user for background files (GeoTIFF, PMTiles, MBTiles) that stay where they are and are read by ranges;
   * null where the host cannot (the browser: the page reads a picked file itself).
   */
  pickBackgroundFiles(): Promise<BackgroundFileHandle[] | null>;
  readBackgroundFile(request: BackgroundReadRequest): Promise<Uint8Array>;
  /** The background was removed: its path is forgotten. */
  forgetBackgroundFile(token: string): Promise<void>;
  /** Project files saved or opened lately (the File menu's and the sidebar's "Recent projects"). */
  recentProjects(): Promise<RecentProject[]>;
  /** Reads a recent project again; null when it is gone (or the host cannot reopen files by itself). */
  openRecentProject(id: string): Promise<OpenedFile | null>;
  /** Removes a project from the list (the file itself stays). */
  forgetRecentProject(id: string): Promise<void>;
  /** A recent project was chosen in the native menu; returns an unsubscribe function. */
  onRecentProjectChosen(listener: (id: string) => void): () => void;
  /**
   * Backups as files in a folder (desktop); null where the host has none (the browser keeps them in IndexedDB).
   */
  readonly backups: {
    write(request: z.input<typeof WriteBackupRequestSchema>): Promise<HostBackup>;
    list(): Promise<HostBackup[]>;
    read(id: string): Promise<Uint8Array | null>;
    folder(): Promise<BackupFolderInfo>;
    /** Asks the user for a folder (a USB stick, a network share); null when they cancel. */
    chooseFolder(): Promise<BackupFolderInfo | null>;
  } | null;
  /** The team database (PostGIS), reached by the main process; every answer says ok or what failed. */
  team(request: TeamRequest): Promise<TeamReply>;
}

/** Where the presenter view lives in the renderer. */
export const PRESENTER_VIEW_HASH = '#presenter-view';
