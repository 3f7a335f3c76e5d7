import Dexie from 'dexie';
import type { ProjectCounts } from './project-workspace';

export type BackupReason = 'before-open' | 'before-restore' | 'daily';

export interface BackupEntry {
  id: string;
  at: string;
  reason: BackupReason;
  /** The project name the workspace had, if any. */
  name: string;
  counts: ProjectCounts;
  bytes: number;
}

/** Where backups are kept: IndexedDB in the browser, files through the main process on the desktop. */
export interface BackupPlace {
  add(entry: Omit<BackupEntry, 'id' | 'bytes'>, data: Uint8Array): Promise<BackupEntry>;
  /** Newest first. */
  list(): Promise<BackupEntry[]>;
  data(id: string): Promise<Uint8Array<ArrayBuffer> | null>;
}

interface BackupFile {
  id: string;
  data: Uint8Array;
}

/** How many automatic backups are kept; the oldest go first. */
export const KEPT_BACKUPS = 7;

/**
 * Backups of the workspace as project files, in a database of their own: when the workspace's database cannot be
 * opened (corrupt, quota, a newer schema), this one still can, and offers the newest backup.
 */
export class BackupStore extends Dexie implements BackupPlace {
  backups!: Dexie.Table<BackupEntry, string>;
  files!: Dexie.Table<BackupFile, string>;

  constructor(name = 'rumija-backups') {
    super(name);
    this.version(1).stores({ backups: 'id, at', files: 'id' });
  }

  /** Keeps a backup and drops the oldest beyond KEPT_BACKUPS, in one transaction. */
  async add(entry: Omit<BackupEntry, 'id' | 'bytes'>, data: Uint8Array): Promise<BackupEntry> {
    const id = `${entry.at}-${Math.random().toString(36).slice(2, 8)}`;
    const stored: BackupEntry = { ...entry, id, bytes: data.byteLength };
    await this.transaction('rw', this.backups, this.files, async () => {
      await this.backups.add(stored);
      await this.files.add({ id, data });
      const old = (await this.backups.orderBy('at').reverse().primaryKeys()).slice(KEPT_BACKUPS);
      await this.backups.bulkDelete(old);
      await this.files.bulkDelete(old);
    });
    return stored;
  }

  /** Newest first. */
  list(): Promise<BackupEntry[]> {
    return this.backups.orderBy('at').reverse().toArray();
  }

  async data(id: string): Promise<Uint8Array<ArrayBuffer> | null> {
    const file = await this.files.get(id);
    return file ? new Uint8Array(file.data) : null;
  }
}
