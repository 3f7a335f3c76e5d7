import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write';
import { RecentProjects } from './recent-projects';
import { MAX_HOST_FILE_BYTES } from '#shared/host/host-api';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rumija-recent-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const diskFiles = {
  readText: (path: string) => readFile(path, 'utf8'),
  writeAtomic: writeFileAtomic,
  exists: (path: string) =>
    stat(path).then(
      () => true,
      () => false,
    ),
  size: async (path: string) => (await stat(path)).size,
  read: async (path: string) => new Uint8Array(await readFile(path)),
};

describe('recent projects', () => {
  it('keeps the last 8 project files, newest first, across a restart; not other files', async () => {
    let minute = 0;
    const clock = () => new Date(Date.UTC(2026, 11, 7, 4, minute++));
    const recent = new RecentProjects(join(folder, 'recent.json'), diskFiles, clock);
    for (let index = 1; index <= 10; index++) {
      await writeFile(join(folder, `p${index}.rumija`), `proyek ${index}`);
      await recent.note(join(folder, `p${index}.rumija`));
    }
    await recent.note(join(folder, 'jalan.geojson'));
    await recent.note(join(folder, 'p5.rumija'));
    const again = new RecentProjects(join(folder, 'recent.json'), diskFiles);
    const list = await again.list();
    expect(list.map((entry) => entry.name)).toEqual([
      'p5.rumija',
      'p10.rumija',
      'p9.rumija',
      'p8.rumija',
      'p7.rumija',
      'p6.rumija',
      'p4.rumija',
      'p3.rumija',
    ]);
    expect(list[0]).toMatchObject({ folder, at: '2026-12-07T04:10:00.000Z', exists: true, reopenable: true });
  });

  it('reopens a file by id, shows a gone file as missing and returns null for it, and removes an entry', async () => {
    const recent = new RecentProjects(join(folder, 'recent.json'), diskFiles);
    await writeFile(join(folder, 'Sidang.rumija'), 'isi');
    await writeFile(join(folder, 'Lama.rumija'), 'lama');
    await recent.note(join(folder, 'Lama.rumija'));
    await recent.note(join(folder, 'Sidang.rumija'));
    await rm(join(folder, 'Lama.rumija'));
    const [sidang, lama] = await recent.list();
    expect([sidang!.exists, lama!.exists]).toEqual([true, false]);
    const file = await recent.open(sidang!.id);
    expect(file?.name).toBe('Sidang.rumija');
    // Saved or opened again, a project keeps its id: the id the page holds still opens it.
    await recent.note(join(folder, 'Sidang.rumija'));
    expect((await recent.open(sidang!.id))?.name).toBe('Sidang.rumija');
    expect(new TextDecoder().decode(file!.bytes)).toBe('isi');
    expect(await recent.open(lama!.id)).toBeNull();
    await expect(recent.open('00000000-0000-4000-8000-000000000000')).rejects.toThrow(/Proyek terakhir tidak dikenal/);
    await recent.forget(lama!.id);
    expect((await new RecentProjects(join(folder, 'recent.json'), diskFiles).list()).map((e) => e.name)).toEqual([
      'Sidang.rumija',
    ]);
  });

  it('does not read a listed project that has grown past what the app opens', async () => {
    const path = join(folder, 'Besar.rumija');
    await writeFile(path, 'isi');
    const read: string[] = [];
    const files = {
      ...diskFiles,
      size: async () => MAX_HOST_FILE_BYTES + 1,
      read: async (file: string) => {
        read.push(file);
        return new Uint8Array();
      },
    };
    const recent = new RecentProjects(join(folder, 'recent.json'), files);
    await recent.note(path);
    const [entry] = await recent.list();
    await expect(recent.open(entry!.id)).rejects.toThrow(/^Berkas terlalu besar: Besar\.rumija \(/);
    expect(read).toEqual([]);
  });

  it('starts empty from a damaged list file', async () => {
    await writeFile(join(folder, 'recent.json'), '{ rusak');
    expect(await new RecentProjects(join(folder, 'recent.json'), diskFiles).list()).toEqual([]);
  });
});
