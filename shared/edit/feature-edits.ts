import type { Geometry, Position } from 'geojson';
import type { Layer, LayerKind, StoredFeature } from '../model/layer';
import type { Story } from '../present/story';
import type { FeatureKind, FeatureSource } from '../model/road-network';
import { geodesicLengthM } from '../geo/geodesic';
import { splitLineAt } from '../geo/split-line';
import { ruasLengthM, slicePathsByChainage } from '../geo/ruas-reference';
import { checkConditionRanges, type ConditionRange } from '../analysis/condition-ranges';
import { problem, type Problem } from '../messages/problem';

/** What a change does to the store: layers added or changed, features put or removed, stories saved or removed. */
export interface Change {
  layers?: Layer[];
  /** Layers taken off the map; their features stay stored, so an undo brings the layer back whole. */
  removeLayers?: string[];
  put?: StoredFeature[];
  remove?: string[];
  stories?: Story[];
  removeStories?: string[];
}

export type EditResult = { ok: true; change: Change; ids: string[] } | { ok: false; error: Problem };

/** Where drawn features of each kind go: one user layer per kind, made on first use. */
export const DRAWN_LAYERS: Record<Exclude<FeatureKind, 'corridor'>, { id: string; name: string }> = {
  road: { id: 'drawn-road', name: 'Jalan digambar' },
  bridge: { id: 'drawn-bridge', name: 'Jembatan digambar' },
  asset: { id: 'drawn-asset', name: 'Aset digambar' },
  annotation: { id: 'drawn-annotation', name: 'Anotasi' },
  condition_range: { id: 'condition-ranges', name: 'Kondisi per STA' },
};

const drawnSource = (recordedAt: string): FeatureSource => ({
  kind: 'drawn',
  label: 'Digambar di Rumija',
  recordedAt,
  illustrative: false,
});

export const newFeatureId = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** The layer drawn features of a kind go to, and the layer to add when it does not exist yet. */
function drawnLayerFor(
  kind: keyof typeof DRAWN_LAYERS,
  layers: readonly Layer[],
  createdAt: string,
): { layer: Layer; isNew: boolean } {
  const { id, name } = DRAWN_LAYERS[kind];
  const existing = layers.find((layer) => layer.id === id);
  if (existing) return { layer: existing, isNew: false };
  const order = Math.max(0, ...layers.map((layer) => layer.order)) + 1;
  const styleBy = kind === 'bridge' || kind === 'condition_range' ? 'condition' : 'status';
  return {
    layer: { id, name, kind: kind as LayerKind, order, visible: true, styleBy, demo: false, createdAt },
    isNew: true,
  };
}

/** Properties that follow from the geometry (a road's length) are computed, never typed. */
function withDerivedProperties(properties: Record<string, unknown>, geometry: Geometry): Record<string, unknown> {
  return properties.kind === 'road'
    ? { ...properties, lengthM: Math.round(geodesicLengthM(geometry) * 100) / 100 }
    : properties;
}

/** A drawn feature into the layer for its kind (made if needed). */
export function addDrawnFeature(
  layers: readonly Layer[],
  kind: keyof typeof DRAWN_LAYERS,
  geometry: Geometry,
  properties: Record<string, unknown>,
  recordedAt: string,
): EditResult {
  const { layer, isNew } = drawnLayerFor(kind, layers, recordedAt);
  const id = newFeatureId(kind);
  const feature: StoredFeature = {
    id,
    layerId: layer.id,
    geometry,
    properties: withDerivedProperties({ ...properties, kind, source: drawnSource(recordedAt) }, geometry),
  };
  return { ok: true, change: { layers: isNew ? [layer] : [], put: [feature] }, ids: [id] };
}

export function editGeometry(feature: StoredFeature, geometry: Geometry): EditResult {
  return {
    ok: true,
    change: { put: [{ ...feature, geometry, properties: withDerivedProperties(feature.properties, geometry) }] },
    ids: [feature.id],
  };
}

/**
 * Splits a line feature at the place nearest to `point`: the first part keeps the id, the second gets
 * a new one with the same attributes; corridors that held the segment hold both parts.
 */
export function splitFeature(feature: StoredFeature, point: Position, corridors: readonly StoredFeature[]): EditResult {
  const result = splitLineAt(feature.geometry, point);
  if (!result.ok) {
    return {
      ok: false,
      error: result.reason === 'at-end' ? problem('edit.cutAtEnd') : problem('edit.notLine'),
    };
  }
  const [head, tail] = result.parts;
  const tailId = `${feature.id}-${Date.now().toString(36)}`;
  const put: StoredFeature[] = [
    { ...feature, geometry: head, properties: withDerivedProperties(feature.properties, head) },
    { ...feature, id: tailId, geometry: tail, properties: withDerivedProperties(feature.properties, tail) },
  ];
  for (const corridor of corridors) {
    const ids = corridor.properties.segmentIds as string[] | undefined;
    const index = ids?.indexOf(feature.id) ?? -1;
    if (ids && index >= 0)
      put.push({
        ...corridor,
        properties: {
          ...corridor.properties,
          segmentIds: [...ids.slice(0, index + 1), tailId, ...ids.slice(index + 1)],
        },
      });
  }
  return { ok: true, change: { put }, ids: [feature.id, tailId] };
}

/** Whether a feature is a condition range of this ruas of this road layer. */
export const isRangeOf = (feature: StoredFeature, roadLayerId: string, ruasNumber: string) =>
  feature.properties.kind === 'condition_range' &&
  feature.properties.roadLayerId === roadLayerId &&
  feature.properties.ruasNumber === ruasNumber;

/**
 * Replaces the STA condition ranges of one ruas with a new set: checked against the ruas length,
 * each range drawn as its stretch of the ruas.
 */
export function replaceConditionRanges(
  layers: readonly Layer[],
  existing: readonly StoredFeature[],
  roadLayerId: string,
  ruasNumber: string,
  paths: Position[][],
  ranges: readonly ConditionRange[],
  recordedAt: string,
): EditResult {
  const lengthM = ruasLengthM(paths);
  if (paths.length === 0) return { ok: false, error: problem('edit.ruasNotFound', { ruas: ruasNumber }) };
  const problems = checkConditionRanges(ranges, lengthM);
  if (problems.length > 0) return { ok: false, error: problem('edit.ruasRanges', { ruas: ruasNumber, problems }) };
  const { layer, isNew } = drawnLayerFor('condition_range', layers, recordedAt);
  const put = [...ranges]
    .sort((a, b) => a.fromM - b.fromM)
    .map((range, index): StoredFeature => {
      const slices = slicePathsByChainage(paths, range.fromM, Math.min(range.toM, lengthM));
      return {
        id: `sta-${ruasNumber}-${String(index).padStart(3, '0')}-${Date.now().toString(36)}`,
        layerId: layer.id,
        geometry:
          slices.length === 1
            ? { type: 'LineString', coordinates: slices[0]! }
            : { type: 'MultiLineString', coordinates: slices },
        properties: {
          kind: 'condition_range',
          roadLayerId,
          ruasNumber,
          staFromM: range.fromM,
          staToM: range.toM,
          condition: range.condition,
          lengthM: range.toM - range.fromM,
          source: drawnSource(recordedAt),
        },
      };
    });
  const remove = existing.filter((feature) => isRangeOf(feature, roadLayerId, ruasNumber)).map((feature) => feature.id);
  return { ok: true, change: { layers: isNew ? [layer] : [], put, remove }, ids: put.map((feature) => feature.id) };
}
