import { afterEach, describe, expect, it } from 'vitest';
import {
  chmodSync,
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeChunksAtomic, writeFileAtomic } from './atomic-write';

const folders: string[] = [];
function createFolder() {
  const folder = mkdtempSync(join(tmpdir(), 'rumija-atomic-'));
  folders.push(folder);
  return folder;
}
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

describe('writeFileAtomic', () => {
  it('writes text and bytes, replacing an existing file, and leaves no temp file', async () => {
    const folder = createFolder();
    const target = join(folder, 'jalan.geojson');
    writeFileSync(target, 'old');
    await writeFileAtomic(target, '{"type":"FeatureCollection","features":[]}');
    expect(readFileSync(target, 'utf8')).toBe('{"type":"FeatureCollection","features":[]}');
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
    expect(readdirSync(folder)).toEqual(['jalan.geojson']);
  });

  it('keeps the old file intact and cleans up when the write cannot complete', async () => {
    const folder = createFolder();
    const target = join(folder, 'missing-folder', 'x.csv');
    await expect(writeFileAtomic(target, 'a')).rejects.toThrow();
    const existing = join(folder, 'keep.csv');
    writeFileSync(existing, 'precious');
    chmodSync(folder, 0o500);
    try {
      if (process.getuid?.() !== 0) await expect(writeFileAtomic(existing, 'new')).rejects.toThrow();
    } finally {
      chmodSync(folder, 0o700);
    }
    expect(readFileSync(existing, 'utf8')).toBe('precious');
  });

  it('writes a file from many pieces without joining them all, and keeps the old file when making them fails halfway', async () => {
    const folder = createFolder();
    const target = join(folder, 'laporan.csv');
    writeFileSync(target, 'precious');
    function* rows(failAt: number | null) {
      yield 'id,zona\r\n';
      for (let i = 0; i < 300_000; i++) {
        if (i === failAt) throw new Error('injected: row builder failed');
        yield `${i},rumija\r\n`;
      }
    }
    // Written in 1 MiB pieces: the first megabytes reach the temp file before the failure.
    await expect(writeChunksAtomic(target, rows(250_000))).rejects.toThrow('injected');
    expect(readFileSync(target, 'utf8')).toBe('precious');
    expect(readdirSync(folder)).toEqual(['laporan.csv']);
    await writeChunksAtomic(target, rows(null));
    const text = readFileSync(target, 'utf8');
    expect(text.startsWith('id,zona\r\n0,rumija\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(300_002);
  });

  it('replaces the file by rename: a reader that opened the old file still reads it whole', async () => {
    const folder = createFolder();
    const target = join(folder, 'laporan.geojson');
    writeFileSync(target, 'old report');
    const before = statSync(target).ino;
    const reader = openSync(target, 'r');
    try {
      await writeFileAtomic(target, 'the new report, longer than the old');
      const buffer = Buffer.alloc(64);
      const read = readSync(reader, buffer, 0, 64, 0);
      expect(buffer.subarray(0, read).toString()).toBe('old report');
    } finally {
      closeSync(reader);
    }
    expect(statSync(target).ino).not.toBe(before);
    expect(readFileSync(target, 'utf8')).toBe('the new report, longer than the old');
  });
});
