import type { SheetLayout } from './print-layout';
import { lineHeight, type SheetImage, type SheetPainter, type TextOptions } from './sheet-painter';
import { swatchRects } from '../style/legend-swatch';
import { CASING_COLOR } from '../style/map-colours';
import { isMarkerShape, markerOutline, type MarkerShape } from '../style/marker-shapes';

interface SheetLegendEntry {
  label: string;
  color: string;
  shape: 'line' | 'circle' | 'band' | MarkerShape;
  /** A broken class: dash and gap in multiples of the line's thickness. */
  dash?: readonly [number, number];
}

/** A grid line already placed on the page (mm), with its label. */
interface PlacedGridLine {
  label: string;
  axis: 'x' | 'y';
  points: [number, number][];
}

export interface PrintSheet {
  layout: SheetLayout;
  /** The department's heading, above the title. */
  heading: string;
  title: string;
  subtitle: string;
  /** "Tanggal: 26/11/2026 · Pembuat: …". */
  byline: string;
  /** Shown in an amber band when demo data is on the sheet. */
  demoNote: string | null;
  map: SheetImage;
  grid: PlacedGridLine[];
  /** "Skala 1:250.000". */
  scaleLabel: string;
  scaleBar: { mm: number; label: string };
  north: string;
  legendTitle: string;
  legend: { title: string; entries: SheetLegendEntry[] }[];
  inset: { image: SheetImage; extent: { x: number; y: number; width: number; height: number } | null } | null;
  insetTitle: string;
  sourcesTitle: string;
  sources: string[];
  /** Bottom line, with the page number. */
  footer: string;
  /** Drawn under the map on atlas sheets (e.g. a corridor's encroachment table): rows of cells. */
  table?: { header: string[]; rows: string[][] } | null;
}

const INK = '#1a1a1a';
const MUTED = '#55606b';

function drawLegend(sheet: PrintSheet, painter: SheetPainter, x: number, y: number, width: number, bottom: number) {
  y = y + painter.text(sheet.legendTitle, x, y + 4, { size: 9, bold: true }) * lineHeight(9) + 3;
  for (const group of sheet.legend) {
    // A group's title only with room for at least one of its entries under it.
    if (y > bottom - 10) break;
    y += painter.text(group.title, x, y + 2.5, { size: 7.5, bold: true, maxWidth: width }) * lineHeight(7.5) + 0.5;
    for (const entry of group.entries) {
      if (y > bottom - 4) break;
      if (entry.shape === 'circle')
        painter.circle(x + 2.5, y + 1.2, 1.4, { fill: entry.color, stroke: CASING_COLOR, lineWidth: 0.2 });
      else if (isMarkerShape(entry.shape)) {
        // The zone's shape as on the map: the casing outline, the zone colour inside it.
        painter.polygon(markerOutline(entry.shape, x + 2.5, y + 1.2, 1.45), CASING_COLOR);
        painter.polygon(markerOutline(entry.shape, x + 2.5, y + 1.2, 1.2), entry.color);
      } else
        for (const rect of swatchRects(
          entry,
          x,
          y + (entry.shape === 'band' ? 0.1 : 0.5),
          5,
          entry.shape === 'band' ? 2.2 : 1.4,
        ))
          painter.rect(rect.x, rect.y, rect.width, rect.height, { fill: rect.fill });
      y += painter.text(entry.label, x + 7, y + 2.2, { size: 7, maxWidth: width - 7 }) * lineHeight(7) + 0.6;
    }
    y += 1.5;
  }
  return y;
}

/** Text broken into lines of at most `width` mm, at spaces, measured by the painter that will draw it. */
function wrapText(painter: SheetPainter, text: string, options: TextOptions, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && painter.textWidth(candidate, options) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  lines.push(line);
  return lines;
}

/** Where a grid line crosses a horizontal (y = at) or vertical (x = at) edge, if it does. */
function crossing(points: readonly [number, number][], axis: 'x' | 'y', at: number): number | null {
  const index = axis === 'x' ? 1 : 0;
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    if ((a[index]! - at) * (b[index]! - at) <= 0 && a[index] !== b[index]) {
      const t = (at - a[index]!) / (b[index]! - a[index]!);
      return a[1 - index]! + t * (b[1 - index]! - a[1 - index]!);
    }
  }
  return null;
}

