import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { BASEMAP_COLORS, LABEL_COLORS } from '#shared/style/map-colours';

export { BASEMAP_COLORS };

/** Fonts come from @fontsource/noto-sans (bundled); no glyph server, so labels work offline. */
export const FONT_REGULAR = ['Noto Sans Regular', 'Noto Sans'];
export const FONT_BOLD = ['Noto Sans Bold', 'Noto Sans'];
const FONT_ITALIC = ['Noto Sans Italic', 'Noto Sans'];

/** Zoom where the full-resolution land replaces the simplified one. */
const DETAIL_ZOOM = 7;

function landLayers(source: string, zoomRange: { minzoom?: number; maxzoom?: number }): LayerSpecification[] {
  return [
    {
      id: `${source}-fill`,
      type: 'fill',
      source,
      ...zoomRange,
      paint: {
        'fill-color': ['match', ['get', 'country'], 'TLS', BASEMAP_COLORS.landTimorLeste, BASEMAP_COLORS.landIndonesia],
      },
    },
    {
      id: `${source}-coast`,
      type: 'line',
      source,
      ...zoomRange,
      paint: {
        'line-color': BASEMAP_COLORS.coast,
        'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.6, 12, 1.4],
      },
    },
  ];
}

/** Credits are shown by the map's attribution control, in the UI language, not by the sources. */
export function createBasemapStyle(baseUrl: string): StyleSpecification {
  const data = (name: string) => `${baseUrl}basemap/${name}`;
  return {
    version: 8,
    name: 'Rumija NTT offline basemap',
    sources: {
      'land-low': { type: 'geojson', data: data('land-low.json'), maxzoom: 10 },
      'land-high': { type: 'geojson', data: data('land-high.json'), maxzoom: 16, tolerance: 0.2 },
      border: { type: 'geojson', data: data('border.json') },
      places: { type: 'geojson', data: data('places.json') },
      islands: { type: 'geojson', data: data('islands.json') },
      'area-labels': { type: 'geojson', data: data('area-labels.json') },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': BASEMAP_COLORS.sea } },
      ...landLayers('land-low', { maxzoom: DETAIL_ZOOM }),
      ...landLayers('land-high', { minzoom: DETAIL_ZOOM }),
      {
        id: 'border-casing',
        type: 'line',
        source: 'border',
        paint: {
          'line-color': '#ffffff',
          'line-width': ['interpolate', ['linear'], ['zoom'], 5, 3, 12, 7],
          'line-opacity': 0.8,
        },
      },
      {
        id: 'border-line',
        type: 'line',
        source: 'border',
        paint: {
          'line-color': BASEMAP_COLORS.border,
          'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1.4, 12, 3],
          'line-dasharray': [3, 1.5],
        },
      },
      {
        id: 'area-labels',
        type: 'symbol',
        source: 'area-labels',
        layout: {
          'text-field': ['get', 'name'],
          'text-font': ['match', ['get', 'kind'], 'sea', ['literal', FONT_ITALIC], ['literal', FONT_BOLD]],
          'text-size': ['match', ['get', 'kind'], 'sea', 13, 14],
          'text-letter-spacing': 0.2,
        },
        paint: {
          'text-color': ['match', ['get', 'kind'], 'sea', LABEL_COLORS.sea.text, LABEL_COLORS.area.text],
          'text-halo-color': ['match', ['get', 'kind'], 'sea', LABEL_COLORS.sea.halo, LABEL_COLORS.area.halo],
          'text-halo-width': 1.2,
        },
      },
      {
        id: 'island-labels',
        type: 'symbol',
        source: 'islands',
        filter: ['any', ['get', 'major'], ['>=', ['zoom'], 10]],
        layout: {
          'text-field': ['get', 'name'],
          'text-font': FONT_ITALIC,
          'text-size': ['case', ['get', 'major'], 14, 11],
          'text-letter-spacing': 0.15,
        },
        paint: {
          'text-color': LABEL_COLORS.island.text,
          'text-halo-color': LABEL_COLORS.island.halo,
          'text-halo-width': 1,
        },
      },
      {
        id: 'place-dots',
        type: 'circle',
        source: 'places',
        filter: ['any', ['<=', ['get', 'rank'], 1], ['>=', ['zoom'], 9]],
        paint: {
          'circle-radius': ['match', ['get', 'rank'], 0, 5, 1, 3.5, 2.5],
          'circle-color': ['match', ['get', 'rank'], 0, '#b3261e', '#333333'],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.2,
        },
      },
      {
        id: 'place-labels',
        type: 'symbol',
        source: 'places',
        filter: ['any', ['<=', ['get', 'rank'], 1], ['>=', ['zoom'], 9]],
        layout: {
          'text-field': ['get', 'name'],
          'text-font': ['match', ['get', 'rank'], 2, ['literal', FONT_REGULAR], ['literal', FONT_BOLD]],
          'text-size': ['match', ['get', 'rank'], 0, 16, 1, 13, 11],
          'text-anchor': 'left',
          'text-offset': [0.6, 0],
          'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
          'text-radial-offset': 0.6,
          'symbol-sort-key': ['get', 'rank'],
        },
        paint: {
          'text-color': LABEL_COLORS.place.text,
          'text-halo-color': LABEL_COLORS.place.halo,
          'text-halo-width': 1.5,
        },
      },
    ],
  };
}
