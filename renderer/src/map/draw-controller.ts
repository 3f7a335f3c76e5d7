import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Geometry, Position } from 'geojson';
import {
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawPointMode,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
  type GeoJSONStoreFeatures,
  type SnapToCustom,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { geodesicAreaM2, geodesicDistanceM, geodesicLengthM } from '#shared/geo/geodesic';
import { linePathsOf } from '#shared/geo/positions-of';
import { SnapIndex, type SnapTarget } from '#shared/geo/snap';
import { chainageAlongPaths } from '#shared/geo/chainage';
import { ruasPaths } from '#shared/geo/ruas-reference';
import type { AppStore } from '../state/app-store';
import type { DrawTool, EditSession } from '../state/edit-session';
import { defaultPropertiesFor } from '../state/new-feature-defaults';
import { HIGHLIGHT_COLORS } from './thematic-style';

/** How near, in screen pixels, a pointer must come to a road or vertex to snap to it. */
const SNAP_PIXELS = 12;
const DRAW_COLOR = HIGHLIGHT_COLORS.draw;
const MEASURE_COLOR = HIGHLIGHT_COLORS.measure;

const drawStyles = {
  lineStringColor: DRAW_COLOR,
  lineStringWidth: 4,
  closingPointColor: DRAW_COLOR,
  coordinatePointColor: DRAW_COLOR,
  snappingPointColor: HIGHLIGHT_COLORS.selection,
} as const;
const measureStyles = {
  ...drawStyles,
  lineStringColor: MEASURE_COLOR,
  closingPointColor: MEASURE_COLOR,
  coordinatePointColor: MEASURE_COLOR,
} as const;
const polygonStyles = (color: `#${string}`) =>
  ({
    fillColor: color,
    fillOpacity: 0.2,
    outlineColor: color,
    outlineWidth: 3,
    closingPointColor: color,
    snappingPointColor: HIGHLIGHT_COLORS.selection,
  }) as const;

const modeFor = (tool: DrawTool): string => {
  if (tool.action === 'measure') return tool.geometry === 'LineString' ? 'measure-line' : 'measure-area';
  if (tool.action === 'draw') return { Point: 'point', LineString: 'linestring', Polygon: 'polygon' }[tool.geometry];
  return tool.action === 'edit' ? 'select' : 'static';
};

/** Length (perimeter for areas) and area of a geometry as it is being drawn. */
export function measureGeometry(geometry: Geometry) {
  if (geometry.type === 'Polygon') {
    return {
      lengthM: geodesicLengthM({ type: 'LineString', coordinates: geometry.coordinates[0] ?? [] }),
      areaM2: geodesicAreaM2(geometry),
    };
  }
  return { lengthM: geodesicLengthM(geometry), areaM2: null };
}

/**
 * Drawing, measuring and vertex editing on the map with terra-draw. What is drawn is held here only
 * until the attribute form saves it to the store; snapping uses the visible roads and bridges.
 */
export function connectDrawing(map: MapLibreMap, store: AppStore, session: EditSession): () => void {
  let snapIndex: SnapIndex | null = null;
  let snapSource: unknown = null;
  const snapIndexNow = () => {
    const snapshot = store.getSnapshot();
    if (!snapIndex || snapSource !== snapshot.featuresByLayer) {
      snapSource = snapshot.featuresByLayer;
      const targets: SnapTarget[] = [];
      for (const layer of snapshot.layers) {
        if (!layer.visible || !['road', 'bridge'].includes(layer.kind)) continue;
        for (const feature of snapshot.featuresByLayer.get(layer.id) ?? []) {
          const paths =
            feature.geometry.type === 'Point' ? [[feature.geometry.coordinates]] : linePathsOf(feature.geometry);
          targets.push({ id: feature.id, paths });
        }
      }
      snapIndex = new SnapIndex(targets);
    }
    return snapIndex;
  };
  /** Metres that SNAP_PIXELS cover at this place and zoom. */
  const toleranceAt = (x: number, y: number) => {
    const a = map.unproject([x, y]);
    const b = map.unproject([x + SNAP_PIXELS, y]);
    return geodesicDistanceM([a.lng, a.lat], [b.lng, b.lat]);
  };
  const snapToExisting: SnapToCustom = (event) =>
    snapIndexNow().snap([event.lng, event.lat], toleranceAt(event.containerX, event.containerY))?.position;
  const snapping = { toCustom: snapToExisting, toCoordinate: true };

  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map }),
    modes: [
      new TerraDrawLineStringMode({ snapping, styles: drawStyles }),
      new TerraDrawPolygonMode({ snapping, styles: polygonStyles(DRAW_COLOR) }),
      new TerraDrawPointMode({
        styles: { pointColor: DRAW_COLOR, pointWidth: 7, pointOutlineColor: '#ffffff', pointOutlineWidth: 2 },
      }),
      new TerraDrawLineStringMode({ modeName: 'measure-line', styles: measureStyles }),
      new TerraDrawPolygonMode({ modeName: 'measure-area', styles: polygonStyles(MEASURE_COLOR) }),
      new TerraDrawSelectMode({
        flags: {
          linestring: {
            feature: {
              coordinates: {
                draggable: true,
                midpoints: true,
                deletable: true,
                snappable: { toCustom: snapToExisting },
              },
            },
          },
          polygon: {
            feature: {
              coordinates: {
                draggable: true,
                midpoints: true,
                deletable: true,
                snappable: { toCustom: snapToExisting },
              },
            },
          },
          point: { feature: { draggable: true } },
        },
        styles: {
          selectedLineStringColor: DRAW_COLOR,
          selectedPolygonColor: DRAW_COLOR,
          selectedPolygonOutlineColor: DRAW_COLOR,
          selectionPointColor: DRAW_COLOR,
          midPointColor: '#ffffff',
          midPointOutlineColor: DRAW_COLOR,
        },
      }),
    ],
  });
  draw.start();

  let editing: { featureId: string; drawId: string | number } | null = null;

  const startEdit = (featureId: string) => {
    const feature = store.getSnapshot().featureById.get(featureId);
    const mode =
      feature && { Point: 'point', LineString: 'linestring', Polygon: 'polygon' }[feature.geometry.type as string];
    if (!feature || !mode) {
      session.say('error', (t) => t('draw.editUnsupported', { type: feature?.geometry.type ?? '?' }));
      session.setTool(null);
      return;
    }
    const drawId = draw.getFeatureId();
    const [validation] = draw.addFeatures([
      { id: drawId, type: 'Feature', geometry: feature.geometry, properties: { mode } } as GeoJSONStoreFeatures,
    ]);
    if (!validation!.valid) {
      session.say('error', (t) => t('draw.editUnsupported', { type: validation!.reason ?? feature.geometry.type }));
      session.setTool(null);
      return;
    }
    draw.selectFeature(drawId);
    editing = { featureId, drawId };
  };

  const finishEdit = async () => {
    if (!editing) return;
    const { featureId, drawId } = editing;
    const geometry = draw.getSnapshotFeature(drawId)?.geometry as Geometry | undefined;
    editing = null;
    session.setTool(null);
    if (!geometry) return;
    try {
      const changed = await store.document.updateGeometry(featureId, geometry);
      session.say('info', (t) => t(changed ? 'draw.geometrySaved' : 'draw.geometryUnchanged'));
    } catch (error) {
      session.say('error', error instanceof Error ? error.message : String(error));
    }
  };

  /** A point drawn for a bridge lands on the road under it, with the ruas and STA filled in. */
  const placeOnRoad = (position: Position) => {
    const snapshot = store.getSnapshot();
    const point = map.project(position as [number, number]);
    const hit = snapIndexNow().snap(position, toleranceAt(point.x, point.y));
    const road = hit && snapshot.featureById.get(hit.featureId);
    if (!hit || !road || road.properties.kind !== 'road') return { position, initial: {} };
    const ruasNumber = String(road.properties.ruasNumber);
    const sta = chainageAlongPaths(
      ruasPaths(snapshot.featuresByLayer.get(road.layerId) ?? [], ruasNumber),
      hit.position,
    );
    return {
      position: hit.position,
      initial: {
        ruasNumber,
        staM: sta ? Math.round(sta.staM) : null,
        regencyCode: road.properties.regencyCode ?? null,
      },
    };
  };

  draw.on('change', (ids) => {
    const tool = session.getSnapshot().tool;
    if (!tool || (tool.action !== 'measure' && tool.action !== 'draw')) return;
    const feature = ids
      .map((id) => draw.getSnapshotFeature(id))
      .find((candidate) => candidate && candidate.geometry.type !== 'Point');
    if (feature) session.setMeasurement(measureGeometry(feature.geometry as Geometry));
  });

  draw.on('finish', (id, context) => {
    const tool = session.getSnapshot().tool;
    const feature = draw.getSnapshotFeature(id);
    if (!tool || !feature || context.action !== 'draw') return;
    const geometry = feature.geometry as Geometry;
    if (tool.action === 'measure') {
      // The last measurement stays on the map until the next one is finished.
      draw.removeFeatures(
        draw
          .getSnapshot()
          .filter((other) => other.id !== id && other.properties.mode === context.mode)
          .map((other) => other.id!),
      );
      session.setMeasurement(measureGeometry(geometry));
      return;
    }
    if (tool.action !== 'draw') return;
    draw.removeFeatures([id]);
    let initial: Record<string, unknown> = {};
    let finalGeometry = geometry;
    if (geometry.type === 'Point' && tool.kind === 'bridge') {
      const placed = placeOnRoad(geometry.coordinates);
      finalGeometry = { type: 'Point', coordinates: placed.position };
      initial = placed.initial;
    }
    session.setPending({
      kind: tool.kind,
      geometry: finalGeometry,
      initial: { ...defaultPropertiesFor(tool.kind), ...initial },
    });
  });

  let previousTool: DrawTool | null = null;
  let previousFinish = 0;
  const onSession = () => {
    const { tool, finishRequest } = session.getSnapshot();
    if (finishRequest !== previousFinish) {
      previousFinish = finishRequest;
      void finishEdit();
      return;
    }
    if (tool === previousTool) return;
    previousTool = tool;
    editing = null;
    draw.clear();
    draw.setMode(tool ? modeFor(tool) : 'static');
    if (tool?.action === 'edit') startEdit(tool.featureId);
    map.getCanvas().style.cursor = tool?.action === 'split' ? 'crosshair' : '';
  };
  const unsubscribe = session.subscribe(onSession);
  onSession();
  return () => {
    unsubscribe();
    draw.stop();
  };
}
