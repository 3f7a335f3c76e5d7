import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { LayerStyle, ThematicRule } from '#shared/model/layer-style';
import type { TileProperties } from '#shared/tiles/layer-tiles';
import { categoryValue, numericValue } from '#shared/style/classify';
import { LABEL_COLORS } from '#shared/style/map-colours';
import { FONT_BOLD } from './basemap-style';
import { MARKER_RADIUS_PX } from './marker-images';
import { readField } from '#shared/model/field-value';

/** Source properties carrying the styled field's value and the label text (also kept in tiles). */
const RULE_VALUE_KEY = '_v';
const LABEL_TEXT_KEY = '_t';

/** The values a user's style reads from a feature, under the keys the style layers ask for. */
export function styledValues(properties: Record<string, unknown>, style: LayerStyle | undefined): TileProperties {
  const values: TileProperties = {};
  const rule = style?.rule;
  if (rule) {
    const raw = readField(properties, rule.field);
    const value = rule.type === 'categories' ? categoryValue(raw) : numericValue(raw);
    if (value !== null) values[RULE_VALUE_KEY] = value;
  }
  if (typeof style?.label === 'string') {
    const text = categoryValue(readField(properties, style.label));
    if (text !== null) values[LABEL_TEXT_KEY] = text;
  }
  return values;
}

/** What of a style decides the source data (not only paint): when it changes the layer's data is sent again. */
export const styledDataKey = (style: LayerStyle | undefined) =>
  `${style?.rule ? `${style.rule.type}:${style.rule.field}` : ''}|${typeof style?.label === 'string' ? style.label : ''}`;

export function ruleColorExpression(rule: ThematicRule): ExpressionSpecification | string {
  const value = ['get', RULE_VALUE_KEY];
  if (rule.type === 'categories') {
    if (rule.categories.length === 0) return rule.otherColor;
    return [
      'match',
      ['coalesce', value, ''],
      ...rule.categories.flatMap((category) => [category.value, category.color]),
      rule.otherColor,
    ] as unknown as ExpressionSpecification;
  }
  const steps = rule.colors.slice(1).flatMap((color, index) => [rule.breaks[index + 1]!, color]);
  return [
    'case',
    ['==', ['typeof', value], 'number'],
    ['step', ['to-number', value], rule.colors[0]!, ...steps],
    rule.otherColor,
  ] as unknown as ExpressionSpecification;
}

const suffixOf = (id: string) => id.slice(id.lastIndexOf(':') + 1);
/** The style layers that draw a feature's body (not casings, hover glows, dashes or labels); `broken-…` draw damage. */
const BODY_SUFFIXES = new Set(['line', 'band', 'fill', 'point', 'symbol', 'line-marker']);
const isBody = (suffix: string) => BODY_SUFFIXES.has(suffix) || suffix.startsWith('broken-');
const COLOR_PROPERTY: Record<string, string> = {
  line: 'line-color',
  fill: 'fill-color',
  circle: 'circle-color',
  // The zones' shaped markers (signed-distance icons): a user's colours fill them, the shape still says the zone.
  symbol: 'icon-color',
};

function labelLayers(source: string, base: string): LayerSpecification[] {
  const text = {
    'text-field': ['get', LABEL_TEXT_KEY] as ExpressionSpecification,
    'text-font': FONT_BOLD,
    'text-size': 12,
    'text-optional': true,
  };
  const paint = {
    'text-color': LABEL_COLORS.data.text,
    'text-halo-color': LABEL_COLORS.data.halo,
    'text-halo-width': 1.6,
  };
  return [
    {
      id: `${base}:label`,
      type: 'symbol',
      source,
      filter: ['!=', ['geometry-type'], 'LineString'],
      layout: { ...text, 'text-offset': [0, 1.1], 'text-anchor': 'top', 'text-max-width': 12 },
      paint,
    },
    {
      id: `${base}:label-line`,
      type: 'symbol',
      source,
      filter: ['==', ['geometry-type'], 'LineString'],
      layout: { ...text, 'symbol-placement': 'line', 'symbol-spacing': 300 },
      paint,
    },
  ] as LayerSpecification[];
}

/**
 * A layer kind's style layers with the user's style laid over them: colours by the rule, line width, point size,
 * labels of a chosen field (or none).
 */
export function withLayerStyle(specs: LayerSpecification[], style: LayerStyle | undefined): LayerSpecification[] {
  if (!style) return specs;
  const color = style.rule ? ruleColorExpression(style.rule) : null;
  const styled = specs.flatMap((spec): LayerSpecification[] => {
    const suffix = suffixOf(spec.id);
    if (suffix === 'label' && style.label !== undefined) return [];
    if (!isBody(suffix)) return [spec];
    const paint: Record<string, unknown> = { ...((spec as { paint?: Record<string, unknown> }).paint ?? {}) };
    const colorProperty = COLOR_PROPERTY[spec.type];
    if (color && colorProperty) paint[colorProperty] = color;
    if (spec.type === 'line' && style.lineWidth !== undefined) paint['line-width'] = style.lineWidth;
    if (spec.type === 'circle' && style.pointSize !== undefined) paint['circle-radius'] = style.pointSize;
    if (spec.type === 'symbol' && style.pointSize !== undefined && suffix === 'point') {
      const layout = { ...((spec as { layout?: Record<string, unknown> }).layout ?? {}) };
      layout['icon-size'] = style.pointSize / MARKER_RADIUS_PX;
      return [{ ...spec, layout, paint } as LayerSpecification];
    }
    return [{ ...spec, paint } as LayerSpecification];
  });
  if (typeof style.label === 'string' && specs[0] && 'source' in specs[0]) {
    const first = specs[0];
    styled.push(...labelLayers(first.source as string, first.id.slice(0, first.id.lastIndexOf(':'))));
  }
  return styled;
}
