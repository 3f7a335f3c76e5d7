import type { Feature, FeatureCollection } from 'geojson';
import type {
  ExpressionSpecification,
  GeoJSONSource,
  LayerSpecification,
  LineLayerSpecification,
  Map as MapLibreMap,
} from 'maplibre-gl';
import type { Layer, StoredFeature } from '#shared/model/layer';
import {
  COALESCE_BELOW_ZOOM,
  layerMinZoom,
  SOURCE_LAYER,
  TILE_KEYS,
  type TileProperties,
} from '#shared/tiles/layer-tiles';
import type { FeaturePatch } from '../state/feature-patch';
import type { StoredLayerBlocks } from '../state/app-snapshot';
import { TILE_MAX_ZOOM, TILED_MIN_FEATURES, TiledLayerFeed } from './tiled-layers';
import { tilesCovering, type TileId } from '#shared/tiles/tile-cover';
import { geometryBounds, type Bounds } from '#shared/geo/positions-of';
import { FONT_BOLD } from './basemap-style';
import type { LayerStyle } from '#shared/model/layer-style';
import { styledDataKey, styledValues, withLayerStyle } from './layer-style-specs';
import {
  ASSET_COLOR,
  BORDER_ROUTE_CASING,
  BRIDGE_COLOR,
  BRIDGE_RADIUS,
  colorExpression,
  CORRIDOR_COLOR,
  FALLBACK_COLOR,
  ANNOTATION_COLOR,
  ROAD_WIDTH,
  SELECTION_COLOR,
  PROGRAMME_COLOR,
  CASING_COLOR,
  DASHED_CONDITIONS,
  HALO_COLOR,
  LABEL_COLORS,
  ROAD_CASING_WIDTH,
  SOLID_CONDITION_FILTER,
  ZONE_MARKER_FACTOR,
  ZONE_MARKER_SHAPES,
} from './thematic-style';
import { markerImageId } from '#shared/style/marker-shapes';
import { ensureMarkerImages, MARKER_RADIUS_PX, provideMarkerImages } from './marker-images';
import { FIELD_PHOTO_LAYER } from '#shared/evidence/field-photos';
import { photoMarkerLayer } from './photo-markers';

/** Properties copied into the map source: what styling and labels read (the same for tiles), plus the id. */
const STYLE_KEYS = TILE_KEYS;
const FIRST_LABEL_LAYER = 'area-labels';
const SELECTION_SOURCE = 'selection';
const PROGRAMME_SOURCE = 'programme';

export const sourceIdOf = (layerId: string) => `data:${layerId}`;

/** Computed values shown on the map beside the stored ones: the zone of an analysed asset, its standing. */
export type Annotations = ReadonlyMap<string, { zone?: string; quantity?: number; standing?: string }>;

/**
 * What the map needs of a feature to style it: the style keys that have a value, its analysed zone, and what the
 * user's style reads (the styled field, the label).
 */
export function styleProperties(feature: StoredFeature, annotations?: Annotations, style?: LayerStyle): TileProperties {
  const properties: TileProperties = style ? styledValues(feature.properties, style) : {};
  for (const key of STYLE_KEYS) {
    const value = feature.properties[key];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') properties[key] = value;
  }
  const annotation = annotations?.get(feature.id);
  if (annotation?.zone !== undefined) {
    properties.zone = annotation.zone;
    properties.encroaching = (annotation.quantity ?? 0) > 0;
  }
  if (annotation?.standing !== undefined) properties.standing = annotation.standing;
  return properties;
}

const toMapFeature = (feature: StoredFeature, annotations?: Annotations, style?: LayerStyle): Feature => ({
  type: 'Feature',
  geometry: feature.geometry,
  properties: { ...styleProperties(feature, annotations, style), fid: feature.id },
});

function toFeatureCollection(
  features: readonly StoredFeature[],
  annotations?: Annotations,
  style?: LayerStyle,
): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: features.map((feature) => toMapFeature(feature, annotations, style)),
  };
}

