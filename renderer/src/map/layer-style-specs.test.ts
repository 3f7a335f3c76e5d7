import { describe, expect, it, vi } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';
import { expression, latest } from '@maplibre/maplibre-gl-style-spec';
import { categoryRule, classRule } from '#shared/style/classify';
import type { LayerStyle } from '#shared/model/layer-style';

vi.mock('maplibre-gl', () => ({}));
const { styleLayersFor, styleProperties } = await import('./data-layers');
const { ruleColorExpression, styledValues, withLayerStyle } = await import('./layer-style-specs');

/** The colour MapLibre's own expression engine gives a feature, as #rrggbb. */
function colourOf(value: ReturnType<typeof ruleColorExpression>, properties: Record<string, unknown>) {
  const parsed = expression.createPropertyExpression(value, 'line-color', latest.paint_line['line-color'] as never);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const colour = parsed.value.evaluate({ zoom: 12 }, { type: 2, properties } as never) as {
    r: number;
    g: number;
    b: number;
  };
  return `#${[colour.r, colour.g, colour.b]
    .map((c) =>
      Math.round(c * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

const feature = (properties: Record<string, unknown>) => ({
  id: 'f',
  layerId: 'l',
  geometry: { type: 'Point' as const, coordinates: [123.6, -10.2] },
  properties,
});

describe('a layer drawn by the user’s style', () => {
  it('colours each category as its rule says, anything else grey', () => {
    const rule = categoryRule('jenis', ['tiang', 'kabel', 'tiang', 'pipa'], 'Set1');
    const style: LayerStyle = { rule };
    const colour = (value: unknown) =>
      colourOf(ruleColorExpression(rule), styleProperties(feature({ jenis: value }), undefined, style));
    expect(rule.categories.map((category) => category.value)).toEqual(['kabel', 'pipa', 'tiang']);
    expect(colour('kabel')).toBe('#e41a1c');
    expect(colour('tiang')).toBe('#4daf4a');
    expect(colour('baliho')).toBe(rule.otherColor);
    expect(colour(undefined)).toBe(rule.otherColor);
  });

  it('colours numbers by class, from plain-number text too; no number is grey', () => {
    const rule = classRule('lebar', [0, 10, 20, 30, 40], 'equal', 2, 'YlOrRd')!;
    expect(rule.breaks).toEqual([0, 20, 40]);
    const colour = (value: unknown) => colourOf(ruleColorExpression(rule), styledValues({ lebar: value }, { rule }));
    expect(colour(5)).toBe('#fed976');
    expect(colour('19.9')).toBe('#fed976');
    expect(colour(20)).toBe('#800026');
    expect(colour(400)).toBe('#800026');
    expect(colour('dua puluh')).toBe(rule.otherColor);
    expect(colour(null)).toBe(rule.otherColor);
  });

  it('lays colours, widths and sizes over the body layers only, and labels a chosen field or none', () => {
    const layer = {
      id: 'l',
      name: 'tiang',
      kind: 'asset' as const,
      order: 1,
      visible: true,
      styleBy: 'status' as const,
      demo: false,
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    const rule = categoryRule('jenis', ['tiang'], 'Dark2');
    const specs = withLayerStyle(styleLayersFor(layer), { rule, lineWidth: 6, pointSize: 9, label: 'nama' });
    const paint = (id: string) =>
      (specs.find((spec) => spec.id === id) as { paint: Record<string, unknown> } | undefined)?.paint;
    expect(paint('data:l:line')!['line-width']).toBe(6);
    // An asset's marker is a shape (its zone's): the size is the icon's, the user's colours fill it.
    const point = specs.find((spec) => spec.id === 'data:l:point') as { layout: Record<string, unknown> };
    expect(point.layout['icon-size']).toBe(9 / 8);
    expect(paint('data:l:point')!['icon-color']).toEqual(ruleColorExpression(rule));
    expect(paint('data:l:fill')!['fill-color']).toEqual(ruleColorExpression(rule));
    expect(specs.map((spec) => spec.id)).toEqual(expect.arrayContaining(['data:l:label', 'data:l:label-line']));
    expect(styledValues({ nama: 'Tiang 7', jenis: 'tiang' }, { rule, label: 'nama' })).toEqual({
      _v: 'tiang',
      _t: 'Tiang 7',
    });

    const bridge = styleLayersFor({ ...layer, kind: 'bridge' });
    const noLabels = withLayerStyle(bridge, { label: false });
    expect(bridge.some((spec) => spec.id.endsWith(':label'))).toBe(true);
    expect(noLabels.some((spec: LayerSpecification) => spec.id.endsWith(':label'))).toBe(false);
    expect(withLayerStyle(bridge, undefined)).toBe(bridge);
  });
});
