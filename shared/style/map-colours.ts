import type { MarkerShape } from './marker-shapes';

/**
 * Colours shared by the map style, the legend, printed sheets, slides and KML exports, so none can disagree. Every
 * colour that can be on the map at once means one thing only (CIEDE2000 ≥ 10 in normal vision, map-colours.test.ts).
 * Within each palette (statuses, conditions, zones, standings) any two classes stay ≥ 15 apart in CIEDE2000 in normal
 * vision and under simulated deuteranopia, protanopia and tritanopia (Machado et al. 2009; colour-vision.test.ts):
 * about one man in twelve in a hearing room has a red–green deficiency, and a projector washes colours out. Across
 * palettes that share a map, a pair closer than that is drawn with different symbols (road line, broken line, band,
 * bridge circle, zone shape); colour-vision.test.ts lists every such pair and the few that share a symbol, and why.
 */
/**
 * Kabupaten yellow and desa pale blue-grey: about the only colours that stay ΔE00 15 from every condition in every
 * vision, so a layer coloured by status shown beside one coloured by condition needs no second channel on its lines.
 */
export const STATUS_COLORS: Record<string, string> = {
  nasional: '#002f55',
  provinsi: '#608dbe',
  kabupaten: '#f8f800',
  kota: '#7a3ea6',
  desa: '#b8c0e0',
  rdtl: '#555955',
};

/**
 * Bina Marga's green–amber–red, with lightness running with damage (L* 84, 65, 43, 22) so that a reader without
 * colour vision, or a greyscale copy, still reads the order. A proposed bridge is white with a red outline.
 */
export const CONDITION_COLORS: Record<string, string> = {
  baik: '#90e398',
  sedang: '#c79600',
  rusak_ringan: '#c03000',
  rusak_berat: '#68151d',
  unknown: '#727373',
  proposed: '#ffffff',
};

/**
 * The second channel of damage, for where colour alone would not carry it: the rusak classes are drawn broken, the
 * gaps showing the casing (MapLibre dash units: multiples of the line width). Longer breaks for heavier damage.
 */
export const CONDITION_DASHES: Record<string, readonly [number, number]> = {
  rusak_ringan: [3, 1],
  rusak_berat: [1.2, 1],
};

/**
 * Casings and halos: what lets a class reach 3:1 against land and sea when its own colour does not (WCAG 2.2
 * non-text contrast). Lines and markers are drawn on the dark casing; labels on the white halo (≥ 4.5:1).
 */
export const CASING_COLOR = '#1a1a1a';
export const HALO_COLOR = '#ffffff';
/** Extra width of a line's casing, in pixels (0.75 px each side). */
export const CASING_EXTRA_PX = 1.5;

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
  // Roads and bridges a work programme funds: a casing either side of the road, so its own colour shows.
  programme: '#f50057',
} as const;
export const SELECTION_COLOR = HIGHLIGHT_COLORS.selection;
export const PROGRAMME_COLOR = HIGHLIGHT_COLORS.programme;

/**
 * Colours of the right-of-way zones, for analysed assets and the zone bands on the map: darker the deeper into the
 * road's own space (RUMAJA darkest, outside lightest), so the order reads without colour vision.
 */
export const ZONE_COLORS: Record<string, string> = {
  rumaja: '#701759',
  rumija: '#ac4e96',
  ruwasja: '#ea81b2',
  luar: '#a8dcff',
  unanalysed: '#56715f',
};

/**
 * The zones' second channel, shape (marker-shapes.ts), drawn alike on the map, in the legend, on slides, the handout
 * and printed sheets. No zone is a circle: circles on the map are bridges, in condition colours, and several zone
 * colours come within ΔE00 15 of a condition colour under a simulation (colour-vision.test.ts lists them).
 */
export const ZONE_MARKER_SHAPES: Record<string, MarkerShape> = {
  rumaja: 'square',
  rumija: 'diamond',
  ruwasja: 'triangle',
  luar: 'triangle-down',
  unanalysed: 'cross',
};

/** And size: an asset's marker is larger the deeper it stands in the road's space. */
export const ZONE_MARKER_SCALE: Record<string, number> = {
  rumaja: 1.5,
  rumija: 1.25,
  ruwasja: 1,
  luar: 0.8,
  unanalysed: 0.8,
};

/**
 * Standing of an obligor's retribution, for the retribution work: paid, partly paid, overdue, not yet assessed, no
 * obligor known. Kept apart from the other palettes in normal vision and from each other under each simulation.
 * A map coloured by standing draws the assets' markers, each in its zone's shape (ZONE_MARKER_SHAPES), never as a
 * circle: that is what tells a standing from a bridge's condition where their colours come close.
 */
export const STANDING_COLORS: Record<string, string> = {
  paid: '#aad2c9',
  partial: '#d7bf84',
  overdue: '#9a3540',
  not_assessed: '#82908c',
  no_obligor: '#565f78',
};

/** A legend's marker that shows a shape only (the zone on a map coloured by standing). */
export const BLANK_MARKER_COLOR = '#ffffff';

/** Text colours of the map's labels and the halo each is drawn on (each ≥ 4.5:1 against its halo). */
export const LABEL_COLORS = {
  data: { text: '#263238', halo: HALO_COLOR },
  bridge: { text: '#3e2723', halo: HALO_COLOR },
  annotation: { text: '#880e4f', halo: HALO_COLOR },
  place: { text: '#1f1f1f', halo: HALO_COLOR },
  island: { text: '#6f6552', halo: BASEMAP_COLORS.landIndonesia },
  sea: { text: '#2b5677', halo: BASEMAP_COLORS.sea },
  area: { text: '#7b2d8e', halo: BASEMAP_COLORS.landTimorLeste },
} as const;
