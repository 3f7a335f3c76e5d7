import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartData } from '#shared/charts/chart-data';
import { chartSpreadsheetRows } from '#shared/charts/chart-spreadsheet';
import { toExcelCsv } from '#shared/format/spreadsheet-text';
import { safeFileName } from '#shared/format/file-name';
import type { Locale } from '#shared/format/format-number';
import { saveExport, type SaveOutcome } from '../platform/save-export';
import { loadPrintFonts } from '../print/print-job';
import { chartRowName, renderChart } from './render-chart';
import { svgMarkup, svgToPng } from './chart-export';

/** The rows of a chart for a spreadsheet (title, header, figures), worded in the UI language. */
function chartRows(chart: ChartData, t: ReturnType<typeof useTranslation>['t']) {
  return chartSpreadsheetRows(chart, {
    title: t(chart.titleKey),
    rowHeader: t(`charts.rowHeader.${chart.id}`),
    rowName: (row) => chartRowName(row, t),
    seriesName: (series) => t(series.nameKey),
    unit: t(`charts.unit.${chart.unit}`),
  });
}

/** The same rows as a workbook by the writer the recap uses: the title names the sheet, numbers stay numbers. */
async function chartXlsx(chart: ChartData, t: ReturnType<typeof useTranslation>['t']) {
  const { writeWorkbook } = await import('#shared/io/write-xlsx');
  const [, header, ...rows] = chartRows(chart, t);
  return writeWorkbook([
    { name: t(chart.titleKey), header: header!.map(String), rows: rows.map((row) => row.map((cell) => cell ?? null)) },
  ]);
}

/**
 * A chart drawn to the width of its place, with its copy and save buttons (PNG to the clipboard; PNG, SVG and the
 * figures as CSV to a file). Drawn again when the figures, the language or the width change.
 */
export function ChartView({ chart, fontSize = 12 }: { chart: ChartData; fontSize?: number }) {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'id';
  const holder = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; key: string; values?: Record<string, string> } | null>(
    null,
  );

  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(Math.floor(element.clientWidth)));
    observer.observe(element);
    setWidth(Math.floor(element.clientWidth));
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = holder.current;
    if (!element || width < 50) return;
    if (chart.rows.length === 0) return element.replaceChildren();
    const svg = renderChart(chart, { t, locale, width, fontSize });
    element.replaceChildren(svg);
  }, [chart, t, locale, width, fontSize]);

  const currentSvg = () => holder.current?.querySelector('svg') ?? null;
  const show = (outcome: SaveOutcome) => {
    if (outcome.kind === 'saved') setMessage({ kind: 'ok', key: 'charts.saved', values: { name: outcome.name } });
    if (outcome.kind === 'failed')
      setMessage({ kind: 'error', key: 'charts.failed', values: { message: outcome.message } });
  };
  const name = safeFileName(t(chart.titleKey));

  const copyPng = async () => {
    try {
      const svg = currentSvg();
      if (!svg) return;
      await navigator.clipboard.write([
        new ClipboardItem({ 'image/png': loadPrintFonts().then((fonts) => svgToPng(svg, fonts)) }),
      ]);
      setMessage({ kind: 'ok', key: 'charts.copied' });
    } catch (error) {
      setMessage({ kind: 'error', key: 'charts.failed', values: { message: String(error) } });
    }
  };
  const save = async (format: 'png' | 'svg' | 'csv' | 'xlsx') => {
    const svg = currentSvg();
    if (!svg && (format === 'png' || format === 'svg')) return;
    show(
      await saveExport(`${name}.${format}`, async () => {
        if (format === 'csv')
          return {
            filters: [{ name: 'CSV (Excel)', extensions: ['csv'] }],
            data: toExcelCsv(chartRows(chart, t), locale),
          };
        if (format === 'xlsx')
          return { filters: [{ name: 'Excel', extensions: ['xlsx'] }], data: await chartXlsx(chart, t) };
        if (format === 'svg') return { filters: [{ name: 'SVG', extensions: ['svg'] }], data: svgMarkup(svg!) };
        const png = new Uint8Array(await (await svgToPng(svg!, await loadPrintFonts())).arrayBuffer());
        return { filters: [{ name: 'PNG', extensions: ['png'] }], data: png };
      }),
    );
  };

  return (
    <figure className="chart" data-testid={`chart-${chart.id}`} data-chart={chart.id}>
      {chart.rows.length === 0 && (
        <p className="muted">
          {t(chart.titleKey)}: {t('charts.empty')}
        </p>
      )}
      <div
        ref={holder}
        className="chart-drawing"
        hidden={chart.rows.length === 0}
        data-testid={`chart-drawing-${chart.id}`}
      />
      <figcaption className="chart-actions" aria-label={t('charts.actions', { title: t(chart.titleKey) })}>
        <button type="button" data-testid={`chart-copy-png-${chart.id}`} onClick={() => void copyPng()}>
          {t('charts.copyPng')}
        </button>
        <button type="button" data-testid={`chart-save-png-${chart.id}`} onClick={() => void save('png')}>
          {t('charts.savePng')}
        </button>
        <button type="button" data-testid={`chart-save-svg-${chart.id}`} onClick={() => void save('svg')}>
          {t('charts.saveSvg')}
        </button>
        <button type="button" data-testid={`chart-save-csv-${chart.id}`} onClick={() => void save('csv')}>
          {t('charts.saveCsv')}
        </button>
        <button type="button" data-testid={`chart-save-xlsx-${chart.id}`} onClick={() => void save('xlsx')}>
          {t('charts.saveXlsx')}
        </button>
        {message && (
          <span
            className={`table-message ${message.kind}`}
            role={message.kind === 'error' ? 'alert' : 'status'}
            data-testid={`chart-message-${chart.id}`}
          >
            {t(message.key, message.values)}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