/**
 * Roads: flat line ends below the zoom where a province's segments are drawn merged and each is under a pixel, round
 * ends above. Round caps on 200 000 sub-pixel pieces made a province-view frame ×4 slower on a CPU renderer
 * (SwiftShader: ~860 → ~220 ms per frame, measured), and look the same there.
 */
const ROAD_LAYOUT = {
  'line-cap': ['step', ['zoom'], 'butt', COALESCE_BELOW_ZOOM, 'round'],
  'line-join': 'round',
} as LineLayerSpecification['layout'];

const hovered = (on: number | string, off: number | string) =>
  ['case', ['boolean', ['feature-state', 'hover'], false], on, off] as unknown as number;

const encroaching: ExpressionSpecification = ['boolean', ['get', 'encroaching'], false];
/** The zone's shape, from the same table as the legend, slides and sheets. */
const ZONE_MARKER_LAYOUT = {
  'icon-image': [
    'match',
    ['coalesce', ['get', 'zone'], 'unanalysed'],
    ...Object.entries(ZONE_MARKER_SHAPES).flatMap(([zone, shape]) => [zone, markerImageId(shape)]),
    markerImageId(ZONE_MARKER_SHAPES.unanalysed!),
  ] as unknown as ExpressionSpecification,
  'icon-allow-overlap': true,
  'icon-ignore-placement': true,
} as const;
/** Marker size as the circles were: radius 1.5 px at zoom 10, 4 at 14, 8 at 18, times the zone's factor. */
const ZONE_MARKER_SIZE: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['zoom'],
  10,
  ['*', 1.5 / MARKER_RADIUS_PX, ZONE_MARKER_FACTOR],
  14,
  ['*', 4 / MARKER_RADIUS_PX, ZONE_MARKER_FACTOR],
  18,
  ['*', 8 / MARKER_RADIUS_PX, ZONE_MARKER_FACTOR],
];
const ZONE_MARKER_PAINT = {
  // A standing (the compliance map) colours the marker; the zone's shape stays.
  'icon-color': ASSET_COLOR,
  'icon-halo-color': ['case', encroaching, '#b71c1c', CASING_COLOR] as unknown as ExpressionSpecification,
  'icon-halo-width': hovered(3, ['case', encroaching, 2, 1.2] as never),
};

