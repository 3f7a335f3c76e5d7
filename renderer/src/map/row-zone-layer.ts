import type { Feature, FeatureCollection, Polygon, MultiPolygon } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { rowHalfWidths, type Zone } from '#shared/analysis/row-zones';
import type { RoadSegmentProperties } from '#shared/model/road-network';
import type { AppStore } from '../state/app-store';
import type { StoredFeature } from '#shared/model/layer';
import { CASING_COLOR, ZONE_COLORS } from './thematic-style';
import { boundsOf, linePathsOf } from '#shared/geo/positions-of';

const SOURCE = 'row-zones';
/** Zones are drawn from this zoom on: below it they are thinner than a pixel. */
const ROW_ZONE_MIN_ZOOM = 13;
const MAX_SEGMENTS = 400;
const DRAWN_ZONES: Zone[] = ['ruwasja', 'rumija', 'rumaja'];

/**
 * Draws RUWASJA, RUMIJA and RUMAJA bands around the visible road segments in view, from each
 * segment's own widths (survey or PP 34/2006 class). Recomputed when the view or the data changes.
 */
/** Extent of each road, computed once per stored feature (features are replaced, never mutated, on edit). */
const boundsCache = new WeakMap<StoredFeature, [number, number, number, number]>();
function roadBounds(road: StoredFeature) {
  let bounds = boundsCache.get(road);
  if (!bounds) boundsCache.set(road, (bounds = boundsOf(linePathsOf(road.geometry).flat())));
  return bounds;
}

const featureCollection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

/** Turf's buffer (with JSTS, ~380 KB) is loaded the first time the map is close enough to draw zones. */
type Buffer = (typeof import('./row-zone-buffer'))['rowZoneBuffer'];
let buffer: Buffer | null = null;
const loadBuffer = () => import('./row-zone-buffer').then((module) => (buffer = module.rowZoneBuffer));

/** The three bands of a road, made once per stored feature (an edit makes a new feature, so a new entry). */
const bandsCache = new WeakMap<StoredFeature, Feature<Polygon | MultiPolygon>[]>();
function bandsOf(road: StoredFeature, buffer: Buffer) {
  let bands = bandsCache.get(road);
  if (bands) return bands;
  const widths = rowHalfWidths(road.properties as unknown as RoadSegmentProperties);
  const radius: Record<string, number> = { ruwasja: widths.ruwasjaM, rumija: widths.rumijaM, rumaja: widths.rumajaM };
  bands = [];
  for (const zone of DRAWN_ZONES) {
    const band = buffer(road.geometry as never, radius[zone], { units: 'meters', steps: 16 }) as
      Feature<Polygon | MultiPolygon> | undefined;
    if (band) bands.push({ ...band, properties: { zone, fid: road.id } } as Feature<Polygon | MultiPolygon>);
  }
  bandsCache.set(road, bands);
  return bands;
}

export function connectRowZones(map: MapLibreMap, store: AppStore): () => void {
  map.addSource(SOURCE, { type: 'geojson', data: featureCollection([]) });
  const beforeId = map.getLayer('area-labels') ? 'area-labels' : undefined;
  for (const zone of DRAWN_ZONES) {
    map.addLayer(
      {
        id: `row-zone-${zone}`,
        type: 'fill',
        source: SOURCE,
        minzoom: ROW_ZONE_MIN_ZOOM,
        filter: ['==', ['get', 'zone'], zone],
        paint: { 'fill-color': ZONE_COLORS[zone], 'fill-opacity': zone === 'ruwasja' ? 0.14 : 0.2 },
      },
      beforeId,
    );
    // The tint alone is too pale to see on a projector: each band's edge is drawn in the casing colour.
    map.addLayer(
      {
        id: `row-zone-${zone}-edge`,
        type: 'line',
        source: SOURCE,
        minzoom: ROW_ZONE_MIN_ZOOM,
        filter: ['==', ['get', 'zone'], zone],
        paint: { 'line-color': CASING_COLOR, 'line-width': 0.8, 'line-opacity': 0.6 },
      },
      beforeId,
    );
  }
  const ids = DRAWN_ZONES.flatMap((zone) => [`row-zone-${zone}`, `row-zone-${zone}-edge`]);
  // Under the data layers, so roads and assets stay on top.
  const firstData = map.getStyle().layers.find((layer) => layer.id.startsWith('data:'));
  if (firstData) for (const layerId of ids) map.moveLayer(layerId, firstData.id);

  /** The roads in the view last drawn, and the data and view they were found in. */
  let found: { key: string; from: unknown; roads: StoredFeature[] } | null = null;
  const update = () => {
    const source = map.getSource(SOURCE) as GeoJSONSource | undefined;
    if (!source) return;
    if (map.getZoom() < ROW_ZONE_MIN_ZOOM) {
      void source.setData(featureCollection([]));
      return;
    }
    if (!buffer) {
      void loadBuffer().then(update, () => undefined);
      return;
    }
    const makeBands = buffer;
    const [west, south, east, north] = map.getBounds().toArray().flat() as [number, number, number, number];
    const snapshot = store.getSnapshot();
    const roadLayers = store.presentation
      .displayedLayers()
      .filter((layer) => layer.kind === 'road' && layer.visible)
      .map((layer) => layer.id);
    // By extent, not by vertex: zoomed into the middle of a long segment, none of its vertices is in view.
    const inView = (road: StoredFeature) => {
      const [w, s, e, n] = roadBounds(road);
      return w <= east && e >= west && s <= north && n >= south;
    };
    const key = `${west},${south},${east},${north}|${roadLayers.join(',')}`;
    const patch = snapshot.featurePatch;
    let roads: StoredFeature[];
    if (found && found.key === key && patch && patch.base === found.from) {
      // An edit: the roads in view stay, but for those it changed (200 000 segments are not walked again).
      roads = found.roads.filter((road) => !patch.ids.has(road.id));
      for (const id of patch.ids) {
        const road = snapshot.featureById.get(id);
        if (road && roadLayers.includes(road.layerId) && inView(road)) roads.push(road);
      }
    } else {
      roads = [];
      for (const layerId of roadLayers)
        for (const road of snapshot.featuresByLayer.get(layerId) ?? []) if (inView(road)) roads.push(road);
    }
    found = { key, from: snapshot.featuresByLayer, roads };
    roads = roads.slice(0, MAX_SEGMENTS);
    const bands = roads.flatMap((road) => bandsOf(road, makeBands));
    void source.setData(featureCollection(bands));
  };

  map.on('moveend', update);
  // Only changes to what the bands are made of redraw them (not a selection or a panel's state).
  let drawnFrom: unknown[] = [];
  const unsubscribe = store.subscribe(() => {
    const { featuresByLayer, layers, presentation } = store.getSnapshot();
    const from = [featuresByLayer, layers, presentation];
    if (from.every((value, index) => value === drawnFrom[index])) return;
    drawnFrom = from;
    update();
  });
  update();
  return () => {
    unsubscribe();
    map.off('moveend', update);
    for (const layerId of ids) if (map.getLayer(layerId)) map.removeLayer(layerId);
    if (map.getSource(SOURCE)) map.removeSource(SOURCE);
  };
}
