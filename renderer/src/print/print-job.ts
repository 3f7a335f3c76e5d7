import type { Map as MapLibreMap } from 'maplibre-gl';
import type { TFunction } from 'i18next';
import type { FeatureCollection } from 'geojson';
import regularFontUrl from '../../../resources/fonts/NotoSans-Regular.ttf?url';
import boldFontUrl from '../../../resources/fonts/NotoSans-Bold.ttf?url';
import { NTT_PROVINCE_BOUNDS } from '#shared/basemap/ntt-places';
import { boundsOverlap, featuresBounds, geometryBounds } from '#shared/geo/positions-of';
import { formatDate, formatNumber, type Locale } from '#shared/format/format-number';
import type { Layer, StoredFeature } from '#shared/model/layer';
import type { FeatureSource } from '#shared/model/road-network';
import {
  gridLines,
  scaleAtZoom,
  scaleBarLength,
  sheetLayout,
  zoomForScale,
  type GridKind,
  type Orientation,
  type Paper,
} from '#shared/print/print-layout';
import type { PrintSheet } from '#shared/print/draw-sheet';
import type { AtlasContents, PrintFonts } from '#shared/print/print-pdf';
import { drawSheet } from '#shared/print/draw-sheet';
import { legendOf } from '../map/legend-entries';
import { layerLabel } from '../format/layer-label';
import { OffscreenMap, type PrintView, type RenderedMap } from './offscreen-map';
import { CanvasPainter } from './canvas-painter';
import { printStyle } from './print-style';

export interface PrintSettings {
  paper: Paper;
  orientation: Orientation;
  title: string;
  subtitle: string;
  author: string;
  /** 1:n, or the current view or the selected features fitted to the frame. */
  scale: number | 'view' | 'selection';
  grid: GridKind;
  dpi: 150 | 300;
  /** Print the search result's highlight and the STA marker too (off unless asked: they are working marks). */
  marks?: boolean;
}

/** One sheet to print: what the map shows and the texts that differ per sheet (an atlas page). */
export interface SheetRequest {
  view: PrintView;
  title: string;
  subtitle: string;
  table?: PrintSheet['table'];
  /** STA ticks to draw along the sheet's ruas. */
  staTicks?: FeatureCollection;
}

export interface PrintData {
  layers: readonly Layer[];
  featuresByLayer: ReadonlyMap<string, readonly StoredFeature[]>;
  /** The compliance map is on: assets are drawn in their obligor's standing, and the legend says so. */
  standing?: boolean;
  /** The backgrounds on the map (basemap chosen, visible overlays), to be credited on the sheet. */
  backgrounds?: { shippedBasemap: boolean; shown: readonly { name: string; attribution: string }[] };
}

export class PrintCancelled extends Error {
  constructor() {
    super('Dibatalkan / cancelled');
  }
}

let fonts: Promise<PrintFonts> | null = null;
export function loadPrintFonts(): Promise<PrintFonts> {
  const read = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());
  fonts ??= Promise.all([read(regularFontUrl), read(boldFontUrl)]).then(([regular, bold]) => ({ regular, bold }));
  return fonts;
}

/** "1:250.000", the ratio rounded to three significant digits when the view was fitted. */
function scaleRatio(scale: number, locale: Locale) {
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(scale)) - 2);
  return `1:${formatNumber(Math.round(scale / magnitude) * magnitude, locale)}`;
}

function degrees(value: number, axis: 'x' | 'y', t: TFunction) {
  const whole = Math.floor(Math.abs(value));
  const minutes = Math.round((Math.abs(value) - whole) * 60);
  const hemisphere =
    axis === 'x' ? (value >= 0 ? t('print.east') : t('print.west')) : value >= 0 ? t('print.north') : t('print.south');
  return `${whole}°${minutes ? `${String(minutes).padStart(2, '0')}′` : ''} ${hemisphere}`;
}

