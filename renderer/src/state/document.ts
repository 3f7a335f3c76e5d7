import { sameGeometry, sameRecord } from '#shared/edit/same-value';
import type { Geometry, Position } from 'geojson';
import type { Layer, StoredFeature } from '#shared/model/layer';
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
import { readFeatures, readLayerFeatures, type FeatureBlockRow } from '../persistence/feature-blocks';
import { addLayerWithFeatures, loadAll, moveLayer, updateFeatureProperties } from '../persistence/layer-repository';
import {
  PROGRAMME_TABLES,
  RECORD_TABLES,
  commitChange,
  type ChangeAction,
  type ChangeState,
} from '../persistence/change-log';
import { latestTariffSchedules } from '../persistence/tariff-repository';
import { latestHandlingCatalogues, loadWorkProgramme } from '../persistence/programme-repository';
import { loadRetribution } from '../persistence/retribution-repository';
import { resetDemo, seedDemoIfEmpty } from '../persistence/demo-seed';
import { FeatureIndex } from './feature-index';
import { patchedLists } from './patched-lists';
import type { SnapshotHandle, StoredLayerBlocks } from './app-snapshot';
import { z } from 'zod';
import { LayerStyleSchema, SavedStyleSchema, type LayerStyle, type SavedStyle } from '#shared/model/layer-style';
import { ProblemError } from '#shared/messages/problem';

const SAVED_STYLES_KEY = 'saved-styles';

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
 * The layers and features the user works on, held in memory as a snapshot of the database: every change goes to
 * the database first (one transaction, one undo step) and then into a new snapshot, touching only what it changed.
 */
export class Document {
  /** Told of the stored blocks as soon as they are read at start (the map's tile worker takes them in meanwhile). */
  blocksRead: ((layers: readonly Layer[], rows: readonly FeatureBlockRow[]) => void) | null = null;

  constructor(private readonly state: SnapshotHandle) {}

  async load() {
    try {
      const started = performance.now();
      await seedDemoIfEmpty(this.state.db);
      performance.measure('rumija:open-store', { start: started });
      await this.reload();
    } catch (error) {
      this.state.set({
        status: 'error',
        error: error instanceof Error ? error.message : String(error),
        errorName: error instanceof Error ? error.name : undefined,
      });
    }
  }

  private async reload() {
    const started = performance.now();
    const { layers, features, rows } = await loadAll(this.state.db, this.blocksRead ?? undefined);
    // Benchmarks read these measures to show where a start spends its time.
    performance.measure('rumija:read-store', { start: started });
    const indexStarted = performance.now();
    const featuresByLayer = groupByLayer(features);
    const featureById = FeatureIndex.filledWhenIdle([...featuresByLayer.values()]);
    performance.measure('rumija:index-features', { start: indexStarted });
    const storedBlocks = new Map<string, StoredLayerBlocks>();
    for (const [layerId, features] of featuresByLayer)
      storedBlocks.set(layerId, { features, blocks: rows.filter((row) => row.layerId === layerId) });
    this.state.set({
      status: 'ready',
      tariffs: await latestTariffSchedules(this.state.db),
      handlingCatalogues: await latestHandlingCatalogues(this.state.db),
      workProgramme: await loadWorkProgramme(this.state.db),
      retribution: await loadRetribution(this.state.db),
      stories: await this.readStories(),
      layers,
      featuresByLayer,
      featureById,
      featurePatch: null,
      storedBlocks,
      selection: this.state.get().selection.filter((id) => featureById.has(id)),
    });
  }

  private readStories() {
    return this.state.db.stories.orderBy('updatedAt').reverse().toArray();
  }

  private readLayers() {
    return this.state.db.layers.orderBy('order').toArray();
  }

  private async reloadLayers() {
    this.state.set({ layers: await this.readLayers() });
  }

