import type { ExpressionSpecification } from 'maplibre-gl';

/** Colours shared by the map style and the legend, so the two cannot disagree. */
export const STATUS_COLORS: Record<string, string> = {
  nasional: '#c62828',
  provinsi: '#1565c0',
  kabupaten: '#2e7d32',
  kota: '#6a1b9a',
  desa: '#8d6e63',
  rdtl: '#9e9e9e',
};

export const CONDITION_COLORS: Record<string, string> = {
  baik: '#2e7d32',
  sedang: '#9ccc65',
  rusak_ringan: '#f9a825',
  rusak_berat: '#c62828',
  unknown: '#9e9e9e',
  proposed: '#ffffff',
};

export const BORDER_ROUTE_CASING = '#4a148c';
export const CORRIDOR_COLOR = '#ff8f00';
export const SELECTION_COLOR = '#00e5ff';
export const FALLBACK_COLOR = '#607d8b';
export const ANNOTATION_COLOR = '#ad1457';

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

/** Colours of the right-of-way zones, for analysed assets and the zone bands on the map. */
export const ZONE_COLORS: Record<string, string> = {
  rumaja: '#d32f2f',
  rumija: '#f57c00',
  ruwasja: '#fbc02d',
  luar: '#43a047',
  unanalysed: '#78909c',
};

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
