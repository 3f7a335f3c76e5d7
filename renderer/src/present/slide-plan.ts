import type { TFunction } from 'i18next';
import type { Position } from 'geojson';
import type { AppSnapshot } from '../state/app-store';
import type { Slide } from '#shared/present/story';
import { RouteProgress, findBorderCrossings, placeOnRoute } from '#shared/present/route-progress';
import { orderByConnection, ruasPaths } from '#shared/geo/ruas-reference';
import { slideFigures, type SlideFigure } from '#shared/present/slide-figures';
import { formatNumber, type Locale } from '#shared/format/format-number';
import { formatRupiahShort } from '#shared/format/format-rupiah';
import type { RetributionEstimate } from '#shared/tariff/estimate-retribution';
import type { RouteMarks } from './route-animation';
import type { Layer, StoredFeature } from '#shared/model/layer';
import { boundsOverlap, geometryBounds } from '#shared/geo/positions-of';
import { legendOf, type LegendEntry } from '../map/legend-entries';

let borderLines: Promise<Position[][]> | null = null;

/** The RI – RDTL land border of the offline basemap, read once. */
export function loadBorderLines(): Promise<Position[][]> {
  borderLines ??= fetch(new URL('basemap/border.json', document.baseURI))
    .then(
      (response) =>
        response.json() as Promise<{
          features: { geometry: { type: string; coordinates: Position[] | Position[][] } }[];
        }>,
    )
    .then((collection) =>
      collection.features.flatMap((feature) =>
        feature.geometry.type === 'LineString'
          ? [feature.geometry.coordinates as Position[]]
          : (feature.geometry.coordinates as Position[][]),
      ),
    )
    .catch(() => []);
  return borderLines;
}

/** The route of a slide with its bridges and border crossings, from the data as it is now. */
export function routeMarksFor(
  slide: Slide,
  snapshot: AppSnapshot,
  border: Position[][],
  t: TFunction,
  locale: Locale,
): RouteMarks | null {
  if (!slide.route) return null;
  const roads = snapshot.featuresByLayer.get(slide.route.layerId) ?? [];
  const paths = orderByConnection(slide.route.ruasNumbers.flatMap((ruas) => ruasPaths(roads, ruas)));
  if (paths.length === 0) return null;
  const route = new RouteProgress(paths);
  const bridgeFeatures = snapshot.layers
    .filter((layer) => layer.kind === 'bridge')
    .flatMap((layer) => snapshot.featuresByLayer.get(layer.id) ?? [])
    .filter((feature) => feature.geometry.type === 'Point');
  const bridges = placeOnRoute(
    paths,
    bridgeFeatures.map((feature) => ({
      item: feature,
      position: (feature.geometry as { coordinates: Position }).coordinates,
    })),
  ).map(({ item, staM, position }) => {
    const proposed = item.properties.existence === 'proposed';
    const condition = proposed ? 'proposed' : String(item.properties.condition ?? 'unknown');
    const state = proposed ? t('present.proposedBridge') : t(`model.condition.${condition}`);
    return {
      staM,
      position,
      condition,
      label: `${String(item.properties.name)} · ${formatNumber(Number(item.properties.lengthM), locale)}\u00a0m · ${state}`,
    };
  });
  const crossings = findBorderCrossings(paths, border).map((crossing) => ({
    ...crossing,
    label: t('present.borderCrossing'),
  }));
  return { route, bridges, crossings };
}

/** The key figures of a slide, labelled and formatted in the UI language. */
export function labelledFigures(
  slide: Slide,
  snapshot: AppSnapshot,
  marks: RouteMarks | null,
  estimate: RetributionEstimate | null,
  t: TFunction,
  locale: Locale,
): { id: string; label: string; value: string }[] {
  const highlighted = slide.highlightIds
    .map((id) => snapshot.featureById.get(id))
    .filter((feature) => feature !== undefined);
  const figures = slideFigures(
    highlighted,
    marks
      ? { lengthM: marks.route.lengthM, bridges: marks.bridges.length, borderCrossings: marks.crossings.length }
      : null,
    estimate
      ? { encroachingAssets: estimate.lines.length, totalIdrPerYear: estimate.totalIdr / estimate.periodYears }
      : null,
  );
  const format = (figure: SlideFigure) => {
    switch (figure.unit) {
      case 'km':
        return `${formatNumber(figure.value, locale, 1)} km`;
      case 'm':
        return `${formatNumber(figure.value, locale)} m`;
      case 'idr':
        return `${formatRupiahShort(figure.value, locale)}${estimate?.example ? ` (${t('present.exampleTariff')})` : ''}`;
      default:
        return formatNumber(figure.value, locale);
    }
  };
  return figures.map((figure) => ({ id: figure.id, label: t(`present.figure.${figure.id}`), value: format(figure) }));
}

/**
 * The legend of a slide: for each layer it shows, the classes of the features in the slide's view
 * (a projector has no room for classes that are not on screen).
 */
export function slideLegends(
  slide: Slide | null,
  layers: readonly Layer[],
  featuresByLayer: ReadonlyMap<string, readonly StoredFeature[]>,
  t: TFunction,
  /** The compliance map is on: the assets on the slide are drawn in their obligor's standing. */
  standing = false,
): { layerId: string; entries: LegendEntry[] }[] {
  if (!slide) return [];
  const view = slide.camera.bounds;
  const inView = (feature: StoredFeature) => {
    if (!view) return true;
    return boundsOverlap(geometryBounds(feature.geometry), view);
  };
  return layers
    .filter((layer) => slide.visibleLayerIds.includes(layer.id))
    .flatMap((layer) => {
      const features = (featuresByLayer.get(layer.id) ?? []).filter(inView);
      const legend = features.length > 0 ? legendOf(layer, t, features, { standing }) : null;
      return legend && legend.entries.length > 0 ? [{ layerId: layer.id, entries: legend.entries }] : [];
    });
}
