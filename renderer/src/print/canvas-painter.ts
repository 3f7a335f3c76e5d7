import type { ShapeStyle, SheetImage, SheetPainter, TextOptions } from '#shared/print/sheet-painter';
import { lineHeight } from '#shared/print/sheet-painter';

const FONT = '"Noto Sans", sans-serif';

/** The sheet painted on a canvas (PNG export and the on-screen preview), `pxPerMm` pixels to the millimetre. */
export class CanvasPainter implements SheetPainter {
  constructor(
    private readonly context: CanvasRenderingContext2D,
    pxPerMm: number,
  ) {
    context.scale(pxPerMm, pxPerMm);
    context.lineJoin = 'round';
  }

  private font(options: TextOptions) {
    // Points to millimetres: 1 pt = 0.3528 mm.
    this.context.font = `${options.bold ? 700 : 400} ${options.size * 0.3528}px ${FONT}`;
  }

  private wrap(text: string, maxWidth: number | undefined): string[] {
    if (!maxWidth) return [text];
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(/\s+/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (this.context.measureText(candidate).width > maxWidth && line) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
    return lines;
  }

  text(text: string, x: number, y: number, options: TextOptions) {
    this.font(options);
    this.context.fillStyle = options.color ?? '#1a1a1a';
    this.context.textAlign = options.align ?? 'left';
    this.context.textBaseline = 'alphabetic';
    const lines = this.wrap(text, options.maxWidth);
    lines.forEach((line, index) => this.context.fillText(line, x, y + index * lineHeight(options.size)));
    return lines.length;
  }

  textWidth(text: string, options: TextOptions) {
    this.font(options);
    return this.context.measureText(text).width;
  }

  rect(x: number, y: number, width: number, height: number, style: ShapeStyle) {
    if (style.fill) {
      this.context.fillStyle = style.fill;
      this.context.fillRect(x, y, width, height);
    }
    if (style.stroke) {
      this.context.strokeStyle = style.stroke;
      this.context.lineWidth = style.lineWidth ?? 0.2;
      this.context.strokeRect(x, y, width, height);
    }
  }

  polyline(points: readonly [number, number][], style: { color: string; lineWidth: number; dash?: number[] }) {
    this.context.beginPath();
    points.forEach(([x, y], index) => (index === 0 ? this.context.moveTo(x, y) : this.context.lineTo(x, y)));
    this.context.strokeStyle = style.color;
    this.context.lineWidth = style.lineWidth;
    this.context.setLineDash(style.dash ?? []);
    this.context.stroke();
    this.context.setLineDash([]);
  }

  polygon(points: readonly [number, number][], fill: string) {
    this.context.beginPath();
    points.forEach(([x, y], index) => (index === 0 ? this.context.moveTo(x, y) : this.context.lineTo(x, y)));
    this.context.closePath();
    this.context.fillStyle = fill;
    this.context.fill();
  }

  circle(x: number, y: number, radius: number, style: ShapeStyle) {
    this.context.beginPath();
    this.context.arc(x, y, radius, 0, Math.PI * 2);
    if (style.fill) {
      this.context.fillStyle = style.fill;
      this.context.fill();
    }
    if (style.stroke) {
      this.context.strokeStyle = style.stroke;
      this.context.lineWidth = style.lineWidth ?? 0.2;
      this.context.stroke();
    }
  }

  image(image: SheetImage, x: number, y: number, width: number, height: number) {
    this.context.drawImage(image.bitmap as CanvasImageSource, x, y, width, height);
  }

  clipped(x: number, y: number, width: number, height: number, draw: () => void) {
    this.context.save();
    this.context.beginPath();
    this.context.rect(x, y, width, height);
    this.context.clip();
    draw();
    this.context.restore();
  }
}
