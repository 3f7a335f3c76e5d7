import { useSyncExternalStore } from 'react';
import { ObservableState } from './observable-state';
import type { Layer, StoredFeature } from '#shared/model/layer';
import type { EncroachmentResult } from '#shared/analysis/encroachment';
import { estimateRetribution, type RetributionEstimate } from '#shared/tariff/estimate-retribution';
import type { TariffSchedule } from '#shared/tariff/tariff-schedule';
import { RumijaDatabase, type EditLogEntry, type StoredTariffSchedule } from '../persistence/database';
import { readFeatures, readLayerFeatures } from '../persistence/feature-blocks';
import type { FeaturePatch } from './feature-patch';
import { FeatureIndex } from './feature-index';
import { runEncroachment } from '../workers/run-encroachment';
import { cancelImportInWorker, IMPORT_CANCELLED, prepareImportInWorker } from '../workers/run-import';
import type { ImportProgress } from '#shared/io/import-progress';
import type { CsvImportOptions, PreparedImport } from '#shared/io/import-file';
import { applyMapping, type FieldMapping } from '#shared/io/map-fields';
import type { Geometry, Position } from 'geojson';
import type { Story } from '#shared/present/story';
import type { ConditionRange } from '#shared/analysis/condition-ranges';
import { ruasPaths } from '#shared/geo/ruas-reference';
import {
  addDrawnFeature,
  editGeometry,
  replaceConditionRanges,
  splitFeature,
  type DRAWN_LAYERS,
  type EditResult,
} from '#shared/edit/feature-edits';
import { messageOf } from '#shared/format/message-of';
import { analysisWarnings, type AnalysisWarning } from '#shared/analysis/analysis-warnings';
import { addLayerWithFeatures, loadAll, moveLayer, updateFeatureProperties } from '../persistence/layer-repository';
import { commitChange, redoNext, undoLast, type ChangeAction, type ChangeState } from '../persistence/change-log';
import { latestTariffSchedules, saveTariffSchedule } from '../persistence/tariff-repository';
import { resetDemo, seedDemoIfEmpty } from '../persistence/demo-seed';

export interface AppSnapshot {
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  layers: Layer[];
  featuresByLayer: ReadonlyMap<string, readonly StoredFeature[]>;
  featureById: FeatureIndex;
  /** The features the last change touched, so the map can send only those (null after a full reload). */
  featurePatch: FeaturePatch | null;
  selection: readonly string[];
  /** Bumped when the user asks the map to frame the selection. */
  zoomRequest: number;
  tariffs: StoredTariffSchedule[];
  analysis: AnalysisState;
  /** The file being read, and how far it has come, for the progress bar. */
  importing: ImportActivity | null;
  /** Checked files waiting for the user's confirmation and field mapping. */
  pendingImports: PendingImport[];
  stories: Story[];
  /** While presenting: the layers the slide shows, instead of the layers' own visibility (which stays as it is). */
  presentation: Presentation | null;
}

export interface ImportActivity {
  file: string;
  progress: ImportProgress | null;
}

/** What the map shows while presenting. The layers' own settings stay as they are. */
export interface Presentation {
  visibleLayerIds: readonly string[];
  /** A route is drawing itself with its own bridge labels: the bridge layers' labels step back. */
  routeShown: boolean;
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

const NO_PENDING_IMPORT = 'Tidak ada impor yang menunggu / no import is waiting';

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
  /** What the user must know before trusting the figures (no roads, assets at Rp 0 and why, …). */
  warnings: AnalysisWarning[];
  seconds: number;
}

const IDLE_ANALYSIS: AnalysisState = {
  status: 'idle',
  error: null,
  options: null,
  assets: [],
  results: [],
  resultByAsset: new Map(),
  warnings: [],
  estimate: null,
  seconds: 0,
};

const stripUpdatedAt = ({ updatedAt: _updatedAt, ...feature }: StoredFeature & { updatedAt?: string }): StoredFeature =>
  feature;

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
export class AppStore extends ObservableState<AppSnapshot> {
  constructor(readonly db: RumijaDatabase = new RumijaDatabase()) {
    super({
      status: 'loading',
      error: null,
      layers: [],
      featuresByLayer: new Map(),
      featureById: FeatureIndex.of([]),
      featurePatch: null,
      selection: [],
      zoomRequest: 0,
      tariffs: [],
      analysis: IDLE_ANALYSIS,
      importing: null,
      pendingImports: [],
      stories: [],
      presentation: null,
    });
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
    const started = performance.now();
    const { layers, features } = await loadAll(this.db);
    // Benchmarks read these measures to show where a start spends its time.
    performance.measure('rumija:read-store', { start: started });
    const featureById = FeatureIndex.of(features);
    this.set({
      status: 'ready',
      tariffs: await latestTariffSchedules(this.db),
      stories: await this.readStories(),
      layers,
      featuresByLayer: groupByLayer(features),
      featureById,
      featurePatch: null,
      selection: this.snapshot.selection.filter((id) => featureById.has(id)),
    });
  }

