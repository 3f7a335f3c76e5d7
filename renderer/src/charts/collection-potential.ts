import type { Layer, StoredFeature } from '#shared/model/layer';
import type { AnalysisState } from '../state/app-snapshot';

/**
 * The yearly potential per corridor, from the encroachment analysis on the map (the estimate's per-corridor totals,
 * the same the analysis panel tabulates), or null when the analysis is not a yearly one of every corridor: a single
 * corridor's run leaves the others unknown, another period would not be per year.
 */
export function collectionPotential(
  analysis: AnalysisState,
): { perYear: (corridorId: string) => number | null; schedule: string } | null {
  const estimate = analysis.estimate;
  if (analysis.status !== 'done' || !estimate || !analysis.options || analysis.options.periodYears !== 1) return null;
  const only = analysis.options.corridorId;
  return {
    perYear: (corridorId) => (only !== null && only !== corridorId ? null : (estimate.byCorridor[corridorId] ?? 0)),
    schedule: `${estimate.scheduleId} v${estimate.scheduleVersion}`,
  };
}

/** A corridor's name from the corridor layers, without the word "corridor" (every row is one). */
export function corridorNamer(
  layers: readonly Layer[],
  featuresByLayer: ReadonlyMap<string, readonly StoredFeature[]>,
): (corridorId: string) => string {
  const names = new Map<string, string>();
  for (const layer of layers.filter((candidate) => candidate.kind === 'corridor'))
    for (const feature of featuresByLayer.get(layer.id) ?? [])
      names.set(feature.id, String(feature.properties.name ?? feature.id).replace(/^(koridor|corridor)\s+/i, ''));
  return (corridorId) => names.get(corridorId) ?? corridorId;
}