/** Style layers of one data layer, bottom to top. Their ids start with the source id. */
export function styleLayersFor(layer: Layer, hiddenStandings: readonly string[] = []): LayerSpecification[] {
  const source = sourceIdOf(layer.id);
  const id = (suffix: string) => `${source}:${suffix}`;
  if (layer.id === FIELD_PHOTO_LAYER.id) return [photoMarkerLayer(id('point'), source)];
  switch (layer.kind) {
    case 'road': {
      const byCondition = layer.styleBy === 'condition';
      return [
        {
          id: id('border-casing'),
          type: 'line',
          source,
          filter: ['==', ['get', 'borderRoute'], true],
          layout: ROAD_LAYOUT,
          paint: {
            'line-color': BORDER_ROUTE_CASING,
            'line-width': ['interpolate', ['linear'], ['zoom'], 6, 6, 12, 12],
            'line-opacity': 0.85,
          },
        },
        {
          id: id('casing'),
          type: 'line',
          source,
          layout: ROAD_LAYOUT,
          paint: { 'line-color': CASING_COLOR, 'line-width': ROAD_CASING_WIDTH },
        },
        {
          id: id('line'),
          type: 'line',
          source,
          ...(byCondition ? { filter: SOLID_CONDITION_FILTER } : {}),
          layout: ROAD_LAYOUT,
          paint: { 'line-color': colorExpression(layer.styleBy), 'line-width': ROAD_WIDTH },
        },
        // Damaged roads drawn broken, with white gaps between the casing's edges (dark gaps would vanish next to the
        // darkest class under protanopia).
        ...(byCondition
          ? [
              {
                id: id('gaps'),
                type: 'line',
                source,
                filter: ['in', ['get', 'condition'], ['literal', DASHED_CONDITIONS.map(({ condition }) => condition)]],
                layout: { 'line-cap': 'butt', 'line-join': 'round' },
                paint: { 'line-color': HALO_COLOR, 'line-width': ROAD_WIDTH },
              } satisfies LayerSpecification,
            ]
          : []),
        ...(byCondition
          ? DASHED_CONDITIONS.map(({ condition, dash }): LayerSpecification => ({
              id: id(`broken-${condition}`),
              type: 'line',
              source,
              filter: ['==', ['get', 'condition'], condition],
              layout: { 'line-cap': 'butt', 'line-join': 'round' },
              paint: { 'line-color': colorExpression('condition'), 'line-width': ROAD_WIDTH, 'line-dasharray': dash },
            }))
          : []),
        {
          id: id('rdtl-dash'),
          type: 'line',
          source,
          filter: ['==', ['get', 'status'], 'rdtl'],
          paint: { 'line-color': '#ffffff', 'line-width': 1.5, 'line-dasharray': [2, 2] },
        },
        {
          id: id('hover'),
          type: 'line',
          source,
          layout: ROAD_LAYOUT,
          paint: { 'line-color': '#ffffff', 'line-width': 2, 'line-opacity': hovered(0.9, 0) },
        },
      ];
    }
    case 'bridge':
      return [
        {
          id: id('symbol'),
          type: 'circle',
          source,
          paint: {
            'circle-radius': BRIDGE_RADIUS,
            'circle-color': BRIDGE_COLOR,
            'circle-stroke-color': ['case', ['==', ['get', 'existence'], 'proposed'], '#c62828', CASING_COLOR],
            'circle-stroke-width': hovered(3.5, 2),
          },
        },
        {
          id: id('label'),
          type: 'symbol',
          source,
          minzoom: 8,
          layout: {
            'text-field': ['get', 'name'],
            'text-font': FONT_BOLD,
            'text-size': 12,
            'text-offset': [0, 1.4],
            'text-anchor': 'top',
            'text-optional': true,
          },
          paint: {
            'text-color': LABEL_COLORS.bridge.text,
            'text-halo-color': LABEL_COLORS.bridge.halo,
            'text-halo-width': 1.5,
          },
        },
      ];
    case 'asset': {
      // On the compliance map the classes the user unticked are left out.
      const shown = (filter: ExpressionSpecification): ExpressionSpecification =>
        hiddenStandings.length === 0
          ? filter
          : ['all', filter, ['!', ['in', ['coalesce', ['get', 'standing'], ''], ['literal', [...hiddenStandings]]]]];
      return [
        {
          id: id('fill'),
          type: 'fill',
          source,
          filter: shown(['==', ['geometry-type'], 'Polygon']),
          paint: { 'fill-color': ASSET_COLOR, 'fill-opacity': hovered(0.85, 0.6), 'fill-outline-color': CASING_COLOR },
        },
        {
          id: id('casing'),
          type: 'line',
          source,
          filter: shown(['==', ['geometry-type'], 'LineString']),
          paint: { 'line-color': CASING_COLOR, 'line-width': hovered(6.5, 4.5) },
        },
        {
          id: id('line'),
          type: 'line',
          source,
          filter: shown(['==', ['geometry-type'], 'LineString']),
          paint: { 'line-color': ASSET_COLOR, 'line-width': hovered(5, 3), 'line-dasharray': [3, 1] },
        },
        // Zone markers: shape (and size) as the zone's second channel beside colour; a symbol along an asset line
        // says its zone the same way. The dark ring is the casing (contrast on land and sea); an encroaching
        // asset's ring is red and wider.
        {
          id: id('point'),
          type: 'symbol',
          source,
          filter: shown(['==', ['geometry-type'], 'Point']),
          layout: { ...ZONE_MARKER_LAYOUT, 'icon-size': ZONE_MARKER_SIZE },
          paint: ZONE_MARKER_PAINT,
        },
        {
          id: id('line-marker'),
          type: 'symbol',
          source,
          filter: shown(['==', ['geometry-type'], 'LineString']),
          minzoom: 13,
          layout: {
            ...ZONE_MARKER_LAYOUT,
            'icon-size': ['interpolate', ['linear'], ['zoom'], 13, 0.45, 18, 0.9],
            'symbol-placement': 'line',
            'symbol-spacing': 120,
            'icon-rotation-alignment': 'viewport',
          },
          paint: ZONE_MARKER_PAINT,
        },
      ];
    }
    case 'corridor':
      return [
        {
          id: id('band'),
          type: 'line',
          source,
          layout: { 'line-cap': 'round', 'line-join': 'round' },
          paint: {
            'line-color': CORRIDOR_COLOR,
            // Fades at street zoom, where the RUMIJA bands and assets need to be read.
            'line-opacity': ['interpolate', ['linear'], ['zoom'], 12, 0.4, 15, 0.12],
            'line-width': ['interpolate', ['exponential', 2], ['zoom'], 8, 8, 14, 26, 18, 120],
          },
        },
      ];
    case 'condition_range': {
      const width: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 8, 7, 14, 16, 18, 28];
      const band = (suffix: string, dash?: number[]): LayerSpecification => ({
        id: id(suffix),
        type: 'line',
        source,
        filter: dash ? ['==', ['get', 'condition'], suffix.slice('broken-'.length)] : SOLID_CONDITION_FILTER,
        layout: { 'line-cap': 'butt', 'line-join': 'round' },
        paint: {
          'line-color': colorExpression('condition'),
          'line-width': width,
          'line-opacity': hovered(0.9, 0.6),
          ...(dash ? { 'line-dasharray': dash } : {}),
        },
      });
      return [
        // The band's edges in the casing colour: pale classes keep 3:1 against the ground.
        {
          id: id('casing'),
          type: 'line',
          source,
          layout: { 'line-cap': 'butt', 'line-join': 'round' },
          paint: { 'line-color': CASING_COLOR, 'line-width': 1, 'line-gap-width': width },
        },
        band('band'),
        ...DASHED_CONDITIONS.map(({ condition, dash }) => band(`broken-${condition}`, dash)),
      ];
    }
    case 'annotation':
      return [
        {
          id: id('fill'),
          type: 'fill',
          source,
          filter: ['==', ['geometry-type'], 'Polygon'],
          paint: { 'fill-color': ANNOTATION_COLOR, 'fill-opacity': hovered(0.3, 0.15) },
        },
        {
          id: id('line'),
          type: 'line',
          source,
          filter: ['!=', ['geometry-type'], 'Point'],
          paint: { 'line-color': ANNOTATION_COLOR, 'line-width': hovered(4, 2.5), 'line-dasharray': [2, 1] },
        },
        {
          id: id('point'),
          type: 'circle',
          source,
          filter: ['==', ['geometry-type'], 'Point'],
          paint: {
            'circle-radius': hovered(8, 6),
            'circle-color': ANNOTATION_COLOR,
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': 2,
          },
        },
        {
          id: id('label'),
          type: 'symbol',
          source,
          layout: {
            'text-field': ['get', 'text'],
            'text-font': FONT_BOLD,
            'text-size': 13,
            'text-offset': [0, 1.2],
            'text-anchor': 'top',
            'symbol-placement': 'point',
            'text-max-width': 14,
          },
          paint: {
            'text-color': LABEL_COLORS.annotation.text,
            'text-halo-color': LABEL_COLORS.annotation.halo,
            'text-halo-width': 2,
          },
        },
      ];
    default:
      return [
        {
          id: id('fill'),
          type: 'fill',
          source,
          filter: ['==', ['geometry-type'], 'Polygon'],
          paint: { 'fill-color': FALLBACK_COLOR, 'fill-opacity': 0.35 },
        },
        {
          id: id('line'),
          type: 'line',
          source,
          filter: ['!=', ['geometry-type'], 'Point'],
          paint: { 'line-color': FALLBACK_COLOR, 'line-width': 2 },
        },
        {
          id: id('point'),
          type: 'circle',
          source,
          filter: ['==', ['geometry-type'], 'Point'],
          paint: {
            'circle-radius': 4,
            'circle-color': FALLBACK_COLOR,
            'circle-stroke-color': '#fff',
            'circle-stroke-width': 1,
          },
        },
      ];
  }
}

