import type { ExpressionSpecification } from 'maplibre-gl';

export * from '#shared/style/map-colours';
import {
  CASING_EXTRA_PX,
  CONDITION_COLORS,
  CONDITION_DASHES,
  FALLBACK_COLOR,
  STANDING_COLORS,
  STATUS_COLORS,
  ZONE_COLORS,
  ZONE_MARKER_SCALE,
} from '#shared/style/map-colours';

export type StyleBy = 'status' | 'condition';

export function colorExpression(styleBy: StyleBy): ExpressionSpecification {
  const table = styleBy === 'status' ? STATUS_COLORS : CONDITION_COLORS;
  const entries = Object.entries(table)
    .filter(([key]) => key !== 'unknown' && key !== 'proposed')
    .flat();
  const unknown = styleBy === 'condition' ? CONDITION_COLORS.unknown : FALLBACK_COLOR;
  return [
    'match',
    ['coalesce', ['get', styleBy], 'unknown'],
    ...entries,
    unknown,
  ] as unknown as ExpressionSpecification;
}

const roadWidth = (extra: number): ExpressionSpecification => [
  'interpolate',
  ['linear'],
  ['zoom'],
  6,
  ['match', ['get', 'status'], 'nasional', 2.2 + extra, 'provinsi', 2 + extra, 1.4 + extra],
  12,
  ['match', ['get', 'status'], 'nasional', 6 + extra, 'provinsi', 5 + extra, 3 + extra],
];
export const ROAD_WIDTH = roadWidth(0);
/** The dark casing under every road: it gives pale classes their contrast against land and sea. */
export const ROAD_CASING_WIDTH = roadWidth(CASING_EXTRA_PX);

/** The conditions drawn broken (the second channel of damage), with their dash patterns. */
export const DASHED_CONDITIONS = Object.entries(CONDITION_DASHES).map(([condition, dash]) => ({
  condition,
  dash: [...dash],
}));
/** Features whose condition is drawn as a solid line. */
export const SOLID_CONDITION_FILTER: ExpressionSpecification = [
  '!',
  ['in', ['coalesce', ['get', 'condition'], 'unknown'], ['literal', Object.keys(CONDITION_DASHES)]],
];

/** Bridge symbol radius grows with the bridge's length: 25 m → small, 100 m → large. */
export const BRIDGE_RADIUS: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['zoom'],
  6,
  ['interpolate', ['linear'], ['get', 'lengthM'], 0, 3, 100, 5.5, 500, 9],
  12,
  ['interpolate', ['linear'], ['get', 'lengthM'], 0, 7, 100, 14, 500, 20],
];

export const BRIDGE_COLOR: ExpressionSpecification = [
  'case',
  ['==', ['get', 'existence'], 'proposed'],
  CONDITION_COLORS.proposed!,
  colorExpression('condition'),
];

/** An asset marker's size factor by zone: larger the deeper it stands in the road's space. */
export const ZONE_MARKER_FACTOR: ExpressionSpecification = [
  'match',
  ['coalesce', ['get', 'zone'], 'unanalysed'],
  ...Object.entries(ZONE_MARKER_SCALE).flat(),
  ZONE_MARKER_SCALE.unanalysed!,
] as unknown as ExpressionSpecification;

export const ZONE_COLOR: ExpressionSpecification = [
  'match',
  ['coalesce', ['get', 'zone'], 'unanalysed'],
  'rumaja',
  ZONE_COLORS.rumaja!,
  'rumija',
  ZONE_COLORS.rumija!,
  'ruwasja',
  ZONE_COLORS.ruwasja!,
  'luar',
  ZONE_COLORS.luar!,
  ZONE_COLORS.unanalysed!,
];

/** An asset's colour on the compliance map (its obligor's standing, when given), else its zone's. */
export const STANDING_COLOR: ExpressionSpecification = [
  'match',
  ['get', 'standing'],
  ...Object.entries(STANDING_COLORS).flat(),
  STANDING_COLORS.no_obligor!,
] as unknown as ExpressionSpecification;

export const ASSET_COLOR: ExpressionSpecification = ['case', ['has', 'standing'], STANDING_COLOR, ZONE_COLOR];
