import type { StoredFeature } from '../model/layer';

/** At most this many features are looked at to list a layer's fields (evenly spread over the layer). */
const SAMPLE = 5000;

/** The fields a layer's features have with plain values (text, numbers, yes/no), in the order first met. */
export function layerFieldNames(features: readonly StoredFeature[]): string[] {
  const names = new Set<string>();
  const step = Math.max(1, Math.floor(features.length / SAMPLE));
  for (let index = 0; index < features.length; index += step) {
    for (const [key, value] of Object.entries(features[index]!.properties)) {
      if (key === 'kind' || names.has(key)) continue;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') names.add(key);
    }
  }
  return [...names];
}
