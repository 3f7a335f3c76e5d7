import { basename } from 'node:path';
import { MAX_HOST_FILE_BYTES, type OpenedFile } from '#shared/host/host-api';
import { problem, problemOf, type Problem } from '#shared/messages/problem';

export interface OpenedFileDependencies {
  size(path: string): Promise<number>;
  read(path: string): Promise<Uint8Array>;
  /** Hands files to the renderer once it has asked for the first ones. */
  deliver(files: OpenedFile[]): void;
  /** Tells the user that a file could not be opened (it is named in the message). */
  report(problem: Problem): void;
  /** A file was read to be opened (a project goes on the recent list, as one opened from the app does). */
  opened?(path: string): void;
}

/**
 * Files the system asks Rumija to open: those that arrive before the page is ready wait until it takes
 * them; later ones (a second launch, macOS open-file) are delivered at once.
 */
export class OpenedFileQueue {
  private waiting: OpenedFile[] = [];
  private ready = false;

  constructor(private readonly deps: OpenedFileDependencies) {}

  async add(paths: readonly string[]): Promise<void> {
    const files: OpenedFile[] = [];
    for (const path of paths) {
      try {
        const size = await this.deps.size(path);
        if (size > MAX_HOST_FILE_BYTES) {
          this.deps.report(problem('host.fileTooLarge', { file: basename(path), size }));
          continue;
        }
        files.push({ name: basename(path), bytes: await this.deps.read(path) });
        this.deps.opened?.(path);
      } catch (error) {
        this.deps.report(problem('host.cannotOpen', { file: basename(path), problem: problemOf(error) }));
      }
    }
    if (files.length === 0) return;
    if (this.ready) this.deps.deliver(files);
    else this.waiting.push(...files);
  }

  /** The page asks once it can show an import preview; from then on files go to it directly. */
  take(): OpenedFile[] {
    this.ready = true;
    const files = this.waiting;
    this.waiting = [];
    return files;
  }

  /** A reloaded page asks again. */
  reset(): void {
    this.ready = false;
  }
}