  /** Puts changed features (null: deleted) into the snapshot without reloading the rest. */
  private patchFeatures(records: ReadonlyMap<string, StoredFeature | null>) {
    const featuresByLayer = new Map(this.state.get().featuresByLayer);
    const index = this.state.get().featureById;
    const before = new Map<string, StoredFeature>();
    for (const id of records.keys()) {
      const old = index.get(id);
      if (old) before.set(id, old);
    }
    for (const [layerId, list] of patchedLists(featuresByLayer, records, before)) featuresByLayer.set(layerId, list);
    const featureById = index.with(records);
    this.state.set({
      featuresByLayer,
      featureById,
      featurePatch: { base: this.state.get().featuresByLayer, ids: new Set(records.keys()), before },
      storedBlocks: null,
      selection: this.state.get().selection.filter((id) => featureById.has(id)),
    });
  }

  private replaceFeature(updated: StoredFeature) {
    this.patchFeatures(new Map([[updated.id, updated]]));
  }

  /** Reads the features and layers a log entry touched back from the store into the snapshot. */
  async refreshFrom(state: ChangeState) {
    const layerIds = Object.keys(state.layers);
    if (layerIds.length > 0) await this.refreshLayers(layerIds);
    const ids = Object.keys(state.features);
    if (ids.length > 0) {
      const records = await readFeatures(this.state.db, ids);
      this.patchFeatures(new Map(ids.map((id, index) => [id, records[index] ? stripUpdatedAt(records[index]) : null])));
    }
    if (Object.keys(state.stories).length > 0) this.state.set({ stories: await this.readStories() });
    if (Object.keys(state.tariffs).length > 0) this.state.set({ tariffs: await latestTariffSchedules(this.state.db) });
    if (RECORD_TABLES.some((table) => Object.keys(state[table] ?? {}).length > 0))
      this.state.set({ retribution: await loadRetribution(this.state.db) });
    if (PROGRAMME_TABLES.some((table) => Object.keys(state[table] ?? {}).length > 0))
      this.state.set({
        handlingCatalogues: await latestHandlingCatalogues(this.state.db),
        workProgramme: await loadWorkProgramme(this.state.db),
      });
  }

  /** Layers as stored; a layer that came back (a redone import) brings its features, one that went takes them. */
  private async refreshLayers(layerIds: readonly string[]) {
    const layers = await this.readLayers();
    const stored = new Set(layers.map((layer) => layer.id));
    const featuresByLayer = new Map(this.state.get().featuresByLayer);
    const changes: [string, StoredFeature | null][] = [];
    for (const layerId of layerIds) {
      if (!stored.has(layerId)) {
        for (const feature of featuresByLayer.get(layerId) ?? []) changes.push([feature.id, null]);
        featuresByLayer.delete(layerId);
      } else if (!featuresByLayer.has(layerId)) {
        const features = (await readLayerFeatures(this.state.db, [layerId])).map(stripUpdatedAt);
        featuresByLayer.set(layerId, features);
        for (const feature of features) changes.push([feature.id, feature]);
      }
    }
    if (changes.length === 0 && featuresByLayer.size === this.state.get().featuresByLayer.size) {
      this.state.set({ layers });
      return;
    }
    const featureById = this.state.get().featureById.with(changes);
    this.state.set({
      layers,
      featuresByLayer,
      featureById,
      featurePatch: null,
      storedBlocks: null,
      selection: this.state.get().selection.filter((id) => featureById.has(id)),
    });
  }

  /**
   * Writes an edit (validated, one transaction, one undo step) and shows it; returns the ids it made
   * or changed. Rejects with the reason, changing nothing, when the edit or a feature is not valid.
   */
  async commit(action: ChangeAction, result: EditResult): Promise<string[]> {
    if (!result.ok) throw new ProblemError(result.error);
    const entry = await commitChange(this.state.db, action, result.change);
    await this.refreshFrom(entry.after);
    return result.ids;
  }

