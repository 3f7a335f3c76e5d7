declare module 'shpjs' {
  import type { FeatureCollection } from 'geojson';
  /** Parses a zipped Shapefile (or its parts); one collection per layer in the zip. */
  export default function shp(
    input: ArrayBuffer,
  ): Promise<FeatureCollection | (FeatureCollection & { fileName?: string })[]>;
}
