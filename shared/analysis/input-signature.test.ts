import { describe, expect, it } from 'vitest';
import { createDemoDataset } from '../demo/create-demo-dataset';
import { inputSignature } from './input-signature';

const demo = createDemoDataset();
const roads = demo.features.filter((feature) => feature.properties.kind === 'road');
const assets = demo.features.filter((feature) => feature.properties.kind === 'asset');

describe('the fingerprint of an analysis input', () => {
  it('is the same for equal input, even rebuilt object by object, reordered, keys in another order (as an undo rebuilds it)', () => {
    const copy = structuredClone([roads, assets]);
    expect(inputSignature(copy)).toBe(inputSignature([roads, assets]));
    const [first, ...rest] = assets;
    const reordered = [
      ...rest,
      { ...first!, properties: Object.fromEntries(Object.entries(first!.properties).reverse()) },
    ];
    expect(inputSignature([roads, reordered])).toBe(inputSignature([roads, assets]));
  });

  it('changes with an attribute, a moved vertex, a removed feature or the order of the groups', () => {
    const base = inputSignature([roads, assets]);
    const edited = assets.map((asset, i) =>
      i === 3 ? { ...asset, properties: { ...asset.properties, owner: 'X' } } : asset,
    );
    expect(inputSignature([roads, edited])).not.toBe(base);
    const moved = structuredClone(roads);
    (moved[0]!.geometry as { coordinates: number[][] }).coordinates[1]![0]! += 1e-9;
    expect(inputSignature([moved, assets])).not.toBe(base);
    expect(inputSignature([roads, assets.slice(1)])).not.toBe(base);
    // The same features as roads instead of assets are another input.
    expect(inputSignature([assets, roads])).not.toBe(base);
  });
});
