import i18next, { type TFunction } from 'i18next';
import type { ThematicRule } from '#shared/model/layer-style';
import { formatClassRanges, type RangeUnit } from '#shared/format/format-class-ranges';
import { FIELDS_BY_KIND } from '#shared/model/feature-fields';
import type { Layer, StoredFeature } from '#shared/model/layer';
import { CONDITIONS, ROAD_STATUSES } from '#shared/model/road-network';
import {
  ANNOTATION_COLOR,
  BORDER_ROUTE_CASING,
  CONDITION_COLORS,
  CONDITION_DASHES,
  CORRIDOR_COLOR,
  BLANK_MARKER_COLOR,
  STANDING_COLORS,
  STATUS_COLORS,
  ZONE_COLORS,
  ZONE_MARKER_SHAPES,
} from './thematic-style';
import type { MarkerShape } from '#shared/style/marker-shapes';
import { readField } from '#shared/model/field-value';
import { STANDINGS } from '#shared/retribution/asset-standings';

export interface LegendEntry {
  key: string;
  color: string;
  /** A zone's marker has its zone's shape (marker-shapes.ts), as on the map. */
  shape: 'line' | 'circle' | 'band' | MarkerShape;
  label: string;
  /** A broken class (the rusak conditions): dash and gap in multiples of the line's thickness, as on the map. */
  dash?: readonly [number, number];
}

/** The dash of a condition, for legend entries that have one. */
const dashOf = (condition: string) => {
  const dash = CONDITION_DASHES[condition];
  return dash ? { dash } : {};
};

export interface LayerLegend {
  entries: LegendEntry[];
  note: string | null;
}

/**
 * The legend of one layer from the same colour tables as the map style. Given the layer's features,
 * only the classes that occur are listed (for slides, where space is short).
 */
export function legendOf(
  layer: Layer,
  t: TFunction,
  features?: readonly StoredFeature[],
  options: { standing?: boolean } = {},
): LayerLegend | null {
  const occurs = (test: (feature: StoredFeature) => boolean) => !features || features.some(test);
  if (layer.style?.rule) return ruleLegend(layer.style.rule, layer.kind, t);
  if (layer.kind === 'asset' && options.standing)
    return {
      // Colour says the standing and shape the zone, as the map draws them: standings as plain colour patches (a
      // circle would be a bridge, a zone shape would claim one zone), then each zone's shape, blank.
      entries: [
        ...STANDINGS.map((standing): LegendEntry => ({
          key: `standing-${standing}`,
          color: STANDING_COLORS[standing]!,
          shape: 'band',
          label: t(`retribution.standing.${standing}`),
        })),
        ...Object.entries(ZONE_MARKER_SHAPES).map(([zone, shape]): LegendEntry => ({
          key: `standing-zone-${zone}`,
          color: BLANK_MARKER_COLOR,
          shape,
          label: t(`analysis.zone.${zone}`),
        })),
      ],
      note: t('retribution.map.legendNote'),
    };
  switch (layer.kind) {
    case 'road': {
      const keys = layer.styleBy === 'status' ? ROAD_STATUSES : [...CONDITIONS, 'unknown'];
      const colors = layer.styleBy === 'status' ? STATUS_COLORS : CONDITION_COLORS;
      const entries: LegendEntry[] = keys
        .filter((key) => occurs((feature) => (readField(feature.properties, layer.styleBy) ?? 'unknown') === key))
        .map((key) => ({
          key,
          color: colors[key]!,
          shape: 'line',
          label: t(`model.${layer.styleBy}.${key}`),
          ...(layer.styleBy === 'condition' ? dashOf(key) : {}),
        }));
      if (occurs((feature) => feature.properties.borderRoute === true)) {
        entries.push({ key: 'border', color: BORDER_ROUTE_CASING, shape: 'band', label: t('layers.borderRoute') });
      }
      return { entries, note: null };
    }
    case 'bridge':
      return {
        entries: [...CONDITIONS, 'proposed']
          .filter((key) =>
            occurs(
              (feature) =>
                (feature.properties.existence === 'proposed' ? 'proposed' : feature.properties.condition) === key,
            ),
          )
          .map((key) => ({ key, color: CONDITION_COLORS[key]!, shape: 'circle', label: t(`model.condition.${key}`) })),
        note: t('layers.bridgeSize'),
      };
    case 'asset':
      return {
        entries: Object.entries(ZONE_COLORS).map(([zone, color]) => ({
          key: zone,
          color,
          shape: ZONE_MARKER_SHAPES[zone]!,
          label: t(`analysis.zone.${zone}`),
        })),
        note: t('analysis.legendEncroaching'),
      };
    case 'condition_range':
      return {
        entries: CONDITIONS.map((key) => ({
          key,
          color: CONDITION_COLORS[key]!,
          shape: 'band',
          label: t(`model.condition.${key}`),
          ...dashOf(key),
        })),
        note: null,
      };
    case 'annotation':
      return {
        entries: [{ key: 'note', color: ANNOTATION_COLOR, shape: 'circle', label: t('model.kind.annotation') }],
        note: null,
      };
    case 'corridor':
      return {
        entries: [{ key: 'corridor', color: CORRIDOR_COLOR, shape: 'band', label: t('layers.corridor') }],
        note: null,
      };
    default:
      return null;
  }
}

const SHAPE_OF_KIND: Record<Layer['kind'], LegendEntry['shape']> = {
  road: 'line',
  bridge: 'circle',
  corridor: 'band',
  asset: 'circle',
  annotation: 'circle',
  condition_range: 'band',
  plain: 'circle',
};

/** The unit the feature model gives a number field; a file's own columns have none. */
function unitOf(kind: Layer['kind'], field: string): RangeUnit {
  const fields = Object.hasOwn(FIELDS_BY_KIND, kind) ? FIELDS_BY_KIND[kind as keyof typeof FIELDS_BY_KIND] : [];
  const definition = fields.find((candidate) => candidate.key === field);
  return definition?.type === 'number' ? definition.unit : null;
}

/** Legend of a user's style: a line per category or class, then "other" (no value, or a value not listed). */
function ruleLegend(rule: ThematicRule, kind: Layer['kind'], t: TFunction): LayerLegend {
  const locale = i18next.language === 'en' ? 'en' : 'id';
  const shape = SHAPE_OF_KIND[kind];
  const ranges = rule.type === 'categories' ? [] : formatClassRanges(rule.breaks, unitOf(kind, rule.field), locale);
  const entries: LegendEntry[] =
    rule.type === 'categories'
      ? rule.categories.map((category, index) => ({
          key: `c${index}`,
          color: category.color,
          shape,
          label: t(`model.${rule.field}.${category.value}`, { defaultValue: category.value }),
        }))
      : rule.colors.map((color, index) => ({
          key: `c${index}`,
          color,
          shape,
          label: ranges[index]!,
        }));
  entries.push({ key: 'other', color: rule.otherColor, shape, label: t('style.other') });
  return { entries, note: t('style.legendField', { field: t(`fields.${rule.field}`, { defaultValue: rule.field }) }) };
}