function sourcesOf(
  layers: readonly { layer: Layer; features: readonly StoredFeature[] }[],
  backgrounds: PrintData['backgrounds'],
  t: TFunction,
): string[] {
  const lines = layers.map(({ layer, features }) => {
    if (layer.demo) return `${layerLabel(layer, t)}: ${t('print.demoSource')}`;
    const labels = new Set<string>();
    for (const feature of features.slice(0, 2000)) {
      const source = feature.properties.source as FeatureSource | undefined;
      if (source && 'label' in source && source.label) labels.add(String(source.label));
    }
    return `${layerLabel(layer, t)}: ${labels.size ? [...labels].slice(0, 3).join(', ') : t('print.userSource')}`;
  });
  const shown = (backgrounds?.shown ?? []).map(
    (background) =>
      `${t('print.background')}: ${background.name}${background.attribution ? ` (${background.attribution})` : ''}`,
  );
  return [...lines, ...shown, ...(backgrounds?.shippedBasemap === false ? [] : [t('attribution.sources')])];
}

/**
 * Prints sheets: each map drawn off screen at print resolution with the screen's style, then the sheet (title
 * block, grid, legend of what is on it, north arrow, scale, NTT inset, sources) as a PDF — or one sheet as a PNG.
 */
export async function printSheets(
  liveMap: MapLibreMap,
  data: PrintData,
  settings: PrintSettings,
  requests: readonly SheetRequest[],
  output:
    { kind: 'pdf'; contents?: Omit<AtlasContents, 'entries'> } | { kind: 'png' } | { kind: 'preview'; widthPx: number },
  t: TFunction,
  locale: Locale,
  onProgress: (done: number, total: number) => void = () => undefined,
  signal?: AbortSignal,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; canvas?: HTMLCanvasElement }> {
  const layout = sheetLayout(settings.paper, settings.orientation);
  const dpi = output.kind === 'preview' ? 96 : settings.dpi;
  const style = printStyle(liveMap.getStyle(), data.layers, t);
  const mapRenderer = new OffscreenMap(style, layout.map, dpi, settings.marks === true);
  const insetRenderer = new OffscreenMap(
    { ...style, layers: style.layers.filter((spec) => !spec.id.startsWith('data:') && !spec.id.startsWith('sta-')) },
    layout.inset,
    Math.min(dpi, 150),
  );
  try {
    const [w, s, e, n] = NTT_PROVINCE_BOUNDS.flat() as number[];
    const format = output.kind === 'pdf' ? 'JPEG' : 'PNG';
    const inset = await insetRenderer.render({ bounds: [w!, s!, e!, n!] }, format);
    const visible = data.layers.filter((layer) => layer.visible).sort((a, b) => b.order - a.order);
    const sheets: PrintSheet[] = [];
    for (const [index, request] of requests.entries()) {
      if (signal?.aborted) throw new PrintCancelled();
      onProgress(index, requests.length);
      const rendered = await mapRenderer.render(request.view, format, request.staTicks);
      sheets.push(sheetOf(rendered, inset, request, visible, data, settings, layout, t, locale));
    }
    onProgress(requests.length, requests.length);
    if (output.kind === 'pdf') {
      const contents = output.contents
        ? { ...output.contents, entries: requests.map((request) => request.title) }
        : undefined;
      // jsPDF is loaded when a PDF is made, not with the app.
      const { createPrintPdf } = await import('#shared/print/print-pdf');
      return { bytes: createPrintPdf(sheets, await loadPrintFonts(), contents) };
    }
    const pxPerMm = output.kind === 'preview' ? output.widthPx / layout.page.width : settings.dpi / 25.4;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(layout.page.width * pxPerMm);
    canvas.height = Math.round(layout.page.height * pxPerMm);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await document.fonts.load('700 12px "Noto Sans"');
    drawSheet(
      { ...sheets[0]!, footer: sheets[0]!.footer.replace('{page}', '1').replace('{pages}', '1') },
      new CanvasPainter(context, pxPerMm),
    );
    if (output.kind === 'preview') return { bytes: new Uint8Array(), canvas };
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('PNG kosong / the PNG is empty');
    return { bytes: new Uint8Array(await blob.arrayBuffer()) };
  } finally {
    mapRenderer.destroy();
    insetRenderer.destroy();
  }
}

