import type { HostApi } from '#shared/host/host-api';
import type { BackupEntry, BackupPlace } from './backup-store';

/**
 * The desktop app's backups: project files the main process writes (atomically, the newest 7) to the user data
 * folder or the folder the user picked, so they survive a broken browser profile and can sit on a USB stick.
 */
export class HostBackups implements BackupPlace {
  constructor(private readonly backups: NonNullable<HostApi['backups']>) {}

  add(entry: Omit<BackupEntry, 'id' | 'bytes'>, data: Uint8Array): Promise<BackupEntry> {
    // A project named after a long file name must still be backed up: the note keeps the first 200 characters.
    const about = { ...entry, name: entry.name.slice(0, 200) };
    return this.backups.write({ about, data: data as Uint8Array<ArrayBuffer> });
  }

  list(): Promise<BackupEntry[]> {
    return this.backups.list();
  }

  async data(id: string): Promise<Uint8Array<ArrayBuffer> | null> {
    const bytes = await this.backups.read(id);
    return bytes ? new Uint8Array(bytes) : null;
  }
}
