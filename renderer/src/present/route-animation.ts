import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { RouteProgress } from '#shared/present/route-progress';
import { FONT_BOLD } from '../map/basemap-style';
import { CONDITION_COLORS, HIGHLIGHT_COLORS } from '../map/thematic-style';

export interface RouteMarks {
  route: RouteProgress;
  /** Bridges along the route with the label to show when the drawing passes them. */
  bridges: { staM: number; position: Position; label: string; condition: string }[];
  crossings: { staM: number; position: Position; label: string }[];
}

const ROUTE = 'present-route';
const GUIDE = 'present-route-guide';
const MARKS = 'present-marks';
const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };

const lines = (paths: Position[][]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: paths.map((coordinates) => ({
    type: 'Feature',
    geometry: { type: 'LineString', coordinates },
    properties: {},
  })),
});

/**
 * A route drawing itself on the map: a faint guide of the whole route, the drawn part growing from
 * its start, bridges popping in with their label as the drawing passes them, the border crossing marked.
 */
export class RouteAnimation {
  private frame = 0;

  constructor(private readonly map: MapLibreMap) {
    map.addSource(GUIDE, { type: 'geojson', data: empty });
    map.addSource(ROUTE, { type: 'geojson', data: empty });
    map.addSource(MARKS, { type: 'geojson', data: empty });
    map.addLayer({
      id: 'present-route-guide',
      type: 'line',
      source: GUIDE,
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 10, 'line-opacity': 0.55 },
    });
    map.addLayer({
      id: 'present-route-casing',
      type: 'line',
      source: ROUTE,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 12 },
    });
    map.addLayer({
      id: 'present-route-line',
      type: 'line',
      source: ROUTE,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': HIGHLIGHT_COLORS.route, 'line-width': 7 },
    });
    map.addLayer({
      id: 'present-bridge',
      type: 'circle',
      source: MARKS,
      filter: ['==', ['get', 'kind'], 'bridge'],
      paint: {
        'circle-radius': 11,
        'circle-color': [
          'match',
          ['get', 'condition'],
          'proposed',
          '#ffffff',
          ['coalesce', ['get', 'color'], '#9e9e9e'],
        ],
        'circle-stroke-color': '#1a1a1a',
        'circle-stroke-width': 3,
      },
    });
    map.addLayer({
      id: 'present-crossing',
      type: 'circle',
      source: MARKS,
      filter: ['==', ['get', 'kind'], 'crossing'],
      paint: {
        'circle-radius': 14,
        'circle-color': HIGHLIGHT_COLORS.crossing,
        'circle-stroke-color': '#263238',
        'circle-stroke-width': 4,
      },
    });
    map.addLayer({
      id: 'present-mark-label',
      type: 'symbol',
      source: MARKS,
      layout: {
        'text-field': ['get', 'label'],
        'text-font': FONT_BOLD,
        'text-size': 18,
        'text-anchor': 'left',
        'text-offset': [1.3, 0],
        'text-max-width': 20,
        'text-allow-overlap': false,
      },
      paint: { 'text-color': '#1a1a1a', 'text-halo-color': '#ffffff', 'text-halo-width': 3 },
    });
  }

  /** Resolves once the map's worker has the new route and marks (what an export must wait for before it draws). */
  private show(marks: RouteMarks, distanceM: number): Promise<unknown> {
    const route = (this.map.getSource(ROUTE) as GeoJSONSource).setData(lines(marks.route.drawnUpTo(distanceM)));
    const features: Feature[] = [
      ...marks.bridges
        .filter((bridge) => bridge.staM <= distanceM)
        .map((bridge): Feature => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: bridge.position },
          properties: {
            kind: 'bridge',
            label: bridge.label,
            condition: bridge.condition,
            color: CONDITION_COLORS[bridge.condition] ?? '#9e9e9e',
          },
        })),
      ...marks.crossings
        .filter((crossing) => crossing.staM <= distanceM)
        .map((crossing): Feature => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: crossing.position },
          properties: { kind: 'crossing', label: crossing.label },
        })),
    ];
    return Promise.all([
      route,
      (this.map.getSource(MARKS) as GeoJSONSource).setData({ type: 'FeatureCollection', features }),
    ]);
  }

  /** Draws the route over `durationMs`, calling back with the distance drawn so far; resolves at the end. */
  play(marks: RouteMarks, durationMs: number, onProgress: (distanceM: number) => void): Promise<void> {
    this.stop();
    void (this.map.getSource(GUIDE) as GeoJSONSource).setData(lines(marks.route.paths));
    const started = performance.now();
    return new Promise((resolve) => {
      const step = () => {
        const t = Math.min(1, (performance.now() - started) / durationMs);
        // Ease out: fast over the open road, slowing into the end of the route.
        const distance = marks.route.lengthM * (1 - (1 - t) ** 2);
        void this.show(marks, distance);
        onProgress(distance);
        if (t < 1) this.frame = requestAnimationFrame(step);
        else resolve();
      };
      step();
    });
  }

  /** The whole route at once, with every mark: for exports and for reduced motion. Resolves when the map has it. */
  async showComplete(marks: RouteMarks): Promise<void> {
    this.stop();
    await Promise.all([
      (this.map.getSource(GUIDE) as GeoJSONSource).setData(lines(marks.route.paths)),
      this.show(marks, marks.route.lengthM),
    ]);
  }

  stop() {
    cancelAnimationFrame(this.frame);
  }

  clear() {
    this.stop();
    for (const source of [GUIDE, ROUTE, MARKS])
      void (this.map.getSource(source) as GeoJSONSource | undefined)?.setData(empty);
  }

  destroy() {
    this.stop();
    if (!this.map.style) return;
    for (const id of [
      'present-mark-label',
      'present-crossing',
      'present-bridge',
      'present-route-line',
      'present-route-casing',
      'present-route-guide',
    ]) {
      if (this.map.getLayer(id)) this.map.removeLayer(id);
    }
    for (const id of [GUIDE, ROUTE, MARKS]) if (this.map.getSource(id)) this.map.removeSource(id);
  }
}
