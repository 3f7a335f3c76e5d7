import { jsPDF } from 'jspdf';
import { embedFonts, PDF_FONT, type PrintFonts } from '../print/embed-fonts';
import type { ReportChart } from './encroachment-report-pdf';

/** A slide's chart on its page, drawn as vectors by the caller: beside the map, or in its place. */
export interface HandoutChart {
  layout: 'beside' | 'alone';
  /** Null when the chart has no figures yet: the page then says `noData` where it would be. */
  drawing: ReportChart | null;
  noData: string;
}

export interface HandoutSlide {
  title: string;
  caption: string;
  /** The composed slide image as JPEG (embedded as it is) and its size in pixels; null for a chart in its place. */
  jpeg: Uint8Array<ArrayBuffer> | null;
  width: number;
  height: number;
  figures: { label: string; value: string }[];
  /** The map's credits (basemap licence and sources), printed under it on plain paper. */
  credits: string;
  chart?: HandoutChart | null;
}

export interface HandoutInput {
  title: string;
  subtitle: string;
  closing: string;
  /** e.g. "23/11/2026". */
  date: string;
  demoNote: string | null;
  labels: { slide: string; figures: string; contents: string; page: string };
  slides: HandoutSlide[];
}

const PAGE_WIDTH = 297;
const PAGE_HEIGHT = 210;
const MARGIN = 14;

/** Share of the page's width the map takes when a chart stands beside it (the live slide gives the chart 46 %). */
const MAP_SHARE_BESIDE_CHART = 0.54;
const GAP = 5;

/**
 * The story as a handout: a cover page, then one landscape A4 page per slide: title, the map across the page (or the
 * map and the slide's chart side by side, or the chart in its place), caption and key figures under it as text (the
 * slide picture has no title card of its own). Charts are vectors: their names and figures are text in Noto Sans.
 */
