import { describe, expect, it } from 'vitest';
import { MARKER_SHAPES, markerOutline, markerSdf, SDF_BUFFER } from './marker-shapes';

/** Alpha of the SDF image at a pixel. */
const alphaAt = (image: ReturnType<typeof markerSdf>, column: number, row: number) =>
  image.data[(row * image.width + column) * 4 + 3]!;

/** The pixels MapLibre fills (alpha ≥ 0.75 · 255) as a string of # and . per row. */
const mask = (image: ReturnType<typeof markerSdf>) =>
  Array.from({ length: image.height }, (_, row) =>
    Array.from({ length: image.width }, (_, column) => (alphaAt(image, column, row) >= 191 ? '#' : '.')).join(''),
  ).join('\n');

describe('zone marker shapes (#38)', () => {
  it('an SDF image reads as MapLibre’s shader expects: 191 on the outline, 32 less per pixel outward', () => {
    const radius = 16;
    const image = markerSdf('square', radius);
    const centre = image.width / 2;
    // The square's side is at 0.8 · 16 = 12.8 px from the centre; pixel centres are at .5.
    expect(image.width).toBe(2 * (Math.ceil(1.1 * radius) + SDF_BUFFER + 1));
    expect(alphaAt(image, centre, centre)).toBe(255);
    expect(alphaAt(image, 0, 0)).toBe(0);
    // Column centre + 12 has its pixel centre 12.5 px out, 0.3 px inside the side: 255 · (0.75 + 0.3 / 8) = 200.8.
    expect(alphaAt(image, centre + 12, centre)).toBe(201);
    // Column centre + 15: 15.5 px out, 2.7 px outside the side: 255 · (0.75 − 2.7 / 8) = 105.2.
    expect(alphaAt(image, centre + 15, centre)).toBe(105);
  });

  it('the filled area of each shape is its outline’s area (shoelace, by hand) within a pixel’s rounding', () => {
    const radius = 16;
    for (const shape of MARKER_SHAPES) {
      const outline = markerOutline(shape, 0, 0, radius);
      let twice = 0;
      for (let i = 0; i < outline.length; i++) {
        const [x1, y1] = outline[i]!;
        const [x2, y2] = outline[(i + 1) % outline.length]!;
        twice += x1 * y2 - x2 * y1;
      }
      const filled = mask(markerSdf(shape, radius)).split('#').length - 1;
      expect(Math.abs(filled - Math.abs(twice) / 2), shape).toBeLessThan(0.06 * filled);
      // Shapes of about equal weight: 2.1–2.6 squared radii.
      expect(filled / radius ** 2, shape).toBeGreaterThan(2);
      expect(filled / radius ** 2, shape).toBeLessThan(2.7);
    }
  });

  it('no two shapes fill the same pixels: at least a fifth of their union differs', () => {
    const masks = MARKER_SHAPES.map((shape) => mask(markerSdf(shape, 16)));
    for (let i = 0; i < masks.length; i++)
      for (let j = i + 1; j < masks.length; j++) {
        let differ = 0;
        let union = 0;
        for (let k = 0; k < masks[i]!.length; k++) {
          const [a, b] = [masks[i]![k] === '#', masks[j]![k] === '#'];
          if (a || b) union++;
          if (a !== b) differ++;
        }
        expect(differ / union, `${MARKER_SHAPES[i]} vs ${MARKER_SHAPES[j]}`).toBeGreaterThan(0.2);
      }
  });

  it('a triangle points up and the other one down (rows fill from the tip)', () => {
    const rows = (shape: 'triangle' | 'triangle-down') =>
      mask(markerSdf(shape, 16))
        .split('\n')
        .map((row) => row.split('#').length - 1)
        .filter((count) => count > 0);
    const up = rows('triangle');
    const down = rows('triangle-down');
    expect(up[0]!).toBeLessThan(up.at(-1)!);
    expect(down[0]!).toBeGreaterThan(down.at(-1)!);
  });
});