function sheetOf(
  rendered: RenderedMap,
  inset: RenderedMap,
  request: SheetRequest,
  visible: readonly Layer[],
  data: PrintData,
  settings: PrintSettings,
  layout: ReturnType<typeof sheetLayout>,
  t: TFunction,
  locale: Locale,
): PrintSheet {
  const shown = visible
    .map((layer) => ({
      layer,
      features: (data.featuresByLayer.get(layer.id) ?? []).filter((f) =>
        boundsOverlap(geometryBounds(f.geometry), rendered.bounds),
      ),
    }))
    .filter((entry) => entry.features.length > 0);
  const scale = scaleAtZoom(rendered.zoom, rendered.center[1]);
  const bar = scaleBarLength(scale, Math.min(40, layout.side.width * 0.6));
  const place = ([x, y]: [number, number]): [number, number] => [layout.map.x + x, layout.map.y + y];
  const grid = gridLines(rendered.bounds, settings.grid).map((line) => ({
    axis: line.axis,
    label:
      settings.grid === 'utm'
        ? `${formatNumber(line.value, locale)} ${line.axis === 'x' ? t('print.metresEast') : t('print.metresNorth')}`
        : degrees(line.value, line.axis, t),
    points: line.points.map((point) => place(rendered.project(point))),
  }));
  const [west, south, east, north] = rendered.bounds;
  const [x1, y1] = inset.project([west, north]);
  const [x2, y2] = inset.project([east, south]);
  const demo = shown.some((entry) => entry.layer.demo);
  return {
    layout,
    heading: t('print.heading'),
    title: request.title,
    subtitle: request.subtitle,
    byline: `${t('print.date')}: ${formatDate(new Date(), locale)}${settings.author ? ` · ${t('print.author')}: ${settings.author}` : ''}`,
    demoNote: demo ? t('print.demoNote') : null,
    map: rendered.image,
    grid,
    scaleLabel: `${t('print.scale')} ${scaleRatio(scale, locale)}`,
    scaleBar: {
      mm: bar.mm,
      label: bar.metres >= 1000 ? `${formatNumber(bar.metres / 1000, locale)} km` : `${bar.metres} m`,
    },
    north: t('print.northLetter'),
    legendTitle: t('layers.legend'),
    legend: shown.flatMap(({ layer, features }) => {
      const legend = legendOf(layer, t, features, { standing: data.standing });
      return legend && legend.entries.length ? [{ title: layerLabel(layer, t), entries: legend.entries }] : [];
    }),
    inset: { image: inset.image, extent: { x: x1, y: y1, width: x2 - x1, height: y2 - y1 } },
    insetTitle: t('print.inset'),
    sourcesTitle: t('print.sources'),
    sources: sourcesOf(shown, data.backgrounds, t),
    footer: `${t('print.footer')} · ${t('print.page', { page: '{page}', pages: '{pages}' })}`,
    table: request.table ?? null,
  };
}

/**
 * The view a single sheet prints: the current view or the selected features fitted, or the current centre at a
 * chosen scale.
 */
export function currentView(
  liveMap: MapLibreMap,
  scale: PrintSettings['scale'],
  selected: readonly StoredFeature[] = [],
): PrintView {
  if (scale === 'selection' && selected.length > 0) return { bounds: featuresBounds(selected) };
  if (typeof scale !== 'number')
    return { bounds: liveMap.getBounds().toArray().flat() as [number, number, number, number] };
  const center = liveMap.getCenter().toArray() as [number, number];
  return { center, zoom: zoomForScale(scale, center[1]) };
}