  /** Layer settings show at once and are saved behind as an undoable step; a failed save puts the stored state back. */
  private async changeLayer(
    layerId: string,
    patch: Partial<Pick<Layer, 'visible' | 'styleBy' | 'name' | 'opacity' | 'style'>>,
  ) {
    const layer = this.state.get().layers.find((candidate) => candidate.id === layerId);
    if (!layer) return;
    this.state.set({
      layers: this.state
        .get()
        .layers.map((candidate) => (candidate.id === layerId ? { ...candidate, ...patch } : candidate)),
    });
    try {
      await commitChange(this.state.db, 'layer-settings', { layers: [{ ...layer, ...patch }] });
    } finally {
      await this.reloadLayers();
    }
  }

  /** Stores a drawn feature in the layer for its kind (made on first use); returns its id. */
  async addDrawnFeature(kind: keyof typeof DRAWN_LAYERS, geometry: Geometry, properties: Record<string, unknown>) {
    const [id] = await this.commit(
      'add-features',
      addDrawnFeature(this.state.get().layers, kind, geometry, properties, new Date().toISOString()),
    );
    if (!id) throw new Error('Fitur tidak tersimpan / the feature was not stored');
    return id;
  }

  /** Saves an edited geometry; false (nothing saved, no undo step) when no vertex moved. */
  async updateGeometry(featureId: string, geometry: Geometry): Promise<boolean> {
    const feature = this.state.get().featureById.get(featureId);
    if (!feature) throw new Error(`Fitur tidak ditemukan / feature not found: ${featureId}`);
    if (sameGeometry(feature.geometry, geometry)) return false;
    await this.commit('edit-geometry', editGeometry(feature, geometry));
    return true;
  }

  /** Splits a line at the place nearest to `point`; returns the ids of both parts. */
  async splitFeature(featureId: string, point: Position) {
    const feature = this.state.get().featureById.get(featureId);
    if (!feature) throw new Error(`Fitur tidak ditemukan / feature not found: ${featureId}`);
    // Every corridor holding the segment, shown or not, must hold both parts.
    const corridors = this.state
      .get()
      .layers.filter((layer) => layer.kind === 'corridor')
      .flatMap((layer) => this.state.get().featuresByLayer.get(layer.id) ?? []);
    return this.commit('split-feature', splitFeature(feature, point, corridors));
  }

  async deleteFeatures(ids: readonly string[]) {
    const existing = ids.filter((id) => this.state.get().featureById.has(id));
    if (existing.length === 0) return [];
    return this.commit('delete-features', { ok: true, change: { remove: existing }, ids: existing });
  }

  /** The running paths of a ruas in one road layer, for STA work. */
  private ruasPaths(layerId: string, ruasNumber: string) {
    return ruasPaths(this.state.get().featuresByLayer.get(layerId) ?? [], ruasNumber);
  }

  /** Replaces the condition ranges of a ruas (one undo step); rejects naming the range at fault. */
  async saveConditionRanges(layerId: string, ruasNumber: string, ranges: readonly ConditionRange[]) {
    const existing = this.state
      .get()
      .layers.filter((layer) => layer.kind === 'condition_range')
      .flatMap((layer) => this.state.get().featuresByLayer.get(layer.id) ?? []);
    return this.commit(
      'condition-ranges',
      replaceConditionRanges(
        this.state.get().layers,
        existing,
        layerId,
        ruasNumber,
        this.ruasPaths(layerId, ruasNumber),
        ranges,
        new Date().toISOString(),
      ),
    );
  }

  /** Takes a layer off the map, as one undoable step (its features stay stored for the undo). */
  async removeLayer(layerId: string) {
    const entry = await commitChange(this.state.db, 'remove-layer', { removeLayers: [layerId] });
    await this.refreshFrom(entry.after);
  }

