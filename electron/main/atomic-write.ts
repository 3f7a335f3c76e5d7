import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes a file so that readers see either the old content or the new, never half:
 * write a temp file beside the target, fsync it, rename over the target, fsync the folder.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  await writeAtomically(target, (handle) => handle.writeFile(data));
}

/** Bytes gathered before each write when a file is written from many small pieces. */
const CHUNK_BYTES = 1 << 20;

/**
 * The same, for a file made of many pieces (a report of a million rows): the pieces are written as
 * they come, so the whole text never has to fit in one string.
 */
export async function writeChunksAtomic(target: string, chunks: Iterable<string>): Promise<void> {
  await writeAtomically(target, async (handle) => {
    let pending: string[] = [];
    let size = 0;
    for (const chunk of chunks) {
      pending.push(chunk);
      size += chunk.length;
      if (size >= CHUNK_BYTES) {
        await handle.write(pending.join(''));
        pending = [];
        size = 0;
      }
    }
    if (pending.length > 0) await handle.write(pending.join(''));
  });
}

async function writeAtomically(target: string, write: (handle: FileHandle) => Promise<unknown>): Promise<void> {
  const folder = dirname(target);
  const temporary = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx', 0o644);
  try {
    await write(handle);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder);
}

async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for fsync; the rename is already durable enough there.
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
