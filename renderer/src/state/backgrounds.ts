import type { Background, BasemapChoice, ShippedVectorStyle } from '#shared/model/background';
import type { BackgroundInfo } from '#shared/background/background-readers';
import { hostsOf, TileServiceSchema, type TileService, type TileServiceInput } from '#shared/background/tile-service';
import {
  capabilitiesUrl,
  readWmsCapabilities,
  readWmtsCapabilities,
  type CapabilitiesParser,
  type ServiceLayer,
} from '#shared/background/service-capabilities';
import { saveAreaOffline, type SaveAreaRequest } from '#shared/background/save-area';
import { problem, problemOf, ProblemError, type Problem } from '#shared/messages/problem';
import { FONT_REGULAR } from '../map/basemap-style';
import {
  closeBackgroundFile,
  onlineTile,
  onOnlineTileError,
  openBackgroundFile,
  openOnlineService,
} from '../workers/run-background';
import { host } from '../platform';
import type { SnapshotHandle } from './app-snapshot';
import i18next from 'i18next';
import { issueText } from '../i18n/problem-text';

const LIST_KEY = 'backgrounds';
const BASEMAP_KEY = 'basemap';
const fileKey = (id: string) => `background-file:${id}`;
const newId = () => `bg-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

const parseXml: CapabilitiesParser = (text) =>
  new DOMParser().parseFromString(text, 'application/xml') as unknown as ReturnType<CapabilitiesParser>;

function onlineInfo(service: TileService): BackgroundInfo {
  return {
    kind: service.kind,
    tileType: 'raster',
    format: service.kind === 'wms' && service.format === 'image/jpeg' ? 'jpeg' : 'png',
    minzoom: service.minzoom,
    maxzoom: service.maxzoom,
    bounds: null,
    attribution: service.attribution,
    vectorLayers: [],
  };
}

/** What the user typed for an online service, as a message naming the problem when it cannot be used. */
function parseService(input: TileServiceInput): TileService {
  const parsed = TileServiceSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new Error(
    parsed.error.issues
      .map((issue) => `${issue.path.join('.') || 'layanan'}: ${issueText(issue.message, i18next.t)}`)
      .join('; '),
  );
}

/**
 * Backgrounds under the data: the basemap chosen (the shipped NTT map, none, or an added one), added files (GeoTIFF
 * orthophotos, PMTiles, MBTiles) and online services (XYZ/TMS, WMS, WMTS). The list is kept in the database's
 * `meta` table with each file the page picked; the desktop app keeps its files by path instead.
 */
export class Backgrounds {
  constructor(private readonly state: SnapshotHandle) {
    onOnlineTileError((id, message) => {
      const errors = this.state.get().onlineTileErrors;
      if ((errors[id] ?? null) === message) return;
      const next = { ...errors };
      if (message) next[id] = message;
      else delete next[id];
      this.state.set({ onlineTileErrors: next });
    });
  }

  /** Opens the backgrounds kept from before; one that cannot be opened is named in `backgroundProblems`. */
  async load() {
    const db = this.state.db;
    const list = ((await db.meta.get(LIST_KEY))?.value as Background[] | undefined) ?? [];
    const basemap = ((await db.meta.get(BASEMAP_KEY))?.value as BasemapChoice | undefined) ?? 'ntt';
    const opened: Background[] = [];
    const problems: Problem[] = [];
    for (const background of list) {
      if (background.service) {
        openOnlineService(background.id, background.service);
        opened.push(background);
        continue;
      }
      const kept = background.hostFile
        ? { token: background.hostFile.token, name: background.name, size: background.hostFile.size }
        : ((await db.meta.get(fileKey(background.id)))?.value as File | undefined);
      try {
        if (!kept) throw new ProblemError(problem('background.notKept'));
        opened.push({ ...background, info: await openBackgroundFile(background.id, kept) });
      } catch (error) {
        problems.push(problem('background.named', { name: background.name, problem: problemOf(error) }));
      }
    }
    if (opened.some((background) => background.service))
      await this.allowHosts(opened).catch((error: unknown) => problems.push(problemOf(error)));
    this.state.set({
      backgrounds: opened,
      basemap: basemap === 'ntt' || basemap === 'none' || opened.some((b) => b.id === basemap) ? basemap : 'ntt',
      backgroundProblems: problems,
    });
  }

  /** Adds a file as a background; an archive becomes the basemap, a GeoTIFF an overlay. Throws a message naming it. */
  async add(file: File): Promise<Background> {
    const id = newId();
    const background = this.describe(id, file.name, await openBackgroundFile(id, file));
    await this.keep(background, file);
    return background;
  }

  /**
   * The desktop app: the user picks files that stay where they are (a multi-gigabyte orthophoto is not copied) and
   * are read by ranges through the host; null where the host cannot (the page then picks a File itself).
   */
  async addFromHost(): Promise<{ added: Background[]; failed: Problem[] } | null> {
    const handles = await host.pickBackgroundFiles();
    if (!handles) return null;
    const added: Background[] = [];
    const failed: Problem[] = [];
    for (const handle of handles) {
      const id = newId();
      try {
        const background = this.describe(id, handle.name, await openBackgroundFile(id, handle));
        background.hostFile = { token: handle.token, size: handle.size };
        await this.keep(background, null);
        added.push(background);
      } catch (error) {
        closeBackgroundFile(id);
        await host.forgetBackgroundFile(handle.token).catch(() => undefined);
        failed.push(problemOf(error));
      }
    }
    return { added, failed };
  }

  private describe(id: string, name: string, info: BackgroundInfo): Background {
    return {
      id,
      name,
      role: info.kind === 'geotiff' ? 'overlay' : 'basemap',
      visible: true,
      opacity: 1,
      brightness: 1,
      info,
      addedAt: new Date().toISOString(),
    };
  }

  /** Keeps a new background (and its file, unless the host keeps it); an archive becomes the basemap. */
  private async keep(background: Background, file: File | null) {
    const backgrounds = [...this.state.get().backgrounds, background];
    await this.state.db.transaction('rw', this.state.db.meta, async () => {
      if (file) await this.state.db.meta.put({ key: fileKey(background.id), value: file });
      await this.state.db.meta.put({ key: LIST_KEY, value: backgrounds });
    });
    this.state.set({ backgrounds });
    if (background.role === 'basemap') await this.setBasemap(background.id);
  }

  /**
   * Adds an online tile service (XYZ/TMS, WMS, WMTS). Its hosts join the list the host may contact; nothing online
   * is contacted for a service the user did not add.
   */
  async addOnline(name: string, role: Background['role'], input: TileServiceInput): Promise<Background> {
    const service = parseService(input);
    const background: Background = {
      id: newId(),
      name: name.trim() || hostsOf(service)[0]!,
      role,
      visible: true,
      opacity: 1,
      brightness: 1,
      info: onlineInfo(service),
      service,
      addedAt: new Date().toISOString(),
    };
    const backgrounds = [...this.state.get().backgrounds, background];
    await this.allowHosts(backgrounds);
    openOnlineService(background.id, service);
    await this.state.db.meta.put({ key: LIST_KEY, value: backgrounds });
    this.state.set({ backgrounds });
    if (role === 'basemap') await this.setBasemap(background.id);
    return background;
  }

  /**
   * Reads a WMS or WMTS GetCapabilities: the layers it offers, each ready to add. Typing the address and asking is
   * what adds its host to the list the app may contact.
   */
  async readCapabilities(kind: 'wms' | 'wmts', address: string): Promise<ServiceLayer[]> {
    let url: string;
    try {
      url = capabilitiesUrl(kind, address);
    } catch {
      throw new ProblemError(problem('service.notWebAddress', { url: address }));
    }
    await host.setOnlineHosts([...this.hostsOf(this.state.get().backgrounds), new URL(url).host.toLowerCase()]);
    const answer = await host.fetchOnline({ url, kind: 'document' });
    if (answer.status !== 'ok') throw new ProblemError(problem('service.noAnswer', { url }));
    const text = new TextDecoder().decode(answer.bytes);
    return kind === 'wms' ? readWmsCapabilities(parseXml, text, url) : readWmtsCapabilities(parseXml, text, url);
  }

  /** The dialog closed without adding: a host asked only for its capabilities leaves the list again. */
  async forgetUnusedHosts() {
    await this.allowHosts(this.state.get().backgrounds);
  }

  /**
   * Downloads an area of an online background into a PMTiles archive and adds it as a background of its own (same
   * role), kept in the database: the same view then draws with no network. All or nothing.
   */
  async saveAreaOffline(
    id: string,
    request: Pick<SaveAreaRequest, 'bounds' | 'minzoom' | 'maxzoom' | 'onProgress' | 'signal'>,
  ): Promise<{ background: Background; tiles: number; empty: number }> {
    const source = this.state.get().backgrounds.find((background) => background.id === id);
    if (!source?.service) throw new Error('bukan layanan daring / not an online service');
    const service = source.service;
    const saved = await saveAreaOffline({
      ...request,
      fetchTile: (z, x, y) => onlineTile(service, z, x, y),
      attribution: service.attribution,
      name: source.name,
    });
    const date = new Date().toISOString().slice(0, 10);
    const file = new File([saved.archive as Uint8Array<ArrayBuffer>], `${source.name} (luring ${date}).pmtiles`);
    const background = await this.add(file);
    if (source.role === 'overlay') await this.update(background.id, { role: 'overlay' });
    else await this.setBasemap(background.id);
    return { background, tiles: saved.tiles, empty: saved.empty };
  }

  /** The file of a background kept in the database (a picked file, a saved area), to save a copy elsewhere. */
  async keptFile(id: string): Promise<File | null> {
    return ((await this.state.db.meta.get(fileKey(id)))?.value as File | undefined) ?? null;
  }

  async setBasemap(choice: BasemapChoice) {
    await this.state.db.meta.put({ key: BASEMAP_KEY, value: choice });
    this.state.set({ basemap: choice });
  }

  /**
   * Draws a vector archive with the user's MapLibre style JSON (null: back to the shipped style). Returns what the
   * user must know (layers left out, icons without a sprite); a style that cannot be used changes nothing.
   */
  async setStyle(id: string, file: File | null): Promise<Problem[]> {
    const background = this.state.get().backgrounds.find((candidate) => candidate.id === id);
    if (!background || background.info.tileType !== 'vector') return [];
    if (!file) {
      await this.replace(id, (current) => ({ ...current, style: undefined }));
      return [];
    }
    // MapLibre's style validator is loaded when a style is chosen, not with the app.
    const { adoptUserStyle } = await import('#shared/background/user-style');
    const { style, notes } = adoptUserStyle(await file.text(), file.name, background.info.vectorLayers, FONT_REGULAR);
    await this.replace(id, (current) => ({ ...current, style }));
    return notes;
  }

  /** Draws a vector archive with one of the shipped styles (leaving a user style JSON). */
  async setShippedStyle(id: string, shippedStyle: ShippedVectorStyle) {
    await this.replace(id, (background) => ({ ...background, style: undefined, shippedStyle }));
  }

  private async replace(id: string, change: (background: Background) => Background) {
    const backgrounds = this.state.get().backgrounds.map((b) => (b.id === id ? change(b) : b));
    await this.state.db.meta.put({ key: LIST_KEY, value: backgrounds });
    this.state.set({ backgrounds });
  }

  /** Visibility, opacity, brightness or role of one background. */
  async update(id: string, patch: Partial<Pick<Background, 'visible' | 'opacity' | 'brightness' | 'role'>>) {
    await this.replace(id, (background) => ({ ...background, ...patch }));
  }

  async remove(id: string) {
    const removed = this.state.get().backgrounds.find((b) => b.id === id);
    const backgrounds = this.state.get().backgrounds.filter((b) => b.id !== id);
    // Decided and written with the list, before any wait: a basemap chosen while the host is still being told
    // must not be overwritten by this reset afterwards (it was, and came back as the NTT basemap after a restart).
    const wasBasemap = this.state.get().basemap === id;
    await this.state.db.transaction('rw', this.state.db.meta, async () => {
      await this.state.db.meta.delete(fileKey(id));
      await this.state.db.meta.put({ key: LIST_KEY, value: backgrounds });
      if (wasBasemap) await this.state.db.meta.put({ key: BASEMAP_KEY, value: 'ntt' });
    });
    closeBackgroundFile(id);
    const { [id]: _gone, ...onlineTileErrors } = this.state.get().onlineTileErrors;
    this.state.set({ backgrounds, onlineTileErrors, ...(wasBasemap ? { basemap: 'ntt' as const } : {}) });
    if (removed?.service) await this.allowHosts(backgrounds).catch(() => undefined);
    if (removed?.hostFile) await host.forgetBackgroundFile(removed.hostFile.token).catch(() => undefined);
  }

  private hostsOf(backgrounds: readonly Background[]): string[] {
    return [...new Set(backgrounds.flatMap((background) => (background.service ? hostsOf(background.service) : [])))];
  }

  /** Tells the host which online hosts the user's services need (and so which ones it may contact). */
  private async allowHosts(backgrounds: readonly Background[]) {
    await host.setOnlineHosts(this.hostsOf(backgrounds));
  }
}
