import type { Map as MapLibreMap } from 'maplibre-gl';
import type { SlideLegendGroup } from './slide-legend';
import { swatchRects } from '#shared/style/legend-swatch';
import { CASING_COLOR } from '#shared/style/map-colours';
import { isMarkerShape, markerOutline } from '#shared/style/marker-shapes';
import { roundLength } from '#shared/print/print-layout';
import type { PrintFonts } from '#shared/print/embed-fonts';
import { svgMarkupWithFonts } from '../charts/chart-export';

/** A slide's chart block, as the live slide shows it: beside the map (over its right part) or in its place. */
export interface SlideImageChart {
  layout: 'beside' | 'alone';
  /** The chart as SVG laid out at a width (CSS pixels), or null when there are no figures to draw yet. */
  draw: (width: number) => SVGSVGElement | null;
  /** Said in the chart's place when there are no figures (as the live slide says it). */
  noData: string;
  /** Noto Sans, put inside the SVG: drawn as an image, it may load nothing from outside itself. */
  fonts: PrintFonts;
}

export interface SlideImageContent {
  title: string;
  caption: string;
  figures: { label: string; value: string }[];
  /** Grouped by layer, each symbol once (slideLegendGroups). */
  legend: SlideLegendGroup[];
  /** Bottom line: story title, slide number, date. */
  footer: string;
  /** Shown in an amber badge when the slide shows demo data. */
  demoLabel: string | null;
  /** The map's credits (the basemap's licence among them), as the live map's attribution shows them. */
  credits: string;
  chart?: SlideImageChart | null;
}

const FONT = '"Noto Sans", sans-serif';
/** Text on the handout page is real PDF text; the image only needs to look right printed. */
const HANDOUT_JPEG_QUALITY = 0.82;

