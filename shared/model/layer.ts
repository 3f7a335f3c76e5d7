import { z } from 'zod';
import type { Geometry } from 'geojson';
import { LayerStyleSchema } from './layer-style';

const LAYER_KINDS = ['road', 'bridge', 'corridor', 'asset', 'annotation', 'condition_range', 'plain'] as const;
export const LayerKindSchema = z.enum(LAYER_KINDS);
export type LayerKind = z.infer<typeof LayerKindSchema>;

export const LayerSchema = z.strictObject({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  kind: LayerKindSchema,
  /** Drawing order: higher is drawn on top. */
  order: z.number().int(),
  visible: z.boolean(),
  /** Thematic style for road layers. */
  styleBy: z.enum(['status', 'condition']),
  /** True for layers that hold the shipped demo data. */
  demo: z.boolean(),
  /** How opaque the layer is drawn, 0.1–1; absent is fully opaque. */
  opacity: z.number().min(0.1).max(1).optional(),
  /** The user's own styling: colours by any field, widths, labels. */
  style: LayerStyleSchema.optional(),
  createdAt: z.iso.datetime(),
});
export type Layer = z.infer<typeof LayerSchema>;

/** A feature as the store keeps it: GeoJSON geometry (WGS 84 lon/lat) and validated properties. */
export interface StoredFeature {
  id: string;
  layerId: string;
  geometry: Geometry;
  properties: Record<string, unknown> & { kind?: string };
}
