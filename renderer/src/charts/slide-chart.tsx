import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { summarizeNetwork } from '#shared/analysis/network-summary';
import {
  chartBridgesByCondition,
  chartConditionKmByRegency,
  chartKemantapanByRegency,
} from '#shared/charts/network-charts';
import type { Locale } from '#shared/format/format-number';
import type { Slide, SlideChart } from '#shared/present/story';
import { chartRetributionByCategory, chartRetributionByOwner } from '#shared/charts/retribution-charts';
import { chartCollection, summarizeCollection } from '#shared/charts/collection-chart';
import { sumPeriodTotals } from '#shared/retribution/sum-period-totals';
import type { RetributionEstimate } from '#shared/tariff/estimate-retribution';
import type { ChartData } from '#shared/charts/chart-data';
import { useSnapshot } from '../state/store-context';
import { readKemantapanTarget } from './kemantapan-target';
import { collectionPotential, corridorNamer } from './collection-potential';
import { renderChart } from './render-chart';

/** Figures on a projected slide: 24 px at 1920×1080 reads from the back of a hearing room. */
const SLIDE_CHART_FONT_PX = 24;

/**
 * A slide's chart beside the map or in its place, drawn to the width it is given on the screen: of the network in
 * the layers the slide shows (the summary's figures), of the slide's retribution estimate (the analysis panel's),
 * or of the register's collection (the retribution panel's). Says so, in words, when there is nothing to draw yet.
 */
export function SlideChartBlock({
  slide,
  chart,
  estimate,
}: {
  slide: Slide;
  chart: SlideChart;
  /** The estimate the slide shows (its corridor's), else the analysis on the map; null while none is done. */
  estimate: RetributionEstimate | null;
}) {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'id';
  const { layers, featuresByLayer, retribution, analysis } = useSnapshot();
  const holder = useRef<HTMLDivElement>(null);
  const data = useMemo((): ChartData | null => {
    if (chart.id === 'retribution-owner' || chart.id === 'retribution-category') {
      if (!estimate) return null;
      return chart.id === 'retribution-owner'
        ? chartRetributionByOwner(estimate)
        : chartRetributionByCategory(estimate);
    }
    if (chart.id === 'retribution-collection') {
      if (!retribution) return null;
      const potential = collectionPotential(analysis);
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
  }, [slide.visibleLayerIds, layers, featuresByLayer, chart.id, estimate, retribution, analysis]);

  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    if (!data || data.rows.length === 0) {
      element.replaceChildren(Object.assign(document.createElement('p'), { textContent: t('charts.slideNoData') }));
      return;
    }
    // Drawn at the size it shows (inside the padding): scaled down, its figures would shrink below the size asked for.
    const style = getComputedStyle(element);
    const width = Math.floor(
      element.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight),
    );
    element.replaceChildren(renderChart(data, { t, locale, width, fontSize: SLIDE_CHART_FONT_PX, rowSpacing: 1.45 }));
  }, [data, t, locale, chart.layout]);

  return (
    <div
      ref={holder}
      className={`presenter-chart ${chart.layout}`}
      data-testid="presenter-chart"
      data-chart={chart.id}
      data-layout={chart.layout}
    />
  );
}
