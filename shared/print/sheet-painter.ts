/** A picture on the sheet: encoded bytes for PDF, and the decoded image where a canvas draws it. */
export interface SheetImage {
  bytes: Uint8Array<ArrayBuffer>;
  format: 'PNG' | 'JPEG';
  width: number;
  height: number;
  /** Set by the canvas painter's caller (a decoded bitmap); PDF does not need it. */
  bitmap?: unknown;
}

export interface TextOptions {
  size: number;
  bold?: boolean;
  color?: string;
  align?: 'left' | 'center' | 'right';
  /** Wrapped to this width in mm; the text's lines are returned. */
  maxWidth?: number;
}

/** Fill and outline of a shape; either may be absent. */
export interface ShapeStyle {
  fill?: string;
  stroke?: string;
  lineWidth?: number;
}

/**
 * What drawing a sheet needs, in millimetres from the page's top left (text y is the baseline). One sheet
 * drawing serves both the PDF (jsPDF) and the PNG and on-screen preview (a canvas), so they cannot differ.
 */
export interface SheetPainter {
  text(text: string, x: number, y: number, options: TextOptions): number;
  textWidth(text: string, options: TextOptions): number;
  rect(x: number, y: number, width: number, height: number, style: ShapeStyle): void;
  polyline(points: readonly [number, number][], style: { color: string; lineWidth: number; dash?: number[] }): void;
  polygon(points: readonly [number, number][], fill: string): void;
  circle(x: number, y: number, radius: number, style: ShapeStyle): void;
  image(image: SheetImage, x: number, y: number, width: number, height: number): void;
  /** Draws inside a rectangle only. */
  clipped(x: number, y: number, width: number, height: number, draw: () => void): void;
}

/** Line height in mm of text of a size in points. */
export const lineHeight = (size: number) => size * 0.3528 * 1.25;
