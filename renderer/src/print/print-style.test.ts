import { describe, expect, it, vi } from 'vitest';
import type { StyleSpecification } from 'maplibre-gl';
import { expression, latest } from '@maplibre/maplibre-gl-style-spec';

vi.mock('maplibre-gl', () => ({}));
const { printStyle } = await import('./print-style');

const layer = (id: string, kind: 'condition_range' | 'road', visible = true) => ({
  id,
  name: id,
  kind,
  order: 1,
  visible,
  styleBy: 'status' as const,
  demo: false,
  createdAt: '2026-01-01T00:00:00.000Z',
});
const empty = { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } };
const style: StyleSpecification = {
  version: 8,
  sources: { 'data:kondisi': empty, 'data:jalan': empty },
  layers: [{ id: 'data:kondisi:band', type: 'line', source: 'data:kondisi' }],
};
const t = ((key: string) =>
  ({ 'model.condition.rusak_berat': 'Rusak berat', 'model.condition.baik': 'Baik' })[key] ?? key) as never;

describe('the style a sheet is printed with', () => {
  it('writes each condition range’s condition along it, in the UI language', () => {
    const printed = printStyle(style, [layer('kondisi', 'condition_range'), layer('jalan', 'road')], t);
    const added = printed.layers.filter((spec) => spec.id.endsWith(':print-label'));
    expect(added.map((spec) => spec.id)).toEqual(['data:kondisi:print-label']);
    const field = (added[0] as { layout: { 'text-field': unknown } }).layout['text-field'];
    const parsed = expression.createPropertyExpression(
      field,
      'text-field',
      latest.layout_symbol['text-field'] as never,
    );
    if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
    const text = (condition: string) =>
      String(parsed.value.evaluate({ zoom: 12 }, { type: 2, properties: { condition } } as never));
    expect(text('rusak_berat')).toBe('Rusak berat');
    expect(text('baik')).toBe('Baik');
  });

  it('adds nothing for hidden condition layers, and leaves the screen’s style as it was', () => {
    const printed = printStyle(style, [layer('kondisi', 'condition_range', false)], t);
    expect(printed.layers).toHaveLength(1);
    expect(style.layers).toHaveLength(1);
  });
});
