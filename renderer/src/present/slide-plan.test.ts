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
      'standing-zone-rumaja',
      'standing-zone-rumija',
      'standing-zone-ruwasja',
      'standing-zone-luar',
      'standing-zone-unanalysed',
    ]);
    // Colour says the standing (plain patches: a circle is a bridge), shape the zone (blank, as the map draws it).
    const entries = slideLegends(slide, demo.layers, featuresByLayer, t, true).flatMap((group) => group.entries);
    expect(entries.slice(0, 5).map((entry) => [entry.shape, entry.color])).toEqual([
      ['band', '#aad2c9'],
      ['band', '#d7bf84'],
      ['band', '#9a3540'],
      ['band', '#82908c'],
      ['band', '#565f78'],
    ]);
    expect(entries.slice(5).map((entry) => [entry.shape, entry.color])).toEqual([
      ['square', '#ffffff'],
      ['diamond', '#ffffff'],
      ['triangle', '#ffffff'],
      ['triangle-down', '#ffffff'],
      ['cross', '#ffffff'],
    ]);
    expect(keys(false).some((key) => key.startsWith('standing-'))).toBe(false);
  });
});
