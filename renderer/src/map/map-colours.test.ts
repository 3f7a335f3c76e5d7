import { describe, expect, it, vi } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';
import { differenceCiede2000 } from 'culori';
import { OTHER_COLOR, PALETTES } from '#shared/style/palettes';

vi.mock('maplibre-gl', () => ({}));
const style = await import('./thematic-style');
const { styleLayersFor } = await import('./data-layers');

const difference = differenceCiede2000();

/** Every colour that can be on the map at once, by what it means. */
const meanings: [string, string][] = [
  ...Object.entries(style.STATUS_COLORS).map(([key, colour]): [string, string] => [`status ${key}`, colour]),
  ...Object.entries(style.CONDITION_COLORS).map(([key, colour]): [string, string] => [`condition ${key}`, colour]),
  ...Object.entries(style.ZONE_COLORS).map(([key, colour]): [string, string] => [`zone ${key}`, colour]),
  ...Object.entries(style.STANDING_COLORS).map(([key, colour]): [string, string] => [`standing ${key}`, colour]),
  ...Object.entries(style.HIGHLIGHT_COLORS).map(([key, colour]): [string, string] => [`highlight ${key}`, colour]),
  ['border route', style.BORDER_ROUTE_CASING],
  ['corridor', style.CORRIDOR_COLOR],
  ['plain layer', style.FALLBACK_COLOR],
  ['note', style.ANNOTATION_COLOR],
  ['styled: other', OTHER_COLOR],
];

describe('the colours of the map', () => {
  it('no two meanings share a colour or one that is hard to tell apart (CIEDE2000 ≥ 10)', () => {
    const clashes: string[] = [];
    for (let i = 0; i < meanings.length; i++)
      for (let j = i + 1; j < meanings.length; j++) {
        const [a, colourA] = meanings[i]!;
        const [b, colourB] = meanings[j]!;
        const distance = difference(colourA, colourB);
        if (distance < 10) clashes.push(`${a} ${colourA} ~ ${b} ${colourB}: ${distance.toFixed(1)}`);
      }
    expect(clashes).toEqual([]);
  });

  it('no palette a user styles with holds the selection colour', () => {
    for (const colours of Object.values(PALETTES))
      for (const colour of colours) expect(difference(colour, style.SELECTION_COLOR)).toBeGreaterThan(10);
  });
});

describe('casings and the second channel on the map (#38)', () => {
  const layer = (
    kind: 'road' | 'condition_range' | 'asset' | 'bridge',
    styleBy: 'status' | 'condition' = 'condition',
  ) => styleLayersFor({ id: 'l', name: 'l', kind, order: 1, visible: true, styleBy, demo: false, createdAt: '' });
  const paint = (spec: LayerSpecification) => (spec as { paint?: Record<string, unknown> }).paint ?? {};
  const index = (specs: LayerSpecification[], suffix: string) =>
    specs.findIndex((spec) => spec.id === `data:l:${suffix}`);

  it('roads and condition ranges are drawn on the dark casing, under their colour', () => {
    for (const specs of [layer('road'), layer('road', 'status'), layer('condition_range')]) {
      const casing = index(specs, 'casing');
      expect(casing).toBeGreaterThanOrEqual(0);
      expect(paint(specs[casing]!)['line-color']).toBe(style.CASING_COLOR);
      expect(casing).toBeLessThan(Math.max(index(specs, 'line'), index(specs, 'band')));
    }
  });

  it('the rusak classes are drawn broken, each with its own dash, when a road is styled by condition', () => {
    for (const specs of [layer('road'), layer('condition_range')])
      for (const [condition, dash] of Object.entries(style.CONDITION_DASHES)) {
        const broken = specs.find((spec) => spec.id === `data:l:broken-${condition}`);
        expect(paint(broken!)['line-dasharray']).toEqual(dash);
        expect((broken as { filter: unknown }).filter).toEqual(['==', ['get', 'condition'], condition]);
      }
    expect(layer('road', 'status').some((spec) => spec.id.includes('broken-'))).toBe(false);
  });

  it('asset markers and bridge symbols have the casing as their ring; asset markers grow with the zone', () => {
    const point = layer('asset').find((spec) => spec.id === 'data:l:point')!;
    expect(JSON.stringify(paint(point)['icon-halo-color'])).toContain(style.CASING_COLOR);
    const layout = (point as { layout: Record<string, unknown> }).layout;
    expect(JSON.stringify(layout['icon-size'])).toContain(JSON.stringify(style.ZONE_MARKER_FACTOR));
    const bridge = layer('bridge').find((spec) => spec.id === 'data:l:symbol')!;
    expect(JSON.stringify(paint(bridge)['circle-stroke-color'])).toContain(style.CASING_COLOR);
  });

  it('asset points and lines carry their zone’s shape, a signed-distance icon the zone colour fills', () => {
    const specs = layer('asset');
    for (const suffix of ['point', 'line-marker']) {
      const spec = specs.find((candidate) => candidate.id === `data:l:${suffix}`) as {
        type: string;
        layout: Record<string, unknown>;
      };
      expect(spec.type).toBe('symbol');
      const image = spec.layout['icon-image'] as unknown[];
      expect(image.slice(0, 2)).toEqual(['match', ['coalesce', ['get', 'zone'], 'unanalysed']]);
      for (const [zone, shape] of Object.entries(style.ZONE_MARKER_SHAPES)) {
        const at = image.indexOf(zone);
        expect(at, zone).toBeGreaterThan(1);
        expect(image[at + 1]).toBe(`rumija-marker-${shape}`);
      }
      expect(image.at(-1)).toBe(`rumija-marker-${style.ZONE_MARKER_SHAPES.unanalysed}`);
      expect(paint(spec as LayerSpecification)['icon-color']).toEqual(style.ASSET_COLOR);
    }
    // Five zones, five shapes, none a circle (the bridges' symbol).
    expect(new Set(Object.values(style.ZONE_MARKER_SHAPES)).size).toBe(Object.keys(style.ZONE_COLORS).length);
    expect(Object.values(style.ZONE_MARKER_SHAPES)).not.toContain('circle');
  });
});
