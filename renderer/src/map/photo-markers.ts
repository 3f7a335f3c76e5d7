import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { MARKER_IMAGE_PREFIX } from '#shared/style/marker-shapes';

/** A camera in a dark disc; with a direction, a fan of where it looked, pointing up (north) before rotation. */
const PHOTO_IMAGE = `${MARKER_IMAGE_PREFIX}photo`;
const PHOTO_CONE_IMAGE = `${MARKER_IMAGE_PREFIX}photo-cone`;
const PIXEL_RATIO = 2;
/** The image's side in screen pixels; the disc is 2/5 of it across, the fan reaches its edge. */
const SIZE_PX = 48;
const PHOTO_COLOR = '#6a1b9a';
const FAN_COLOR = 'rgba(255, 143, 0, 0.75)';

function drawPhotoMarker(withCone: boolean): ImageData {
  const size = SIZE_PX * PIXEL_RATIO;
  const canvas = new OffscreenCanvas(size, size);
  const context = canvas.getContext('2d')!;
  const centre = size / 2;
  if (withCone) {
    // A 60° fan toward the top of the image: the map turns it by the photo's direction.
    context.beginPath();
    context.moveTo(centre, centre);
    context.arc(centre, centre, centre - 2, -Math.PI / 2 - Math.PI / 6, -Math.PI / 2 + Math.PI / 6);
    context.closePath();
    context.fillStyle = FAN_COLOR;
    context.fill();
    context.lineWidth = 2;
    context.strokeStyle = '#ffffff';
    context.stroke();
  }
  const radius = size / 5;
  context.beginPath();
  context.arc(centre, centre, radius, 0, 2 * Math.PI);
  context.fillStyle = PHOTO_COLOR;
  context.fill();
  context.lineWidth = 3;
  context.strokeStyle = '#ffffff';
  context.stroke();
  // The camera: a body, its viewfinder bump and the lens.
  const body = radius * 1.1;
  context.fillStyle = '#ffffff';
  context.fillRect(centre - body / 2, centre - body / 3, body, (body * 2) / 3);
  context.fillRect(centre - body / 5, centre - body / 3 - body / 6, (body * 2) / 5, body / 6);
  context.beginPath();
  context.arc(centre, centre, body / 5, 0, 2 * Math.PI);
  context.fillStyle = PHOTO_COLOR;
  context.fill();
  return context.getImageData(0, 0, size, size);
}

/** Adds the photo markers to the map's style when it lacks them. */
export function ensurePhotoMarkerImages(map: MapLibreMap) {
  for (const [id, cone] of [
    [PHOTO_IMAGE, false],
    [PHOTO_CONE_IMAGE, true],
  ] as const) {
    if (!map.hasImage(id)) map.addImage(id, drawPhotoMarker(cone), { pixelRatio: PIXEL_RATIO });
  }
}

/** The field-photo layer's markers: turned with the map to the photo's direction where the camera wrote one. */
export function photoMarkerLayer(id: string, source: string): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source,
    filter: ['==', ['geometry-type'], 'Point'],
    layout: {
      'icon-image': ['case', ['has', 'directionDeg'], PHOTO_CONE_IMAGE, PHOTO_IMAGE],
      'icon-rotate': ['coalesce', ['get', 'directionDeg'], 0],
      'icon-rotation-alignment': 'map',
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
      'icon-size': ['interpolate', ['linear'], ['zoom'], 8, 0.6, 14, 1],
    },
  };
}
