import proj4 from 'proj4';

/** A georeferenced raster as the warp needs it: north-up, its origin and pixel size in its own CRS. */
export interface RasterGrid {
  width: number;
  height: number;
  /** Upper-left corner, in the raster's CRS. */
  originX: number;
  originY: number;
  /** Pixel size; y is negative for a north-up image. */
  resolutionX: number;
  resolutionY: number;
  /** proj4 code or definition of the raster's CRS ('EPSG:32751', 'EPSG:4326' …). */
  crs: string;
}

/** Where the pixels of one map tile fall in a raster: a grid of source pixel positions (x, y) per output pixel. */
export interface TileSampling {
  size: number;
  /** Source pixel x and y per output pixel, row by row (NaN outside the CRS's domain). */
  sourceX: Float64Array;
  sourceY: Float64Array;
  /** The source pixels the tile needs, clamped to the raster; null when the tile misses the raster. */
  window: [left: number, top: number, right: number, bottom: number] | null;
}

const GRID = 16;

function lonLatOfTilePixel(z: number, x: number, y: number, px: number, py: number, size: number): [number, number] {
  const scale = 2 ** z;
  const mx = (x + px / size) / scale;
  const my = (y + py / size) / scale;
  const lon = mx * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * my))) * 180) / Math.PI;
  return [lon, lat];
}

/**
 * The source pixel under every pixel of web-mercator tile z/x/y. Exact reprojection at a 17×17 grid of points,
 * bilinear in between (under a hundredth of a pixel for UTM at tile scale), so a tile costs 289 proj4 calls.
 */
export function tileSampling(grid: RasterGrid, z: number, x: number, y: number, size = 256): TileSampling {
  const toSource = grid.crs === 'EPSG:4326' ? null : proj4('EPSG:4326', grid.crs);
  const knots = new Float64Array((GRID + 1) * (GRID + 1) * 2);
  for (let j = 0; j <= GRID; j++)
    for (let i = 0; i <= GRID; i++) {
      const lonLat = lonLatOfTilePixel(z, x, y, (i * size) / GRID, (j * size) / GRID, size);
      const [sx, sy] = toSource ? toSource.forward(lonLat) : lonLat;
      const at = (j * (GRID + 1) + i) * 2;
      knots[at] = (sx! - grid.originX) / grid.resolutionX;
      knots[at + 1] = (sy! - grid.originY) / grid.resolutionY;
    }
  const sourceX = new Float64Array(size * size);
  const sourceY = new Float64Array(size * size);
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  const cell = size / GRID;
  for (let py = 0; py < size; py++) {
    const gy = Math.min(GRID - 1, Math.floor((py + 0.5) / cell));
    const fy = (py + 0.5) / cell - gy;
    for (let px = 0; px < size; px++) {
      const gx = Math.min(GRID - 1, Math.floor((px + 0.5) / cell));
      const fx = (px + 0.5) / cell - gx;
      const k = (row: number, col: number, axis: number) => knots[(row * (GRID + 1) + col) * 2 + axis]!;
      const lerp = (axis: number) =>
        (1 - fy) * ((1 - fx) * k(gy, gx, axis) + fx * k(gy, gx + 1, axis)) +
        fy * ((1 - fx) * k(gy + 1, gx, axis) + fx * k(gy + 1, gx + 1, axis));
      const sx = lerp(0);
      const sy = lerp(1);
      sourceX[py * size + px] = sx;
      sourceY[py * size + px] = sy;
      if (sx >= 0 && sy >= 0 && sx < grid.width && sy < grid.height) {
        left = Math.min(left, sx);
        top = Math.min(top, sy);
        right = Math.max(right, sx);
        bottom = Math.max(bottom, sy);
      }
    }
  }
  const window: TileSampling['window'] = Number.isFinite(left)
    ? [
        Math.floor(left),
        Math.floor(top),
        Math.min(grid.width, Math.floor(right) + 1),
        Math.min(grid.height, Math.floor(bottom) + 1),
      ]
    : null;
  return { size, sourceX, sourceY, window };
}

/** Pixels read from one image (the full raster or an overview `scale` times smaller), interleaved 8-bit bands. */
export interface RasterWindow {
  pixels: ArrayLike<number>;
  /** The window's place and size in the image's own pixels. */
  left: number;
  top: number;
  width: number;
  height: number;
  bands: number;
  scale: number;
  noData: number | null;
}

/** The window of an image `scale` times smaller than the raster that covers a tile's source pixels. */
export function overviewWindow(
  window: NonNullable<TileSampling['window']>,
  scale: number,
  width: number,
  height: number,
) {
  const left = Math.max(0, Math.floor(window[0] / scale));
  const top = Math.max(0, Math.floor(window[1] / scale));
  const right = Math.min(width, Math.ceil(window[2] / scale));
  const bottom = Math.min(height, Math.ceil(window[3] / scale));
  return { left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
}

/**
 * RGBA pixels of the tile, nearest neighbour. One band is grey, three RGB, four RGBA; pixels outside the raster or
 * equal to `noData` are transparent.
 */
export function sampleTile(sampling: TileSampling, source: RasterWindow): Uint8ClampedArray {
  const out = new Uint8ClampedArray(sampling.size * sampling.size * 4);
  if (!sampling.window) return out;
  const { pixels, left, top, width: windowWidth, height: windowHeight, bands, scale, noData } = source;
  for (let p = 0; p < sampling.size * sampling.size; p++) {
    const sx = Math.floor(sampling.sourceX[p]! / scale) - left;
    const sy = Math.floor(sampling.sourceY[p]! / scale) - top;
    if (!(sx >= 0 && sy >= 0 && sx < windowWidth && sy < windowHeight)) continue;
    const at = (sy * windowWidth + sx) * bands;
    const first = pixels[at]!;
    if (noData !== null && first === noData && (bands === 1 || pixels[at + 1] === noData)) continue;
    const [r, g, b] = bands >= 3 ? [first, pixels[at + 1]!, pixels[at + 2]!] : [first, first, first];
    out[p * 4] = r;
    out[p * 4 + 1] = g;
    out[p * 4 + 2] = b;
    out[p * 4 + 3] = bands >= 4 ? pixels[at + 3]! : 255;
  }
  return out;
}
