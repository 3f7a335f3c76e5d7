import { useSyncExternalStore } from 'react';
import type { Layer, StoredFeature } from '../../../shared/model/layer';
import type { EncroachmentResult } from '../../../shared/analysis/encroachment';
import { estimateRetribution, type RetributionEstimate } from '../../../shared/tariff/estimate-retribution';
import type { TariffSchedule } from '../../../shared/tariff/tariff-schedule';
import { RumijaDatabase, type EditLogEntry, type StoredTariffSchedule } from '../store/database';
import { runEncroachment } from '../workers/run-encroachment';
import { prepareImportInWorker } from '../workers/run-import';
import type { CsvImportOptions, PreparedImport } from '../../../shared/io/import-file';
import { applyMapping, type FieldMapping } from '../../../shared/io/map-fields';
import {
  addLayerWithFeatures,
  latestTariffSchedules,
  loadAll,
  saveTariffSchedule,
  moveLayer,
  redoNext,
  resetDemo,
  seedDemoIfEmpty,
  updateFeatureProperties,
  undoLast,
  updateLayer,
} from '../store/feature-store';

export interface AppSnapshot {
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  layers: Layer[];
  featuresByLayer: ReadonlyMap<string, readonly StoredFeature[]>;
  featureById: ReadonlyMap<string, StoredFeature>;
  selection: readonly string[];
  /** Bumped when the user asks the map to frame the selection. */
  zoomRequest: number;
  tariffs: StoredTariffSchedule[];
  analysis: AnalysisState;
  /** The file being imported, for the progress indicator. */
  importing: string | null;
  /** Checked files waiting for the user's confirmation and field mapping. */
  pendingImports: PendingImport[];
}

export interface PendingImport {
  prepared: PreparedImport;
  /** Kept so the file can be read again with another coordinate system. */
  file: { name: string; bytes: Uint8Array };
  csvOptions: CsvImportOptions;
}

export type ImportOutcome =
  | { fileName: string; ok: true; layerId: string; count: number; repairs: number; crs: string }
  | { fileName: string; ok: false; error: string };

export interface AnalysisOptions {
  scheduleId: string;
  corridorId: string | null;
  periodYears: number;
  payingShare: number;
}

export interface AnalysisState {
  status: 'idle' | 'running' | 'done' | 'error';
  error: string | null;
  options: AnalysisOptions | null;
  /** The assets analysed, in the order of `results`. */
  assets: StoredFeature[];
  results: EncroachmentResult[];
  resultByAsset: ReadonlyMap<string, EncroachmentResult>;
  estimate: RetributionEstimate | null;
  seconds: number;
}

const IDLE_ANALYSIS: AnalysisState = {
  status: 'idle', error: null, options: null, assets: [], results: [], resultByAsset: new Map(), estimate: null, seconds: 0,
};

function groupByLayer(features: StoredFeature[]) {
  const byLayer = new Map<string, StoredFeature[]>();
  for (const feature of features) {
    const list = byLayer.get(feature.layerId);
    if (list) list.push(feature);
    else byLayer.set(feature.layerId, [feature]);
  }
  return byLayer;
}

/**
 * The renderer's single source of truth: a snapshot of the Dexie store held in memory.
 * Every change goes to Dexie first (one transaction) and then into a new snapshot.
 */
export class AppStore {
  private snapshot: AppSnapshot = {
    status: 'loading',
    error: null,
    layers: [],
    featuresByLayer: new Map(),
    featureById: new Map(),
    selection: [],
    zoomRequest: 0,
    tariffs: [],
    analysis: IDLE_ANALYSIS,
    importing: null,
    pendingImports: [],
  };
  private listeners = new Set<() => void>();

