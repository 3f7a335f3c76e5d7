import type { Background, BasemapChoice } from '#shared/model/background';
import { messageOf } from '#shared/format/message-of';
import { closeBackgroundFile, openBackgroundFile } from '../workers/run-background';
import type { SnapshotHandle } from './app-snapshot';

const LIST_KEY = 'backgrounds';
const BASEMAP_KEY = 'basemap';
const fileKey = (id: string) => `background-file:${id}`;

/**
 * Backgrounds under the data: the basemap chosen (the shipped NTT map, none, or an added archive) and added files
 * (GeoTIFF orthophotos, PMTiles, MBTiles). The list and each file are kept in the database's `meta` table.
 */
export class Backgrounds {
  constructor(private readonly state: SnapshotHandle) {}

  /** Opens the backgrounds kept from before; one that cannot be opened is named in `backgroundProblems`. */
  async load() {
    const db = this.state.db;
    const list = ((await db.meta.get(LIST_KEY))?.value as Background[] | undefined) ?? [];
    const basemap = ((await db.meta.get(BASEMAP_KEY))?.value as BasemapChoice | undefined) ?? 'ntt';
    const opened: Background[] = [];
    const problems: string[] = [];
    for (const background of list) {
      const file = (await db.meta.get(fileKey(background.id)))?.value as File | undefined;
      try {
        if (!file) throw new Error('berkas tidak tersimpan / file not kept');
        opened.push({ ...background, info: await openBackgroundFile(background.id, file) });
      } catch (error) {
        problems.push(`${background.name}: ${messageOf(error)}`);
      }
    }
    this.state.set({
      backgrounds: opened,
      basemap: basemap === 'ntt' || basemap === 'none' || opened.some((b) => b.id === basemap) ? basemap : 'ntt',
      backgroundProblems: problems,
    });
  }

  /** Adds a file as a background; an archive becomes the basemap, a GeoTIFF an overlay. Throws a message naming it. */
  async add(file: File): Promise<Background> {
    const id = `bg-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
    const info = await openBackgroundFile(id, file);
    const background: Background = {
      id,
      name: file.name,
      role: info.kind === 'geotiff' ? 'overlay' : 'basemap',
      visible: true,
      opacity: 1,
      brightness: 1,
      info,
      addedAt: new Date().toISOString(),
    };
    const backgrounds = [...this.state.get().backgrounds, background];
    await this.state.db.transaction('rw', this.state.db.meta, async () => {
      await this.state.db.meta.put({ key: fileKey(id), value: file });
      await this.state.db.meta.put({ key: LIST_KEY, value: backgrounds });
    });
    this.state.set({ backgrounds });
    if (background.role === 'basemap') await this.setBasemap(id);
    return background;
  }

  async setBasemap(choice: BasemapChoice) {
    await this.state.db.meta.put({ key: BASEMAP_KEY, value: choice });
    this.state.set({ basemap: choice });
  }

  /** Visibility, opacity, brightness or role of one background. */
  async update(id: string, patch: Partial<Pick<Background, 'visible' | 'opacity' | 'brightness' | 'role'>>) {
    const backgrounds = this.state.get().backgrounds.map((b) => (b.id === id ? { ...b, ...patch } : b));
    await this.state.db.meta.put({ key: LIST_KEY, value: backgrounds });
    this.state.set({ backgrounds });
  }

  async remove(id: string) {
    const backgrounds = this.state.get().backgrounds.filter((b) => b.id !== id);
    await this.state.db.transaction('rw', this.state.db.meta, async () => {
      await this.state.db.meta.delete(fileKey(id));
      await this.state.db.meta.put({ key: LIST_KEY, value: backgrounds });
    });
    closeBackgroundFile(id);
    this.state.set({ backgrounds });
    if (this.state.get().basemap === id) await this.setBasemap('ntt');
  }
}
