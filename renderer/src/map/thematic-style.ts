import type { ExpressionSpecification } from 'maplibre-gl';

export * from '#shared/style/map-colours';
import { CONDITION_COLORS, FALLBACK_COLOR, STATUS_COLORS, ZONE_COLORS } from '#shared/style/map-colours';

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

export const ROAD_WIDTH: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['zoom'],
  6,
  ['match', ['get', 'status'], 'nasional', 2.2, 'provinsi', 2, 1.4],
  12,
  ['match', ['get', 'status'], 'nasional', 6, 'provinsi', 5, 3],
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
