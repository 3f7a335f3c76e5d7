import type { TFunction } from 'i18next';
import { featuresBounds, positionsOf } from '#shared/geo/positions-of';
import { formatNumber, formatSta, type Locale } from '#shared/format/format-number';
import { formatRupiah } from '#shared/format/format-rupiah';
import { regencyName } from '#shared/model/regencies';
import type { Layer, LayerKind, StoredFeature } from '#shared/model/layer';
import { zoomForScale } from '#shared/print/print-layout';
import type { AnalysisState } from '../state/app-snapshot';
import type { SheetRequest } from './print-job';
import type { FeatureCollection } from 'geojson';
import { ruasPaths, staTicks } from '#shared/geo/ruas-reference';

/** STA ticks along a ruas, about twenty to a sheet (every 1, 2, 5 or 10 km), labelled "STA 12+000". */
function ruasTicks(segments: readonly StoredFeature[], ruas: string, metres: number): FeatureCollection {
  const step = [1000, 2000, 5000, 10_000].find((candidate) => metres / candidate <= 20) ?? 20_000;
  return {
    type: 'FeatureCollection',
    features: staTicks(ruasPaths(segments, ruas), step).map((tick) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: tick.position },
      properties: { km: true, label: formatSta(tick.staM) },
    })),
  };
}

export const ATLAS_KINDS: readonly LayerKind[] = ['road', 'bridge', 'corridor'];

export interface AtlasFilter {
  layerId: string;
  /** Only ruas of this status ('' for all). */
  status: string;
  /** Only ruas whose kabupaten/kota name or code contains this ('' for all). */
  regency: string;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const byRuas = new Intl.Collator('id', { numeric: true });

/** One sheet per ruas: the road's extent, its name, status, kabupaten, length and bridges. */
function ruasSheets(
  features: readonly StoredFeature[],
  filter: AtlasFilter,
  bridges: readonly StoredFeature[],
  t: TFunction,
  locale: Locale,
) {
  const groups = new Map<string, StoredFeature[]>();
  for (const feature of features) {
    const ruas = text(feature.properties.ruasNumber) || text(feature.properties.name) || feature.id;
    const group = groups.get(ruas);
    if (group) group.push(feature);
    else groups.set(ruas, [feature]);
  }
  const needle = filter.regency.trim().toLowerCase();
  return [...groups]
    .filter(([, segments]) => !filter.status || segments.some((segment) => segment.properties.status === filter.status))
    .filter(
      ([, segments]) =>
        !needle ||
        segments.some((segment) => {
          const code = text(segment.properties.regencyCode);
          return code.toLowerCase().includes(needle) || regencyName(code).toLowerCase().includes(needle);
        }),
    )
    .sort(([a], [b]) => byRuas.compare(a, b))
    .map(([ruas, segments]): SheetRequest => {
      const name = text(segments[0]!.properties.name).replace(/\s*\(\d+\/\d+\)$/, '');
      const metres = segments.reduce((sum, segment) => sum + (Number(segment.properties.lengthM) || 0), 0);
      const regencies = [...new Set(segments.map((segment) => regencyName(text(segment.properties.regencyCode))))];
      const onRuas = bridges.filter((bridge) => bridge.properties.ruasNumber === ruas).length;
      return {
        view: { bounds: featuresBounds(segments) },
        staTicks: ruasTicks(segments, ruas, metres),
        title: name && name !== ruas ? `${ruas} – ${name}` : ruas,
        subtitle: [
          t(`model.status.${text(segments[0]!.properties.status)}`, { defaultValue: '' }),
          regencies.filter(Boolean).join(', '),
          `${formatNumber(metres / 1000, locale, 2)} km`,
          t('print.bridgeCount', { count: onRuas }),
        ]
          .filter(Boolean)
          .join(' · '),
      };
    });
}

/** One sheet per bridge at 1:5 000: its name, ruas, STA, length and condition. */
function bridgeSheets(features: readonly StoredFeature[], t: TFunction, locale: Locale) {
  return [...features]
    .sort((a, b) => byRuas.compare(text(a.properties.name), text(b.properties.name)))
    .map((bridge): SheetRequest => {
      const [lon, lat] = positionsOf(bridge.geometry)[0]! as [number, number];
      const sta = Number(bridge.properties.staM);
      return {
        view: { center: [lon, lat], zoom: zoomForScale(5000, lat) },
        title: text(bridge.properties.name) || bridge.id,
        subtitle: [
          text(bridge.properties.ruasNumber),
          Number.isFinite(sta) && bridge.properties.staM !== undefined ? formatSta(sta) : '',
          bridge.properties.lengthM ? `${formatNumber(Number(bridge.properties.lengthM), locale)} m` : '',
          bridge.properties.existence === 'proposed'
            ? t('model.condition.proposed')
            : t(`model.condition.${text(bridge.properties.condition) || 'unknown'}`),
        ]
          .filter(Boolean)
          .join(' · '),
      };
    });
}

/** One sheet per corridor, with its encroachment table (from the last analysis that covered it) under the map. */
function corridorSheets(features: readonly StoredFeature[], analysis: AnalysisState, t: TFunction, locale: Locale) {
  return features.map((corridor): SheetRequest => {
    const lines = (analysis.estimate?.lines ?? []).filter((line) => line.corridorIds.includes(corridor.id));
    const byCategory = new Map<string, { count: number; amount: number }>();
    for (const line of lines) {
      const entry = byCategory.get(line.category) ?? { count: 0, amount: 0 };
      byCategory.set(line.category, { count: entry.count + 1, amount: entry.amount + line.amountIdr });
    }
    const rows = [...byCategory].map(([category, entry]) => [
      t(`model.category.${category}`, { defaultValue: category }),
      formatNumber(entry.count, locale),
      formatRupiah(entry.amount, locale),
    ]);
    const total = lines.reduce((sum, line) => sum + line.amountIdr, 0);
    return {
      view: { bounds: featuresBounds([corridor]) },
      title: text(corridor.properties.name) || corridor.id,
      subtitle: lines.length ? t('print.corridorAssets', { count: lines.length }) : t('print.corridorNotAnalysed'),
      table: lines.length
        ? {
            header: [t('print.category'), t('print.count'), t('print.retribution')],
            rows: [...rows, [t('summary.total'), formatNumber(lines.length, locale), formatRupiah(total, locale)]],
          }
        : null,
    };
  });
}

/** The sheets of an atlas over a layer: one per ruas, bridge or corridor, after the filter. */
export function atlasRequests(
  layer: Layer,
  features: readonly StoredFeature[],
  filter: AtlasFilter,
  analysis: AnalysisState,
  layers: readonly Layer[],
  featuresByLayer: ReadonlyMap<string, readonly StoredFeature[]>,
  t: TFunction,
  locale: Locale,
): SheetRequest[] {
  if (layer.kind === 'road') {
    const bridges = layers
      .filter((candidate) => candidate.kind === 'bridge')
      .flatMap((candidate) => featuresByLayer.get(candidate.id) ?? []);
    return ruasSheets(features, filter, bridges, t, locale);
  }
  if (layer.kind === 'bridge') return bridgeSheets(features, t, locale);
  if (layer.kind === 'corridor') return corridorSheets(features, analysis, t, locale);
  return [];
}