  constructor(readonly db: RumijaDatabase = new RumijaDatabase()) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  private set(patch: Partial<AppSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  async load() {
    try {
      await seedDemoIfEmpty(this.db);
      await this.reload();
    } catch (error) {
      this.set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  }

  private async reload() {
    const { layers, features } = await loadAll(this.db);
    const featureById = new Map(features.map((feature) => [feature.id, feature]));
    this.set({
      status: 'ready',
      tariffs: await latestTariffSchedules(this.db),
      layers,
      featuresByLayer: groupByLayer(features),
      featureById,
      selection: this.snapshot.selection.filter((id) => featureById.has(id)),
    });
  }

  private readLayers() {
    return this.db.layers.orderBy('order').toArray();
  }

  private async reloadLayers() {
    this.set({ layers: await this.readLayers() });
  }

  /** Puts one changed feature into the snapshot without reloading the rest. */
  private replaceFeature(updated: StoredFeature) {
    const featuresByLayer = new Map(this.snapshot.featuresByLayer);
    featuresByLayer.set(updated.layerId, (featuresByLayer.get(updated.layerId) ?? []).map((feature) => (feature.id === updated.id ? updated : feature)));
    const featureById = new Map(this.snapshot.featureById);
    featureById.set(updated.id, updated);
    this.set({ featuresByLayer, featureById });
  }

  /** Layer settings show at once and are saved behind; a failed save puts the stored state back. */
  private async changeLayer(layerId: string, patch: Partial<Pick<Layer, 'visible' | 'styleBy'>>) {
    this.set({ layers: this.snapshot.layers.map((layer) => (layer.id === layerId ? { ...layer, ...patch } : layer)) });
    try {
      await updateLayer(this.db, layerId, patch);
    } finally {
      await this.reloadLayers();
    }
  }

  setLayerVisible(layerId: string, visible: boolean) {
    return this.changeLayer(layerId, { visible });
  }

  setLayerStyle(layerId: string, styleBy: Layer['styleBy']) {
    return this.changeLayer(layerId, { styleBy });
  }

  async moveLayer(layerId: string, direction: 'up' | 'down') {
    await moveLayer(this.db, layerId, direction);
    await this.reloadLayers();
  }

  /** Saves validated attribute changes; rejects with a ValidationError and changes nothing if invalid. */
  async editProperties(featureId: string, patch: Record<string, unknown>) {
    const updated = await updateFeatureProperties(this.db, featureId, patch);
    this.replaceFeature(updated);
    return updated;
  }

  /** Stores a new layer with its features (all or nothing) and shows it. */
  async addLayer(layer: Layer, features: StoredFeature[]) {
    await addLayerWithFeatures(this.db, layer, features);
    const featuresByLayer = new Map(this.snapshot.featuresByLayer);
    featuresByLayer.set(layer.id, features);
    const featureById = new Map(this.snapshot.featureById);
    for (const feature of features) featureById.set(feature.id, feature);
    this.set({ layers: await this.readLayers(), featuresByLayer, featureById });
  }

  /**
   * Reads and checks files in a worker. Files that fail give an outcome naming the problem; the
   * others wait in `pendingImports` for the user to confirm them in the preview.
   */
  async prepareImports(files: { name: string; bytes: Uint8Array }[]): Promise<ImportOutcome[]> {
    const outcomes: ImportOutcome[] = [];
    const pending: PendingImport[] = [];
    for (const file of files) {
      const order = Math.max(0, ...this.snapshot.layers.map((layer) => layer.order)) + 1 + pending.length;
      const layerId = `import-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      this.set({ importing: file.name });
      const prepared = await prepareImportInWorker(file.name, file.bytes, layerId, order);
      if (prepared.ok) pending.push({ prepared: prepared.value, file, csvOptions: {} });
      else outcomes.push({ fileName: file.name, ok: false, error: prepared.error });
    }
    this.set({ importing: null, pendingImports: [...this.snapshot.pendingImports, ...pending] });
    return outcomes;
  }

  /** The mapping last used for files with these attribute names, if any. */
  async rememberedMapping(signature: string): Promise<FieldMapping | null> {
    return ((await this.db.meta.get(`import-mapping:${signature}`))?.value as FieldMapping | undefined) ?? null;
  }

  /** Stores the first pending import with the chosen mapping (all or nothing) and remembers the mapping. */
  async confirmImport(mapping: FieldMapping, signature: string): Promise<ImportOutcome> {
    const [{ prepared, file }, ...rest] = this.snapshot.pendingImports;
    const fileName = file.name;
    const mapped = applyMapping(prepared.layer, prepared.features, mapping, fileName);
    if (!mapped.ok) return { fileName, ok: false, error: mapped.error };
    try {
      await this.addLayer(mapped.value.layer, mapped.value.features);
    } catch (error) {
      return { fileName, ok: false, error: `${fileName}: ${error instanceof Error ? error.message : String(error)}` };
    }
    await this.db.meta.put({ key: `import-mapping:${signature}`, value: mapping });
    this.set({ pendingImports: rest });
    return { fileName, ok: true, layerId: prepared.layer.id, count: mapped.value.features.length, repairs: prepared.repairs.length, crs: prepared.crs };
  }

  /** Reads the first pending file again with the coordinate system the user chose. */
  async reprepareImport(csvOptions: CsvImportOptions): Promise<string | null> {
    const [first, ...rest] = this.snapshot.pendingImports;
    const { layer } = first.prepared;
    const prepared = await prepareImportInWorker(first.file.name, first.file.bytes, layer.id, layer.order, csvOptions);
    if (!prepared.ok) return prepared.error;
    this.set({ pendingImports: [{ ...first, prepared: prepared.value, csvOptions }, ...rest] });
    return null;
  }

  cancelImport() {
    this.set({ pendingImports: this.snapshot.pendingImports.slice(1) });
  }

  /** Undoes the last change (attribute edit or import); returns what was undone, or null. */
  async undo() {
    return this.applyHistory(await undoLast(this.db));
  }

  async redo() {
    return this.applyHistory(await redoNext(this.db));
  }

  /** An attribute edit touches one feature; an import a whole layer, which needs a reload. */
  private async applyHistory(entry: EditLogEntry | null) {
    if (entry?.action === 'edit-properties' && entry.featureId) {
      const { updatedAt: _updatedAt, ...feature } = (await this.db.features.get(entry.featureId))!;
      this.replaceFeature(feature);
    } else if (entry) await this.reload();
    return entry;
  }

  async resetDemo() {
    await resetDemo(this.db);
    await this.reload();
  }

  /** Saves an edited tariff schedule as its next version; rejects with a ValidationError if invalid. */
  async saveTariff(schedule: Omit<TariffSchedule, 'version'>) {
    const saved = await saveTariffSchedule(this.db, schedule);
    this.set({ tariffs: await latestTariffSchedules(this.db) });
    return saved;
  }

  private visibleFeatures(kind: string) {
    return this.snapshot.layers
      .filter((layer) => layer.kind === kind && layer.visible)
      .flatMap((layer) => this.snapshot.featuresByLayer.get(layer.id) ?? []);
  }

  /**
   * Encroachment of every visible utility asset against the visible roads (or one corridor's
   * segments), in a worker, then the retribution estimate with the chosen schedule.
   */
  async runAnalysis(options: AnalysisOptions) {
    const schedule = this.snapshot.tariffs.find((candidate) => candidate.id === options.scheduleId);
    if (!schedule) throw new Error(`Jadwal tarif tidak ditemukan / tariff schedule not found: ${options.scheduleId}`);
    const corridors = this.visibleFeatures('corridor');
    let roads = this.visibleFeatures('road');
    if (options.corridorId) {
      const corridor = corridors.find((candidate) => candidate.id === options.corridorId);
      const ids = new Set((corridor?.properties.segmentIds as string[] | undefined) ?? []);
      roads = roads.filter((road) => ids.has(road.id));
    }
    const assets = this.visibleFeatures('asset');
    this.set({ analysis: { ...this.snapshot.analysis, status: 'running', error: null, options } });
    const started = performance.now();
    try {
      const results = await runEncroachment(roads, corridors, assets);
      const estimate = estimateRetribution(results, new Map(assets.map((asset) => [asset.id, asset])), schedule, options);
      this.set({
        analysis: {
          status: 'done', error: null, options, assets, results, estimate,
          resultByAsset: new Map(results.map((result) => [result.assetId, result])),
          seconds: (performance.now() - started) / 1000,
        },
      });
    } catch (error) {
      this.set({ analysis: { ...IDLE_ANALYSIS, status: 'error', error: error instanceof Error ? error.message : String(error), options } });
    }
  }

  select(ids: readonly string[], options: { zoom?: boolean } = {}) {
    this.set({ selection: [...ids], zoomRequest: options.zoom ? this.snapshot.zoomRequest + 1 : this.snapshot.zoomRequest });
  }
}

export function useAppSnapshot(store: AppStore): AppSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
