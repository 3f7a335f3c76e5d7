import { describe, expect, it } from 'vitest';
import { createSyntheticAssets, createSyntheticRoadNetwork } from '../demo/synthetic-network';
import { packFeatures, packedBuffers, unpackFeatures } from './packed-features';

describe('features packed for a worker', () => {
  it('come back exactly after a transfer: ids, geometry of every kind, properties with Indonesian text', () => {
    const roads = createSyntheticRoadNetwork(300, 3, 'import-x');
    const assets = createSyntheticAssets(roads.features, 200, 4, 'import-x');
    const features = [...roads.features, ...assets.features].map((feature, index) => ({
      ...feature,
      id: `import-x-${index}`,
      properties: { ...feature.properties, keterangan: 'Tiang miring – perlu diganti “segera”' },
    }));
    const packed = packFeatures(features);
    const { port1, port2 } = new MessageChannel();
    return new Promise<void>((resolve) => {
      port2.onmessage = (event) => {
        expect(unpackFeatures(event.data)).toEqual(features);
        expect(packed.geometry.coords.byteLength).toBe(0); // transferred, not copied
        port1.close();
        port2.close();
        resolve();
      };
      port1.postMessage(packed, packedBuffers(packed));
    });
  });
});
