import { summarizeNetwork } from '#shared/analysis/network-summary';
import {
  chartBridgesByCondition,
  chartConditionKmByRegency,
  chartKemantapanByRegency,
} from '#shared/charts/network-charts';
import type { Slide, SlideChart } from '#shared/present/story';
import { chartRetributionByCategory, chartRetributionByOwner } from '#shared/charts/retribution-charts';
import { chartCollection, summarizeCollection } from '#shared/charts/collection-chart';
import { sumPeriodTotals } from '#shared/retribution/sum-period-totals';
import type { RetributionEstimate } from '#shared/tariff/estimate-retribution';
import type { ChartData } from '#shared/charts/chart-data';
import type { AppSnapshot } from '../state/app-snapshot';
import { readKemantapanTarget } from './kemantapan-target';
import { collectionPotential, corridorNamer } from './collection-potential';

/**
 * The figures of a slide's chart, the same for the live slide and its exported picture and handout page: of the
 * network in the layers the slide shows (the summary's figures), of the slide's retribution estimate (the analysis
 * panel's), or of the register's collection (the retribution panel's). Null while there is nothing to draw.
 */
export function slideChartData(
  slide: Pick<Slide, 'visibleLayerIds'>,
  chart: SlideChart,
  snapshot: Pick<AppSnapshot, 'layers' | 'featuresByLayer' | 'retribution' | 'analysis'>,
  /** The estimate the slide shows (its corridor's), else the analysis on the map; null while none is done. */
  estimate: RetributionEstimate | null,
): ChartData | null {
  const { layers, featuresByLayer, retribution, analysis } = snapshot;
  if (chart.id === 'retribution-owner' || chart.id === 'retribution-category') {
    if (!estimate) return null;
    return chart.id === 'retribution-owner' ? chartRetributionByOwner(estimate) : chartRetributionByCategory(estimate);
  }
  if (chart.id === 'retribution-collection') {
    if (!retribution) return null;
    const potential = collectionPotential(analysis, retribution.programmes);
    const rows = summarizeCollection(
      sumPeriodTotals(retribution.assessments, retribution.payments, retribution.programmes),
      potential?.perYear ?? null,
    );
    return chartCollection(rows, corridorNamer(layers, featuresByLayer));
  }
  const shown = new Set(slide.visibleLayerIds);
  const features = layers
    .filter((layer) => shown.has(layer.id))
    .flatMap((layer) => featuresByLayer.get(layer.id) ?? []);
  const summary = summarizeNetwork(features);
  if (chart.id === 'kemantapan') return chartKemantapanByRegency(summary, readKemantapanTarget());
  if (chart.id === 'condition-km') return chartConditionKmByRegency(summary);
  return chartBridgesByCondition(summary);
}
