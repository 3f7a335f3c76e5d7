import type { StoredFeature } from '../model/layer';

/**
 * Assets with the right-of-way zone the analysis found for each, for outputs that draw assets by zone (KML, KMZ):
 * the zone is computed, not stored, so without this every exported asset would be drawn "not analysed".
 * A feature the analysis did not reach, and every feature that is not an asset, is returned as it is.
 */
export function withAnalysedZones(
  features: readonly StoredFeature[],
  zoneOf: (id: string) => string | undefined,
): StoredFeature[] {
  return features.map((feature) => {
    const zone = feature.properties.kind === 'asset' ? zoneOf(feature.id) : undefined;
    return zone === undefined ? feature : { ...feature, properties: { ...feature.properties, zone } };
  });
}
