import type { Layer, StoredFeature } from '../model/layer';

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
