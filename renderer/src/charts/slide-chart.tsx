import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '#shared/format/format-number';
import type { Slide, SlideChart } from '#shared/present/story';
import type { RetributionEstimate } from '#shared/tariff/estimate-retribution';
import { useSnapshot } from '../state/store-context';
import { slideChartData } from './slide-chart-data';
import { renderChart } from './render-chart';

/** Figures on a projected slide: 24 px at 1920×1080 reads from the back of a hearing room. */
export const SLIDE_CHART_FONT_PX = 24;

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
  const data = useMemo(
    () => slideChartData(slide, chart, { layers, featuresByLayer, retribution, analysis }, estimate),
    [slide, chart, layers, featuresByLayer, estimate, retribution, analysis],
  );

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