function wrap(context: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (context.measureText(candidate).width > width && line) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

/** A round length for the scale bar that fits in `maxPx` at this place and zoom. */
function scaleBar(map: MapLibreMap, maxPx: number): { px: number; label: string } {
  const y = map.getContainer().clientHeight / 2;
  const a = map.unproject([0, y]);
  const b = map.unproject([maxPx, y]);
  const metres = a.distanceTo(b);
  const nice = roundLength(metres);
  return { px: (nice / metres) * maxPx, label: nice >= 1000 ? `${nice / 1000} km` : `${nice} m` };
}

/** Scale bar (bottom left) and north arrow (top right of the map's part, turned with the map). */
function paintMapMarks(
  context: CanvasRenderingContext2D,
  map: MapLibreMap,
  width: number,
  height: number,
  unit: number,
  mapRight: number,
) {
  const scale = scaleBar(map, width / 6);
  const sy = height - unit * 3;
  context.fillStyle = 'rgba(255,255,255,0.9)';
  context.fillRect(unit, sy - unit * 1.3, scale.px + unit * 1.4, unit * 2);
  context.strokeStyle = '#1a1a1a';
  context.lineWidth = 2;
  context.beginPath();
  context.moveTo(unit * 1.7, sy - unit * 0.9);
  context.lineTo(unit * 1.7, sy);
  context.lineTo(unit * 1.7 + scale.px, sy);
  context.lineTo(unit * 1.7 + scale.px, sy - unit * 0.9);
  context.stroke();
  context.fillStyle = '#1a1a1a';
  context.font = `700 ${unit * 0.8}px ${FONT}`;
  context.fillText(scale.label, unit * 2, sy - unit * 0.3);

  const cx = mapRight - unit * 3;
  const cy = unit * 3.2;
  context.save();
  context.translate(cx, cy);
  context.rotate((-map.getBearing() * Math.PI) / 180);
  context.fillStyle = 'rgba(255,255,255,0.93)';
  context.beginPath();
  context.arc(0, 0, unit * 1.7, 0, Math.PI * 2);
  context.fill();
  context.fillStyle = '#c62828';
  context.beginPath();
  context.moveTo(0, -unit * 1.3);
  context.lineTo(unit * 0.55, unit * 0.2);
  context.lineTo(-unit * 0.55, unit * 0.2);
  context.closePath();
  context.fill();
  context.fillStyle = '#1d2733';
  context.font = `700 ${unit * 0.8}px ${FONT}`;
  context.textAlign = 'center';
  context.fillText('U', 0, unit * 1.2);
  context.restore();
  context.textAlign = 'left';
}

/** An SVG as a decoded image, with the fonts inside it. */
async function svgImage(svg: SVGSVGElement, fonts: PrintFonts): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([await svgMarkupWithFonts(svg, fonts)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * The chart block on a white box in `box` (CSS pixels): laid out at the box's inner width, so its figures keep the
 * size the live slide gives them; shrunk only if it is taller than the box. `hug` fits the box's height to the chart
 * (beside the map) instead of filling it (in the map's place).
 */
async function paintChart(
  context: CanvasRenderingContext2D,
  chart: SlideImageChart,
  box: { x: number; y: number; width: number; height: number },
  unit: number,
  hug: boolean,
): Promise<void> {
  const padX = unit * 0.9;
  const padY = unit * 0.75;
  const svg = chart.draw(Math.floor(box.width - 2 * padX));
  let height = box.height;
  let drawn: { image: HTMLImageElement; width: number; height: number } | null = null;
  if (svg) {
    const width = Number(svg.getAttribute('width'));
    const natural = Number(svg.getAttribute('height'));
    const shrink = Math.min(1, (box.height - 2 * padY) / natural);
    drawn = { image: await svgImage(svg, chart.fonts), width: width * shrink, height: natural * shrink };
    if (hug) height = drawn.height + 2 * padY;
  } else if (hug) height = unit * 4;
  context.fillStyle = 'rgba(0,0,0,0.12)';
  context.fillRect(box.x + 2, box.y + 4, box.width, height);
  context.fillStyle = '#ffffff';
  context.fillRect(box.x, box.y, box.width, height);
  if (drawn) context.drawImage(drawn.image, box.x + padX, box.y + padY, drawn.width, drawn.height);
  else {
    context.fillStyle = '#1d2733';
    context.font = `400 ${unit}px ${FONT}`;
    context.fillText(chart.noData, box.x + padX, box.y + padY + unit * 1.2);
  }
}

/**
 * The slide as one image: the map as drawn, with title, caption, key figures, legend, scale bar and
 * north arrow painted over it, so a PNG or a handout page reads on its own.
 */
export async function composeSlideImage(
  map: MapLibreMap,
  content: SlideImageContent,
  format: 'png' | 'jpeg',
): Promise<{ bytes: Uint8Array<ArrayBuffer>; width: number; height: number }> {
  await document.fonts.load(`700 32px ${FONT}`);
  await document.fonts.load(`400 20px ${FONT}`);
  const source = map.getCanvas();
  const ratio = source.width / source.clientWidth;
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = source.height;
  const context = canvas.getContext('2d')!;
  // The handout prints title, caption and figures as text beside the map, and the chart as vectors beside the
  // picture: its picture has neither the title card nor the chart.
  const card = format === 'png';
  const chart = card ? (content.chart ?? null) : null;
  // A chart in the map's place: the picture is the title card and the chart, nothing of the map.
  const alone = chart?.layout === 'alone';
  if (alone) {
    context.fillStyle = '#e8edf2';
    context.fillRect(0, 0, canvas.width, canvas.height);
  } else context.drawImage(source, 0, 0);
  context.scale(ratio, ratio);
  const width = source.clientWidth;
  const height = source.clientHeight;
  const unit = Math.max(12, Math.min(22, width / 80));
  // Beside the map, the chart takes the right of the picture as on the live slide (46 % of its width); what the map
  // carries on its right (north arrow, legend) moves left of it.
  const besideBox =
    chart?.layout === 'beside' ? { x: width - unit - width * 0.46, y: unit, width: width * 0.46, height: 0 } : null;
  const mapRight = besideBox ? besideBox.x - unit * 0.5 : width;
  // Title card, top left.
  const cardWidth = Math.min(width * 0.42, 640);
  context.font = `700 ${unit * 1.7}px ${FONT}`;
  const titleLines = wrap(context, content.title, cardWidth - unit * 2);
  context.font = `400 ${unit}px ${FONT}`;
  const captionLines = content.caption ? wrap(context, content.caption, cardWidth - unit * 2) : [];
  // The demo badge is the card's first row, so it can never cover the title whatever the width.
  const badgeHeight = content.demoLabel ? unit * 1.8 : 0;
  const cardHeight =
    badgeHeight +
    unit *
      (1.2 +
        titleLines.length * 2.1 +
        captionLines.length * 1.45 +
        content.figures.length * 1.6 +
        (content.figures.length ? 0.8 : 0));
  if (card) {
    context.fillStyle = 'rgba(255,255,255,0.93)';
    context.fillRect(unit, unit, cardWidth, cardHeight);
    context.fillStyle = '#12355b';
    context.fillRect(unit, unit, unit * 0.35, cardHeight);
    if (content.demoLabel) {
      context.font = `700 ${unit * 0.8}px ${FONT}`;
      const label = wrap(context, content.demoLabel, cardWidth - unit * 2.4)[0] ?? content.demoLabel;
      context.fillStyle = '#fff8e1';
      context.fillRect(
        unit * 1.35,
        unit * 1.3,
        Math.min(context.measureText(label).width + unit, cardWidth - unit * 0.7),
        unit * 1.3,
      );
      context.fillStyle = '#6d4c00';
      context.fillText(label, unit * 1.85, unit * 2.22);
    }
    let y = unit * 2.9 + badgeHeight;
    context.fillStyle = '#12355b';
    context.font = `700 ${unit * 1.7}px ${FONT}`;
    for (const line of titleLines) {
      context.fillText(line, unit * 2, y);
      y += unit * 2.1;
    }
    context.fillStyle = '#1d2733';
    context.font = `400 ${unit}px ${FONT}`;
    for (const line of captionLines) {
      context.fillText(line, unit * 2, y - unit * 0.4);
      y += unit * 1.45;
    }
    y += unit * 0.4;
    for (const figure of content.figures) {
      context.font = `400 ${unit}px ${FONT}`;
      context.fillStyle = '#5b6775';
      context.fillText(figure.label, unit * 2, y);
      context.font = `700 ${unit * 1.05}px ${FONT}`;
      context.fillStyle = '#12355b';
      context.textAlign = 'right';
      context.fillText(figure.value, unit + cardWidth - unit, y);
      context.textAlign = 'left';
      y += unit * 1.6;
    }
  }

  // Legend, bottom right: grouped by layer under its name, at least 20 px at 1920×1080 (read from the back of a room).
  if (content.legend.length > 0 && !alone) {
    const size = Math.max(unit * 0.92, 14);
    const row = size * 1.45;
    const rows = content.legend.reduce((sum, group) => sum + 1 + group.entries.length, 0);
    context.font = `700 ${size}px ${FONT}`;
    const headings = content.legend.map((group) => context.measureText(group.title).width);
    context.font = `400 ${size}px ${FONT}`;
    const labels = content.legend.flatMap((group) => group.entries.map((e) => context.measureText(e.label).width));
    const legendWidth = Math.max(...headings, ...labels.map((w) => w + size * 2.6)) + size * 1.4;
    const legendHeight = rows * row + size * 0.9;
    const x = mapRight - legendWidth - unit;
    let ly = height - legendHeight - unit * 3.2;
    context.fillStyle = 'rgba(255,255,255,0.95)';
    context.fillRect(x, ly, legendWidth, legendHeight);
    ly += size * 0.45 + row * 0.75;
    for (const group of content.legend) {
      context.font = `700 ${size}px ${FONT}`;
      context.fillStyle = '#12355b';
      context.fillText(group.title, x + size * 0.7, ly);
      ly += row;
      context.font = `400 ${size}px ${FONT}`;
      for (const entry of group.entries) {
        context.fillStyle = entry.color;
        context.strokeStyle = CASING_COLOR;
        if (entry.shape === 'circle') {
          context.beginPath();
          context.arc(x + size * 1.5, ly - size * 0.35, size * 0.42, 0, Math.PI * 2);
          context.fill();
          context.stroke();
        } else if (isMarkerShape(entry.shape)) {
          // The zone's shape as on the map: the casing outline, the zone colour inside it.
          for (const [radius, fill] of [
            [size * 0.5, CASING_COLOR],
            [size * 0.4, entry.color],
          ] as const) {
            context.beginPath();
            for (const [px, py] of markerOutline(entry.shape, x + size * 1.5, ly - size * 0.35, radius))
              context.lineTo(px, py);
            context.closePath();
            context.fillStyle = fill;
            context.fill();
          }
        } else
          for (const rect of swatchRects(
            entry,
            x + size * 0.8,
            ly - size * (entry.shape === 'band' ? 0.62 : 0.48),
            size * 1.4,
            size * (entry.shape === 'band' ? 0.55 : 0.28),
          )) {
            context.fillStyle = rect.fill;
            context.fillRect(rect.x, rect.y, rect.width, rect.height);
          }
        context.fillStyle = '#1d2733';
        context.fillText(entry.label, x + size * 2.7, ly);
        ly += row;
      }
    }
  }

  if (!alone) paintMapMarks(context, map, width, height, unit, mapRight);

  // Footer (the handout page has its own).
  context.font = `400 ${unit * 0.75}px ${FONT}`;
  if (card) {
    context.fillStyle = 'rgba(255,255,255,0.85)';
    const footerWidth = context.measureText(content.footer).width + unit;
    context.fillRect((width - footerWidth) / 2, height - unit * 1.6, footerWidth, unit * 1.3);
    context.fillStyle = '#1d2733';
    context.textAlign = 'center';
    context.fillText(content.footer, width / 2, height - unit * 0.65);
    context.textAlign = 'left';
  }

  // Credits, bottom right above the footer, on an opaque box: the basemap's licence must be readable on every
  // picture of the map (ODbL). Long credits wrap, keeping to the right half of the slide.
  let chartBottom = height - unit * 1.9;
  if (content.credits && !alone) {
    context.font = `400 ${unit * 0.7}px ${FONT}`;
    const lines = wrap(context, content.credits, width * 0.48);
    const boxWidth = Math.max(...lines.map((line) => context.measureText(line).width)) + unit;
    const boxHeight = unit * (0.4 + lines.length * 0.95);
    const bottom = height - unit * 1.75;
    chartBottom = bottom - boxHeight - unit * 0.5;
    context.fillStyle = '#ffffff';
    context.fillRect(width - unit - boxWidth, bottom - boxHeight, boxWidth, boxHeight);
    context.fillStyle = '#1d2733';
    context.textAlign = 'right';
    lines.forEach((line, index) =>
      context.fillText(line, width - unit * 1.5, bottom - boxHeight + unit * (0.95 + index * 0.95) - unit * 0.15),
    );
    context.textAlign = 'left';
  }

  if (chart) {
    const box = besideBox ?? {
      x: unit * 2 + cardWidth,
      y: unit,
      width: width - cardWidth - unit * 3,
      height: 0,
    };
    await paintChart(context, chart, { ...box, height: chartBottom - box.y }, unit, Boolean(besideBox));
  }

  // PNG for the slide files; JPEG for the handout, which jsPDF embeds as it is (no decoding, a tenth of the size).
  const encode = async (type: string, quality?: number) => {
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (result) => (result ? resolve(result) : reject(new Error(`${type} encoding failed`))),
        type,
        quality,
      ),
    );
    return new Uint8Array(await blob.arrayBuffer());
  };
  const bytes = format === 'png' ? await encode('image/png') : await encode('image/jpeg', HANDOUT_JPEG_QUALITY);
  return { bytes, width: canvas.width, height: canvas.height };
}