/** Style layers that only decorate (labels, hover glow, dashes) and are not hit-tested. */
const isDecoration = (id: string) =>
  id.endsWith(':label') ||
  id.endsWith(':hover') ||
  id.endsWith(':rdtl-dash') ||
  id.endsWith(':casing') ||
  id.endsWith(':gaps') ||
  id.endsWith(':line-marker');

/** What the map should draw, as the store holds it. */
export interface DataLayerState {
  layers: readonly Layer[];
  featuresByLayer: ReadonlyMap<string, readonly StoredFeature[]>;
  featureById: ReadonlyMap<string, StoredFeature>;
  /** The last change, when it was applied to the state drawn before: then only what it touched is sent. */
  patch?: FeaturePatch | null;
  annotations?: Annotations;
  /** Standings left off the compliance map. */
  hiddenStandings?: readonly string[];
  /** The blocks layers were just read from: drawn as they are, without encoding the features again. */
  storedBlocks?: ReadonlyMap<string, StoredLayerBlocks> | null;
}

/** The opacity paint properties of each kind of style layer. */
const OPACITY_PROPERTIES: Record<string, string[]> = {
  line: ['line-opacity'],
  fill: ['fill-opacity'],
  circle: ['circle-opacity', 'circle-stroke-opacity'],
  symbol: ['text-opacity', 'icon-opacity'],
};

