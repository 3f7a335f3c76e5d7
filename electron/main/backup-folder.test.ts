import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write';
import { BackupFolder } from './backup-folder';
import { MAX_HOST_FILE_BYTES } from '#shared/host/host-api';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'rumija-backups-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const disk = {
  readText: (path: string) => readFile(path, 'utf8'),
  read: async (path: string) => new Uint8Array(await readFile(path)),
  size: async (path: string) => (await stat(path)).size,
  writeAtomic: writeFileAtomic,
  list: (folder: string) => readdir(folder),
  remove: (path: string) => rm(path, { force: true }),
  makeFolder: async (folder: string) => {
    await mkdir(folder, { recursive: true });
  },
};
const counts = { layers: 4, features: 719, stories: 1, tariffs: 1 };
const at = (day: number) => new Date(Date.UTC(2026, 11, day, 4)).toISOString();

describe('backups as files', () => {
  it('keeps the newest 7 as .rumija files with their notes, lists them newest first and reads one back', async () => {
    const backups = new BackupFolder(join(root, 'userData', 'backups'), join(root, 'userData', 'folder.json'), disk);
    for (let day = 1; day <= 9; day++)
      await backups.write({ at: at(day), reason: 'daily', name: `Hari ${day}`, counts }, new Uint8Array(day));
    const list = await backups.list();
    expect(list.map((entry) => entry.name)).toEqual([
      'Hari 9',
      'Hari 8',
      'Hari 7',
      'Hari 6',
      'Hari 5',
      'Hari 4',
      'Hari 3',
    ]);
    expect(list[0]).toMatchObject({ at: at(9), reason: 'daily', counts, bytes: 9 });
    const files = await readdir(join(root, 'userData', 'backups'));
    expect(files.filter((name) => name.endsWith('.rumija'))).toHaveLength(7);
    expect(files.filter((name) => name.endsWith('.rumija.json'))).toHaveLength(7);
    expect(await backups.read(list[6]!.id)).toEqual(new Uint8Array(3));
    expect(await backups.read('rumija-cadangan-tidak-ada.rumija')).toBeNull();
  });

  it('does not read a backup file larger than the app opens', async () => {
    const read: string[] = [];
    const files = {
      ...disk,
      size: async (path: string) => (path.endsWith('.rumija') ? MAX_HOST_FILE_BYTES + 1 : (await stat(path)).size),
      read: async (path: string) => {
        read.push(path);
        return new Uint8Array();
      },
    };
    const backups = new BackupFolder(join(root, 'userData', 'backups'), join(root, 'userData', 'folder.json'), files);
    await backups.write({ at: at(1), reason: 'daily', name: 'Besar', counts }, new Uint8Array(4));
    const [entry] = await backups.list();
    await expect(backups.read(entry!.id)).rejects.toThrow(/Cadangan terlalu besar: /);
    expect(read).toEqual([]);
  });

  it('never prunes the backup just written, even beside 7 newer ones from another machine', async () => {
    const folder = join(root, 'share');
    const elsewhere = new BackupFolder(folder, join(root, 'other.json'), disk);
    for (let day = 20; day <= 26; day++)
      await elsewhere.write({ at: at(day), reason: 'daily', name: `Lain ${day}`, counts }, new Uint8Array(1));
    const here = new BackupFolder(folder, join(root, 'here.json'), disk);
    const written = await here.write({ at: at(10), reason: 'before-open', name: 'Sidang', counts }, new Uint8Array(5));
    expect(await here.read(written.id)).toEqual(new Uint8Array(5));
    const list = await here.list();
    expect(list).toHaveLength(7);
    expect(list.map((entry) => entry.name)).toContain('Sidang');
    expect(list.map((entry) => entry.name)).not.toContain('Lain 20');
  });

  it('writes to a folder the user picked from then on, remembered over a restart', async () => {
    const settings = join(root, 'userData', 'folder.json');
    const usb = join(root, 'media', 'USB', 'Cadangan Rumija');
    const backups = new BackupFolder(join(root, 'userData', 'backups'), settings, disk);
    expect(await backups.info()).toEqual({ folder: join(root, 'userData', 'backups'), chosen: false, kept: 7 });
    await backups.choose(usb);
    const again = new BackupFolder(join(root, 'userData', 'backups'), settings, disk);
    expect(await again.info()).toEqual({ folder: usb, chosen: true, kept: 7 });
    const made = await again.write({ at: at(2), reason: 'before-open', name: '', counts }, new Uint8Array([1, 2]));
    expect(await readdir(usb)).toEqual([made.id, `${made.id}.json`]);
  });

  it('leaves out a backup whose note is damaged or whose file is missing', async () => {
    const folder = join(root, 'backups');
    const backups = new BackupFolder(folder, join(root, 'folder.json'), disk);
    const good = await backups.write({ at: at(3), reason: 'daily', name: 'Baik', counts }, new Uint8Array(1));
    const bad = await backups.write({ at: at(4), reason: 'daily', name: 'Rusak', counts }, new Uint8Array(1));
    const orphan = await backups.write({ at: at(5), reason: 'daily', name: 'Yatim', counts }, new Uint8Array(1));
    await writeFile(join(folder, `${bad.id}.json`), '{ setengah');
    await rm(join(folder, orphan.id));
    expect((await backups.list()).map((entry) => entry.id)).toEqual([good.id]);
  });
});