function drawNorthArrow(painter: SheetPainter, x: number, y: number, size: number, label: string) {
  painter.polygon(
    [
      [x, y],
      [x + size * 0.35, y + size],
      [x, y + size * 0.78],
      [x - size * 0.35, y + size],
    ],
    INK,
  );
  painter.text(label, x, y + size + 4, { size: 9, bold: true, align: 'center' });
}

/** One sheet: title block, map with grid, legend, north arrow, scale, inset, sources and footer. */
export function drawSheet(sheet: PrintSheet, painter: SheetPainter) {
  const { layout } = sheet;
  const { title, map, side, inset, footer } = layout;

  // Title block: heading, title, subtitle, byline; the demo note in its own band, never over the title.
  painter.rect(title.x, title.y, title.width, title.height, { stroke: INK, lineWidth: 0.4 });
  const scale = title.height / 27;
  let y = title.y + 4.5 * scale;
  const demoWidth = sheet.demoNote ? Math.min(70 * scale, title.width * 0.3) : 0;
  // The heading keeps clear of the demo band: it wraps before it.
  const headingLines = painter.text(sheet.heading, title.x + 3, y, {
    size: 7.5 * scale,
    bold: true,
    color: MUTED,
    maxWidth: title.width - demoWidth - 8,
  });
  y += 6.5 * scale + (headingLines - 1) * lineHeight(7.5 * scale);
  painter.text(sheet.title, title.x + 3, y, { size: 14 * scale, bold: true, maxWidth: title.width - demoWidth - 8 });
  y += 5.5 * scale;
  painter.text(sheet.subtitle, title.x + 3, y, { size: 8.5 * scale, maxWidth: title.width - demoWidth - 8 });
  painter.text(sheet.byline, title.x + 3, title.y + title.height - 2 * scale, { size: 7 * scale, color: MUTED });
  if (sheet.demoNote) {
    const x = title.x + title.width - demoWidth - 2;
    painter.rect(x, title.y + 2, demoWidth, title.height - 4, { fill: '#fff3cd', stroke: '#f0c36d', lineWidth: 0.3 });
    painter.text(sheet.demoNote, x + 2, title.y + 6 * scale, {
      size: 7.5 * scale,
      bold: true,
      color: '#7a5b00',
      maxWidth: demoWidth - 4,
    });
  }

  // The map, its grid (clipped to the frame) and the grid labels inside the frame edges.
  const tableHeight = sheet.table ? Math.min(map.height * 0.35, 8 + sheet.table.rows.length * 4.2) : 0;
  const frame = { ...map, height: map.height - tableHeight };
  painter.image(sheet.map, frame.x, frame.y, frame.width, frame.height);
  painter.clipped(frame.x, frame.y, frame.width, frame.height, () => {
    for (const line of sheet.grid)
      painter.polyline(line.points, { color: '#37474f', lineWidth: 0.15, dash: [1.2, 0.8] });
    for (const line of sheet.grid) {
      const at = line.axis === 'x' ? crossing(line.points, 'x', frame.y) : crossing(line.points, 'y', frame.x);
      if (at === null) continue;
      const [lx, ly] = line.axis === 'x' ? [at, frame.y + 3] : [frame.x + 1, at - 0.6];
      const width = painter.textWidth(line.label, { size: 5.5 });
      painter.rect(line.axis === 'x' ? lx - width / 2 - 0.6 : lx - 0.3, ly - 2.2, width + 1.2, 2.8, {
        fill: '#ffffff',
      });
      painter.text(line.label, lx, ly, { size: 5.5, color: '#263238', align: line.axis === 'x' ? 'center' : 'left' });
    }
  });
  painter.rect(frame.x, frame.y, frame.width, frame.height, { stroke: INK, lineWidth: 0.4 });
  if (sheet.table) drawTable(painter, sheet.table, frame.x, frame.y + frame.height + 3, frame.width);

  // Side panel: north arrow and scale at the top, the legend, then sources, and the inset at the bottom.
  painter.rect(side.x, side.y, side.width, side.height, { stroke: INK, lineWidth: 0.3 });
  const px = side.x + 3;
  drawNorthArrow(painter, side.x + side.width - 9, side.y + 3, 9, sheet.north);
  painter.text(sheet.scaleLabel, px, side.y + 6, { size: 10, bold: true });
  const barY = side.y + 10;
  const half = sheet.scaleBar.mm / 2;
  painter.rect(px, barY, half, 1.4, { fill: INK });
  painter.rect(px + half, barY, half, 1.4, { fill: '#ffffff', stroke: INK, lineWidth: 0.2 });
  painter.text('0', px, barY + 4.2, { size: 6.5 });
  painter.text(sheet.scaleBar.label, px + sheet.scaleBar.mm, barY + 4.2, { size: 6.5, align: 'center' });
  const landscape = layout.page.width > layout.page.height;
  const legendWidth = landscape ? side.width - 6 : (side.width - inset.width) * 0.58;
  // Sources (with the basemap's licence credit) are laid out first: on landscape sheets they sit just above the
  // inset, and the legend gives way to them, so no picture is ever drawn over a credit.
  const sourcesX = landscape ? px : px + legendWidth + 3;
  const sourcesWidth = landscape ? side.width - 6 : inset.x - sourcesX - 3;
  const sourceLines = sheet.sources.flatMap((source) => wrapText(painter, source, { size: 6 }, sourcesWidth));
  const sourcesHeight = lineHeight(7) + sourceLines.length * lineHeight(6) + 1;
  const sourcesTop = landscape ? inset.y - 2 - sourcesHeight : barY + 7;
  const legendBottom = landscape ? sourcesTop - 2 : side.y + side.height - 2;
  drawLegend(sheet, painter, px, barY + 7, legendWidth, legendBottom);
  let sy =
    sourcesTop + painter.text(sheet.sourcesTitle, sourcesX, sourcesTop + 2.5, { size: 7, bold: true }) * lineHeight(7);
  for (const line of sourceLines) {
    painter.text(line, sourcesX, sy + 2.5, { size: 6, color: MUTED });
    sy += lineHeight(6);
  }

  if (sheet.inset) {
    painter.image(sheet.inset.image, inset.x, inset.y, inset.width, inset.height);
    const extent = sheet.inset.extent;
    if (extent && Math.max(extent.width, extent.height) < 3)
      // Too small to see as a frame: a ring marks where the sheet is.
      painter.circle(inset.x + extent.x + extent.width / 2, inset.y + extent.y + extent.height / 2, 1.8, {
        stroke: '#d50000',
        lineWidth: 0.5,
      });
    else if (extent)
      painter.rect(inset.x + extent.x, inset.y + extent.y, extent.width, extent.height, {
        stroke: '#d50000',
        lineWidth: 0.5,
      });
    painter.rect(inset.x, inset.y, inset.width, inset.height, { stroke: INK, lineWidth: 0.3 });
    painter.text(sheet.insetTitle, inset.x + 1.5, inset.y + 3.5, { size: 6, bold: true });
  }

  painter.text(sheet.footer, footer.x, footer.y + 4, { size: 7, color: MUTED });
}

function drawTable(
  painter: SheetPainter,
  table: { header: string[]; rows: string[][] },
  x: number,
  y: number,
  width: number,
) {
  const columns = table.header.length;
  const first = width * 0.34;
  const rest = (width - first) / Math.max(1, columns - 1);
  const cellX = (index: number) => (index === 0 ? x : x + first + (index - 1) * rest);
  const row = (cells: string[], rowY: number, bold: boolean) =>
    cells.forEach((cell, index) =>
      painter.text(cell, index === 0 ? cellX(0) + 1 : cellX(index) + rest - 1, rowY, {
        size: 7,
        bold,
        align: index === 0 ? 'left' : 'right',
      }),
    );
  row(table.header, y + 3, true);
  painter.polyline(
    [
      [x, y + 4.2],
      [x + width, y + 4.2],
    ],
    { color: INK, lineWidth: 0.2 },
  );
  table.rows.forEach((cells, index) => row(cells, y + 7.5 + index * 4.2, index === table.rows.length - 1));
}