  private readStories() {
    return this.db.stories.orderBy('updatedAt').reverse().toArray();
  }

  private readLayers() {
    return this.db.layers.orderBy('order').toArray();
  }

  private async reloadLayers() {
    this.set({ layers: await this.readLayers() });
  }

  /** Puts changed features (null: deleted) into the snapshot without reloading the rest. */
  private patchFeatures(records: ReadonlyMap<string, StoredFeature | null>) {
    const featuresByLayer = new Map(this.snapshot.featuresByLayer);
    const before = this.snapshot.featureById;
    const touched = new Set<string>();
    const added = new Map<string, StoredFeature[]>();
    for (const [id, record] of records) {
      const old = before.get(id);
      if (old) touched.add(old.layerId);
      if (!record) continue;
      touched.add(record.layerId);
      // New to its layer: goes at the end of the layer's list, as the store appends it.
      if (old?.layerId !== record.layerId) {
        const list = added.get(record.layerId);
        if (list) list.push(record);
        else added.set(record.layerId, [record]);
      }
    }
    for (const layerId of touched) {
      const kept: StoredFeature[] = [];
      for (const feature of featuresByLayer.get(layerId) ?? []) {
        if (!records.has(feature.id)) kept.push(feature);
        else {
          const record = records.get(feature.id);
          if (record && record.layerId === layerId) kept.push(record);
        }
      }
      for (const record of added.get(layerId) ?? []) kept.push(record);
      featuresByLayer.set(layerId, kept);
    }
    const featureById = before.with(records);
    this.set({
      featuresByLayer,
      featureById,
      featurePatch: { base: this.snapshot.featuresByLayer, ids: new Set(records.keys()) },
      selection: this.snapshot.selection.filter((id) => featureById.has(id)),
    });
  }

  private replaceFeature(updated: StoredFeature) {
    this.patchFeatures(new Map([[updated.id, updated]]));
  }

  /** Reads the features and layers a log entry touched back from the store into the snapshot. */
  private async refreshFrom(state: ChangeState) {
    const layerIds = Object.keys(state.layers);
    if (layerIds.length > 0) await this.refreshLayers(layerIds);
    const ids = Object.keys(state.features);
    if (ids.length > 0) {
      const records = await readFeatures(this.db, ids);
      this.patchFeatures(new Map(ids.map((id, index) => [id, records[index] ? stripUpdatedAt(records[index]) : null])));
    }
    if (Object.keys(state.stories).length > 0) this.set({ stories: await this.readStories() });
    if (Object.keys(state.tariffs).length > 0) this.set({ tariffs: await latestTariffSchedules(this.db) });
  }

  /** Layers as stored; a layer that came back (a redone import) brings its features, one that went takes them. */
  private async refreshLayers(layerIds: readonly string[]) {
    const layers = await this.readLayers();
    const stored = new Set(layers.map((layer) => layer.id));
    const featuresByLayer = new Map(this.snapshot.featuresByLayer);
    const changes: [string, StoredFeature | null][] = [];
    for (const layerId of layerIds) {
      if (!stored.has(layerId)) {
        for (const feature of featuresByLayer.get(layerId) ?? []) changes.push([feature.id, null]);
        featuresByLayer.delete(layerId);
      } else if (!featuresByLayer.has(layerId)) {
        const features = (await readLayerFeatures(this.db, [layerId])).map(stripUpdatedAt);
        featuresByLayer.set(layerId, features);
        for (const feature of features) changes.push([feature.id, feature]);
      }
    }
    if (changes.length === 0 && featuresByLayer.size === this.snapshot.featuresByLayer.size) {
      this.set({ layers });
      return;
    }
    const featureById = this.snapshot.featureById.with(changes);
    this.set({
      layers,
      featuresByLayer,
      featureById,
      featurePatch: null,
      selection: this.snapshot.selection.filter((id) => featureById.has(id)),
    });
  }

  /**
   * Writes an edit (validated, one transaction, one undo step) and shows it; returns the ids it made
   * or changed. Rejects with the reason, changing nothing, when the edit or a feature is not valid.
   */
  private async commit(action: ChangeAction, result: EditResult): Promise<string[]> {
    if (!result.ok) throw new Error(result.error);
    const entry = await commitChange(this.db, action, result.change);
    await this.refreshFrom(entry.after);
    return result.ids;
  }

