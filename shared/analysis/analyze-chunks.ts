import { analyzeAssets, createRoadIndex, type EncroachmentResult } from './encroachment';
import { signatureTotals, type SignatureTotals } from './input-signature';
import { decodeChunk, type CompactChunk } from '../model/compact-chunk';
import { unpackChunk, type Packed } from '../model/packed-ids';
import type { StoredFeature } from '../model/layer';

/** A layer's compact chunks as they cross to the analysis worker (ids packed). */
export interface PackedLayer {
  layerId: string;
  chunks: Packed<CompactChunk>[];
}

export interface ChunkAnalysis {
  /** In the chunks' order. */
  results: EncroachmentResult[];
  /** Per group (roads, corridors, assets), per layer: the signature totals of what was read from it. */
  totals: SignatureTotals[][];
}

function layerFeatures({ layerId, chunks }: PackedLayer, wanted?: (id: string) => boolean) {
  const features: StoredFeature[] = [];
  for (const chunk of chunks) decodeChunk(unpackChunk(chunk), layerId, features, wanted);
  return features;
}

/**
 * The encroachment analysis of the assets' layers against the roads' (only `roadIds` of them when given: a
 * corridor's segments) and the corridors', read from their compact chunks; with the fingerprint totals of each
 * layer read, so the page need not hash a million features to know later whether the result is still current.
 */
export function analyzeChunks(
  roads: readonly PackedLayer[],
  corridors: readonly PackedLayer[],
  assets: readonly PackedLayer[],
  roadIds: readonly string[] | null,
): ChunkAnalysis {
  const onlyRoads = roadIds ? new Set(roadIds) : null;
  const groups = [roads, corridors, assets].map((layers, group) =>
    layers.map((layer) => layerFeatures(layer, group === 0 && onlyRoads ? (id) => onlyRoads.has(id) : undefined)),
  );
  const [roadFeatures, corridorFeatures, assetFeatures] = groups.map((lists) => lists.flat()) as [
    StoredFeature[],
    StoredFeature[],
    StoredFeature[],
  ];
  return {
    results: analyzeAssets(createRoadIndex(roadFeatures, corridorFeatures), assetFeatures),
    totals: groups.map((lists, group) => lists.map((features) => signatureTotals(features, group))),
  };
}
