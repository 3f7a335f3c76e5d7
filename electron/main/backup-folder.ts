import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import {
  BackupAboutSchema,
  MAX_HOST_FILE_BYTES,
  type BackupAbout,
  type BackupFolderInfo,
  type HostBackup,
} from '#shared/host/host-api';
import { problem, ProblemError } from '#shared/messages/problem';

/** What the backups need from the file system, passed in so tests can use a temporary folder. */
export interface BackupFiles {
  readText(path: string): Promise<string>;
  read(path: string): Promise<Uint8Array>;
  size(path: string): Promise<number>;
  writeAtomic(path: string, data: string | Uint8Array): Promise<void>;
  list(folder: string): Promise<string[]>;
  remove(path: string): Promise<void>;
  makeFolder(folder: string): Promise<void>;
}

/** How many automatic backups are kept by default; the oldest go first. */
export const KEPT_BACKUP_FILES = 7;

const SettingsSchema = z.object({ folder: z.string().min(1).nullable() });
const SIDE = '.json';

/**
 * The desktop app's automatic backups: each a `.rumija` project file with a small JSON beside it saying when, why
 * and what it holds, written atomically to the user data folder or a folder the user picked (a USB stick, a network
 * share). The folder choice is kept in the user data folder; the page only ever names a backup by its file name.
 */
export class BackupFolder {
  private chosen: string | null | undefined;

  constructor(
    private readonly defaultFolder: string,
    private readonly settingsFile: string,
    private readonly files: BackupFiles,
    private readonly kept = KEPT_BACKUP_FILES,
  ) {}

  async info(): Promise<BackupFolderInfo> {
    const chosen = await this.chosenFolder();
    return { folder: chosen ?? this.defaultFolder, chosen: chosen !== null, kept: this.kept };
  }

  /** Backups go to this folder from now on (those already made stay where they are). */
  async choose(folder: string): Promise<BackupFolderInfo> {
    await this.files.makeFolder(folder);
    this.chosen = folder;
    await this.files.makeFolder(dirname(this.settingsFile));
    await this.files.writeAtomic(this.settingsFile, JSON.stringify({ folder }));
    return this.info();
  }

  async write(about: BackupAbout, data: Uint8Array): Promise<HostBackup> {
    const folder = (await this.info()).folder;
    await this.files.makeFolder(folder);
    const id = `rumija-cadangan-${about.at.replace(/[:.]/g, '-')}-${about.reason}-${randomBytes(3).toString('hex')}.rumija`;
    // The project first, its note second: a note is only ever beside a whole file.
    await this.files.writeAtomic(join(folder, id), data);
    await this.files.writeAtomic(join(folder, id + SIDE), JSON.stringify(about));
    // The backup just written is never pruned, even when a shared folder holds newer ones from another machine:
    // the open or restore it guards is about to run.
    const others = (await this.list()).filter((backup) => backup.id !== id);
    for (const old of others.slice(this.kept - 1)) {
      await this.files.remove(join(folder, old.id + SIDE));
      await this.files.remove(join(folder, old.id));
    }
    return { ...about, id, bytes: data.byteLength };
  }

  /** Newest first; a note that cannot be read (half copied, edited by hand) leaves its backup out. */
  async list(): Promise<HostBackup[]> {
    const folder = (await this.info()).folder;
    let names: string[];
    try {
      names = await this.files.list(folder);
    } catch {
      return [];
    }
    const found: HostBackup[] = [];
    for (const name of names) {
      if (!/^rumija-cadangan-.*\.rumija\.json$/.test(name)) continue;
      const id = name.slice(0, -SIDE.length);
      if (!names.includes(id)) continue;
      try {
        const about = BackupAboutSchema.safeParse(JSON.parse(await this.files.readText(join(folder, name))));
        if (about.success) found.push({ ...about.data, id, bytes: await this.files.size(join(folder, id)) });
      } catch {
        // Unreadable: not offered.
      }
    }
    return found.sort((a, b) => b.at.localeCompare(a.at));
  }

  async read(id: string): Promise<Uint8Array | null> {
    const path = join((await this.info()).folder, id);
    let size: number;
    try {
      size = await this.files.size(path);
    } catch {
      return null;
    }
    // A shared folder can hold anything under a backup's name: nothing larger than a file the app may open is read.
    if (size > MAX_HOST_FILE_BYTES) throw new ProblemError(problem('host.backupTooLarge', { id, size }));
    try {
      return await this.files.read(path);
    } catch {
      return null;
    }
  }

  private async chosenFolder(): Promise<string | null> {
    if (this.chosen !== undefined) return this.chosen;
    try {
      const parsed = SettingsSchema.safeParse(JSON.parse(await this.files.readText(this.settingsFile)));
      this.chosen = parsed.success ? parsed.data.folder : null;
    } catch {
      this.chosen = null;
    }
    return this.chosen;
  }
}
