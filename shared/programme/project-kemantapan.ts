import { summarizeNetwork, type NetworkSummary } from '../analysis/network-summary';
import type { StoredFeature } from '../model/layer';
import type { RoadStatus } from '../model/road-network';

/**
 * Kemantapan before and after a programme, both from the one network summary: a road segment the programme
 * handles counts as baik afterwards, whatever the handling.
 */
export function projectKemantapan(
  features: readonly StoredFeature[],
  handledIds: ReadonlySet<string>,
  statuses: readonly RoadStatus[],
): { before: NetworkSummary; after: NetworkSummary } {
  const after = features.map((feature) =>
    feature.properties.kind === 'road' && handledIds.has(feature.id)
      ? { ...feature, properties: { ...feature.properties, condition: 'baik' } }
      : feature,
  );
  return { before: summarizeNetwork(features, statuses), after: summarizeNetwork(after, statuses) };
}
