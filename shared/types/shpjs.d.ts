declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  /** Shapes of a .shp, reprojected to WGS 84 when given the .prj text; null for null shapes. */
  export function parseShp(shp: DataView, prj?: string): (Geometry | null)[];
  /** Rows of a .dbf decoded with the given encoding (a .cpg's text or a WHATWG label). */
  export function parseDbf(dbf: DataView, encoding?: string): Record<string, unknown>[];
}
