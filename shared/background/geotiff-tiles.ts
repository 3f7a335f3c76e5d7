import type { GeoTIFF, GeoTIFFImage } from 'geotiff';
import { resolveCrsCode } from '../geo/known-crs';
import { overviewWindow, sampleTile, tileSampling, type RasterGrid } from './warp-tile';
import { problem, ProblemError } from '../messages/problem';

export interface GeoTiffInfo {
  grid: RasterGrid;
  /** Lon/lat bounds of the raster. */
  bounds: [number, number, number, number];
  bands: number;
  /** The zoom at which a tile pixel is about a source pixel. */
  nativeZoom: number;
}

/**
 * Tiles of a GeoTIFF or Cloud-Optimised GeoTIFF (a drone mosaic in UTM 51S …) for a web-mercator map: the overview
 * nearest the tile's scale is read, only the window the tile needs, and warped to the tile. Nothing else of the
 * file is read (a COG read from a Blob reads byte ranges).
 */
export class GeoTiffTiles {
  private constructor(
    private readonly images: GeoTIFFImage[],
    readonly info: GeoTiffInfo,
  ) {}

  static async open(tiff: GeoTIFF, name: string): Promise<GeoTiffTiles> {
    const count = await tiff.getImageCount();
    const images: GeoTIFFImage[] = [];
    for (let index = 0; index < count; index++) images.push(await tiff.getImage(index));
    const first = images[0]!;
    // A 16-bit mosaic or an elevation model would be drawn clipped to white: said, not shown wrong.
    const bits = first.getBitsPerSample();
    if (bits !== 8) throw new ProblemError(problem('background.geotiffBits', { file: name, bits: String(bits) }));
    const keys = (first.getGeoKeys() ?? {}) as Record<string, number | undefined>;
    const code = keys.ProjectedCSTypeGeoKey ?? keys.GeographicTypeGeoKey;
    const crs = code && code !== 32767 ? resolveCrsCode(String(code)) : null;
    if (!crs) throw new ProblemError(problem('background.geotiffCrs', { file: name, code: code ? String(code) : '?' }));
    const [originX, originY] = first.getOrigin() as [number, number];
    const [resolutionX, resolutionY] = first.getResolution() as [number, number];
    const grid: RasterGrid = {
      width: first.getWidth(),
      height: first.getHeight(),
      originX,
      originY,
      resolutionX,
      resolutionY,
      crs,
    };
    // Overviews are kept largest first, as GDAL writes them; masks (fewer bands) are left out.
    const bands = first.getSamplesPerPixel();
    const usable = images
      .filter((image) => image.getSamplesPerPixel() === bands)
      .sort((a, b) => b.getWidth() - a.getWidth());
    const { default: proj4 } = await import('proj4');
    const toLonLat = crs === 'EPSG:4326' ? (p: number[]) => p : (p: number[]) => proj4(crs, 'EPSG:4326', p);
    const corners = [
      [originX, originY],
      [originX + resolutionX * grid.width, originY],
      [originX, originY + resolutionY * grid.height],
      [originX + resolutionX * grid.width, originY + resolutionY * grid.height],
    ].map(toLonLat);
    const lons = corners.map((c) => c[0]!);
    const lats = corners.map((c) => c[1]!);
    const bounds: GeoTiffInfo['bounds'] = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
    const metresPerPixel = crs === 'EPSG:4326' ? Math.abs(resolutionX) * 111_320 : Math.abs(resolutionX);
    const latitude = (bounds[1] + bounds[3]) / 2;
    const nativeZoom = Math.round(Math.log2((156_543 * Math.cos((latitude * Math.PI) / 180)) / metresPerPixel));
    return new GeoTiffTiles(usable, { grid, bounds, bands: Math.min(bands, 4), nativeZoom });
  }

  /** RGBA pixels of tile z/x/y (size × size), or null when the tile misses the raster. */
  async tile(z: number, x: number, y: number, size = 256): Promise<Uint8ClampedArray | null> {
    const sampling = tileSampling(this.info.grid, z, x, y, size);
    if (!sampling.window) return null;
    // Source pixels per tile pixel (from two neighbouring tile pixels, not the clipped window, so every tile of a
    // zoom picks the same overview): the coarsest overview that still has one pixel per tile pixel.
    const step = Math.hypot(sampling.sourceX[1]! - sampling.sourceX[0]!, sampling.sourceY[1]! - sampling.sourceY[0]!);
    const needed = Math.max(1, step);
    const full = this.info.grid.width;
    let image = this.images[0]!;
    for (const candidate of this.images) if (full / candidate.getWidth() <= needed) image = candidate;
    const scale = full / image.getWidth();
    const window = overviewWindow(sampling.window, scale, image.getWidth(), image.getHeight());
    const samples = [...Array(this.info.bands).keys()];
    const pixels = (await image.readRasters({
      window: [window.left, window.top, window.left + window.width, window.top + window.height],
      samples,
      interleave: true,
    })) as unknown as ArrayLike<number>;
    const noData = this.images[0]!.getGDALNoData();
    return sampleTile(sampling, { pixels, ...window, bands: this.info.bands, scale, noData });
  }
}
