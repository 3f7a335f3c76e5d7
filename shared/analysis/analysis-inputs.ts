import type { Layer, StoredFeature } from '../model/layer';
import type { EncroachmentResult } from './encroachment';

/**
 * What an encroachment analysis reads: the visible roads (only the corridor's, when one is chosen), corridors and
 * assets.
 */
export function analysisInputs(
  layers: readonly Layer[],
  featuresByLayer: ReadonlyMap<string, readonly StoredFeature[]>,
  corridorId: string | null,
) {
  const layersOf = (kind: string) =>
    layers.filter((layer) => layer.kind === kind && layer.visible).map((layer) => layer.id);
  const layerIds = { roads: layersOf('road'), corridors: layersOf('corridor'), assets: layersOf('asset') };
  const visible = (ids: readonly string[]) => ids.flatMap((id) => featuresByLayer.get(id) ?? []);
  const corridors = visible(layerIds.corridors);
  let roads = visible(layerIds.roads);
  if (corridorId) {
    const corridor = corridors.find((candidate) => candidate.id === corridorId);
    const ids = new Set((corridor?.properties.segmentIds as string[] | undefined) ?? []);
    roads = roads.filter((road) => ids.has(road.id));
  }
  const lists = (ids: readonly string[]) => ids.map((id) => featuresByLayer.get(id) ?? []);
  /**
   * `layerIds`: the layers read; `corridorRoads`: when a corridor is chosen, the ids of its roads; `groupLists`:
   * roads, corridors and assets as the layers' own lists (what the fingerprint keeps its sums by).
   */
  const corridorRoads = corridorId ? roads.map((road) => road.id) : null;
  const groupLists = [corridorId ? [roads] : lists(layerIds.roads), lists(layerIds.corridors), lists(layerIds.assets)];
  return { roads, corridors, assets: visible(layerIds.assets), layerIds, corridorRoads, groupLists };
}

/**
 * The assets a result speaks of: for a corridor, those near its roads (in a zone of them), not every asset of the
 * province; for all roads, every asset analysed.
 */
export function countedAssets(results: readonly EncroachmentResult[], corridor: boolean): number {
  return corridor ? results.filter((result) => result.zone !== 'luar').length : results.length;
}
