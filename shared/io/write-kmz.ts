import { strToU8, zipSync } from 'fflate';
import { featuresToKml, type KmlLayer } from './export-layer';
import type { ExportColumns } from './export-table';
import { kmzIconPath, markerIconPng } from './kml-icons';
import type { MarkerShape } from '../style/marker-shapes';

/**
 * KMZ for Google Earth: the KML of `featuresToKml` as doc.kml, with the zones' marker shapes as pictures beside it,
 * so an asset is drawn as on the map (shape and colour) from the file itself, not from a picture on the web.
 */
export function featuresToKmz(
  layers: readonly KmlLayer[],
  documentName: string,
  columns?: ExportColumns,
  zones?: Readonly<Record<string, string>>,
): Uint8Array<ArrayBuffer> {
  const used = new Set<MarkerShape>();
  const icon = (shape: MarkerShape) => (used.add(shape), kmzIconPath(shape));
  const kml = featuresToKml(layers, documentName, columns, icon, zones);
  const files: Record<string, Uint8Array> = { 'doc.kml': strToU8(kml) };
  for (const shape of used) files[kmzIconPath(shape)] = markerIconPng(shape);
  return zipSync(files, { level: 6 }) as Uint8Array<ArrayBuffer>;
}