/** A paint value times a factor; a zoom curve keeps its shape (MapLibre wants `zoom` curves outermost). */
function scaled(value: unknown, factor: number): unknown {
  if (value === undefined) return factor;
  if (typeof value === 'number') return value * factor;
  if (Array.isArray(value) && value[0] === 'interpolate')
    return [
      ...value.slice(0, 3),
      ...value.slice(3).map((item, index) => (index % 2 === 1 ? scaled(item, factor) : item)),
    ];
  return ['*', value, factor];
}

/** Style layers drawn at the layer's opacity (the user's setting, multiplied into each layer's own). */
export function withOpacity(specs: LayerSpecification[], opacity: number): LayerSpecification[] {
  if (opacity >= 1) return specs;
  return specs.map((spec) => {
    const paint = { ...((spec as { paint?: Record<string, unknown> }).paint ?? {}) };
    for (const property of OPACITY_PROPERTIES[spec.type] ?? []) paint[property] = scaled(paint[property], opacity);
    return { ...spec, paint } as LayerSpecification;
  });
}

const isTiled = (features: readonly StoredFeature[]) => features.length >= TILED_MIN_FEATURES;

/** The tiles a change redraws: where the features were and where they are now (null: reload all). */
function changedTiles(patch: FeaturePatch, now: ReadonlyMap<string, StoredFeature>): TileId[] | null {
  if (patch.ids.size > 64) return null;
  const bounds: Bounds[] = [];
  for (const id of patch.ids) {
    for (const feature of [patch.before.get(id), now.get(id)])
      if (feature) bounds.push(geometryBounds(feature.geometry));
  }
  return tilesCovering(bounds, TILE_MAX_ZOOM);
}

/**
 * Brings the map in line with the store: per layer a GeoJSON source (small layers) or vector tiles cut in a worker
 * (large ones); after the first drawing only what a change touched is sent. Style layers in layer order,
 * visibility and thematic colours.
 */
