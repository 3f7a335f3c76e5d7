import type { StoredFeature } from '../model/layer';

/** Properties as text with their keys sorted: a feature rebuilt by an undo may list its keys in another order. */
const propertiesText = (properties: Record<string, unknown>) =>
  JSON.stringify(properties, Object.keys(properties).sort());

/**
 * A fingerprint of what an analysis read: every feature's id, properties and coordinates, per group, in any
 * order. Equal fingerprints mean the same input (so an undo back to it makes the result current again, even
 * with the restored feature now last in its layer); any edit, added or removed feature changes it.
 * Each feature is hashed with FNV-1a; the hashes are combined by sum and by xor, which do not depend on order.
 */
export function inputSignature(groups: readonly (readonly StoredFeature[])[]): string {
  const number = new Float64Array(1);
  const words = new Uint32Array(number.buffer);
  let sum = 0;
  let xor = 0;
  let count = 0;
  groups.forEach((features, group) => {
    for (const feature of features) {
      let hash = Math.imul(0x811c9dc5 ^ group, 0x01000193);
      const mixText = (text: string) => {
        for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
      };
      const mixCoordinates = (value: unknown) => {
        if (typeof value === 'number') {
          number[0] = value;
          hash = Math.imul(hash ^ words[0]!, 0x01000193);
          hash = Math.imul(hash ^ words[1]!, 0x01000193);
        } else if (Array.isArray(value)) for (const item of value) mixCoordinates(item);
      };
      mixText(feature.id);
      mixText(propertiesText(feature.properties));
      const geometry = feature.geometry as { coordinates?: unknown; geometries?: { coordinates?: unknown }[] };
      mixCoordinates(geometry.coordinates ?? geometry.geometries?.map((member) => member.coordinates));
      sum = (sum + (hash >>> 0)) >>> 0;
      xor = (xor ^ Math.imul(hash, 0x9e3779b1)) >>> 0;
      count += 1;
    }
  });
  return `${count}:${sum.toString(16)}:${xor.toString(16)}`;
}