  /** Layer settings show at once and are saved behind as an undoable step; a failed save puts the stored state back. */
  private async changeLayer(layerId: string, patch: Partial<Pick<Layer, 'visible' | 'styleBy'>>) {
    const layer = this.snapshot.layers.find((candidate) => candidate.id === layerId);
    if (!layer) return;
    this.set({
      layers: this.snapshot.layers.map((candidate) =>
        candidate.id === layerId ? { ...candidate, ...patch } : candidate,
      ),
    });
    try {
      await commitChange(this.db, 'layer-settings', { layers: [{ ...layer, ...patch }] });
    } finally {
      await this.reloadLayers();
    }
  }

  /** Stores a drawn feature in the layer for its kind (made on first use); returns its id. */
  async addDrawnFeature(kind: keyof typeof DRAWN_LAYERS, geometry: Geometry, properties: Record<string, unknown>) {
    const [id] = await this.commit(
      'add-features',
      addDrawnFeature(this.snapshot.layers, kind, geometry, properties, new Date().toISOString()),
    );
    if (!id) throw new Error('Fitur tidak tersimpan / the feature was not stored');
    return id;
  }

  async updateGeometry(featureId: string, geometry: Geometry) {
    const feature = this.snapshot.featureById.get(featureId);
    if (!feature) throw new Error(`Fitur tidak ditemukan / feature not found: ${featureId}`);
    await this.commit('edit-geometry', editGeometry(feature, geometry));
  }

  /** Splits a line at the place nearest to `point`; returns the ids of both parts. */
  async splitFeature(featureId: string, point: Position) {
    const feature = this.snapshot.featureById.get(featureId);
    if (!feature) throw new Error(`Fitur tidak ditemukan / feature not found: ${featureId}`);
    // Every corridor holding the segment, shown or not, must hold both parts.
    const corridors = this.snapshot.layers
      .filter((layer) => layer.kind === 'corridor')
      .flatMap((layer) => this.snapshot.featuresByLayer.get(layer.id) ?? []);
    return this.commit('split-feature', splitFeature(feature, point, corridors));
  }

  async deleteFeatures(ids: readonly string[]) {
    const existing = ids.filter((id) => this.snapshot.featureById.has(id));
    if (existing.length === 0) return [];
    return this.commit('delete-features', { ok: true, change: { remove: existing }, ids: existing });
  }

  /** Saves a story (one undo step); rejects naming the field when it is not valid. */
  async saveStory(story: Story) {
    await this.commit('story', {
      ok: true,
      change: { stories: [{ ...story, updatedAt: new Date().toISOString() }] },
      ids: [],
    });
  }

  async deleteStory(storyId: string) {
    await this.commit('story', { ok: true, change: { removeStories: [storyId] }, ids: [] });
  }

  /** What the map shows while presenting (null: back to the layers' own settings). Nothing is stored. */
  setPresentation(presentation: Presentation | null) {
    this.set({ presentation });
  }

  /** The layers as the map should draw them: the slide's choice while presenting, else their own. */
  displayedLayers(): Layer[] {
    const { layers, presentation } = this.snapshot;
    if (!presentation) return layers;
    return layers.map((layer) => ({ ...layer, visible: presentation.visibleLayerIds.includes(layer.id) }));
  }

  /** The running paths of a ruas in one road layer, for STA work. */
  private ruasPaths(layerId: string, ruasNumber: string) {
    return ruasPaths(this.snapshot.featuresByLayer.get(layerId) ?? [], ruasNumber);
  }

  /** Replaces the condition ranges of a ruas (one undo step); rejects naming the range at fault. */
  async saveConditionRanges(layerId: string, ruasNumber: string, ranges: readonly ConditionRange[]) {
    const existing = this.snapshot.layers
      .filter((layer) => layer.kind === 'condition_range')
      .flatMap((layer) => this.snapshot.featuresByLayer.get(layer.id) ?? []);
    return this.commit(
      'condition-ranges',
      replaceConditionRanges(
        this.snapshot.layers,
        existing,
        layerId,
        ruasNumber,
        this.ruasPaths(layerId, ruasNumber),
        ranges,
        new Date().toISOString(),
      ),
    );
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
    const started = performance.now();
    const updated = await updateFeatureProperties(this.db, featureId, patch);
    performance.measure('rumija:edit-write', { start: started });
    this.replaceFeature(updated);
    performance.measure('rumija:edit-shown', { start: started });
    return updated;
  }

