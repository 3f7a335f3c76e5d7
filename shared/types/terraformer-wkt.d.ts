declare module '@terraformer/wkt' {
  import type { Geometry } from 'geojson';
  /** WKT to a GeoJSON geometry; throws on text it cannot parse. */
  export function wktToGeoJSON(wkt: string): Geometry;
  export function geojsonToWKT(geometry: Geometry): string;
}
