import type { StoredFeature } from '../model/layer';

type FigureUnit = 'count' | 'km' | 'm' | 'idr';

/** A key figure of a slide, worked out from the data it shows; the UI and the handout label it. */
export interface SlideFigure {
  id: string;
  value: number;
  unit: FigureUnit;
}

export interface RouteFacts {
  lengthM: number;
  bridges: number;
  borderCrossings: number;
}

export interface EstimateFacts {
  encroachingAssets: number;
  totalIdrPerYear: number;
}

/** Key figures of a slide: what its highlighted features, its route and its estimate add up to. */
export function slideFigures(
  highlighted: readonly StoredFeature[],
  route: RouteFacts | null,
  estimate: EstimateFacts | null,
): SlideFigure[] {
  const figures: SlideFigure[] = [];
  const roads = highlighted.filter((feature) => feature.properties.kind === 'road');
  const bridges = highlighted.filter((feature) => feature.properties.kind === 'bridge');
  if (roads.length > 0) {
    figures.push({
      id: 'roadLength',
      value: roads.reduce((sum, road) => sum + Number(road.properties.lengthM ?? 0), 0) / 1000,
      unit: 'km',
    });
    const proposed = roads.filter(
      (road) => road.properties.proposedStatus && road.properties.proposedStatus !== road.properties.status,
    );
    if (proposed.length > 0)
      figures.push({
        id: 'statusChangeLength',
        value: proposed.reduce((sum, road) => sum + Number(road.properties.lengthM ?? 0), 0) / 1000,
        unit: 'km',
      });
  }
  if (bridges.length > 0) {
    figures.push({ id: 'bridges', value: bridges.length, unit: 'count' });
    figures.push({
      id: 'bridgeLength',
      value: bridges.reduce((sum, bridge) => sum + Number(bridge.properties.lengthM ?? 0), 0),
      unit: 'm',
    });
    const damaged = bridges.filter((bridge) => bridge.properties.condition === 'rusak_berat').length;
    if (damaged > 0) figures.push({ id: 'bridgesDamaged', value: damaged, unit: 'count' });
    const proposed = bridges.filter((bridge) => bridge.properties.existence === 'proposed').length;
    if (proposed > 0) figures.push({ id: 'bridgesProposed', value: proposed, unit: 'count' });
  }
  if (route) {
    figures.push({ id: 'routeLength', value: route.lengthM / 1000, unit: 'km' });
    figures.push({ id: 'routeBridges', value: route.bridges, unit: 'count' });
    if (route.borderCrossings > 0) figures.push({ id: 'borderCrossings', value: route.borderCrossings, unit: 'count' });
  }
  if (estimate) {
    figures.push({ id: 'encroachingAssets', value: estimate.encroachingAssets, unit: 'count' });
    figures.push({ id: 'retributionPerYear', value: estimate.totalIdrPerYear, unit: 'idr' });
  }
  return figures;
}
