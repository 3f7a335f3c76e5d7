import { describe, expect, it } from 'vitest';
import {
  BASEMAP_COLORS,
  CASING_COLOR,
  CONDITION_COLORS,
  CONDITION_DASHES,
  LABEL_COLORS,
  STANDING_COLORS,
  STATUS_COLORS,
  ZONE_COLORS,
  ZONE_MARKER_SHAPES,
} from './map-colours';
import { colorMatrixValues, SIMULATION_MATRICES } from './vision-simulation';

/*
 * Everything this test measures with is written here from the papers, not taken from the app or a library:
 * - Machado, G. M., Oliveira, M. M. & Fernandes, L. A. F. (2009), "A Physiologically-based Model for Simulation of
 *   Color Vision Deficiency", IEEE TVCG 15(6), 1291–1298; the severity-1.0 matrices of their supplementary table,
 *   applied to linear RGB (sRGB decoded, multiplied, clipped to [0, 1], encoded again).
 * - Sharma, G., Wu, W. & Dalal, E. N. (2005), "The CIEDE2000 color-difference formula: implementation notes,
 *   supplementary test data, and mathematical observations", Color Research & Application 30(1), 21–30; the formula
 *   as their equations (1)–(22), checked against their Table 1 below.
 * - WCAG 2.2, relative luminance and contrast ratio (sRGB with the 0.04045 threshold).
 */

type Matrix = readonly [readonly number[], readonly number[], readonly number[]];
const MACHADO_2009: Record<'deuteranopia' | 'protanopia' | 'tritanopia', Matrix> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};
type Vision = 'normal' | keyof typeof MACHADO_2009;
const VISIONS: Vision[] = ['normal', 'deuteranopia', 'protanopia', 'tritanopia'];

type Rgb = [number, number, number];
const decode = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const encode = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
const clip = (c: number) => Math.min(1, Math.max(0, c));

function rgbOf(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [1, 2, 3].map((index) => parseInt(match[index]!, 16) / 255) as Rgb;
}

/** The colour as a viewer with the given vision sees it (sRGB, 0–1). */
function simulate(hex: string, vision: Vision): Rgb {
  const rgb = rgbOf(hex);
  if (vision === 'normal') return rgb;
  const linear = rgb.map(decode);
  return MACHADO_2009[vision].map((row) =>
    encode(clip(row[0]! * linear[0]! + row[1]! * linear[1]! + row[2]! * linear[2]!)),
  ) as Rgb;
}

