import { jsPDF } from 'jspdf';
import { drawSheet, type PrintSheet } from './draw-sheet';
import type { ShapeStyle, SheetPainter, TextOptions } from './sheet-painter';
import { lineHeight } from './sheet-painter';
import { embedFonts, PDF_FONT, type PrintFonts } from './embed-fonts';

export type { PrintFonts } from './embed-fonts';

const FONT = PDF_FONT;

const rgb = (hex: string): [number, number, number] =>
  [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

class PdfPainter implements SheetPainter {
  constructor(private readonly pdf: jsPDF) {}

  private font(options: TextOptions) {
    this.pdf.setFont(FONT, options.bold ? 'bold' : 'normal').setFontSize(options.size);
  }

  text(text: string, x: number, y: number, options: TextOptions) {
    this.font(options);
    this.pdf.setTextColor(...rgb(options.color ?? '#1a1a1a'));
    const lines = options.maxWidth ? (this.pdf.splitTextToSize(text, options.maxWidth) as string[]) : [text];
    this.pdf.text(lines, x, y, { align: options.align ?? 'left', lineHeightFactor: 1.25 });
    return lines.length;
  }

  textWidth(text: string, options: TextOptions) {
    this.font(options);
    return this.pdf.getTextWidth(text);
  }

  rect(x: number, y: number, width: number, height: number, style: ShapeStyle) {
    if (style.fill) this.pdf.setFillColor(...rgb(style.fill));
    if (style.stroke) this.pdf.setDrawColor(...rgb(style.stroke)).setLineWidth(style.lineWidth ?? 0.2);
    this.pdf.rect(x, y, width, height, style.fill && style.stroke ? 'FD' : style.fill ? 'F' : 'S');
  }

  /** jsPDF draws a path as steps from its first point. */
  private path(points: readonly [number, number][], style: 'S' | 'F', closed: boolean) {
    const [first, ...rest] = points;
    const steps = rest.map((point, index) => [point[0] - points[index]![0], point[1] - points[index]![1]]);
    this.pdf.lines(steps, first![0], first![1], [1, 1], style, closed);
  }

  polyline(points: readonly [number, number][], style: { color: string; lineWidth: number; dash?: number[] }) {
    if (points.length < 2) return;
    this.pdf.setDrawColor(...rgb(style.color)).setLineWidth(style.lineWidth);
    this.pdf.setLineDashPattern(style.dash ?? [], 0);
    this.path(points, 'S', false);
    this.pdf.setLineDashPattern([], 0);
  }

  polygon(points: readonly [number, number][], fill: string) {
    this.pdf.setFillColor(...rgb(fill));
    this.path(points, 'F', true);
  }

  circle(x: number, y: number, radius: number, style: ShapeStyle) {
    if (style.fill) this.pdf.setFillColor(...rgb(style.fill));
    if (style.stroke) this.pdf.setDrawColor(...rgb(style.stroke)).setLineWidth(style.lineWidth ?? 0.2);
    this.pdf.circle(x, y, radius, style.fill && style.stroke ? 'FD' : style.fill ? 'F' : 'S');
  }

  image(image: { bytes: Uint8Array; format: 'PNG' | 'JPEG' }, x: number, y: number, width: number, height: number) {
    this.pdf.addImage(image.bytes, image.format, x, y, width, height, undefined, 'NONE');
  }

  clipped(x: number, y: number, width: number, height: number, draw: () => void) {
    this.pdf.saveGraphicsState();
    this.pdf.rect(x, y, width, height, null);
    this.pdf.clip();
    this.pdf.discardPath();
    draw();
    this.pdf.restoreGraphicsState();
  }
}

export interface AtlasContents {
  title: string;
  heading: string;
  /** "Daftar isi". */
  label: string;
  /** One per sheet, in order. */
  entries: string[];
}

const CONTENTS_TOP = 51;
const contentsRows = (pageHeight: number, firstPage: boolean) =>
  Math.floor((pageHeight - 16 - (firstPage ? CONTENTS_TOP : 20)) / (lineHeight(9) + 1)) + 1;

/** How many pages a contents list of `count` entries takes. */
function contentsPageCount(count: number, pageHeight: number): number {
  const first = contentsRows(pageHeight, true);
  return count <= first ? 1 : 1 + Math.ceil((count - first) / contentsRows(pageHeight, false));
}

/**
 * Sheets as one PDF (one page each, fonts embedded, text selectable); with `contents`, contents pages first
 * (an atlas). Each sheet's page size is its layout's; `{page}` and `{pages}` in a footer become its page number
 * and the page count.
 */
export function createPrintPdf(
  sheets: readonly PrintSheet[],
  fonts: PrintFonts,
  contents?: AtlasContents,
): Uint8Array<ArrayBuffer> {
  const first = sheets[0]!.layout.page;
  const orientation = (page: { width: number; height: number }) =>
    page.width > page.height ? 'landscape' : 'portrait';
  const pdf = new jsPDF({
    unit: 'mm',
    format: [first.width, first.height],
    orientation: orientation(first),
    compress: true,
    putOnlyUsedFonts: true,
  });
  embedFonts(pdf, fonts);
  const painter = new PdfPainter(pdf);
  const before = contents ? contentsPageCount(contents.entries.length, first.height) : 0;
  const pages = before + sheets.length;
  if (contents) {
    let y = 22;
    painter.text(contents.heading, 14, y, { size: 9, bold: true, color: '#55606b' });
    y += 10;
    painter.text(contents.title, 14, y, { size: 18, bold: true, maxWidth: first.width - 28 });
    y += 12;
    painter.text(contents.label, 14, y, { size: 12, bold: true });
    y += 7;
    contents.entries.forEach((entry, index) => {
      if (y > first.height - 16) {
        pdf.addPage([first.width, first.height], orientation(first));
        y = 20;
      }
      painter.text(entry, 18, y, { size: 9 });
      painter.text(String(before + index + 1), first.width - 14, y, { size: 9, align: 'right' });
      y += lineHeight(9) + 1;
    });
  }
  sheets.forEach((sheet, index) => {
    if (index > 0 || contents)
      pdf.addPage([sheet.layout.page.width, sheet.layout.page.height], orientation(sheet.layout.page));
    const footer = sheet.footer.replace('{page}', String(before + index + 1)).replace('{pages}', String(pages));
    drawSheet({ ...sheet, footer }, painter);
  });
  return new Uint8Array(pdf.output('arraybuffer'));
}
