import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, Point, Position } from 'geojson';
import { boundsOf, boundsOverlap, linePathsOf, type Bounds } from '#shared/geo/positions-of';
import { ruasPaths, staTicks, type StaTick } from '#shared/geo/ruas-reference';
import { formatSta } from '#shared/format/format-number';
import type { AppStore } from '../state/app-store';
import type { StoredFeature } from '#shared/model/layer';
import { FONT_BOLD, FONT_REGULAR } from './basemap-style';
import { HIGHLIGHT_COLORS } from './thematic-style';

/** Where the STA label switch is remembered between sessions. */
export const STA_LABELS_KEY = 'rumija.staLabels';
export const staLabelsWanted = () => localStorage.getItem(STA_LABELS_KEY) !== 'off';

const TICKS_SOURCE = 'sta-ticks';
const MARKER_SOURCE = 'sta-marker';
/** Kilometre ticks from this zoom, hectometre ticks from the next. */
const KM_ZOOM = 12;
const HM_ZOOM = 15;

/**
 * STA labels along every visible ruas (every 1 km from zoom 12, every 100 m from zoom 15), worked
 * out for the ruas in view only, and the marker that "go to STA" puts down.
 */
export class StaLayers {
  private enabled = false;
  private ruasBounds = new Map<
    string,
    { layerId: string; ruasNumber: string; bounds: Bounds; segments: StoredFeature[] }
  >();
  private ticks = new Map<string, StaTick[]>();
  private source: unknown = null;
  private presentation: unknown = null;

