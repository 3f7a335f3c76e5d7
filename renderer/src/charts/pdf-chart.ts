import type { TFunction } from 'i18next';
import { svg2pdf } from 'svg2pdf.js';
import type { ChartData } from '#shared/charts/chart-data';
import type { Locale } from '#shared/format/format-number';
import { PDF_FONT } from '#shared/print/embed-fonts';
import type { ReportChart } from '#shared/report/encroachment-report-pdf';
import { renderChart } from './render-chart';

/** Width the chart is laid out at before svg2pdf scales it into the page: 180 mm at this width is ~9 pt text. */
const LAYOUT_WIDTH_PX = 680;
const FONT_SIZE_PX = 12;

/**
 * A chart for a PDF page, drawn by svg2pdf as vectors (bars as paths, figures as text in the embedded Noto Sans, so
 * pdftotext and a screen reader find them). svg2pdf reads the element's computed style, so it is put in the page
 * out of sight while it is drawn.
 */
export function reportChart(
  chart: ChartData,
  t: TFunction,
  locale: Locale,
  /** Narrower for a chart printed beside a map: its text then keeps its size on the page. */
  layoutWidthPx = LAYOUT_WIDTH_PX,
): ReportChart {
  const svg = renderChart(chart, { t, locale, width: layoutWidthPx, fontSize: FONT_SIZE_PX, fontFamily: PDF_FONT });
  const aspect = Number(svg.getAttribute('height')) / Number(svg.getAttribute('width'));
  return {
    aspect,
    draw: async (pdf, box) => {
      const holder = document.createElement('div');
      holder.style.cssText = 'position:fixed;left:-10000px;top:0;';
      holder.append(svg);
      document.body.append(holder);
      // Plot places text with em offsets (y="0.71em"); svg2pdf misplaces those, so they become pixels first.
      for (const text of svg.querySelectorAll('text[y$="em"]')) {
        const em = Number.parseFloat(getComputedStyle(text).fontSize);
        text.setAttribute('y', String(Number.parseFloat(text.getAttribute('y')!) * em));
      }
      try {
        await svg2pdf(svg, pdf, box);
      } finally {
        holder.remove();
      }
    },
  };
}
