/**
 * Colours shared by the map style, the legend, printed sheets and KML exports, so none can disagree. Every colour that can be on the map
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

/** The offline basemap's ground: what every class is drawn over. */
export const BASEMAP_COLORS = {
  sea: '#b9d7ea',
  landIndonesia: '#f4f1e8',
  landTimorLeste: '#e9e1d3',
  coast: '#7fa8c4',
  border: '#7b2d8e',
} as const;

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

/** Colours of the right-of-way zones, for analysed assets and the zone bands on the map. */
export const ZONE_COLORS: Record<string, string> = {
  rumaja: '#880e4f',
  rumija: '#e91e63',
  ruwasja: '#f8bbd0',
  luar: '#c5cae9',
  unanalysed: '#78909c',
};
