import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

interface Entry {
  size: number;
  used: number;
}

/**
 * Online tiles kept on disk, one file per address, so a view seen once works without the network. Over the size
 * limit the least recently used files go first (their times survive a restart: a hit touches the file).
 */
export class DiskTileCache {
  private entries: Map<string, Entry> | null = null;
  private loading: Promise<Map<string, Entry>> | null = null;
  private total = 0;

  constructor(
    private readonly folder: string,
    private readonly maxBytes: number,
  ) {}

  async get(url: string): Promise<{ bytes: Uint8Array; contentType: string } | null> {
    const name = nameOf(url);
    const entries = await this.index();
    if (!entries.has(name)) return null;
    let file: Buffer;
    try {
      file = await readFile(join(this.folder, name));
    } catch {
      this.forget(name);
      return null;
    }
    const now = Date.now();
    entries.get(name)!.used = now;
    await utimes(join(this.folder, name), now / 1000, now / 1000).catch(() => undefined);
    const typeLength = file.readUInt16LE(0);
    return {
      contentType: file.subarray(2, 2 + typeLength).toString('latin1'),
      bytes: new Uint8Array(file.subarray(2 + typeLength)),
    };
  }

  async put(url: string, bytes: Uint8Array, contentType: string) {
    const entries = await this.index();
    const name = nameOf(url);
    const type = Buffer.from(contentType.slice(0, 200), 'latin1');
    const header = Buffer.alloc(2);
    header.writeUInt16LE(type.byteLength, 0);
    const file = Buffer.concat([header, type, bytes]);
    if (file.byteLength > this.maxBytes) return;
    // Written aside and renamed, so a file read at the same time is whole or absent.
    const temporary = join(this.folder, `${name}.${process.pid}.tmp`);
    await writeFile(temporary, file);
    await rename(temporary, join(this.folder, name));
    this.forget(name);
    entries.set(name, { size: file.byteLength, used: Date.now() });
    this.total += file.byteLength;
    if (this.total > this.maxBytes) await this.evict(this.maxBytes * 0.9);
  }

  /** Bytes held now. */
  async size(): Promise<number> {
    await this.index();
    return this.total;
  }

  private async evict(target: number) {
    const oldest = [...this.entries!.entries()].sort((a, b) => a[1].used - b[1].used);
    for (const [name] of oldest) {
      if (this.total <= target) break;
      this.forget(name);
      await unlink(join(this.folder, name)).catch(() => undefined);
    }
  }

  private forget(name: string) {
    const entry = this.entries?.get(name);
    if (!entry) return;
    this.total -= entry.size;
    this.entries!.delete(name);
  }

  private index(): Promise<Map<string, Entry>> {
    this.loading ??= this.scan();
    return this.loading;
  }

  private async scan(): Promise<Map<string, Entry>> {
    await mkdir(this.folder, { recursive: true });
    const entries = new Map<string, Entry>();
    let total = 0;
    for (const name of await readdir(this.folder)) {
      if (!/^[0-9a-f]{64}$/.test(name)) continue;
      const facts = await stat(join(this.folder, name)).catch(() => null);
      if (!facts) continue;
      entries.set(name, { size: facts.size, used: facts.mtimeMs });
      total += facts.size;
    }
    this.entries = entries;
    this.total = total;
    return entries;
  }
}

const nameOf = (url: string) => createHash('sha256').update(url).digest('hex');
