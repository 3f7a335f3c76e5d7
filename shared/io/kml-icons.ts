import { encode } from 'fast-png';
import { CASING_COLOR } from '../style/map-colours';
import { markerIcon, type MarkerShape } from '../style/marker-shapes';

/** Where a KMZ keeps a zone's marker picture (Google Earth's convention: files/ beside doc.kml). */
export const kmzIconPath = (shape: MarkerShape) => `files/${shape}.png`;

const CASING_RGB = [1, 3, 5].map((at) => parseInt(CASING_COLOR.slice(at, at + 2), 16)) as [number, number, number];

/** A zone's marker as a PNG of 34 px: white to be coloured by the style, on the map's dark casing ring. */
export function markerIconPng(shape: MarkerShape): Uint8Array<ArrayBuffer> {
  const icon = markerIcon(shape, 12, 2, CASING_RGB);
  const png = encode({ width: icon.width, height: icon.height, data: icon.data, channels: 4, depth: 8 });
  return new Uint8Array(png);
}
