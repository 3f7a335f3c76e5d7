import { z } from 'zod';
import type { Bounds } from '../geo/positions-of';
import { mercatorX, mercatorY } from '../tiles/layer-tiles';

/** Half the width of the web-mercator world, in metres (EPSG:3857). */
const WORLD_HALF = 20037508.342789244;

const HttpUrlSchema = z
  .string()
  .trim()
  .min(8)
  .max(2000)
  .refine(
    (text) => /^https?:\/\//i.test(text),
    'alamat harus mulai dengan http:// atau https:// / must start with http(s)://',
  );

const common = {
  attribution: z.string().max(500).default(''),
  minzoom: z.number().int().min(0).max(22).default(0),
  maxzoom: z.number().int().min(0).max(22).default(19),
};

/**
 * An online tile service the user added: an XYZ/TMS template (`{z}/{x}/{y}`, `{-y}`, `{s}`), a WMS layer asked for
 * in web mercator, or a WMTS layer whose tile template and matrix names were read from its GetCapabilities.
 */
export const TileServiceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('xyz'),
    template: HttpUrlSchema.refine(
      (text) => /\{z\}/.test(text) && /\{x\}/.test(text) && /\{-?y\}/.test(text),
      'templat harus memuat {z}, {x} dan {y} / the template needs {z}, {x} and {y}',
    ),
    scheme: z.enum(['xyz', 'tms']).default('xyz'),
    ...common,
  }),
  z.strictObject({
    kind: z.literal('wms'),
    url: HttpUrlSchema,
    layers: z.string().trim().min(1).max(500),
    styles: z.string().max(500).default(''),
    version: z.enum(['1.1.1', '1.3.0']).default('1.3.0'),
    format: z.enum(['image/png', 'image/jpeg']).default('image/png'),
    ...common,
  }),
  z.strictObject({
    kind: z.literal('wmts'),
    template: HttpUrlSchema,
    /** The tile matrix identifier of each zoom level the service has. */
    matrixIds: z.record(z.string().regex(/^\d{1,2}$/), z.string().min(1).max(100)),
    ...common,
  }),
]);
export type TileService = z.infer<typeof TileServiceSchema>;
export type TileServiceInput = z.input<typeof TileServiceSchema>;

const SUBDOMAINS = ['a', 'b', 'c'];

/** The web-mercator box of a tile, in metres: west, south, east, north. */
export function tileBoxMetres(z: number, x: number, y: number): Bounds {
  const size = (2 * WORLD_HALF) / 2 ** z;
  const west = -WORLD_HALF + x * size;
  const north = WORLD_HALF - y * size;
  return [west, north - size, west + size, north];
}

const round = (value: number) => Number(value.toFixed(4));

/** The address of one tile of a service (XYZ tile numbering, as MapLibre asks); null where the service has none. */
export function tileUrlOf(service: TileService, z: number, x: number, y: number): string | null {
  if (z < service.minzoom || z > service.maxzoom) return null;
  switch (service.kind) {
    case 'xyz': {
      const row = service.scheme === 'tms' ? 2 ** z - 1 - y : y;
      return service.template
        .replaceAll('{s}', SUBDOMAINS[(x + y) % SUBDOMAINS.length]!)
        .replaceAll('{z}', String(z))
        .replaceAll('{x}', String(x))
        .replaceAll('{y}', String(row))
        .replaceAll('{-y}', String(2 ** z - 1 - y));
    }
    case 'wms': {
      const url = new URL(service.url);
      const crsKey = service.version === '1.3.0' ? 'CRS' : 'SRS';
      const parameters: Record<string, string> = {
        SERVICE: 'WMS',
        REQUEST: 'GetMap',
        VERSION: service.version,
        LAYERS: service.layers,
        STYLES: service.styles,
        [crsKey]: 'EPSG:3857',
        BBOX: tileBoxMetres(z, x, y).map(round).join(','),
        WIDTH: '256',
        HEIGHT: '256',
        FORMAT: service.format,
        TRANSPARENT: service.format === 'image/png' ? 'TRUE' : 'FALSE',
      };
      // The service's own parameters (a map key, a dataset) stay; ours replace any of the same name.
      for (const key of [...url.searchParams.keys()]) if (key.toUpperCase() in parameters) url.searchParams.delete(key);
      for (const [key, value] of Object.entries(parameters)) url.searchParams.set(key, value);
      return url.toString();
    }
    case 'wmts': {
      const matrix = service.matrixIds[String(z)];
      if (!matrix) return null;
      return service.template
        .replaceAll('{TileMatrix}', encodeURIComponent(matrix))
        .replaceAll('{TileRow}', String(y))
        .replaceAll('{TileCol}', String(x));
    }
  }
}

/** Every host (with port) a service's tiles come from: the list the desktop app may contact for it. */
export function hostsOf(service: TileService): string[] {
  const address = service.kind === 'wms' ? service.url : service.template;
  const bare = address.replace(/\{[^}]*\}/g, '0');
  const subdomains = address.includes('{s}') ? SUBDOMAINS : [''];
  const hosts = subdomains.map((subdomain) =>
    new URL(subdomain ? address.replaceAll('{s}', subdomain).replace(/\{[^}]*\}/g, '0') : bare).host.toLowerCase(),
  );
  return [...new Set(hosts)];
}

/** The tiles of the area at each zoom from `minzoom` to `maxzoom`, in XYZ numbering. */
export function tilesOfArea(bounds: Bounds, minzoom: number, maxzoom: number): { z: number; x: number; y: number }[] {
  const tiles: { z: number; x: number; y: number }[] = [];
  for (let z = minzoom; z <= maxzoom; z++) {
    const { x0, x1, y0, y1 } = tileRange(bounds, z);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) tiles.push({ z, x, y });
  }
  return tiles;
}

/** How many tiles `tilesOfArea` would list, without listing them (for the estimate shown before a download). */
export function tileCountOfArea(bounds: Bounds, minzoom: number, maxzoom: number): number {
  let count = 0;
  for (let z = minzoom; z <= maxzoom; z++) {
    const { x0, x1, y0, y1 } = tileRange(bounds, z);
    count += (x1 - x0 + 1) * (y1 - y0 + 1);
  }
  return count;
}

function tileRange([west, south, east, north]: Bounds, z: number) {
  const scale = 2 ** z;
  const clamp = (value: number) => Math.min(scale - 1, Math.max(0, Math.floor(value)));
  // A hair inside the box, so an edge that falls exactly on a tile line does not pull in the next row of tiles.
  const inset = 1e-9;
  return {
    x0: clamp(mercatorX(west) * scale + inset),
    x1: clamp(mercatorX(east) * scale - inset),
    y0: clamp(mercatorY(north) * scale + inset),
    y1: clamp(mercatorY(south) * scale - inset),
  };
}
