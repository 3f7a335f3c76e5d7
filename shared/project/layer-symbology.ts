import type { Layer } from '../model/layer';
import {
  ANNOTATION_COLOR,
  CONDITION_COLORS,
  CORRIDOR_COLOR,
  FALLBACK_COLOR,
  STATUS_COLORS,
} from '../style/map-colours';

export type SymbolShape = 'point' | 'line' | 'polygon';

/**
 * A layer's look as another GIS can draw it: one colour, one colour per value, or one per class of a number, with
 * a width, a point size and a label field. The map's zoom-dependent widths become the width at a regional zoom.
 */
export interface LayerSymbology {
  shape: SymbolShape;
  type: 'single' | 'categories' | 'classes';
  field: string | null;
  color: string;
  categories: { value: string; color: string }[];
  classes: { lower: number; upper: number; color: string }[];
  /** Colour of values no category or class holds. */
  otherColor: string;
  /** Line width or point radius, in pixels. */
  width: number;
  radius: number;
  opacity: number;
  label: string | null;
}

/** The shape of a GeoPackage geometry type; a mixed table draws as its kind would. */
export function shapeOf(geometryType: string, kind: Layer['kind']): SymbolShape {
  if (/POINT/i.test(geometryType)) return 'point';
  if (/LINE/i.test(geometryType)) return 'line';
  if (/POLYGON/i.test(geometryType)) return 'polygon';
  return kind === 'asset' || kind === 'bridge' ? 'point' : kind === 'corridor' ? 'polygon' : 'line';
}

const KIND_COLOR: Partial<Record<Layer['kind'], string>> = { corridor: CORRIDOR_COLOR, annotation: ANNOTATION_COLOR };

/** The layer's user style when it has one, else its kind's own (roads by status or condition, as on the map). */
export function symbologyOf(layer: Layer, geometryType: string): LayerSymbology {
  const style = layer.style ?? {};
  const base: LayerSymbology = {
    shape: shapeOf(geometryType, layer.kind),
    type: 'single',
    field: null,
    color: KIND_COLOR[layer.kind] ?? FALLBACK_COLOR,
    categories: [],
    classes: [],
    otherColor: FALLBACK_COLOR,
    width: style.lineWidth ?? (layer.kind === 'road' ? 3 : 2),
    radius: style.pointSize ?? 4,
    opacity: layer.opacity ?? 1,
    label: typeof style.label === 'string' ? style.label : null,
  };
  const rule = style.rule;
  if (rule?.type === 'categories')
    return { ...base, type: 'categories', field: rule.field, categories: rule.categories, otherColor: rule.otherColor };
  if (rule?.type === 'classes')
    return {
      ...base,
      type: 'classes',
      field: rule.field,
      classes: rule.colors.map((color, i) => ({ lower: rule.breaks[i]!, upper: rule.breaks[i + 1]!, color })),
      otherColor: rule.otherColor,
    };
  if (layer.kind === 'road' || layer.kind === 'condition_range') {
    const field = layer.kind === 'road' ? layer.styleBy : 'condition';
    const colors = field === 'status' ? STATUS_COLORS : CONDITION_COLORS;
    return {
      ...base,
      type: 'categories',
      field,
      categories: Object.entries(colors).map(([value, color]) => ({ value, color })),
      otherColor: CONDITION_COLORS.unknown!,
    };
  }
  return base;
}
