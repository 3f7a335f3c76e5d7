import proj4 from 'proj4';
import { utmProjection } from '../geo/utm';

export type Paper = 'A4' | 'A3';
export type Orientation = 'portrait' | 'landscape';
interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const PAPER_MM: Record<Paper, [number, number]> = { A4: [210, 297], A3: [297, 420] };
const MARGIN = 10;
const TITLE_HEIGHT = 27;
const FOOTER_HEIGHT = 6;

/** The scales offered, as the denominator of 1:n. */
export const PRINT_SCALES = [1000, 2500, 5000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000] as const;

export interface SheetLayout {
  page: { width: number; height: number };
  title: Rect;
  map: Rect;
  /** Legend, north arrow, scale, inset and sources: right of the map (landscape) or under it (portrait). */
  side: Rect;
  inset: Rect;
  footer: Rect;
}

/** Where everything sits on the sheet, in millimetres from the top left. */
export function sheetLayout(paper: Paper, orientation: Orientation): SheetLayout {
  const [short, long] = PAPER_MM[paper];
  const page = orientation === 'portrait' ? { width: short, height: long } : { width: long, height: short };
  const unit = paper === 'A3' ? 1.41 : 1;
  const inner = { x: MARGIN, y: MARGIN, width: page.width - 2 * MARGIN, height: page.height - 2 * MARGIN };
  const title: Rect = { ...inner, height: TITLE_HEIGHT * unit };
  const footer: Rect = {
    x: inner.x,
    y: page.height - MARGIN - FOOTER_HEIGHT,
    width: inner.width,
    height: FOOTER_HEIGHT,
  };
  const top = title.y + title.height + 3;
  const bottom = footer.y - 2;
  if (orientation === 'landscape') {
    const sideWidth = 64 * unit;
    const map: Rect = { x: inner.x, y: top, width: inner.width - sideWidth - 4, height: bottom - top };
    const side: Rect = { x: map.x + map.width + 4, y: top, width: sideWidth, height: bottom - top };
    const insetHeight = sideWidth * 0.62;
    return {
      page,
      title,
      map,
      side,
      footer,
      inset: { x: side.x, y: side.y + side.height - insetHeight, width: sideWidth, height: insetHeight },
    };
  }
  const sideHeight = 70 * unit;
  const map: Rect = { x: inner.x, y: top, width: inner.width, height: bottom - top - sideHeight - 4 };
  const side: Rect = { x: inner.x, y: map.y + map.height + 4, width: inner.width, height: sideHeight };
  const insetWidth = sideHeight * 1.1;
  return {
    page,
    title,
    map,
    side,
    footer,
    inset: { x: side.x + side.width - insetWidth, y: side.y, width: insetWidth, height: sideHeight },
  };
}

const EARTH_CIRCUMFERENCE = 40_075_016.686;
/** A CSS pixel is 1/96 inch; MapLibre's zoom counts 512-pixel tiles. */
export const mmToCssPx = (mm: number) => (mm / 25.4) * 96;

/** The zoom at which the map shows 1:scale at a latitude (CSS pixels at 96 per inch). */
export function zoomForScale(scale: number, latitude: number): number {
  const metresPerPixel = (scale * 0.0254) / 96;
  return Math.log2((EARTH_CIRCUMFERENCE * Math.cos((latitude * Math.PI) / 180)) / (512 * metresPerPixel));
}

/** The scale (1:n) a zoom shows at a latitude. */
export function scaleAtZoom(zoom: number, latitude: number): number {
  const metresPerPixel = (EARTH_CIRCUMFERENCE * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
  return (metresPerPixel * 96) / 0.0254;
}

/** The longest round length (1, 2 or 5 × a power of ten) not over `maxMetres`: what a scale bar shows. */
export function roundLength(maxMetres: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(maxMetres));
  return [5, 2, 1].map((step) => step * magnitude).find((length) => length <= maxMetres) ?? magnitude;
}

/** A round ground length for the scale bar, at most `maxMm` long on paper at 1:scale. */
export function scaleBarLength(scale: number, maxMm: number): { metres: number; mm: number } {
  const metres = roundLength((maxMm * scale) / 1000);
  return { metres, mm: (metres * 1000) / scale };
}

export type GridKind = 'utm' | 'degrees' | 'none';

export interface GridLine {
  /** The value the line marks: metres (UTM) or degrees. */
  value: number;
  axis: 'x' | 'y';
  /** The line as lon/lat points, dense enough to follow the projection. */
  points: [number, number][];
}

const UTM_STEPS = [100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 200_000];
const DEGREE_STEPS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2];

/** The first step that draws at most `most` lines across a span. */
const stepFor = (span: number, steps: readonly number[], most = 7) =>
  steps.find((step) => span / step <= most) ?? steps[steps.length - 1]!;

/**
 * Grid lines over a map extent (west, south, east, north): UTM zone 51S metres (NTT's zone) or degrees, a round
 * step giving a handful of lines across.
 */
export function gridLines(bounds: [number, number, number, number], kind: GridKind, zone = 51): GridLine[] {
  if (kind === 'none') return [];
  const [west, south, east, north] = bounds;
  const samples = 24;
  const along = (from: number, to: number) =>
    Array.from({ length: samples + 1 }, (_, i) => from + ((to - from) * i) / samples);
  if (kind === 'degrees') {
    const step = stepFor(Math.max(east - west, north - south), DEGREE_STEPS);
    const lines: GridLine[] = [];
    for (let lon = Math.ceil(west / step) * step; lon <= east; lon += step)
      lines.push({
        value: round(lon, step),
        axis: 'x',
        points: [
          [lon, south],
          [lon, north],
        ],
      });
    for (let lat = Math.ceil(south / step) * step; lat <= north; lat += step)
      lines.push({
        value: round(lat, step),
        axis: 'y',
        points: [
          [west, lat],
          [east, lat],
        ],
      });
    return lines;
  }
  const utm = utmProjection(zone, 'S');
  const corners = [
    [west, south],
    [west, north],
    [east, south],
    [east, north],
  ].map((corner) => proj4('WGS84', utm, corner));
  const [minE, maxE] = [Math.min(...corners.map((c) => c[0]!)), Math.max(...corners.map((c) => c[0]!))];
  const [minN, maxN] = [Math.min(...corners.map((c) => c[1]!)), Math.max(...corners.map((c) => c[1]!))];
  const step = stepFor(Math.max(maxE - minE, maxN - minN), UTM_STEPS);
  const back = (e: number, n: number) => proj4(utm, 'WGS84', [e, n]) as [number, number];
  const lines: GridLine[] = [];
  for (let e = Math.ceil(minE / step) * step; e <= maxE; e += step)
    lines.push({ value: e, axis: 'x', points: along(minN, maxN).map((n) => back(e, n)) });
  for (let n = Math.ceil(minN / step) * step; n <= maxN; n += step)
    lines.push({ value: n, axis: 'y', points: along(minE, maxE).map((e) => back(e, n)) });
  return lines;
}

const round = (value: number, step: number) => Number(value.toFixed(Math.max(0, -Math.floor(Math.log10(step)))));