export class DataLayerSync {
  private lastData = new Map<string, readonly StoredFeature[]>();
  private lastAnnotations: Annotations | undefined;
  /** Style layers of visible data layers, for hit-testing; kept by `sync` so mouse moves do no work. */
  interactiveLayerIds: string[] = [];
  private lastStyle = new Map<string, string>();
  /** Per layer, what of the user's style its sent data carries (see styledDataKey). */
  private readonly lastDataKey = new Map<string, string>();
  private readonly feed = new TiledLayerFeed();
  /** Layers drawn from tiles; style layers on them name the tile layer. */
  private readonly tiled = new Set<string>();
  /**
   * A tiled layer's data reached the worker (after a first drawing or a change); the map then reloads its tiles:
   * after an edit only those the changed features touch (at street zoom one or two instead of every visible tile).
   */
  private readonly refreshed = (layerId: string, tiles?: TileId[] | null) => () => {
    const sourceId = sourceIdOf(layerId);
    if (!this.map.style || !this.map.getSource(sourceId)) return;
    if (!tiles) {
      this.map.refreshTiles(sourceId);
      return;
    }
    // MapLibre reloads only tiles in view and drawn: a tile kept for later (another zoom, just panned away) would
    // come back as it was, and one still loading may have been cut before the change reached the worker. The kept
    // ones are dropped; the loading ones are asked again once the map has settled.
    const touched = new Set(tiles.map((tile) => `${tile.z}/${tile.x}/${tile.y}`));
    const cache = this.map.style.tileManagers[sourceId]?._outOfViewCache;
    cache?.filter(({ tileID: { canonical } }) => !touched.has(`${canonical.z}/${canonical.x}/${canonical.y}`));
    this.map.refreshTiles(sourceId, tiles);
    this.map.once('idle', () => {
      if (this.map.style && this.map.getSource(sourceId)) this.map.refreshTiles(sourceId, tiles);
    });
  };

