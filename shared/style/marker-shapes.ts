/**
 * Marker shapes: the zones' second channel beside colour (#38). One outline per shape, in units of the marker's
 * radius around its centre (y down, as on a screen and a sheet), drawn by the map (as a signed-distance image), the
 * on-screen legend, the slide and the printed sheet, so no output can draw a zone in another shape. The circle is
 * not among them: a circle on the map is a bridge, in condition colours.
 */
export const MARKER_SHAPES = ['square', 'diamond', 'triangle', 'triangle-down', 'cross'] as const;
export type MarkerShape = (typeof MARKER_SHAPES)[number];

export const isMarkerShape = (shape: string): shape is MarkerShape =>
  (MARKER_SHAPES as readonly string[]).includes(shape);

type Outline = readonly (readonly [number, number])[];

/** Outlines of about the same area (2.1–2.6 square radii), so no shape looks heavier than its class is. */
const OUTLINES: Record<MarkerShape, Outline> = {
  square: [
    [-0.8, -0.8],
    [0.8, -0.8],
    [0.8, 0.8],
    [-0.8, 0.8],
  ],
  diamond: [
    [0, -1.1],
    [1.1, 0],
    [0, 1.1],
    [-1.1, 0],
  ],
  triangle: [
    [0, -1.1],
    [1.1, 0.8],
    [-1.1, 0.8],
  ],
  'triangle-down': [
    [-1.1, -0.8],
    [1.1, -0.8],
    [0, 1.1],
  ],
  cross: [
    [-0.36, -1],
    [0.36, -1],
    [0.36, -0.36],
    [1, -0.36],
    [1, 0.36],
    [0.36, 0.36],
    [0.36, 1],
    [-0.36, 1],
    [-0.36, 0.36],
    [-1, 0.36],
    [-1, -0.36],
    [-0.36, -0.36],
  ],
};

/** The outline of a marker of `radius` centred on (x, y), in the caller's units. */
export function markerOutline(shape: MarkerShape, x: number, y: number, radius: number): [number, number][] {
  return OUTLINES[shape].map(([u, v]) => [x + u * radius, y + v * radius]);
}

/** The marker as an SVG path in a box of `size` around its centre (the legend on screen). */
export function markerSvgPath(shape: MarkerShape, size: number): string {
  const points = markerOutline(shape, size / 2, size / 2, size / 2 / 1.1);
  return `M${points.map(([x, y]) => `${x.toFixed(2)} ${y.toFixed(2)}`).join('L')}Z`;
}

/** Whether a point lies inside a closed outline (even–odd). */
function inside(points: readonly (readonly [number, number])[], x: number, y: number): boolean {
  let odd = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
  }
  return odd;
}

/** Distance from a point to the segment a–b. */
function segmentDistance(
  x: number,
  y: number,
  [ax, ay]: readonly [number, number],
  [bx, by]: readonly [number, number],
) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

/** Distance from a point to an outline, negative inside. */
function signedDistance(outline: readonly (readonly [number, number])[], x: number, y: number) {
  let nearest = Infinity;
  for (let i = 0; i < outline.length; i++)
    nearest = Math.min(nearest, segmentDistance(x, y, outline[i]!, outline[(i + 1) % outline.length]!));
  return inside(outline, x, y) ? -nearest : nearest;
}

/**
 * The padding an SDF image keeps around its shape, in image pixels. MapLibre reads an SDF icon as tiny-sdf writes a
 * glyph: alpha 191 (0.75) on the outline, falling by 32 per pixel outward, so a halo reaches at most 6 pixels out.
 */
export const SDF_BUFFER = 6;

/**
 * A marker as a signed-distance image for MapLibre (`addImage(…, { sdf: true })`): alpha = 255 · (0.75 − d / 8),
 * d the distance in pixels from the outline, positive outside (the convention of MapLibre's SDF shader, where
 * `icon-color` fills up to 0.75 and `icon-halo-width` reaches out from it). `radius` is in image pixels.
 */
export function markerSdf(shape: MarkerShape, radius: number): { width: number; height: number; data: Uint8Array } {
  const extent = Math.ceil(1.1 * radius) + SDF_BUFFER + 1;
  const size = 2 * extent;
  const outline = markerOutline(shape, extent, extent, radius);
  const data = new Uint8Array(size * size * 4);
  for (let row = 0; row < size; row++)
    for (let column = 0; column < size; column++) {
      const signed = signedDistance(outline, column + 0.5, row + 0.5);
      const at = (row * size + column) * 4;
      data[at] = data[at + 1] = data[at + 2] = 255;
      data[at + 3] = Math.max(0, Math.min(255, Math.round(255 * (0.75 - signed / 8))));
    }
  return { width: size, height: size, data };
}

/** The name of a shape's image in the map's style. */
export const MARKER_IMAGE_PREFIX = 'rumija-marker-';
export const markerImageId = (shape: MarkerShape) => `${MARKER_IMAGE_PREFIX}${shape}`;

/**
 * A marker as a plain picture (RGBA) for programs that colour an icon by multiplying it (Google Earth's IconStyle
 * colour): white inside the outline, so it takes the class colour, on a ring of the casing colour, which stays dark.
 * `radius` and `ring` are in pixels; edges are smoothed over one pixel.
 */
export function markerIcon(
  shape: MarkerShape,
  radius: number,
  ring: number,
  casing: readonly [number, number, number],
): { width: number; height: number; data: Uint8Array } {
  const extent = Math.ceil(1.1 * radius + ring) + 1;
  const size = 2 * extent;
  const outline = markerOutline(shape, extent, extent, radius);
  const data = new Uint8Array(size * size * 4);
  const clamp = (value: number) => Math.max(0, Math.min(1, value));
  for (let row = 0; row < size; row++)
    for (let column = 0; column < size; column++) {
      const signed = signedDistance(outline, column + 0.5, row + 0.5);
      const white = clamp(0.5 - signed);
      const at = (row * size + column) * 4;
      for (let channel = 0; channel < 3; channel++)
        data[at + channel] = Math.round(255 * white + casing[channel]! * (1 - white));
      data[at + 3] = Math.round(255 * clamp(ring + 0.5 - signed));
    }
  return { width: size, height: size, data };
}
