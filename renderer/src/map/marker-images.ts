import type { Map as MapLibreMap } from 'maplibre-gl';
import { MARKER_IMAGE_PREFIX, MARKER_SHAPES, markerImageId, markerSdf } from '#shared/style/marker-shapes';
import { ensurePhotoMarkerImages } from './photo-markers';

/** Marker images are drawn at twice their size on screen, so they stay sharp on a projector or a printed sheet. */
const PIXEL_RATIO = 2;
/** A marker's radius at `icon-size` 1, in screen pixels: icon-size is a circle radius divided by this. */
export const MARKER_RADIUS_PX = 8;

/** Adds the zones' marker shapes to the map's style, as signed-distance images MapLibre colours and rings. */
export function ensureMarkerImages(map: MapLibreMap) {
  for (const shape of MARKER_SHAPES) {
    const id = markerImageId(shape);
    if (map.hasImage(id)) continue;
    map.addImage(id, markerSdf(shape, MARKER_RADIUS_PX * PIXEL_RATIO), { sdf: true, pixelRatio: PIXEL_RATIO });
  }
  ensurePhotoMarkerImages(map);
}

/**
 * Supplies the marker shapes whenever the map's style asks for one it lacks: after a basemap change, and in maps
 * drawn from `getStyle()` (printed sheets, report maps), which carries no runtime images.
 */
export function provideMarkerImages(map: MapLibreMap) {
  map.setMissingStyleImageResolver((id) => {
    if (id.startsWith(MARKER_IMAGE_PREFIX)) ensureMarkerImages(map);
  });
}
