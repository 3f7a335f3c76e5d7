import type { Layer, StoredFeature } from '../model/layer';
import type { EncroachmentResult } from './encroachment';

/** What an encroachment analysis reads: the visible roads (only the corridor's, when one is chosen), corridors and assets. */
export function analysisInputs(
  layers: readonly Layer[],
  featuresByLayer: ReadonlyMap<string, readonly StoredFeature[]>,
  corridorId: string | null,
) {
  const visible = (kind: string) =>
    layers
      .filter((layer) => layer.kind === kind && layer.visible)
      .flatMap((layer) => featuresByLayer.get(layer.id) ?? []);
  const corridors = visible('corridor');
  let roads = visible('road');
  if (corridorId) {
    const corridor = corridors.find((candidate) => candidate.id === corridorId);
    const ids = new Set((corridor?.properties.segmentIds as string[] | undefined) ?? []);
    roads = roads.filter((road) => ids.has(road.id));
  }
  return { roads, corridors, assets: visible('asset') };
}

/**
 * The assets a result speaks of: for a corridor, those near its roads (in a zone of them), not every asset of the
 * province; for all roads, every asset analysed.
 */
export function countedAssets(results: readonly EncroachmentResult[], corridor: boolean): number {
  return corridor ? results.filter((result) => result.zone !== 'luar').length : results.length;
}