  constructor(private readonly map: MapLibreMap) {
    provideMarkerImages(map);
    map.addSource(PROGRAMME_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({
      id: 'programme-line',
      type: 'line',
      source: PROGRAMME_SOURCE,
      filter: ['!=', ['geometry-type'], 'Point'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      // Two lines either side of the road, so the road's own condition colour still shows between them.
      paint: { 'line-color': PROGRAMME_COLOR, 'line-width': 3, 'line-gap-width': 6, 'line-opacity': 0.95 },
    });
    map.addLayer({
      id: 'programme-point',
      type: 'circle',
      source: PROGRAMME_SOURCE,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 10,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': PROGRAMME_COLOR,
        'circle-stroke-width': 4,
      },
    });
    map.addSource(SELECTION_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({
      id: 'selection-line',
      type: 'line',
      source: SELECTION_SOURCE,
      filter: ['!=', ['geometry-type'], 'Point'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': SELECTION_COLOR, 'line-width': 9, 'line-opacity': 0.55 },
    });
    map.addLayer({
      id: 'selection-point',
      type: 'circle',
      source: SELECTION_SOURCE,
      filter: ['==', ['geometry-type'], 'Point'],
      // A ring, so the symbol's own colour (a bridge's condition) still shows through.
      paint: {
        'circle-radius': 17,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': SELECTION_COLOR,
        'circle-stroke-width': 5,
        'circle-stroke-opacity': 0.9,
      },
    });
  }

  private removeLayer(layerId: string) {
    const map = this.map;
    for (const style of map.getStyle().layers.filter((spec) => spec.id.startsWith(`${sourceIdOf(layerId)}:`)))
      map.removeLayer(style.id);
    if (map.getSource(sourceIdOf(layerId))) map.removeSource(sourceIdOf(layerId));
    this.lastData.delete(layerId);
    this.lastStyle.delete(layerId);
    this.lastDataKey.delete(layerId);
    this.tiled.delete(layerId);
    this.feed.dropLayer(layerId);
  }

  /** Style layers of one data layer as this map draws it (tiled layers name their tile layer). */
  private specsFor(layer: Layer, hiddenStandings: readonly string[]) {
    const specs = withOpacity(withLayerStyle(styleLayersFor(layer, hiddenStandings), layer.style), layer.opacity ?? 1);
    if (!this.tiled.has(layer.id)) return specs;
    return specs.map((spec) => ({ ...spec, 'source-layer': SOURCE_LAYER }) as LayerSpecification);
  }

  /** Sends a layer's features to its source: whole, or only what the last change touched. */
  private updateData(layer: Layer, features: readonly StoredFeature[], state: DataLayerState, whole: boolean) {
    const sourceId = sourceIdOf(layer.id);
    const annotations = layer.kind === 'asset' ? state.annotations : undefined;
    const patch = state.patch;
    const propertiesOf = (feature: StoredFeature) => styleProperties(feature, annotations, layer.style);
    const incremental = !whole && patch && patch.base.get(layer.id) === this.lastData.get(layer.id);
    this.lastData.set(layer.id, features);
    if (this.tiled.has(layer.id)) {
      const tiles = incremental ? changedTiles(patch, state.featureById) : null;
      const sent = incremental
        ? this.feed.updateFeatures(layer.id, patch.ids, (id) => state.featureById.get(id))
        : this.feed.setLayer(layer.id, features, propertiesOf);
      sent.then(this.refreshed(layer.id, tiles), () => undefined);
      return;
    }
    const source = this.map.getSource(sourceId) as GeoJSONSource;
    if (!incremental) {
      void source.setData(toFeatureCollection(features, annotations, layer.style));
      return;
    }
    const remove: string[] = [];
    const add: Feature[] = [];
    for (const id of patch.ids) {
      const feature = state.featureById.get(id);
      remove.push(id);
      if (feature?.layerId === layer.id) add.push(toMapFeature(feature, annotations, layer.style));
    }
    void source.updateData({ remove, add });
  }

  sync(state: DataLayerState, options: { quietBridgeLabels?: boolean } = {}) {
    const map = this.map;
    // A new basemap style drops the images added to the old one.
    ensureMarkerImages(map);
    this.feed.current = (id) => state.featureById.get(id);
    const { layers, featuresByLayer, annotations } = state;
    const annotationsChanged = annotations !== this.lastAnnotations;
    this.lastAnnotations = annotations;
    const wanted = new Set(layers.map((layer) => layer.id));
    for (const layerId of [...this.lastData.keys()]) if (!wanted.has(layerId)) this.removeLayer(layerId);
    for (const layer of [...layers].sort((a, b) => a.order - b.order)) {
      const sourceId = sourceIdOf(layer.id);
      const features = featuresByLayer.get(layer.id) ?? [];
      const layerAnnotations = layer.kind === 'asset' ? annotations : undefined;
      const dataKey = styledDataKey(layer.style);
      // A layer that grew past (or shrank below) the limit changes how it is drawn: its source is made anew.
      if (map.getSource(sourceId) && isTiled(features) !== this.tiled.has(layer.id)) this.removeLayer(layer.id);
      if (!map.getSource(sourceId)) {
        if (isTiled(features)) {
          this.tiled.add(layer.id);
          map.addSource(sourceId, {
            type: 'vector',
            tiles: [this.feed.tileUrl(layer.id)],
            minzoom: layerMinZoom(features),
            maxzoom: TILE_MAX_ZOOM,
            promoteId: 'fid',
          });
          // Tiles asked for before the data reached the worker wait for it: no refresh needed.
          const stored = state.storedBlocks?.get(layer.id);
          const propertiesOf = (feature: StoredFeature) => styleProperties(feature, layerAnnotations, layer.style);
          // Stored blocks lack what a user's style reads (and the zones): such layers are encoded from features.
          const fromBlocks =
            stored && stored.features === features && !layerAnnotations?.size && dataKey === '|'
              ? stored.blocks.flatMap((block) =>
                  typeof block.properties === 'string' ? [] : [{ ...block, properties: block.properties }],
                )
              : null;
          // Blocks written early in v5 (properties as JSON text) are drawn from the features instead.
          const sent =
            fromBlocks && fromBlocks.length === stored!.blocks.length
              ? this.feed.setLayerFromBlocks(layer.id, fromBlocks, propertiesOf)
              : this.feed.setLayer(layer.id, features, propertiesOf);
          void sent.catch(() => undefined);
        } else {
          map.addSource(sourceId, {
            type: 'geojson',
            data: toFeatureCollection(features, layerAnnotations, layer.style),
            promoteId: 'fid',
          });
        }
        this.lastData.set(layer.id, features);
      } else if (
        this.lastData.get(layer.id) !== features ||
        (layer.kind === 'asset' && annotationsChanged) ||
        this.lastDataKey.get(layer.id) !== dataKey
      ) {
        const whole = (layer.kind === 'asset' && annotationsChanged) || this.lastDataKey.get(layer.id) !== dataKey;
        this.updateData(layer, features, state, whole);
      }
      this.lastDataKey.set(layer.id, dataKey);
      const hidden = layer.kind === 'asset' ? (state.hiddenStandings ?? []) : [];
      const styleKey = `${layer.kind}:${layer.styleBy}:${layer.opacity ?? 1}:${JSON.stringify(layer.style ?? null)}:${hidden.join()}`;
      const specs = this.specsFor(layer, hidden);
      if (this.lastStyle.get(layer.id) !== styleKey) {
        for (const spec of specs) if (map.getLayer(spec.id)) map.removeLayer(spec.id);
        this.lastStyle.set(layer.id, styleKey);
      }
      // Re-adding or moving each style layer below the labels, in order, keeps the stacking right.
      for (const spec of specs) {
        if (!map.getLayer(spec.id)) map.addLayer(spec, FIRST_LABEL_LAYER);
        else map.moveLayer(spec.id, FIRST_LABEL_LAYER);
        const quiet = options.quietBridgeLabels && layer.kind === 'bridge' && spec.id.endsWith(':label');
        map.setLayoutProperty(spec.id, 'visibility', layer.visible && !quiet ? 'visible' : 'none');
      }
    }
    map.moveLayer('programme-line', FIRST_LABEL_LAYER);
    map.moveLayer('selection-line', FIRST_LABEL_LAYER);
    map.moveLayer('programme-point');
    map.moveLayer('selection-point');
    this.interactiveLayerIds = layers
      .filter((layer) => layer.visible)
      .flatMap((layer) => styleLayersFor(layer).map((spec) => spec.id))
      .filter((id) => !isDecoration(id));
  }

  /** Removes every source and style layer this sync added, leaving the basemap. */
  destroy() {
    const map = this.map;
    this.feed.destroy();
    if (!map.style) return;
    for (const spec of map.getStyle().layers) {
      if (spec.id.startsWith('data:') || spec.id.startsWith('selection-') || spec.id.startsWith('programme-'))
        map.removeLayer(spec.id);
    }
    for (const layerId of this.lastData.keys()) map.removeSource(sourceIdOf(layerId));
    map.removeSource(SELECTION_SOURCE);
    map.removeSource(PROGRAMME_SOURCE);
    this.interactiveLayerIds = [];
    this.lastData.clear();
    this.lastStyle.clear();
    this.lastDataKey.clear();
    this.tiled.clear();
  }

  /** Marks the roads and bridges a work programme funds (none: an empty list). */
  showProgramme(features: readonly StoredFeature[]) {
    void (this.map.getSource(PROGRAMME_SOURCE) as GeoJSONSource).setData(toFeatureCollection(features));
  }

  showSelection(features: readonly StoredFeature[]) {
    void (this.map.getSource(SELECTION_SOURCE) as GeoJSONSource).setData(toFeatureCollection(features));
  }
}
