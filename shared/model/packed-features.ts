import type { Geometry } from 'geojson';
import type { StoredFeature } from './layer';
import { encodeGeometries, GeometryReader, type EncodedGeometries } from './geometry-codec';

/**
 * Features of one layer as two typed arrays and one JSON text, for crossing from a worker: a structured clone of a
 * million small objects and nested coordinate arrays costs seconds, two transferred buffers and a string do not.
 */
export interface PackedFeatures {
  ids: string[];
  layerIds: string[];
  geometry: EncodedGeometries;
  /** JSON array of the properties, in the order of `ids`. */
  properties: string;
}

export function packFeatures(features: readonly StoredFeature[]): PackedFeatures {
  return {
    ids: features.map((feature) => feature.id),
    layerIds: features.map((feature) => feature.layerId),
    geometry: encodeGeometries(features.map((feature) => feature.geometry)),
    properties: JSON.stringify(features.map((feature) => feature.properties)),
  };
}

export function unpackFeatures(packed: PackedFeatures): StoredFeature[] {
  const properties = JSON.parse(packed.properties) as StoredFeature['properties'][];
  const reader = new GeometryReader(packed.geometry);
  return packed.ids.map((id, index) => ({
    id,
    layerId: packed.layerIds[index]!,
    geometry: reader.next() as Geometry,
    properties: properties[index]!,
  }));
}

/** The buffers to transfer with a packed set. */
export const packedBuffers = (packed: PackedFeatures): ArrayBuffer[] => [
  packed.geometry.shape.buffer as ArrayBuffer,
  packed.geometry.coords.buffer as ArrayBuffer,
];
