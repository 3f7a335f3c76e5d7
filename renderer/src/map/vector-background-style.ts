import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Background, ShippedVectorStyle } from '#shared/model/background';
import { FONT_REGULAR } from './basemap-style';

/**
 * Styles for vector basemap archives, picked by the layers inside: the OpenMapTiles schema (OpenMapTiles, MapTiler
 * and GDAL-made extracts that follow it), the Protomaps basemap schema, or, for anything else, every layer's areas,
 * lines, points and `name` labels in muted colours. Street colours follow the usual OSM reading: major roads
 * orange-yellow, minor white with a grey casing, so the data layers on top stay the loudest thing on the map.
 */
const COLORS = {
  land: '#f2efe9',
  water: '#aad3df',
  park: '#d8e8c8',
  building: '#d9d0c9',
  major: '#fcd6a4',
  majorCasing: '#d9a050',
  minor: '#ffffff',
  minorCasing: '#c4c0b8',
  label: '#3d3d3d',
};

/** The shipped style that fits the layers an archive holds. */
export function schemaOf(vectorLayers: readonly string[]): ShippedVectorStyle {
  if (vectorLayers.includes('transportation')) return 'openmaptiles';
  if (vectorLayers.includes('roads') && (vectorLayers.includes('earth') || vectorLayers.includes('places')))
    return 'protomaps';
  return 'generic';
}

const width = (base: number): ExpressionSpecification => [
  'interpolate',
  ['exponential', 1.6],
  ['zoom'],
  10,
  base * 0.4,
  14,
  base * 2,
  18,
  base * 10,
];

function roads(
  prefix: string,
  source: string,
  layer: string,
  classField: string,
  major: string[],
  opacity: number,
): LayerSpecification[] {
  const isMajor: ExpressionSpecification = ['in', ['get', classField], ['literal', major]];
  const line = (id: string, filter: ExpressionSpecification, color: string, w: number): LayerSpecification => ({
    id: `${prefix}:${id}`,
    type: 'line',
    source,
    'source-layer': layer,
    filter: ['all', ['==', ['geometry-type'], 'LineString'], filter],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': color, 'line-width': width(w), 'line-opacity': opacity },
  });
  return [
    line('minor-casing', ['!', isMajor], COLORS.minorCasing, 1.6),
    line('minor', ['!', isMajor], COLORS.minor, 1.1),
    line('major-casing', isMajor, COLORS.majorCasing, 2.4),
    line('major', isMajor, COLORS.major, 1.8),
  ];
}

function fill(
  prefix: string,
  source: string,
  layer: string,
  color: string,
  opacity: number,
  filter?: ExpressionSpecification,
): LayerSpecification {
  return {
    id: `${prefix}:${layer}:${color}`,
    type: 'fill',
    source,
    'source-layer': layer,
    ...(filter ? { filter } : {}),
    paint: { 'fill-color': color, 'fill-opacity': opacity },
  };
}

function labels(prefix: string, source: string, layer: string, opacity: number, lines: boolean): LayerSpecification {
  return {
    id: `${prefix}:${layer}:labels`,
    type: 'symbol',
    source,
    'source-layer': layer,
    minzoom: lines ? 13 : 8,
    filter: ['has', 'name'],
    layout: {
      'text-field': ['get', 'name'],
      'text-font': FONT_REGULAR,
      'text-size': lines ? 11 : 12,
      ...(lines ? { 'symbol-placement': 'line' as const } : {}),
    },
    paint: {
      'text-color': COLORS.label,
      'text-halo-color': '#ffffff',
      'text-halo-width': 1.2,
      'text-opacity': opacity,
    },
  };
}

const OPACITY_OF: Record<string, string[]> = {
  background: ['background-opacity'],
  fill: ['fill-opacity'],
  line: ['line-opacity'],
  circle: ['circle-opacity', 'circle-stroke-opacity'],
  symbol: ['text-opacity', 'icon-opacity'],
  'fill-extrusion': ['fill-extrusion-opacity'],
  heatmap: ['heatmap-opacity'],
};

