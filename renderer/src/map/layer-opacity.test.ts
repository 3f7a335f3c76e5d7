import { describe, expect, it, vi } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';

vi.mock('maplibre-gl', () => ({}));
const { styleLayersFor, withOpacity } = await import('./data-layers');

const layer = (kind: 'road' | 'asset' | 'bridge') => ({
  id: `l-${kind}`,
  name: kind,
  kind,
  order: 1,
  visible: true,
  styleBy: 'status' as const,
  demo: false,
  createdAt: '2026-01-01T00:00:00.000Z',
});
const paint = (spec: LayerSpecification) => (spec as { paint?: Record<string, unknown> }).paint ?? {};

describe('drawing a layer at the opacity the user chose', () => {
  it('multiplies each style layer’s own opacity, keeping zoom curves outermost', () => {
    for (const kind of ['road', 'asset', 'bridge'] as const) {
      const specs = styleLayersFor(layer(kind));
      const half = withOpacity(specs, 0.5);
      half.forEach((spec, index) => {
        const before = paint(specs[index]!);
        const after = paint(spec);
        if (spec.type === 'line') {
          const own = before['line-opacity'];
          if (typeof own === 'number') expect(after['line-opacity']).toBeCloseTo(own * 0.5);
          else if (Array.isArray(own) && own[0] === 'interpolate')
            expect((after['line-opacity'] as unknown[])[0]).toBe('interpolate');
          else expect(after['line-opacity']).toEqual(own === undefined ? 0.5 : ['*', own, 0.5]);
        }
        if (spec.type === 'circle') expect(after['circle-opacity']).toBe(0.5);
      });
    }
    const specs = styleLayersFor(layer('road'));
    expect(withOpacity(specs, 1)).toBe(specs);
  });
});
