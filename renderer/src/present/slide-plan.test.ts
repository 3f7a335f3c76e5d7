import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';
import type { Slide } from '#shared/present/story';
import { slideLegends } from './slide-plan';

const t = ((key: string) => key) as unknown as TFunction;

describe('slide legends', () => {
  it('follow the compliance map: the assets are listed by standing when it is on, by zone when off', () => {
    const demo = createDemoDataset();
    const featuresByLayer = new Map<string, typeof demo.features>();
    for (const feature of demo.features)
      featuresByLayer.set(feature.layerId, [...(featuresByLayer.get(feature.layerId) ?? []), feature]);
    const slide = { camera: { bounds: null }, visibleLayerIds: ['demo-assets'] } as unknown as Slide;
    const keys = (standing: boolean) =>
      slideLegends(slide, demo.layers, featuresByLayer, t, standing).flatMap(({ entries }) =>
        entries.map((entry) => entry.key),
      );
    expect(keys(true)).toEqual([
      'standing-paid',
      'standing-partial',
      'standing-overdue',
      'standing-not_assessed',
      'standing-no_obligor',
    ]);
    expect(keys(false).some((key) => key.startsWith('standing-'))).toBe(false);
  });
});