  /** A new name for a layer, as one undoable step. */
  renameLayer(layerId: string, name: string) {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 200) return Promise.resolve();
    return this.changeLayer(layerId, { name: trimmed });
  }

  /** How opaque a layer is drawn (0.1–1), as one undoable step. */
  setLayerOpacity(layerId: string, opacity: number) {
    return this.changeLayer(layerId, { opacity: Math.min(1, Math.max(0.1, Math.round(opacity * 100) / 100)) });
  }

  /** The user's own style of a layer (colours by a field, widths, labels), as one undoable step; none: the default. */
  setLayerUserStyle(layerId: string, style: LayerStyle | undefined) {
    const kept = style && Object.values(style).some((value) => value !== undefined) ? style : undefined;
    return this.changeLayer(layerId, { style: kept ? LayerStyleSchema.parse(kept) : undefined });
  }

  /** Styles kept under a name, to apply to other layers. */
  async savedStyles(): Promise<SavedStyle[]> {
    const value = (await this.state.db.meta.get(SAVED_STYLES_KEY))?.value;
    const parsed = z.array(SavedStyleSchema).safeParse(value);
    return parsed.success ? parsed.data : [];
  }

  /** Keeps a style under a name; a style of the same name is replaced, and `replaced` says so. */
  async saveStyle(name: string, style: LayerStyle) {
    const saved = SavedStyleSchema.parse({ name, style });
    const existing = await this.savedStyles();
    const others = existing.filter((entry) => entry.name !== saved.name);
    await this.state.db.meta.put({ key: SAVED_STYLES_KEY, value: [...others, saved] });
    return { saved, replaced: others.length < existing.length };
  }

  setLayerVisible(layerId: string, visible: boolean) {
    return this.changeLayer(layerId, { visible });
  }

  setLayerStyle(layerId: string, styleBy: Layer['styleBy']) {
    return this.changeLayer(layerId, { styleBy });
  }

  async moveLayer(layerId: string, direction: 'up' | 'down') {
    await moveLayer(this.state.db, layerId, direction);
    await this.reloadLayers();
  }

  /** Saves validated attribute changes; rejects with a ValidationError and changes nothing if invalid. */
  async editProperties(featureId: string, patch: Record<string, unknown>) {
    const started = performance.now();
    const updated = await updateFeatureProperties(this.state.db, featureId, patch);
    performance.measure('rumija:edit-write', { start: started });
    this.replaceFeature(updated);
    performance.measure('rumija:edit-shown', { start: started });
    return updated;
  }

  /**
   * Sets properties of many features as one undoable step (bulk edit, calculated column): all or nothing; a
   * feature the model refuses stops it with a message naming the feature.
   */
  async editPropertiesMany(changes: readonly { id: string; patch: Record<string, unknown> }[]) {
    const put = changes.map(({ id, patch }) => {
      const feature = this.state.get().featureById.get(id);
      if (!feature) throw new Error(`Fitur tidak ditemukan / feature not found: ${id}`);
      return { ...feature, properties: { ...feature.properties, ...patch } };
    });
    // Features whose values stay as they are are not part of the change; none at all is no change.
    const changed = put.filter(
      (feature) => !sameRecord(feature.properties, this.state.get().featureById.get(feature.id)!.properties),
    );
    if (changed.length === 0) return [];
    return this.commit('edit-properties', {
      ok: true,
      change: { put: changed },
      ids: changed.map((feature) => feature.id),
    });
  }

  /** Stores a new layer with its features (all or nothing) and shows it. */
  async addLayer(layer: Layer, features: StoredFeature[]) {
    const started = performance.now();
    await addLayerWithFeatures(this.state.db, layer, features);
    performance.measure('rumija:store-layer', { start: started });
    const featuresByLayer = new Map(this.state.get().featuresByLayer);
    featuresByLayer.set(layer.id, features);
    const featureById = this.state.get().featureById.with(features.map((feature) => [feature.id, feature]));
    this.state.set({
      layers: await this.readLayers(),
      featuresByLayer,
      featureById,
      featurePatch: null,
      storedBlocks: null,
    });
  }
  async resetDemo() {
    await resetDemo(this.state.db);
    await this.reload();
  }
}
