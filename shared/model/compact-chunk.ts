import type { Geometry } from 'geojson';
import type { StoredFeature } from './layer';
import { encodeGeometries, GeometryReader, type EncodedGeometries } from './geometry-codec';
import { fromPropertyColumns, toPropertyColumns, type PropertyColumns } from './property-columns';

/**
 * Features of one layer in the form they are stored in (a block): ids, properties as columns, geometry as typed
 * arrays. The map's tiles, the analysis and the store read this one shape.
 */
export interface CompactChunk {
  ids: string[];
  properties: PropertyColumns;
  geometry: EncodedGeometries;
}

export function encodeChunk(features: readonly StoredFeature[]): CompactChunk {
  return {
    ids: features.map((feature) => feature.id),
    properties: toPropertyColumns(features.map((feature) => feature.properties)),
    geometry: encodeGeometries(features.map((feature) => feature.geometry)),
  };
}

/**
 * The chunk's features as GeoJSON-shaped features of `layerId`, appended to `into`; with `wanted`, only those
 * whose id it accepts (the geometry of the others is read past, not built).
 */
export function decodeChunk(
  chunk: CompactChunk,
  layerId: string,
  into: StoredFeature[],
  wanted?: (id: string) => boolean,
): StoredFeature[] {
  const properties = fromPropertyColumns(chunk.properties, chunk.ids.length) as StoredFeature['properties'][];
  const reader = new GeometryReader(chunk.geometry);
  for (let index = 0; index < chunk.ids.length; index++) {
    const id = chunk.ids[index]!;
    // Every stored feature has a geometry (the model refuses features without one).
    const geometry = reader.next() as Geometry;
    if (!wanted || wanted(id)) into.push({ id, layerId, geometry, properties: properties[index]! });
  }
  return into;
}
