import { basename } from 'node:path';
import { originOf } from '../origin';
import { z, type ZodType } from 'zod';
import { describeWriteError } from '#shared/host/write-error';
import { issueProblem, problem, ProblemError } from '#shared/messages/problem';
import { wordProblem } from '#shared/messages/word-problem';
import { UiLanguageSchema, type UiLanguage } from '#shared/host/menu-commands';
import {
  HOST_CHANNELS,
  MAX_HOST_FILE_BYTES,
  OpenFilesRequestSchema,
  SaveFileRequestSchema,
  SetFullScreenRequestSchema,
  OnlineFetchRequestSchema,
  OnlineHostsSchema,
  BackgroundReadRequestSchema,
  BackgroundTokenSchema,
  RecentProjectIdSchema,
  WriteBackupRequestSchema,
  BackupIdSchema,
  type BackupAbout,
  type BackupFolderInfo,
  type HostBackup,
  type RecentProject,
  type BackgroundFileHandle,
  type OnlineFetchRequest,
  type OnlineFetchResult,
  type AppInfo,
  type OpenedFile,
  type SaveFileResult,
} from '#shared/host/host-api';
import { TeamRequestSchema, type ParsedTeamRequest, type TeamReply } from '#shared/postgis/team-requests';

/** What the handlers need from Electron and the file system, passed in so tests can supply their own. */
export interface HostHandlerDependencies {
  ipc: { handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void };
  dialog: {
    showOpenDialog(options: {
      title?: string;
      filters: { name: string; extensions: string[] }[];
      properties: ('openFile' | 'multiSelections' | 'openDirectory' | 'createDirectory')[];
    }): Promise<{ canceled: boolean; filePaths: string[] }>;
    showSaveDialog(options: {
      defaultPath: string;
      filters: { name: string; extensions: string[] }[];
    }): Promise<{ canceled: boolean; filePath?: string }>;
  };
  files: {
    size(path: string): Promise<number>;
    read(path: string): Promise<Uint8Array>;
    writeAtomic(path: string, data: string | Uint8Array): Promise<void>;
  };
  window: { setFullScreen(on: boolean): void } | null | (() => { setFullScreen(on: boolean): void } | null);
  /** Opens (or brings forward) the presenter view window. */
  openPresenterView: () => void;
  /** The page's language changed: the native menu follows. */
  setLanguage: (language: UiLanguage) => void;
  /** Files the system asked to open before the page was ready. */
  takeOpenedFiles: () => OpenedFile[];
  /** Online services the user added: their hosts only, tiles through a disk cache. */
  online: {
    setAllowedHosts(hosts: string[]): void;
    get(request: OnlineFetchRequest): Promise<OnlineFetchResult>;
  };
  /** Background files kept by path and read by ranges (electron/main/background-files.ts). */
  backgroundFiles: {
    grant(paths: string[]): Promise<BackgroundFileHandle[]>;
    read(token: string, offset: number, length: number): Promise<Uint8Array>;
    forget(token: string): Promise<void>;
  };
  /** Project files saved or opened lately (electron/main/recent-projects.ts); `changed` rebuilds the menu. */
  recentProjects: {
    note(path: string): Promise<void>;
    list(): Promise<RecentProject[]>;
    open(id: string): Promise<OpenedFile | null>;
    forget(id: string): Promise<void>;
    changed(): void;
  };
  /** Automatic backups as files (electron/main/backup-folder.ts). */
  backups: {
    write(about: BackupAbout, data: Uint8Array): Promise<HostBackup>;
    list(): Promise<HostBackup[]>;
    read(id: string): Promise<Uint8Array | null>;
    info(): Promise<BackupFolderInfo>;
    choose(folder: string): Promise<BackupFolderInfo>;
  };
  /** The team database (electron/main/postgis/team-database.ts). */
  team: { handle(request: ParsedTeamRequest): Promise<TeamReply> };
  appVersion: string;
  platform: string;
  /** Only frames loaded from this origin may call the host. */
  trustedOrigin: string;
}

export interface IpcEventLike {
  senderFrame: { url: string } | null;
}

class HostRequestError extends ProblemError {}

