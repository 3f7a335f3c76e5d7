import type { Layer, StoredFeature } from '#shared/model/layer';
import type { Programme } from '#shared/retribution/programme';
import { findPotentialYears } from '#shared/charts/find-potential-years';
import type { AnalysisState } from '../state/app-snapshot';

/**
 * The yearly potential per corridor, from the encroachment analysis on the map (the estimate's per-corridor totals,
 * the same the analysis panel tabulates), for the corridor years it stands for (findPotentialYears: the year the
 * analysis ran, priced with the tariff version of that year's periods); null when the analysis is not a yearly one
 * of every corridor: a single corridor's run leaves the others unknown, another period would not be per year.
 */
export function collectionPotential(
  analysis: AnalysisState,
  programmes: readonly Programme[],
): {
  perYear: (corridorId: string, year: number) => number | null;
  schedule: string;
  /** The year the analysis ran: the only one a potential can stand for. */
  year: number;
} | null {
  const estimate = analysis.estimate;
  if (analysis.status !== 'done' || !estimate || !analysis.options || analysis.options.periodYears !== 1) return null;
  const only = analysis.options.corridorId;
  const year = (analysis.finishedAt ? new Date(analysis.finishedAt) : new Date()).getFullYear();
  const standsFor = findPotentialYears(programmes, estimate, year);
  return {
    perYear: (corridorId, rowYear) =>
      (only !== null && only !== corridorId) || !standsFor(corridorId, rowYear)
        ? null
        : (estimate.byCorridor[corridorId] ?? 0),
    schedule: `${estimate.scheduleId} v${estimate.scheduleVersion}`,
    year,
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
