import type { ExpressionSpecification } from 'maplibre-gl';

/** Colours shared by the map style and the legend, so the two cannot disagree. */
/**
 * Colours shared by the map style and the legend, so the two cannot disagree. Every colour that can be on the map
 * at once means one thing only: statuses, conditions, zones and highlights are told apart (CIEDE2000 ≥ 10, see
 * map-colours.test.ts). Conditions keep the red–amber–green of Bina Marga's kemantapan maps; statuses are blues,
 * teal, purple and brown; right-of-way zones are magentas.
 */
export const STATUS_COLORS: Record<string, string> = {
  nasional: '#283593',
  provinsi: '#1e88e5',
  kabupaten: '#00897b',
  kota: '#8e24aa',
  desa: '#8d6e63',
  rdtl: '#616161',
};

export const CONDITION_COLORS: Record<string, string> = {
  baik: '#2e7d32',
  sedang: '#9ccc65',
  rusak_ringan: '#f9a825',
  rusak_berat: '#c62828',
  unknown: '#9e9e9e',
  proposed: '#ffffff',
};

export const BORDER_ROUTE_CASING = '#212121';
export const CORRIDOR_COLOR = '#ff6d00';
export const FALLBACK_COLOR = '#37474f';
export const ANNOTATION_COLOR = '#4e342e';

/** What the app marks on the map beside the data; each is listed in the map's highlight legend. */
export const HIGHLIGHT_COLORS = {
  selection: '#00e5ff',
  staMark: '#c6ff00',
  searchMark: '#0b5cad',
  draw: '#6200ea',
  measure: '#304ffe',
  route: '#d500f9',
  crossing: '#1de9b6',
} as const;
export const SELECTION_COLOR = HIGHLIGHT_COLORS.selection;

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
  rumaja: '#880e4f',
  rumija: '#e91e63',
  ruwasja: '#f8bbd0',
  luar: '#c5cae9',
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