/** The user's style layers on the archive's source; the background's opacity scales each layer's plain opacity. */
function userStyleLayers(background: Background, source: string): LayerSpecification[] {
  return background.style!.layers.map((layer, index) => {
    const paint: Record<string, unknown> = { ...((layer as { paint?: Record<string, unknown> }).paint ?? {}) };
    for (const key of OPACITY_OF[layer.type] ?? []) {
      const value = paint[key];
      if (value === undefined) paint[key] = background.opacity;
      else if (typeof value === 'number') paint[key] = value * background.opacity;
    }
    const placed = { ...layer, id: `${source}:user:${index}:${layer.id}`, paint } as LayerSpecification;
    if (layer.type !== 'background') (placed as { source: string }).source = source;
    return placed;
  });
}

/** The style layers of one vector background, under the source `source`. */
export function vectorBackgroundLayers(background: Background, source: string): LayerSpecification[] {
  if (background.style) return userStyleLayers(background, source);
  const prefix = source;
  const opacity = background.opacity;
  const present = new Set(background.info.vectorLayers);
  const when = (layer: string, make: () => LayerSpecification[]) => (present.has(layer) ? make() : []);
  switch (background.shippedStyle ?? schemaOf(background.info.vectorLayers)) {
    case 'openmaptiles':
      return [
        {
          id: `${prefix}:land`,
          type: 'background',
          paint: { 'background-color': COLORS.land, 'background-opacity': opacity },
        },
        ...when('landcover', () => [fill(prefix, source, 'landcover', COLORS.park, opacity)]),
        ...when('park', () => [fill(prefix, source, 'park', COLORS.park, opacity)]),
        ...when('water', () => [fill(prefix, source, 'water', COLORS.water, opacity)]),
        ...when('building', () => [fill(prefix, source, 'building', COLORS.building, opacity)]),
        ...roads(prefix, source, 'transportation', 'class', ['motorway', 'trunk', 'primary', 'secondary'], opacity),
        ...when('transportation_name', () => [labels(prefix, source, 'transportation_name', opacity, true)]),
        ...when('place', () => [labels(prefix, source, 'place', opacity, false)]),
      ];
    case 'protomaps':
      return [
        {
          id: `${prefix}:land`,
          type: 'background',
          paint: { 'background-color': COLORS.land, 'background-opacity': opacity },
        },
        ...when('landuse', () => [fill(prefix, source, 'landuse', COLORS.park, opacity)]),
        ...when('water', () => [fill(prefix, source, 'water', COLORS.water, opacity)]),
        ...when('buildings', () => [fill(prefix, source, 'buildings', COLORS.building, opacity)]),
        ...roads(prefix, source, 'roads', 'kind', ['highway', 'major_road'], opacity),
        labels(prefix, source, 'roads', opacity, true),
        ...when('places', () => [labels(prefix, source, 'places', opacity, false)]),
      ];
    default:
      return background.info.vectorLayers.flatMap((layer): LayerSpecification[] => [
        fill(prefix, source, layer, '#e9e5dc', opacity, ['==', ['geometry-type'], 'Polygon']),
        {
          id: `${prefix}:${layer}:line`,
          type: 'line',
          source,
          'source-layer': layer,
          filter: ['==', ['geometry-type'], 'LineString'],
          paint: { 'line-color': '#a39e93', 'line-width': 1.2, 'line-opacity': opacity },
        },
        {
          id: `${prefix}:${layer}:point`,
          type: 'circle',
          source,
          'source-layer': layer,
          filter: ['==', ['geometry-type'], 'Point'],
          paint: { 'circle-color': '#8d8676', 'circle-radius': 2, 'circle-opacity': opacity },
        },
        labels(prefix, source, layer, opacity, false),
      ]);
  }
}
