import type { LayerSpecification, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';
import type { Background, BasemapChoice } from '#shared/model/background';
import { BACKGROUND_PROTOCOL, ensureBackgroundProtocol } from '../workers/run-background';
import { createBasemapStyle } from './basemap-style';
import { vectorBackgroundLayers } from './vector-background-style';

/** The shipped basemap's own layers, hidden when another basemap (or none) is chosen. */
const NTT_LAYER_IDS = createBasemapStyle('').layers.map((layer) => layer.id);
/** Backgrounds go under the border and labels of the shipped map, and so under every data layer. */
const BELOW = 'border-casing';

const sourceIdOf = (id: string) => `bg:${id}`;

function layersOf(background: Background): LayerSpecification[] {
  if (background.info.tileType === 'vector') return vectorBackgroundLayers(background, sourceIdOf(background.id));
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

/**
 * MapLibre shows attributions as HTML; an archive's metadata or a service's capabilities may carry links or worse,
 * so only their text is shown.
 */
export function attributionText(html: string): string {
  const text = html
    .replace(/<[^>]*>/g, '')
    .replace(/&copy;/gi, '©')
    .replace(/&amp;/gi, '&')
    .trim();
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function sourceOf(background: Background): SourceSpecification {
  const { info } = background;
  const tiles = [`${BACKGROUND_PROTOCOL}://${encodeURIComponent(background.id)}/${info.tileType}/{z}/{x}/{y}`];
  const common = {
    tiles,
    minzoom: info.minzoom,
    maxzoom: info.maxzoom,
    ...(info.bounds ? { bounds: info.bounds } : {}),
    ...(info.attribution ? { attribution: attributionText(info.attribution) } : {}),
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
      const key = JSON.stringify([
        background.info,
        background.opacity,
        background.brightness,
        background.style,
        background.shippedStyle,
      ]);
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

  /** Takes every background off the map and shows the shipped basemap again (on disconnect). */
  destroy() {
    if (!this.map.style) return;
    for (const id of [...this.shown.keys()]) this.remove(id);
    for (const id of NTT_LAYER_IDS) if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'visibility', 'visible');
  }

  private remove(id: string) {
    const source = sourceIdOf(id);
    for (const layer of this.map.getStyle().layers.filter((spec) => spec.id.startsWith(`${source}:`)))
      this.map.removeLayer(layer.id);
    if (this.map.getSource(source)) this.map.removeSource(source);
    this.shown.delete(id);
  }
}
