/**
 * ColorBrewer palettes (Cynthia Brewer, colorbrewer2.org, Apache-2.0), the ones QGIS offers first. None holds the
 * selection cyan or the corridor orange of the map, so a styled layer never looks selected.
 */
export const PALETTES = {
  YlOrRd: ['#ffffcc', '#ffeda0', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#bd0026', '#800026'],
  Blues: ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'],
  Greens: ['#f7fcf5', '#e5f5e0', '#c7e9c0', '#a1d99b', '#74c476', '#41ab5d', '#238b45', '#006d2c', '#00441b'],
  Purples: ['#fcfbfd', '#efedf5', '#dadaeb', '#bcbddc', '#9e9ac8', '#807dba', '#6a51a3', '#54278f', '#3f007d'],
  RdYlGn: ['#d73027', '#f46d43', '#fdae61', '#fee08b', '#ffffbf', '#d9ef8b', '#a6d96a', '#66bd63', '#1a9850'],
  Set1: ['#e41a1c', '#377eb8', '#4daf4a', '#984ea3', '#ff7f00', '#ffff33', '#a65628', '#f781bf', '#999999'],
  Dark2: ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#666666'],
  Paired: [
    '#a6cee3',
    '#1f78b4',
    '#b2df8a',
    '#33a02c',
    '#fb9a99',
    '#e31a1c',
    '#fdbf6f',
    '#ff7f00',
    '#cab2d6',
    '#6a3d9a',
    '#ffff99',
    '#b15928',
  ],
} as const satisfies Record<string, readonly string[]>;

export type PaletteName = keyof typeof PALETTES;
export const PALETTE_NAMES = Object.keys(PALETTES) as PaletteName[];
/** Palettes for ordered classes; the others are for categories. */
export const SEQUENTIAL_PALETTES: readonly PaletteName[] = ['YlOrRd', 'Blues', 'Greens', 'Purples', 'RdYlGn'];
/** Features whose value has no class: a grey no palette uses. */
export const OTHER_COLOR = '#b0bec5';

/**
 * `count` colours of a palette: ordered palettes are sampled evenly from end to end (the palest step is left out,
 * it vanishes on the beige basemap); category palettes are taken in turn and repeat past their length.
 */
export function paletteColors(name: PaletteName, count: number): string[] {
  const colors: readonly string[] = PALETTES[name];
  if (!SEQUENTIAL_PALETTES.includes(name))
    return Array.from({ length: count }, (_, index) => colors[index % colors.length]!);
  const first = name === 'RdYlGn' ? 0 : 2;
  const span = colors.length - 1 - first;
  if (count === 1) return [colors[colors.length - 1]!];
  return Array.from({ length: count }, (_, index) => colors[first + Math.round((index * span) / (count - 1))]!);
}
