import { CASING_COLOR, HALO_COLOR } from './map-colours';

export interface SwatchRect {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
}

/**
 * A line or band swatch as the map draws it, in rectangles any painter can draw (PDF, canvas, CSS): the dark casing,
 * and the class colour on it; a broken class (rusak) in dashes with white gaps, dash lengths in multiples of the
 * line's thickness as on the map. Units are the caller's (mm on a sheet, px on a slide).
 */
export function swatchRects(
  entry: { color: string; dash?: readonly [number, number] },
  x: number,
  y: number,
  width: number,
  height: number,
): SwatchRect[] {
  const casing = Math.max(height * 0.18, 0.2);
  const inner = { x: x + casing, y: y + casing, width: width - 2 * casing, height: height - 2 * casing };
  const rects: SwatchRect[] = [{ x, y, width, height, fill: CASING_COLOR }];
  if (!entry.dash) return [...rects, { ...inner, fill: entry.color }];
  rects.push({ ...inner, fill: HALO_COLOR });
  const [on, off] = entry.dash.map((units) => units * inner.height);
  for (let at = inner.x; at < inner.x + inner.width; at += on! + off!)
    rects.push({ ...inner, x: at, width: Math.min(on!, inner.x + inner.width - at), fill: entry.color });
  return rects;
}

/** The same swatch as a CSS background (a legend on screen): dashes as a repeating gradient. */
export function swatchBackground(entry: { color: string; dash?: readonly [number, number] }, heightPx: number): string {
  if (!entry.dash) return entry.color;
  const [on, off] = entry.dash.map((units) => units * heightPx);
  return `repeating-linear-gradient(90deg, ${entry.color} 0 ${on}px, ${HALO_COLOR} ${on}px ${on! + off!}px)`;
}