  /** Stores a new layer with its features (all or nothing) and shows it. */
  async addLayer(layer: Layer, features: StoredFeature[]) {
    const started = performance.now();
    await addLayerWithFeatures(this.db, layer, features);
    performance.measure('rumija:store-layer', { start: started });
    const featuresByLayer = new Map(this.snapshot.featuresByLayer);
    featuresByLayer.set(layer.id, features);
    const featureById = this.snapshot.featureById.with(features.map((feature) => [feature.id, feature]));
    this.set({ layers: await this.readLayers(), featuresByLayer, featureById, featurePatch: null });
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
      this.set({ importing: { file: file.name, progress: null } });
      try {
        const started = performance.now();
        const prepared = await prepareImportInWorker(file.name, file.bytes, layerId, order, {}, (progress) =>
          this.set({ importing: { file: file.name, progress } }),
        );
        performance.measure('rumija:read-file', { start: started });
        if (prepared.ok) pending.push({ prepared: prepared.value, file, csvOptions: {} });
        else outcomes.push({ fileName: file.name, ok: false, error: prepared.error });
      } catch (error) {
        // The reader itself failed (not the file), or the user cancelled: say so; after a cancel, read no more.
        outcomes.push({ fileName: file.name, ok: false, error: `${file.name}: ${messageOf(error)}` });
        if (messageOf(error).includes(IMPORT_CANCELLED)) break;
      }
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
    const [first, ...rest] = this.snapshot.pendingImports;
    if (!first) return { fileName: '', ok: false, error: NO_PENDING_IMPORT };
    const { prepared, file } = first;
    const fileName = file.name;
    const started = performance.now();
    const mapped = applyMapping(prepared.layer, prepared.features, mapping, fileName);
    performance.measure('rumija:map-fields', { start: started });
    if (!mapped.ok) return { fileName, ok: false, error: mapped.error };
    try {
      await this.addLayer(mapped.value.layer, mapped.value.features);
    } catch (error) {
      return { fileName, ok: false, error: `${fileName}: ${error instanceof Error ? error.message : String(error)}` };
    }
    await this.db.meta.put({ key: `import-mapping:${signature}`, value: mapping });
    this.set({ pendingImports: rest });
    return {
      fileName,
      ok: true,
      layerId: prepared.layer.id,
      count: mapped.value.features.length,
      repairs: prepared.repairs.length,
      crs: prepared.crs,
    };
  }

  /** Reads the first pending file again with the coordinate system the user chose. */
  async reprepareImport(csvOptions: CsvImportOptions): Promise<string | null> {
    const [first, ...rest] = this.snapshot.pendingImports;
    if (!first) return NO_PENDING_IMPORT;
    const { layer } = first.prepared;
    let prepared: Awaited<ReturnType<typeof prepareImportInWorker>>;
    try {
      prepared = await prepareImportInWorker(first.file.name, first.file.bytes, layer.id, layer.order, csvOptions);
    } catch (error) {
      return `${first.file.name}: ${messageOf(error)}`;
    }
    if (!prepared.ok) return prepared.error;
    this.set({ pendingImports: [{ ...first, prepared: prepared.value, csvOptions }, ...rest] });
    return null;
  }

  /** Stops reading the file now; nothing was stored, so nothing is left behind. */
  stopReading() {
    cancelImportInWorker();
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

  /** Shows what an undo or redo changed: the layers, features, stories and tariff versions it touched. */
  private async applyHistory(entry: EditLogEntry | null) {
    if (entry) await this.refreshFrom(entry.after);
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
      const estimate = estimateRetribution(results, assets, schedule, options);
      const warnings = analysisWarnings({ roadCount: roads.length, assets, estimate });
      this.set({
        analysis: {
          status: 'done',
          error: null,
          options,
          assets,
          results,
          estimate,
          warnings,
          resultByAsset: new Map(results.map((result) => [result.assetId, result])),
          seconds: (performance.now() - started) / 1000,
        },
      });
    } catch (error) {
      this.set({
        analysis: {
          ...IDLE_ANALYSIS,
          status: 'error',
          error: error instanceof Error ? error.message : String(error),
          options,
        },
      });
    }
  }

  select(ids: readonly string[], options: { zoom?: boolean } = {}) {
    this.set({
      selection: [...ids],
      zoomRequest: options.zoom ? this.snapshot.zoomRequest + 1 : this.snapshot.zoomRequest,
    });
  }
}

export function useAppSnapshot(store: AppStore): AppSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
