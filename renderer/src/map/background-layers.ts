import type { LayerSpecification, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';
import type { Background, BasemapChoice } from '#shared/model/background';
import { BACKGROUND_PROTOCOL, ensureBackgroundProtocol } from '../workers/run-background';
import { createBasemapStyle } from './basemap-style';

/** The shipped basemap's own layers, hidden when another basemap (or none) is chosen. */
const NTT_LAYER_IDS = createBasemapStyle('').layers.map((layer) => layer.id);
/** Backgrounds go under the border and labels of the shipped map, and so under every data layer. */
const BELOW = 'border-casing';

const sourceIdOf = (id: string) => `bg:${id}`;

/** A simple style for vector archives of any schema: areas, lines and points of every layer in muted colours. */
function vectorLayers(background: Background): LayerSpecification[] {
  const source = sourceIdOf(background.id);
  return background.info.vectorLayers.flatMap((layer): LayerSpecification[] => [
    {
      id: `${source}:${layer}:fill`,
      type: 'fill',
      source,
      'source-layer': layer,
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': '#e9e5dc', 'fill-outline-color': '#c9c2b2', 'fill-opacity': background.opacity },
    },
    {
      id: `${source}:${layer}:line`,
      type: 'line',
      source,
      'source-layer': layer,
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: { 'line-color': '#a39e93', 'line-width': 1.2, 'line-opacity': background.opacity },
    },
    {
      id: `${source}:${layer}:point`,
      type: 'circle',
      source,
      'source-layer': layer,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-color': '#8d8676', 'circle-radius': 2, 'circle-opacity': background.opacity },
    },
  ]);
}

function layersOf(background: Background): LayerSpecification[] {
  if (background.info.tileType === 'vector') return vectorLayers(background);
  return [
    {
      id: `${sourceIdOf(background.id)}:raster`,
      type: 'raster',
      source: sourceIdOf(background.id),
      paint: {
        'raster-opacity': background.opacity,
        'raster-brightness-max': background.brightness,
        'raster-fade-duration': 0,
      },
    },
  ];
}

function sourceOf(background: Background): SourceSpecification {
  const { info } = background;
  const tiles = [`${BACKGROUND_PROTOCOL}://${encodeURIComponent(background.id)}/${info.tileType}/{z}/{x}/{y}`];
  const common = {
    tiles,
    minzoom: info.minzoom,
    maxzoom: info.maxzoom,
    ...(info.bounds ? { bounds: info.bounds } : {}),
    ...(info.attribution ? { attribution: info.attribution } : {}),
  };
  return info.tileType === 'vector' ? { type: 'vector', ...common } : { type: 'raster', tileSize: 256, ...common };
}

/**
 * Keeps the map's backgrounds as the store says: the chosen basemap (the shipped map's layers hidden when another
 * or none is chosen), then overlays in their order, all under the data layers. A background's source attribution
 * shows in the map's credits while it is visible.
 */
export class BackgroundSync {
  private shown = new Map<string, string>();

  constructor(private readonly map: MapLibreMap) {
    ensureBackgroundProtocol();
  }

  sync(backgrounds: readonly Background[], basemap: BasemapChoice) {
    const map = this.map;
    for (const id of NTT_LAYER_IDS)
      if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', basemap === 'ntt' ? 'visible' : 'none');
    const wanted = new Set(backgrounds.map((background) => background.id));
    for (const id of [...this.shown.keys()].filter((id) => !wanted.has(id))) this.remove(id);
    // Basemaps first (lowest), then overlays: each is added under BELOW, so later ones land above earlier ones.
    const ordered = [
      ...backgrounds.filter((b) => b.role === 'basemap'),
      ...backgrounds.filter((b) => b.role === 'overlay'),
    ];
    for (const background of ordered) {
      const key = JSON.stringify([background.info, background.opacity, background.brightness]);
      if (this.shown.get(background.id) !== key) {
        this.remove(background.id);
        map.addSource(sourceIdOf(background.id), sourceOf(background));
        for (const layer of layersOf(background)) map.addLayer(layer, map.getLayer(BELOW) ? BELOW : undefined);
        this.shown.set(background.id, key);
      } else {
        for (const layer of layersOf(background)) map.moveLayer(layer.id, map.getLayer(BELOW) ? BELOW : undefined);
      }
      const visible = background.role === 'basemap' ? basemap === background.id : background.visible;
      for (const layer of layersOf(background))
        map.setLayoutProperty(layer.id, 'visibility', visible ? 'visible' : 'none');
    }
  }

  private remove(id: string) {
    const source = sourceIdOf(id);
    for (const layer of this.map.getStyle().layers.filter((spec) => spec.id.startsWith(`${source}:`)))
      this.map.removeLayer(layer.id);
    if (this.map.getSource(source)) this.map.removeSource(source);
    this.shown.delete(id);
  }
}