/** sRGB (0–1) → CIELAB, D65 white (IEC 61966-2-1 matrix; CIE 15 Lab). */
function labOf(rgb: Rgb): Rgb {
  const [r, g, b] = rgb.map(decode) as Rgb;
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const degrees = (radians: number) => (radians * 180) / Math.PI;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** CIEDE2000 ΔE00 (kL = kC = kH = 1), as Sharma, Wu & Dalal (2005) lay it out. */
function ciede2000([l1, a1, b1]: Rgb, [l2, a2, b2]: Rgb): number {
  const c1 = Math.hypot(a1, b1);
  const c2 = Math.hypot(a2, b2);
  const cMean7 = ((c1 + c2) / 2) ** 7;
  const g = 0.5 * (1 - Math.sqrt(cMean7 / (cMean7 + 25 ** 7)));
  const a1p = (1 + g) * a1;
  const a2p = (1 + g) * a2;
  const c1p = Math.hypot(a1p, b1);
  const c2p = Math.hypot(a2p, b2);
  const hueOf = (b: number, ap: number) => (b === 0 && ap === 0 ? 0 : (degrees(Math.atan2(b, ap)) + 360) % 360);
  const h1p = hueOf(b1, a1p);
  const h2p = hueOf(b2, a2p);
  const dLp = l2 - l1;
  const dCp = c2p - c1p;
  let dhp = 0;
  if (c1p * c2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(c1p * c2p) * Math.sin(radians(dhp / 2));
  const lMean = (l1 + l2) / 2;
  const cMeanP = (c1p + c2p) / 2;
  let hMean = h1p + h2p;
  if (c1p * c2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180) hMean = (h1p + h2p) / 2;
    else hMean = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
  }
  const t =
    1 -
    0.17 * Math.cos(radians(hMean - 30)) +
    0.24 * Math.cos(radians(2 * hMean)) +
    0.32 * Math.cos(radians(3 * hMean + 6)) -
    0.2 * Math.cos(radians(4 * hMean - 63));
  const dTheta = 30 * Math.exp(-(((hMean - 275) / 25) ** 2));
  const rc = 2 * Math.sqrt(cMeanP ** 7 / (cMeanP ** 7 + 25 ** 7));
  const sl = 1 + (0.015 * (lMean - 50) ** 2) / Math.sqrt(20 + (lMean - 50) ** 2);
  const sc = 1 + 0.045 * cMeanP;
  const sh = 1 + 0.015 * cMeanP * t;
  const rt = -Math.sin(radians(2 * dTheta)) * rc;
  return Math.sqrt((dLp / sl) ** 2 + (dCp / sc) ** 2 + (dHp / sh) ** 2 + rt * (dCp / sc) * (dHp / sh));
}

/** ΔE00 between two colours as a viewer with `vision` sees them. */
const distance = (a: string, b: string, vision: Vision) =>
  ciede2000(labOf(simulate(a, vision)), labOf(simulate(b, vision)));

/** WCAG 2.2 contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = rgbOf(hex).map(decode) as Rgb;
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

/** Sharma, Wu & Dalal (2005), Table 1: L1 a1 b1, L2 a2 b2, ΔE00. */
const SHARMA_TABLE_1: readonly (readonly number[])[] = [
  [50, 2.6772, -79.7751, 50, 0, -82.7485, 2.0425],
  [50, 3.1571, -77.2803, 50, 0, -82.7485, 2.8615],
  [50, 2.8361, -74.02, 50, 0, -82.7485, 3.4412],
  [50, -1.3802, -84.2814, 50, 0, -82.7485, 1.0],
  [50, -1.1848, -84.8006, 50, 0, -82.7485, 1.0],
  [50, -0.9009, -85.5211, 50, 0, -82.7485, 1.0],
  [50, 0, 0, 50, -1, 2, 2.3669],
  [50, -1, 2, 50, 0, 0, 2.3669],
  [50, 2.49, -0.001, 50, -2.49, 0.0009, 7.1792],
  [50, 2.49, -0.001, 50, -2.49, 0.001, 7.1792],
  [50, 2.49, -0.001, 50, -2.49, 0.0011, 7.2195],
  [50, 2.49, -0.001, 50, -2.49, 0.0012, 7.2195],
  [50, -0.001, 2.49, 50, 0.0009, -2.49, 4.8045],
  [50, -0.001, 2.49, 50, 0.001, -2.49, 4.8045],
  [50, -0.001, 2.49, 50, 0.0011, -2.49, 4.7461],
  [50, 2.5, 0, 50, 0, -2.5, 4.3065],
  [50, 2.5, 0, 73, 25, -18, 27.1492],
  [50, 2.5, 0, 61, -5, 29, 22.8977],
  [50, 2.5, 0, 56, -27, -3, 31.903],
  [50, 2.5, 0, 58, 24, 15, 19.4535],
  [50, 2.5, 0, 50, 3.1736, 0.5854, 1.0],
  [50, 2.5, 0, 50, 3.2972, 0, 1.0],
  [50, 2.5, 0, 50, 1.8634, 0.5757, 1.0],
  [50, 2.5, 0, 50, 3.2592, 0.335, 1.0],
  [60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644],
  [63.0109, -31.0961, -5.8663, 62.8187, -29.7946, -4.0864, 1.263],
  [61.2901, 3.7196, -5.3901, 61.4292, 2.248, -4.962, 1.8731],
  [35.0831, -44.1164, 3.7933, 35.0232, -40.0716, 1.5901, 1.8645],
  [22.7233, 20.0904, -46.694, 23.0331, 14.973, -42.5619, 2.0373],
  [36.4612, 47.858, 18.3852, 36.2715, 50.5065, 21.2231, 1.4146],
  [90.8027, -2.0831, 1.441, 91.1528, -1.6435, 0.0447, 1.4441],
  [90.9257, -0.5406, -0.9208, 88.6381, -0.8985, -0.7239, 1.5381],
  [6.7747, -0.2908, -2.4247, 5.8714, -0.0985, -2.2286, 0.6377],
  [2.0776, 0.0795, -1.135, 0.9033, -0.0636, -0.5514, 0.9082],
];

describe('the yardsticks of the colour test', () => {
  it('CIEDE2000 gives Sharma, Wu & Dalal’s 34 published differences, both ways round', () => {
    for (const [l1, a1, b1, l2, a2, b2, expected] of SHARMA_TABLE_1) {
      expect(ciede2000([l1!, a1!, b1!], [l2!, a2!, b2!])).toBeCloseTo(expected!, 4);
      expect(ciede2000([l2!, a2!, b2!], [l1!, a1!, b1!])).toBeCloseTo(expected!, 4);
    }
  });

  it('CIELAB of sRGB primaries and white, as the CIE/IEC tables give them', () => {
    const round = (lab: Rgb) => lab.map((value) => Math.round(value * 10) / 10 + 0);
    expect(round(labOf([1, 1, 1]))).toEqual([100, 0, 0]);
    expect(round(labOf([1, 0, 0]))).toEqual([53.2, 80.1, 67.2]);
    expect(round(labOf([0, 0, 1]))).toEqual([32.3, 79.2, -107.9]);
  });

  it('the Machado matrices keep white white and grey grey (each row sums to 1)', () => {
    for (const matrix of Object.values(MACHADO_2009))
      for (const row of matrix) expect(row[0]! + row[1]! + row[2]!).toBeCloseTo(1, 5);
    expect(simulate('#808080', 'deuteranopia').map((c) => Math.round(c * 255))).toEqual([128, 128, 128]);
  });

  it('WCAG contrast: black on white is 21:1, #767676 on white 4.54:1', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});

/** The palette the app drew with until issue #38, as the issue measured it. */
const BEFORE = {
  condition: { baik: '#2e7d32', sedang: '#9ccc65', rusak_ringan: '#f9a825', rusak_berat: '#c62828' },
  zone: { rumaja: '#880e4f', rumija: '#e91e63', ruwasja: '#f8bbd0', luar: '#c5cae9' },
  land: '#f4f1e8',
};

describe('the palette before issue #38, measured as the issue did', () => {
  it('reproduces the issue’s figures (so these yardsticks are the issue’s)', () => {
    const round = (value: number) => Math.round(value * 10) / 10;
    const { condition, zone, land } = BEFORE;
    expect(round(distance(condition.baik, condition.rusak_berat, 'deuteranopia'))).toBe(6.6);
    expect(round(distance(condition.sedang, condition.rusak_ringan, 'protanopia'))).toBe(7.5);
    expect(round(distance(zone.ruwasja, zone.luar, 'protanopia'))).toBe(6.9);
    expect(contrast(condition.sedang, land)).toBeCloseTo(1.65, 2);
    expect(contrast(condition.rusak_ringan, land)).toBeCloseTo(1.74, 2);
    expect(contrast(zone.ruwasja, land)).toBeCloseTo(1.43, 2);
    expect(contrast(zone.luar, land)).toBeCloseTo(1.43, 2);
  });
});

/** The closest pair of a palette under any of the four visions. */
function closestPair(palette: Record<string, string>) {
  let closest = { distance: Infinity, pair: '' };
  const entries = Object.entries(palette);
  for (const vision of VISIONS)
    for (let i = 0; i < entries.length; i++)
      for (let j = i + 1; j < entries.length; j++) {
        const [a, colourA] = entries[i]!;
        const [b, colourB] = entries[j]!;
        const d = distance(colourA, colourB, vision);
        if (d < closest.distance) closest = { distance: d, pair: `${vision}: ${a} ${colourA} ~ ${b} ${colourB}` };
      }
  return closest;
}

const CONDITIONS_DRAWN = ['baik', 'sedang', 'rusak_ringan', 'rusak_berat', 'unknown'];
const pick = (palette: Record<string, string>, keys: readonly string[]) =>
  Object.fromEntries(keys.map((key) => [key, palette[key]!]));

describe('colours everyone in the hearing room can tell apart (#38)', () => {
  it('conditions: CIEDE2000 ≥ 15 between any two, in normal vision and each simulation', () => {
    const closest = closestPair(pick(CONDITION_COLORS, CONDITIONS_DRAWN));
    expect(closest.distance, closest.pair).toBeGreaterThanOrEqual(15);
  });

  it('zones: CIEDE2000 ≥ 15 between any two, in normal vision and each simulation', () => {
    const closest = closestPair(ZONE_COLORS);
    expect(closest.distance, closest.pair).toBeGreaterThanOrEqual(15);
  });

  it('statuses: CIEDE2000 ≥ 15 between any two, in normal vision and each simulation', () => {
    const closest = closestPair(STATUS_COLORS);
    expect(closest.distance, closest.pair).toBeGreaterThanOrEqual(15);
  });

  it('standings (retribution): CIEDE2000 ≥ 15 between any two, in normal vision and each simulation', () => {
    const closest = closestPair(STANDING_COLORS);
    expect(closest.distance, closest.pair).toBeGreaterThanOrEqual(15);
  });

  it('conditions keep Bina Marga’s order in lightness: darker with each step of damage', () => {
    const lightness = ['baik', 'sedang', 'rusak_ringan', 'rusak_berat'].map(
      (key) => labOf(rgbOf(CONDITION_COLORS[key]!))[0],
    );
    for (let i = 1; i < lightness.length; i++) expect(lightness[i]!).toBeLessThan(lightness[i - 1]! - 10);
  });

  it('every class reaches 3:1 against land and sea, by its own colour or by the casing it is drawn on', () => {
    const grounds = [BASEMAP_COLORS.landIndonesia, BASEMAP_COLORS.landTimorLeste, BASEMAP_COLORS.sea];
    for (const ground of grounds) expect(contrast(CASING_COLOR, ground)).toBeGreaterThanOrEqual(3);
    const palettes = { ...pick(CONDITION_COLORS, CONDITIONS_DRAWN), ...ZONE_COLORS, ...STATUS_COLORS };
    const low: string[] = [];
    for (const [key, colour] of Object.entries(palettes))
      for (const ground of grounds) {
        const own = contrast(colour, ground);
        if (own < 3 && contrast(CASING_COLOR, ground) < 3) low.push(`${key} ${colour} on ${ground}: ${own.toFixed(2)}`);
      }
    expect(low).toEqual([]);
    // The casing is what carries the pale classes: the app's own colour alone does not (the casing is needed).
    expect(contrast(CONDITION_COLORS.baik!, BASEMAP_COLORS.landIndonesia)).toBeLessThan(3);
  });

  it('a class the casing carries stands apart from it (ΔE00 ≥ 15 in every vision)', () => {
    const palettes = { ...pick(CONDITION_COLORS, CONDITIONS_DRAWN), ...ZONE_COLORS, ...STANDING_COLORS };
    const grounds = [BASEMAP_COLORS.landIndonesia, BASEMAP_COLORS.landTimorLeste, BASEMAP_COLORS.sea];
    const carried = Object.entries(palettes).filter(([, colour]) => grounds.some((g) => contrast(colour, g) < 3));
    expect(carried.length).toBeGreaterThan(0);
    const close: string[] = [];
    for (const [key, colour] of carried)
      for (const vision of VISIONS) {
        const d = distance(colour, CASING_COLOR, vision);
        if (d < 15) close.push(`${vision}: ${key} ${colour} ~ casing: ${d.toFixed(1)}`);
      }
    expect(close).toEqual([]);
  });

  it('map labels reach 4.5:1 against their halo', () => {
    for (const [key, { text, halo }] of Object.entries(LABEL_COLORS))
      expect(contrast(text, halo), key).toBeGreaterThanOrEqual(4.5);
  });
});

/*
 * Across palettes (#38): classes of two palettes that can be on one map must be ΔE00 ≥ 15 apart in every vision, or
 * be drawn with different symbols, so that the legend's symbol tells them apart where colour does not. The symbols
 * each class is drawn with on the map (data-layers.ts, row-zone-layer.ts), from the same tables the map reads:
 */
const ZONE_BANDS = ['rumaja', 'rumija', 'ruwasja'];
const SYMBOLS: Record<string, (key: string) => string[]> = {
  // Roads (broken when rusak), condition-range bands along roads, bridge circles.
  condition: (key) => {
    const broken = CONDITION_DASHES[key] ? ` broken ${CONDITION_DASHES[key].join(':')}` : '';
    return [`road line${broken}`, `range band${broken}`, 'bridge circle'];
  },
  // Roads; RDTL roads carry white dashes over their colour.
  status: (key) => [key === 'rdtl' ? 'road line, white dashes' : 'road line'],
  // Asset markers and the markers along asset lines in the zone's shape, asset areas, the zone bands along roads.
  zone: (key) => {
    const shape = ZONE_MARKER_SHAPES[key]!;
    return [
      `marker ${shape}`,
      `line with ${shape} markers`,
      'asset area',
      ...(ZONE_BANDS.includes(key) ? ['zone band'] : []),
    ];
  },
  // A map coloured by standing draws the assets' markers in their zones' shapes (map-colours.ts): any of them.
  standing: () => Object.values(ZONE_MARKER_SHAPES).map((shape) => `marker ${shape}`),
};
const PALETTES: Record<string, Record<string, string>> = {
  condition: pick(CONDITION_COLORS, CONDITIONS_DRAWN),
  status: STATUS_COLORS,
  zone: ZONE_COLORS,
  standing: STANDING_COLORS,
};

/**
 * The pairs of classes of two palettes closer than ΔE00 15 in some vision, written out: each is separated by its
 * symbol (the shared test below checks that from SYMBOLS), except those in NOT_SEPARATED. A palette change that
 * makes a new close pair, or parts one, changes this list.
 */
const CLOSE_ACROSS: Record<string, string[]> = {
  'condition × status': ['unknown ~ rdtl'],
  'condition × zone': [
    'baik ~ luar',
    'sedang ~ ruwasja',
    'rusak_berat ~ rumaja',
    'unknown ~ rumija',
    'unknown ~ unanalysed',
  ],
  'status × zone': [
    'nasional ~ rumaja',
    'provinsi ~ rumija',
    'provinsi ~ ruwasja',
    'kota ~ rumaja',
    'kota ~ rumija',
    'desa ~ ruwasja',
    'desa ~ luar',
    'rdtl ~ rumaja',
    'rdtl ~ unanalysed',
  ],
  'condition × standing': [
    'baik ~ paid',
    'baik ~ partial',
    'sedang ~ partial',
    'rusak_ringan ~ overdue',
    'rusak_berat ~ overdue',
    'unknown ~ not_assessed',
    'unknown ~ no_obligor',
  ],
  'status × standing': [
    'provinsi ~ not_assessed',
    'kota ~ no_obligor',
    'desa ~ paid',
    'rdtl ~ overdue',
    'rdtl ~ no_obligor',
  ],
  'zone × standing': [
    'rumaja ~ overdue',
    'rumaja ~ no_obligor',
    'rumija ~ overdue',
    'rumija ~ no_obligor',
    'ruwasja ~ paid',
    'ruwasja ~ not_assessed',
    'luar ~ paid',
    'unanalysed ~ overdue',
    'unanalysed ~ not_assessed',
    'unanalysed ~ no_obligor',
  ],
};

/** Close pairs that share a symbol, and why they are allowed. */
const NOT_SEPARATED: Record<string, { pairs: string[]; reason: string }> = {
  'zone × standing': {
    pairs: CLOSE_ACROSS['zone × standing']!,
    reason:
      'the same markers: an asset layer is coloured by zone or by standing, never both at once, so a zone ' +
      'marker and a standing marker are not on one map (the shape still says the zone on a standing map).',
  },
};

describe('colours of different palettes on one map (#38)', () => {
  const together = Object.keys(CLOSE_ACROSS).map((name) => name.split(' × ') as [string, string]);

  it('the close pairs across palettes are exactly those written out (ΔE00 < 15 in some vision)', () => {
    const found: Record<string, string[]> = {};
    for (const [a, b] of together) {
      const close: string[] = (found[`${a} × ${b}`] = []);
      for (const [keyA, colourA] of Object.entries(PALETTES[a]!))
        for (const [keyB, colourB] of Object.entries(PALETTES[b]!))
          if (VISIONS.some((vision) => distance(colourA, colourB, vision) < 15)) close.push(`${keyA} ~ ${keyB}`);
    }
    expect(found).toEqual(CLOSE_ACROSS);
  });

  it('each close pair is drawn with different symbols, except the stated exceptions', () => {
    const unseparated: Record<string, string[]> = {};
    for (const [a, b] of together)
      for (const pair of CLOSE_ACROSS[`${a} × ${b}`]!) {
        const [keyA, keyB] = pair.split(' ~ ') as [string, string];
        const shared = SYMBOLS[a]!(keyA).filter((symbol) => SYMBOLS[b]!(keyB).includes(symbol));
        if (shared.length > 0) (unseparated[`${a} × ${b}`] ??= []).push(pair);
      }
    expect(unseparated).toEqual(
      Object.fromEntries(Object.entries(NOT_SEPARATED).map(([name, { pairs }]) => [name, pairs])),
    );
    for (const { reason } of Object.values(NOT_SEPARATED)) expect(reason.length).toBeGreaterThan(40);
  });

  it('what separates them: the rusak dash, RDTL’s white dashes, zone shapes that are not the bridges’ circle', () => {
    // Worked through by hand for the closest pair of each kind.
    expect(SYMBOLS.condition!('rusak_berat')).toContain('road line broken 1.2:1');
    expect(SYMBOLS.status!('rdtl')).toEqual(['road line, white dashes']);
    expect(SYMBOLS.condition!('unknown')).toContain('bridge circle');
    expect(SYMBOLS.zone!('unanalysed')).toContain('marker cross');
    expect(Object.values(ZONE_MARKER_SHAPES)).not.toContain('circle');
    // Protanopia makes national roads and RUMAJA markers the same colour (ΔE00 1.0): a line and a square.
    expect(distance(STATUS_COLORS.nasional!, ZONE_COLORS.rumaja!, 'protanopia')).toBeLessThan(1.5);
    expect(SYMBOLS.zone!('rumaja')).toContain('marker square');
  });

  it('within one palette nothing leans on symbols: every pair stays ≥ 15 apart (the tests above)', () => {
    for (const palette of Object.values(PALETTES)) expect(closestPair(palette).distance).toBeGreaterThanOrEqual(15);
  });
});

describe('the "simulate colour vision" switch uses the paper’s matrices (#38)', () => {
  it('the filter matrices are Machado et al.’s, and greyscale is WCAG’s luminance', () => {
    for (const vision of ['deuteranopia', 'protanopia', 'tritanopia'] as const)
      expect(SIMULATION_MATRICES[vision]).toEqual(MACHADO_2009[vision]);
    for (const row of SIMULATION_MATRICES.greyscale) expect(row).toEqual([0.2126, 0.7152, 0.0722]);
    const values = colorMatrixValues('protanopia').split(' ').map(Number);
    expect(values).toHaveLength(20);
    expect(values.slice(0, 5)).toEqual([0.152286, 1.052583, -0.204868, 0, 0]);
    expect(values.slice(15)).toEqual([0, 0, 0, 1, 0]);
  });

  it('in greyscale the four conditions are four greys, lighter the better the road', () => {
    const grey = (hex: string) => {
      const linear = rgbOf(hex).map(decode);
      const row = SIMULATION_MATRICES.greyscale[0]!;
      return encode(row[0]! * linear[0]! + row[1]! * linear[1]! + row[2]! * linear[2]!) * 255;
    };
    const greys = ['baik', 'sedang', 'rusak_ringan', 'rusak_berat'].map((key) => grey(CONDITION_COLORS[key]!));
    for (let i = 1; i < greys.length; i++) expect(greys[i]!).toBeLessThan(greys[i - 1]! - 25);
  });
});
