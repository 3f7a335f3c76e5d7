import type { Position } from 'geojson';
import { geodesicLengthM } from '../geo/geodesic';
import { pointAlongM } from '../geo/point-along';
import type { Layer, StoredFeature } from '../model/layer';
import type { BridgeProperties, CorridorProperties, FeatureSource, RoadSegmentProperties } from '../model/road-network';
import { DEMO_BRIDGES, DEMO_CORRIDORS, DEMO_ROUTES } from './ntt-demo-routes';
import { createDemoUtilities } from './synthetic-utilities';

const DEMO_SOURCE: FeatureSource = { kind: 'demo', label: 'ilustrasi', recordedAt: null, illustrative: true };

export const DEMO_LAYER_IDS = { roads: 'demo-roads', bridges: 'demo-bridges', corridors: 'demo-corridors' } as const;

/** The border route the five reported bridges stand on. */
export const BRIDGE_ROUTE = 'P-101';

export interface Dataset {
  layers: Layer[];
  features: StoredFeature[];
}

function concatenatePaths(paths: Position[][]): Position[] {
  return paths.flatMap((path, index) => (index === 0 ? path : path.slice(1)));
}

/** Builds the embedded NTT demo dataset. Pure and deterministic: the same call gives the same data. */
export function createDemoDataset(createdAt = '2026-01-21T00:00:00.000Z'): Dataset {
  const layers: Layer[] = [
    {
      id: DEMO_LAYER_IDS.corridors,
      name: 'Koridor (demo)',
      kind: 'corridor',
      order: 0,
      visible: true,
      styleBy: 'status',
      demo: true,
      createdAt,
    },
    {
      id: DEMO_LAYER_IDS.roads,
      name: 'Ruas jalan (demo)',
      kind: 'road',
      order: 1,
      visible: true,
      styleBy: 'status',
      demo: true,
      createdAt,
    },
    {
      id: DEMO_LAYER_IDS.bridges,
      name: 'Jembatan (demo)',
      kind: 'bridge',
      order: 2,
      visible: true,
      styleBy: 'condition',
      demo: true,
      createdAt,
    },
  ];
  const features: StoredFeature[] = [];
  const segmentIdsByRuas = new Map<string, string[]>();

  for (const route of DEMO_ROUTES) {
    route.segments.forEach((segment, index) => {
      const id = `demo-road-${route.ruasNumber}-${index + 1}`;
      const geometry = { type: 'LineString' as const, coordinates: segment.path };
      const properties: RoadSegmentProperties = {
        kind: 'road',
        ruasNumber: route.ruasNumber,
        name: route.segments.length > 1 ? `${route.name} (${index + 1}/${route.segments.length})` : route.name,
        status: route.status,
        functionClass: route.functionClass,
        roadClass: route.roadClass,
        rumijaWidthM: route.rumijaWidthM ?? null,
        carriagewayWidthM: route.carriagewayWidthM ?? null,
        condition: segment.condition,
        surface:
          route.status === 'nasional' || route.rumijaWidthM
            ? 'aspal'
            : segment.condition === 'rusak_berat'
              ? 'lapen'
              : 'aspal',
        regencyCode: segment.regencyCode ?? route.regencyCode,
        lengthM: Math.round(geodesicLengthM(geometry) * 10) / 10,
        proposedStatus: route.proposedStatus ?? null,
        borderRoute: route.borderRoute ?? false,
        source: DEMO_SOURCE,
      };
      features.push({ id, layerId: DEMO_LAYER_IDS.roads, geometry, properties });
      segmentIdsByRuas.set(route.ruasNumber, [...(segmentIdsByRuas.get(route.ruasNumber) ?? []), id]);
    });
  }

  const bridgeRoute = DEMO_ROUTES.find((route) => route.ruasNumber === BRIDGE_ROUTE)!;
  const bridgePath = concatenatePaths(bridgeRoute.segments.map((segment) => segment.path));
  DEMO_BRIDGES.forEach((bridge, index) => {
    const properties: BridgeProperties = {
      kind: 'bridge',
      name: bridge.name,
      lengthM: bridge.lengthM,
      widthM: null,
      condition: bridge.condition,
      existence: bridge.existence,
      ruasNumber: BRIDGE_ROUTE,
      staM: bridge.staM,
      regencyCode: bridgeRoute.regencyCode,
      note:
        bridge.existence === 'proposed'
          ? 'Usulan jembatan baru (bangunan baru); dilaporkan ke Komisi II DPR RI, Januari 2026. Lokasi ilustrasi.'
          : 'Dilaporkan rusak berat ke Komisi II DPR RI, Januari 2026. Lokasi ilustrasi.',
      source: DEMO_SOURCE,
    };
    features.push({
      id: `demo-bridge-${index + 1}`,
      layerId: DEMO_LAYER_IDS.bridges,
      geometry: {
        type: 'Point',
        coordinates: pointAlongM(bridgePath, bridge.staM).map((value) => Number(value.toFixed(6))),
      },
      properties,
    });
  });

  for (const corridor of DEMO_CORRIDORS) {
    const route = DEMO_ROUTES.find((candidate) => candidate.ruasNumber === corridor.ruasNumber)!;
    const properties: CorridorProperties = {
      kind: 'corridor',
      name: corridor.name,
      city: corridor.city,
      segmentIds: segmentIdsByRuas.get(corridor.ruasNumber) ?? [],
      note: 'Koridor penertiban pemanfaatan RUMIJA (Perda NTT 1/2024). Geometri ilustrasi.',
      source: DEMO_SOURCE,
    };
    features.push({
      id: corridor.id,
      layerId: DEMO_LAYER_IDS.corridors,
      geometry: { type: 'MultiLineString', coordinates: route.segments.map((segment) => segment.path) },
      properties,
    });
  }
  const corridorRuas = new Set<string>(DEMO_CORRIDORS.map((corridor) => corridor.ruasNumber));
  const utilities = createDemoUtilities(
    features.filter((feature) => corridorRuas.has(String(feature.properties.ruasNumber))),
  );
  return { layers: [...layers, { ...utilities.layer, createdAt }], features: [...features, ...utilities.features] };
}
