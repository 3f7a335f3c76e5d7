import { jsPDF } from 'jspdf';
import { plainPdfText } from './pdf-text';

export interface HandoutSlide {
  title: string;
  caption: string;
  /** The composed slide image as JPEG (embedded as it is) and its size in pixels. */
  jpeg: Uint8Array<ArrayBuffer>;
  width: number;
  height: number;
  figures: { label: string; value: string }[];
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

/** The story as a handout: a cover page, then one landscape A4 page per slide (title, map, caption, key figures). */
export function createStoryHandoutPdf(input: HandoutInput): Uint8Array<ArrayBuffer> {
  const pdf = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'landscape' });
  const text = (
    value: string,
    x: number,
    y: number,
    size: number,
    style: 'normal' | 'bold' = 'normal',
    maxWidth = PAGE_WIDTH - 2 * MARGIN,
  ) => {
    pdf.setFont('helvetica', style).setFontSize(size);
    const lines = pdf.splitTextToSize(plainPdfText(value), maxWidth) as string[];
    pdf.text(lines, x, y);
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

  input.slides.forEach((slide, index) => {
    pdf.addPage();
    text(`${input.labels.slide} ${index + 1}/${input.slides.length}`, MARGIN, 12, 9);
    const top = text(slide.title, MARGIN, 20, 17, 'bold');
    const figuresWidth = slide.figures.length > 0 ? 78 : 0;
    const imageBoxWidth = PAGE_WIDTH - 2 * MARGIN - (figuresWidth ? figuresWidth + 6 : 0);
    const imageBoxHeight = PAGE_HEIGHT - top - 38;
    const scale = Math.min(imageBoxWidth / slide.width, imageBoxHeight / slide.height);
    const [w, h] = [slide.width * scale, slide.height * scale];
    pdf.addImage(slide.jpeg, 'JPEG', MARGIN, top + 1, w, h, undefined, 'NONE');
    const captionY = text(slide.caption, MARGIN, top + h + 7, 10, 'normal', imageBoxWidth);
    if (slide.figures.length > 0) {
      const x = PAGE_WIDTH - MARGIN - figuresWidth;
      let fy = text(input.labels.figures, x, top + 5, 11, 'bold');
      for (const figure of slide.figures) {
        fy = text(figure.label, x, fy + 1, 9, 'normal', figuresWidth);
        fy = text(figure.value, x, fy, 12, 'bold', figuresWidth) + 1.5;
      }
    }
    pdf
      .setFont('helvetica', 'normal')
      .setFontSize(8)
      .text(
        plainPdfText(`${input.title} · ${input.date} · ${input.labels.page} ${index + 2}`),
        MARGIN,
        Math.max(captionY + 4, PAGE_HEIGHT - 6),
      );
  });
  return new Uint8Array(pdf.output('arraybuffer'));
}