function parsePayload<T>(schema: ZodType<T>, payload: unknown, channel: string): T {
  const result = schema.safeParse(payload);
  if (!result.success) {
    const detail = result.error.issues.map((issue) =>
      problem('host.issue', { path: issue.path.join('.') || '(payload)', problem: issueProblem(issue.message) }),
    );
    throw new HostRequestError(problem('host.invalidRequest', { channel, detail }));
  }
  return result.data;
}

function assertTrustedSender(event: IpcEventLike, trustedOrigin: string, channel: string) {
  const url = event.senderFrame?.url ?? '';
  if (originOf(url) !== trustedOrigin)
    throw new HostRequestError(problem('host.untrustedSender', { channel, url: url || '?' }));
}

export function registerHostHandlers(deps: HostHandlerDependencies): void {
  // The page's language, for the titles of the dialogs main opens and the refusals it sends back.
  let language: UiLanguage = 'id';
  const handle = (channel: string, listener: (payload: unknown) => Promise<unknown> | unknown) =>
    deps.ipc.handle(channel, async (event, payload) => {
      try {
        assertTrustedSender(event, deps.trustedOrigin, channel);
        return await listener(payload);
      } catch (error) {
        // IPC carries only an error's message to the page: a Problem leaves worded in the page's language.
        throw error instanceof ProblemError ? new Error(wordProblem(error.problem, language)) : error;
      }
    });

  /** A list that cannot be written must not fail the open or the save it follows. */
  const noteRecent = async (paths: string[]) => {
    try {
      for (const path of paths) await deps.recentProjects.note(path);
      deps.recentProjects.changed();
    } catch (error) {
      console.warn('recent projects', error);
    }
  };

  handle(HOST_CHANNELS.openFiles, async (payload): Promise<OpenedFile[]> => {
    const request = parsePayload(OpenFilesRequestSchema, payload, HOST_CHANNELS.openFiles);
    const result = await deps.dialog.showOpenDialog({
      title: request.title,
      filters: request.filters,
      properties: request.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
    });
    if (result.canceled) return [];
    const files: OpenedFile[] = [];
    for (const path of result.filePaths) {
      const size = await deps.files.size(path);
      if (size > MAX_HOST_FILE_BYTES) {
        throw new HostRequestError(problem('host.fileTooLarge', { file: basename(path), size }));
      }
      files.push({ name: basename(path), bytes: await deps.files.read(path) });
    }
    await noteRecent(result.filePaths);
    return files;
  });

  handle(HOST_CHANNELS.saveFile, async (payload): Promise<SaveFileResult> => {
    const request = parsePayload(SaveFileRequestSchema, payload, HOST_CHANNELS.saveFile);
    const result = await deps.dialog.showSaveDialog({ defaultPath: request.suggestedName, filters: request.filters });
    if (result.canceled || !result.filePath) return { saved: false };
    try {
      await deps.files.writeAtomic(result.filePath, request.data);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      return {
        saved: false,
        error: describeWriteError(
          basename(result.filePath),
          code,
          error instanceof Error ? error.message : String(error),
        ),
      };
    }
    await noteRecent([result.filePath]);
    return { saved: true, name: basename(result.filePath) };
  });

  handle(HOST_CHANNELS.appInfo, (payload): AppInfo => {
    parsePayload(z.undefined(), payload, HOST_CHANNELS.appInfo);
    return { host: 'electron', version: deps.appVersion, platform: deps.platform };
  });

  handle(HOST_CHANNELS.setFullScreen, (payload) => {
    const on = parsePayload(SetFullScreenRequestSchema, payload, HOST_CHANNELS.setFullScreen);
    const window = typeof deps.window === 'function' ? deps.window() : deps.window;
    window?.setFullScreen(on);
  });

  handle(HOST_CHANNELS.openPresenterView, (payload) => {
    parsePayload(z.undefined(), payload, HOST_CHANNELS.openPresenterView);
    deps.openPresenterView();
  });

  handle(HOST_CHANNELS.setLanguage, (payload) => {
    language = parsePayload(UiLanguageSchema, payload, HOST_CHANNELS.setLanguage);
    deps.setLanguage(language);
  });

  handle(HOST_CHANNELS.takeOpenedFiles, (payload): OpenedFile[] => {
    parsePayload(z.undefined(), payload, HOST_CHANNELS.takeOpenedFiles);
    return deps.takeOpenedFiles();
  });

  handle(HOST_CHANNELS.setOnlineHosts, (payload) => {
    deps.online.setAllowedHosts(parsePayload(OnlineHostsSchema, payload, HOST_CHANNELS.setOnlineHosts));
  });

  handle(HOST_CHANNELS.fetchOnline, (payload) =>
    deps.online.get(parsePayload(OnlineFetchRequestSchema, payload, HOST_CHANNELS.fetchOnline)),
  );

  handle(HOST_CHANNELS.pickBackgroundFiles, async (payload): Promise<BackgroundFileHandle[]> => {
    parsePayload(z.undefined(), payload, HOST_CHANNELS.pickBackgroundFiles);
    const result = await deps.dialog.showOpenDialog({
      title: wordProblem(problem('host.backgroundDialog'), language),
      filters: [{ name: 'GeoTIFF, PMTiles, MBTiles', extensions: ['tif', 'tiff', 'pmtiles', 'mbtiles'] }],
      properties: ['openFile', 'multiSelections'],
    });
    return result.canceled ? [] : deps.backgroundFiles.grant(result.filePaths);
  });

  handle(HOST_CHANNELS.readBackgroundFile, (payload) => {
    const request = parsePayload(BackgroundReadRequestSchema, payload, HOST_CHANNELS.readBackgroundFile);
    return deps.backgroundFiles.read(request.token, request.offset, request.length);
  });

  handle(HOST_CHANNELS.forgetBackgroundFile, (payload) =>
    deps.backgroundFiles.forget(parsePayload(BackgroundTokenSchema, payload, HOST_CHANNELS.forgetBackgroundFile)),
  );

  handle(HOST_CHANNELS.team, (payload) =>
    deps.team.handle(parsePayload(TeamRequestSchema, payload, HOST_CHANNELS.team)),
  );

  handle(HOST_CHANNELS.recentProjects, (payload) => {
    parsePayload(z.undefined(), payload, HOST_CHANNELS.recentProjects);
    return deps.recentProjects.list();
  });

  handle(HOST_CHANNELS.openRecentProject, async (payload) => {
    const file = await deps.recentProjects.open(
      parsePayload(RecentProjectIdSchema, payload, HOST_CHANNELS.openRecentProject),
    );
    deps.recentProjects.changed();
    return file;
  });

  handle(HOST_CHANNELS.forgetRecentProject, async (payload) => {
    await deps.recentProjects.forget(parsePayload(RecentProjectIdSchema, payload, HOST_CHANNELS.forgetRecentProject));
    deps.recentProjects.changed();
  });

  handle(HOST_CHANNELS.writeBackup, (payload) => {
    const request = parsePayload(WriteBackupRequestSchema, payload, HOST_CHANNELS.writeBackup);
    return deps.backups.write(request.about, request.data);
  });

  handle(HOST_CHANNELS.listBackups, (payload) => {
    parsePayload(z.undefined(), payload, HOST_CHANNELS.listBackups);
    return deps.backups.list();
  });

  handle(HOST_CHANNELS.readBackup, (payload) =>
    deps.backups.read(parsePayload(BackupIdSchema, payload, HOST_CHANNELS.readBackup)),
  );

  handle(HOST_CHANNELS.backupFolder, (payload) => {
    parsePayload(z.undefined(), payload, HOST_CHANNELS.backupFolder);
    return deps.backups.info();
  });

  handle(HOST_CHANNELS.chooseBackupFolder, async (payload): Promise<BackupFolderInfo | null> => {
    parsePayload(z.undefined(), payload, HOST_CHANNELS.chooseBackupFolder);
    const result = await deps.dialog.showOpenDialog({
      title: wordProblem(problem('host.backupDialog'), language),
      filters: [],
      properties: ['openDirectory', 'createDirectory'],
    });
    const [folder] = result.filePaths;
    return result.canceled || !folder ? null : deps.backups.choose(folder);
  });
}
