import { randomUUID } from 'node:crypto';
import { basename, dirname } from 'node:path';
import { z } from 'zod';
import { KEPT_RECENT_PROJECTS, MAX_HOST_FILE_BYTES, type OpenedFile, type RecentProject } from '#shared/host/host-api';
import { isProjectFileName } from '#shared/project/project-format';
import { problem, ProblemError } from '#shared/messages/problem';

/** What the store needs from the file system, passed in so tests can use a temporary folder. */
export interface RecentProjectFiles {
  readText(path: string): Promise<string>;
  writeAtomic(path: string, data: string): Promise<void>;
  exists(path: string): Promise<boolean>;
  size(path: string): Promise<number>;
  read(path: string): Promise<Uint8Array>;
}

const StoredSchema = z.array(z.strictObject({ id: z.string(), path: z.string().min(1), at: z.string() }));
type Stored = z.infer<typeof StoredSchema>[number];

/**
 * The project files saved or opened lately, kept by path in a small file in the user data folder. The page sees
 * ids, names and folders; it reopens a file by id, so it can never ask main to read a path of its choosing.
 */
export class RecentProjects {
  private entries: Stored[] | null = null;

  constructor(
    private readonly listFile: string,
    private readonly files: RecentProjectFiles,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A project was saved to or opened from this path: it goes to the top (once). */
  async note(path: string): Promise<void> {
    // Only project files go on the list: a layer imported through the same dialog is not a project.
    if (!isProjectFileName(path)) return;
    const entries = await this.load();
    // A path keeps its id, so an id the page holds still opens the file after it is saved or opened again.
    const id = entries.find((entry) => entry.path === path)?.id ?? randomUUID();
    const rest = entries.filter((entry) => entry.path !== path);
    this.entries = [{ id, path, at: this.now().toISOString() }, ...rest].slice(0, KEPT_RECENT_PROJECTS);
    await this.save();
  }

  async list(): Promise<RecentProject[]> {
    return Promise.all(
      (await this.load()).map(async (entry) => ({
        id: entry.id,
        name: basename(entry.path),
        folder: dirname(entry.path),
        at: entry.at,
        exists: await this.files.exists(entry.path),
        reopenable: true,
      })),
    );
  }

  /** The file again, or null when it is no longer there (the entry stays, shown as missing, until removed). */
  async open(id: string): Promise<OpenedFile | null> {
    const entry = (await this.load()).find((candidate) => candidate.id === id);
    if (!entry) throw new ProblemError(problem('host.unknownRecent'));
    if (!(await this.files.exists(entry.path))) return null;
    // A file replaced by something huge since it was listed is not read into memory and sent to the page.
    const size = await this.files.size(entry.path);
    if (size > MAX_HOST_FILE_BYTES)
      throw new ProblemError(problem('host.fileTooLarge', { file: basename(entry.path), size }));
    const bytes = await this.files.read(entry.path);
    await this.note(entry.path);
    return { name: basename(entry.path), bytes };
  }

  async forget(id: string): Promise<void> {
    const entries = await this.load();
    const kept = entries.filter((entry) => entry.id !== id);
    if (kept.length === entries.length) return;
    this.entries = kept;
    await this.save();
  }

  /** Name and missing state for the native menu, from what was last listed or noted (the menu is built sync). */
  async menuItems(): Promise<{ id: string; label: string; exists: boolean }[]> {
    return (await this.list()).map((entry) => ({ id: entry.id, label: entry.name, exists: entry.exists !== false }));
  }

  private async load(): Promise<Stored[]> {
    if (this.entries) return this.entries;
    try {
      const parsed = StoredSchema.safeParse(JSON.parse(await this.files.readText(this.listFile)));
      this.entries = parsed.success ? parsed.data.slice(0, KEPT_RECENT_PROJECTS) : [];
    } catch {
      // No list yet, or an unreadable one: the list starts empty.
      this.entries = [];
    }
    return this.entries;
  }

  private save() {
    return this.files.writeAtomic(this.listFile, JSON.stringify(this.entries, null, 1));
  }
}
