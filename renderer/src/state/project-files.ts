import type { ProjectContents } from '#shared/project/project-format';
import type { ProjectProblem } from '#shared/project/read-project';
import { PROJECT_EXTENSION } from '#shared/project/project-format';
import {
  collectProject,
  replaceWorkspace,
  workspaceCounts,
  type HistoryNote,
  type PhotoImages,
} from '../persistence/project-workspace';
import { BackupStore, type BackupEntry, type BackupPlace, type BackupReason } from '../persistence/backup-store';
import { HostBackups } from '../persistence/host-backups';
import { RumijaDatabase } from '../persistence/database';
import { readProjectInWorker, writeProjectInWorker } from '../workers/run-project';
import { host } from '../platform';
import type { AppStore } from './app-store';

const NAME_KEY = 'rumija.projectName';
const DAY_MS = 24 * 60 * 60 * 1000;

export type OpenedProject = ProjectContents & { formatVersion: number; checksum: string };
export type ProjectCheck = { ok: true; project: OpenedProject } | { ok: false; problem: ProjectProblem };

/** The name the workspace was last saved or opened under: the window title names it. */
export function projectName(): string | null {
  return localStorage.getItem(NAME_KEY);
}

export function showProjectName(name: string | null) {
  if (name) localStorage.setItem(NAME_KEY, name);
  else localStorage.removeItem(NAME_KEY);
  document.title = name ? `${name} — Rumija` : 'Rumija';
}

const baseName = (fileName: string) => fileName.replace(/\.(rumija|gpkg)$/i, '');

/**
 * Saving, opening and backing up the workspace as project files. Every open and restore first keeps a backup of
 * what it replaces; a daily backup is kept too. Backups live in their own database, so a broken workspace database
 * still offers them.
 */
export class ProjectFiles {
  /** Files through the main process on the desktop; IndexedDB in a browser tab, which has no folder to write to. */
  readonly backups: BackupPlace = host.backups ? new HostBackups(host.backups) : new BackupStore();

  constructor(private readonly store: AppStore) {}

  /** A backup always embeds the photos' images: a restore after a broken database must bring every photo back. */
  private async bytesOf(db: RumijaDatabase, name: string, photoImages: PhotoImages = 'embed') {
    const appVersion = (await host.appInfo()).version;
    const contents = await collectProject(db, { name, appVersion }, photoImages);
    return writeProjectInWorker(contents);
  }

  /** Asks where, then writes the whole workspace as one `.rumija` file, the photos' images embedded or referenced. */
  async save(name: string, photoImages: PhotoImages = 'embed') {
    const { bytes } = await this.bytesOf(this.store.db, name, photoImages);
    const result = await host.saveFile({
      suggestedName: `${name.replace(/[\\/:*?"<>|]/g, '_')}.${PROJECT_EXTENSION}`,
      filters: [{ name: 'Rumija', extensions: [PROJECT_EXTENSION] }],
      data: bytes,
    });
    if (result.saved) showProjectName(baseName(result.name));
    return result;
  }

  check(bytes: Uint8Array<ArrayBuffer>): Promise<ProjectCheck> {
    return readProjectInWorker(bytes).then((read) =>
      read.ok ? { ok: true, project: read.value } : { ok: false, problem: read.problem },
    );
  }

  /** What the workspace holds now: what an open or a restore replaces. */
  current() {
    return workspaceCounts(this.store.db);
  }

  /** Keeps a backup of the workspace as it is now. */
  async backup(reason: BackupReason, db: RumijaDatabase = this.store.db): Promise<BackupEntry> {
    const name = projectName() ?? '';
    const { bytes } = await this.bytesOf(db, name);
    return this.backups.add({ at: new Date().toISOString(), reason, name, counts: await workspaceCounts(db) }, bytes);
  }

  /** A backup if the newest is a day old or there is none; quietly nothing when the workspace is empty. */
  dailyBackup(): Promise<BackupEntry | null> {
    // One at a time: the start and the minute's check may both ask.
    this.daily ??= this.makeDailyBackup().finally(() => (this.daily = null));
    return this.daily;
  }

  private daily: Promise<BackupEntry | null> | null = null;

  private async makeDailyBackup() {
    const [newest] = await this.backups.list();
    if (newest && Date.now() - Date.parse(newest.at) < DAY_MS) return null;
    if ((await this.current()).layers === 0) return null;
    return this.backup('daily');
  }

  /** Replaces the workspace with a checked project, after a backup of it. */
  async open(project: OpenedProject, fileName: string) {
    await this.backup('before-open');
    await this.replace(project, { reason: 'project-opened', name: baseName(fileName), at: new Date().toISOString() });
  }

  /** Puts a backup back, after a backup of the workspace (unless the workspace cannot be read at all). */
  async restore(entry: BackupEntry, workspaceReadable = true) {
    const bytes = await this.backups.data(entry.id);
    if (!bytes) throw new Error(`cadangan ${entry.at} tidak ada lagi / backup gone`);
    const read = await this.check(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    const note: HistoryNote = { reason: 'backup-restored', name: entry.name, at: new Date().toISOString() };
    if (workspaceReadable) {
      await this.backup('before-restore');
      await this.replace(read.project, note);
      return;
    }
    // The database cannot be opened: it is put aside by deleting it, as nothing in it can be read. The page's Dexie
    // instance cannot make it afresh: having opened a foreign schema (a version-9990 database whose stores have other
    // keys) by "patching", it keeps that schema and would create the stores with the foreign keys again. So the page's
    // connection is closed, IndexedDB deletes the database, a new instance writes the backup, and the app starts again.
    const { db } = this.store;
    db.close();
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(db.name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error(`cannot delete ${db.name}`));
      request.onblocked = () => reject(new Error(`${db.name}: another window of Rumija holds the database open`));
    });
    const fresh = new RumijaDatabase(db.name);
    await fresh.open();
    await replaceWorkspace(fresh, read.project, note);
    fresh.close();
    showProjectName(note.name || null);
    globalThis.location.reload();
  }

  private async replace(project: OpenedProject, note: HistoryNote) {
    await replaceWorkspace(this.store.db, project, note);
    showProjectName(note.name || null);
    await this.store.load();
  }
}