export async function createStoryHandoutPdf(input: HandoutInput, fonts: PrintFonts): Promise<Uint8Array<ArrayBuffer>> {
  const pdf = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'landscape', compress: true, putOnlyUsedFonts: true });
  embedFonts(pdf, fonts);
  const text = (
    value: string,
    x: number,
    y: number,
    size: number,
    style: 'normal' | 'bold' = 'normal',
    maxWidth = PAGE_WIDTH - 2 * MARGIN,
    align: 'left' | 'right' = 'left',
  ) => {
    pdf.setFont(PDF_FONT, style).setFontSize(size);
    const lines = pdf.splitTextToSize(value, maxWidth) as string[];
    pdf.text(lines, x, y, { align });
    return y + lines.length * size * 0.42 + 1;
  };

  let y = text(input.title, MARGIN, 40, 26, 'bold');
  y = text(input.subtitle, MARGIN, y + 4, 14);
  y = text(input.date, MARGIN, y + 2, 12);
  if (input.demoNote) {
    pdf.setFillColor(255, 248, 225).rect(MARGIN, y + 2, PAGE_WIDTH - 2 * MARGIN, 10, 'F');
    y = text(input.demoNote, MARGIN + 3, y + 8.5, 11, 'bold') + 4;
  }
  y = text(input.labels.contents, MARGIN, y + 6, 13, 'bold');
  input.slides.forEach((slide, index) => {
    y = text(`${index + 1}. ${slide.title}`, MARGIN + 4, y + 1, 11);
  });
  if (input.closing) text(input.closing, MARGIN, Math.max(y + 8, 170), 11, 'normal');

  const full = PAGE_WIDTH - 2 * MARGIN;
  const lineMm = (size: number) => size * 0.42;
  const FIGURES_PER_ROW = 4;
  for (const [index, slide] of input.slides.entries()) {
    pdf.addPage();
    text(`${input.labels.slide} ${index + 1}/${input.slides.length}`, MARGIN, 12, 9);
    if (input.demoNote) {
      pdf.setTextColor(122, 91, 0);
      text(input.demoNote, PAGE_WIDTH - MARGIN - 120, 12, 9, 'bold', 120);
      pdf.setTextColor(0, 0, 0);
    }
    const top = text(slide.title, MARGIN, 20, 17, 'bold');
    // The map takes the width of the page and whatever height the caption and figures under it leave: the whole
    // picture, never cropped, and no half-empty page.
    pdf.setFont(PDF_FONT, 'normal').setFontSize(10);
    const picture = slide.jpeg && slide.chart?.layout !== 'alone' ? slide.jpeg : null;
    const captionLines = slide.caption ? (pdf.splitTextToSize(slide.caption, full) as string[]).length : 0;
    const captionHeight = (captionLines ? captionLines * lineMm(10) + 3 : 0) + (picture && slide.credits ? 4 : 0);
    const figureRows = Math.ceil(slide.figures.length / FIGURES_PER_ROW);
    const figuresHeight = figureRows ? 5 + figureRows * 11 : 0;
    const footerY = PAGE_HEIGHT - 7;
    const boxHeight = footerY - 5 - figuresHeight - captionHeight - (top + 1);
    const chart = slide.chart ?? null;
    const pictureWidth = chart ? (picture ? full * MAP_SHARE_BESIDE_CHART : 0) : full;
    let [w, h] = [0, 0];
    let imageX = MARGIN;
    if (picture) {
      const scale = Math.min(pictureWidth / slide.width, boxHeight / slide.height);
      [w, h] = [slide.width * scale, slide.height * scale];
      imageX = chart ? MARGIN : MARGIN + (full - w) / 2;
      pdf.addImage(picture, 'JPEG', imageX, top + 1, w, h, undefined, 'NONE');
      pdf
        .setDrawColor(60, 60, 60)
        .setLineWidth(0.2)
        .rect(imageX, top + 1, w, h);
    }
    let below = top + h + 6;
    if (chart) {
      const x = picture ? MARGIN + pictureWidth + GAP : MARGIN;
      const room = picture ? full - pictureWidth - GAP : full;
      if (chart.drawing) {
        const width = Math.min(room, boxHeight / chart.drawing.aspect);
        const height = width * chart.drawing.aspect;
        await chart.drawing.draw(pdf, { x: picture ? x : x + (room - width) / 2, y: top + 1, width, height });
        // svg2pdf leaves its own font and colours behind.
        pdf.setFont(PDF_FONT, 'normal').setTextColor(0, 0, 0).setDrawColor(0, 0, 0).setFillColor(0, 0, 0);
        below = Math.max(below, top + height + 6);
      } else below = Math.max(below, text(chart.noData, x, top + 8, 11, 'normal', room) + 4);
    }
    let y = below;
    if (picture && slide.credits) {
      pdf.setTextColor(85, 96, 107);
      text(slide.credits, imageX + w, top + h + 3.6, 6.5, 'normal', w, 'right');
      pdf.setTextColor(0, 0, 0);
      y += 1.5;
    }
    if (slide.caption) y = text(slide.caption, MARGIN, y, 10, 'normal', full) + 1;
    if (slide.figures.length > 0) {
      text(input.labels.figures, MARGIN, y + 1, 10, 'bold');
      const cell = full / FIGURES_PER_ROW;
      slide.figures.forEach((figure, at) => {
        const x = MARGIN + (at % FIGURES_PER_ROW) * cell;
        const fy = y + 6 + Math.floor(at / FIGURES_PER_ROW) * 11;
        text(figure.label, x, fy, 8.5, 'normal', cell - 4);
        text(figure.value, x, fy + 4.8, 12, 'bold', cell - 4);
      });
    }
    pdf
      .setFont(PDF_FONT, 'normal')
      .setFontSize(8)
      .text(`${input.title} · ${input.date} · ${input.labels.page} ${index + 2}`, MARGIN, footerY);
  }
  return new Uint8Array(pdf.output('arraybuffer'));
}
