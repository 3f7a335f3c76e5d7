import { randomUUID } from 'node:crypto';
import { open, readFile, stat, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { BackgroundFileHandle } from '#shared/host/host-api';
import { writeFileAtomic } from './atomic-write';
import { problem, problemOf, ProblemError } from '#shared/messages/problem';

/**
 * Background files (a multi-gigabyte orthophoto, a province PMTiles) kept where they are: the page gets a token,
 * never the path, and reads byte ranges through it. Tokens and paths are kept in a small file, so backgrounds come
 * back after a restart without copying the files into the app's storage.
 */
export class BackgroundFiles {
  private paths: Map<string, string> | null = null;
  /** Open files and their sizes by token: a view reads hundreds of ranges, each should cost one read, not a stat. */
  private readonly handles = new Map<string, Promise<{ file: FileHandle; size: number }>>();

  constructor(private readonly listFile: string) {}

  async grant(paths: readonly string[]): Promise<BackgroundFileHandle[]> {
    const known = await this.load();
    const granted: BackgroundFileHandle[] = [];
    for (const path of paths) {
      const token = randomUUID();
      known.set(token, path);
      granted.push({ token, name: basename(path), size: (await stat(path)).size });
    }
    await this.save();
    return granted;
  }

  async read(token: string, offset: number, length: number): Promise<Uint8Array> {
    const { file: handle, size } = await this.handleOf(token);
    const wanted = Math.max(0, Math.min(length, size - offset));
    const buffer = Buffer.alloc(wanted);
    let done = 0;
    while (done < wanted) {
      const { bytesRead } = await handle.read(buffer, done, wanted - done, offset + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, done);
  }

  async forget(token: string) {
    const handle = this.handles.get(token);
    this.handles.delete(token);
    await handle?.then(({ file }) => file.close()).catch(() => undefined);
    if ((await this.load()).delete(token)) await this.save();
  }

  private async handleOf(token: string): Promise<{ file: FileHandle; size: number }> {
    let handle = this.handles.get(token);
    if (!handle) {
      const path = (await this.load()).get(token);
      if (!path) throw new ProblemError(problem('background.unknownFile'));
      handle = open(path, 'r')
        .then(async (file) => ({ file, size: (await file.stat()).size }))
        .catch((error: NodeJS.ErrnoException) => {
          this.handles.delete(token);
          throw new ProblemError(
            error.code === 'ENOENT'
              ? problem('background.fileGone', { file: basename(path) })
              : problem('background.named', { name: basename(path), problem: problemOf(error) }),
          );
        });
      this.handles.set(token, handle);
    }
    return handle;
  }

  private async load(): Promise<Map<string, string>> {
    if (this.paths) return this.paths;
    let entries: [string, string][] = [];
    try {
      const parsed = JSON.parse(await readFile(this.listFile, 'utf8')) as unknown;
      if (parsed && typeof parsed === 'object')
        entries = Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
    } catch {
      // No list yet, or an unreadable one: no file is granted.
    }
    this.paths = new Map(entries);
    return this.paths;
  }

  private save() {
    return writeFileAtomic(this.listFile, JSON.stringify(Object.fromEntries(this.paths!), null, 1));
  }
}