  constructor(
    private readonly map: MapLibreMap,
    private readonly store: AppStore,
  ) {
    map.addSource(TICKS_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addSource(MARKER_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({
      id: 'sta-tick',
      type: 'circle',
      source: TICKS_SOURCE,
      paint: {
        'circle-radius': ['case', ['get', 'km'], 4, 2.5],
        'circle-color': '#ffffff',
        'circle-stroke-color': '#263238',
        'circle-stroke-width': 1.5,
      },
    });
    map.addLayer({
      id: 'sta-tick-label',
      type: 'symbol',
      source: TICKS_SOURCE,
      layout: {
        'text-field': ['get', 'label'],
        'text-font': ['case', ['get', 'km'], ['literal', FONT_BOLD], ['literal', FONT_REGULAR]],
        'text-size': ['case', ['get', 'km'], 13, 11],
        'text-offset': [0, -1.1],
        'text-anchor': 'bottom',
        'text-allow-overlap': false,
      },
      paint: { 'text-color': '#263238', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
    });
    map.addLayer({
      id: 'sta-marker',
      type: 'circle',
      source: MARKER_SOURCE,
      paint: {
        'circle-radius': 9,
        'circle-color': HIGHLIGHT_COLORS.staMark,
        'circle-stroke-color': '#263238',
        'circle-stroke-width': 3,
      },
    });
    map.addLayer({
      id: 'sta-marker-label',
      type: 'symbol',
      source: MARKER_SOURCE,
      layout: {
        'text-field': ['get', 'label'],
        'text-font': FONT_BOLD,
        'text-size': 15,
        'text-offset': [0, 1.3],
        'text-anchor': 'top',
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#0d47a1', 'text-halo-color': '#ffffff', 'text-halo-width': 2.5 },
    });
    map.on('moveend', this.refresh);
    this.unsubscribe = store.subscribe(() => {
      const { featuresByLayer, presentation } = store.getSnapshot();
      // The "go to STA" marker is the user's working mark: slides do not show it.
      const markVisibility = presentation ? 'none' : 'visible';
      for (const id of ['sta-marker', 'sta-marker-label'])
        if (this.map.getLayer(id) && this.map.getLayoutProperty(id, 'visibility') !== markVisibility)
          this.map.setLayoutProperty(id, 'visibility', markVisibility);
      if (this.enabled && (featuresByLayer !== this.source || presentation !== this.presentation)) this.refresh();
    });
  }

  private readonly unsubscribe: () => void;

  setEnabled(enabled: boolean) {
    this.enabled = enabled;
    this.refresh();
  }

  /** Puts the "go to STA" marker down (null clears it). */
  showMarker(position: Position | null, label = '') {
    const features: Feature<Point>[] = position
      ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: position }, properties: { label } }]
      : [];
    void (this.map.getSource(MARKER_SOURCE) as GeoJSONSource).setData({ type: 'FeatureCollection', features });
  }

  /** Which ruas each indexed road segment belongs to, so a change re-indexes only the ruas it touched. */
  private ruasOfFeature = new Map<string, string>();

  private addSegment(layerId: string, feature: StoredFeature) {
    const ruasNumber = String(feature.properties.ruasNumber ?? '');
    const key = `${layerId}|${ruasNumber}`;
    const known = this.ruasBounds.get(key);
    if (known) known.segments.push(feature);
    else this.ruasBounds.set(key, { layerId, ruasNumber, bounds: [0, 0, 0, 0], segments: [feature] });
    this.ruasOfFeature.set(feature.id, key);
    return key;
  }

  private measureRuas(key: string) {
    const ruas = this.ruasBounds.get(key);
    if (!ruas) return;
    if (ruas.segments.length === 0) this.ruasBounds.delete(key);
    else ruas.bounds = boundsOf(ruas.segments.flatMap((segment) => linePathsOf(segment.geometry).flat()));
    this.ticks.delete(key);
  }

  /** Keeps the ruas index in step with the store: only the ruas a change touched, when the change says which. */
  private indexRuas() {
    const { layers, featuresByLayer, featureById, featurePatch } = this.store.getSnapshot();
    if (this.source === featuresByLayer) return;
    const roadLayers = new Set(layers.filter((layer) => layer.kind === 'road').map((layer) => layer.id));
    if (this.source && featurePatch?.base === this.source) {
      this.source = featuresByLayer;
      const dirty = new Set<string>();
      for (const id of featurePatch.ids) {
        const oldKey = this.ruasOfFeature.get(id);
        if (oldKey) {
          const ruas = this.ruasBounds.get(oldKey)!;
          ruas.segments = ruas.segments.filter((segment) => segment.id !== id);
          this.ruasOfFeature.delete(id);
          dirty.add(oldKey);
        }
        const feature = featureById.get(id);
        if (feature && roadLayers.has(feature.layerId)) dirty.add(this.addSegment(feature.layerId, feature));
      }
      for (const key of dirty) this.measureRuas(key);
      return;
    }
    this.source = featuresByLayer;
    this.ruasBounds.clear();
    this.ruasOfFeature.clear();
    this.ticks.clear();
    for (const layerId of roadLayers)
      for (const feature of featuresByLayer.get(layerId) ?? []) this.addSegment(layerId, feature);
    for (const key of this.ruasBounds.keys()) this.measureRuas(key);
  }

  refresh = () => {
    const source = this.map.getSource(TICKS_SOURCE) as GeoJSONSource | undefined;
    if (!source) return;
    const zoom = this.map.getZoom();
    // Slides keep to what they are about: no STA ticks on the projector.
    this.presentation = this.store.getSnapshot().presentation;
    if (!this.enabled || zoom < KM_ZOOM || this.presentation) {
      void source.setData({ type: 'FeatureCollection', features: [] });
      return;
    }
    this.indexRuas();
    const view = this.map.getBounds();
    const viewBounds: Bounds = [view.getWest(), view.getSouth(), view.getEast(), view.getNorth()];
    const visibleLayers = new Set(
      this.store
        .getSnapshot()
        .layers.filter((layer) => layer.visible)
        .map((layer) => layer.id),
    );
    const features: Feature<Point>[] = [];
    for (const [key, ruas] of this.ruasBounds) {
      if (!visibleLayers.has(ruas.layerId) || !boundsOverlap(ruas.bounds, viewBounds)) continue;
      let ticks = this.ticks.get(key);
      if (!ticks) {
        ticks = staTicks(ruasPaths(ruas.segments, ruas.ruasNumber), 100);
        this.ticks.set(key, ticks);
      }
      for (const tick of ticks) {
        const km = Math.round(tick.staM) % 1000 === 0;
        const [x, y] = tick.position;
        if (
          (!km && zoom < HM_ZOOM) ||
          x! < viewBounds[0] ||
          x! > viewBounds[2] ||
          y! < viewBounds[1] ||
          y! > viewBounds[3]
        )
          continue;
        features.push({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: tick.position },
          properties: { km, label: km ? formatSta(tick.staM) : formatSta(tick.staM).replace('STA ', '') },
        });
      }
    }
    void source.setData({ type: 'FeatureCollection', features });
  };

  destroy() {
    this.unsubscribe();
    this.map.off('moveend', this.refresh);
    if (!this.map.style) return;
    for (const id of ['sta-marker-label', 'sta-marker', 'sta-tick-label', 'sta-tick'])
      if (this.map.getLayer(id)) this.map.removeLayer(id);
    for (const id of [TICKS_SOURCE, MARKER_SOURCE]) if (this.map.getSource(id)) this.map.removeSource(id);
  }
}
