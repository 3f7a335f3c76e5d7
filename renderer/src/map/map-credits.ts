import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * The credits the map shows now (the shipped basemap's licence in the UI language, and each visible source's own
 * attribution), as plain text: what a picture of the map must carry. MapLibre writes them into its attribution
 * control; the control is the one place that knows which sources are drawn.
 */
export function mapCredits(map: MapLibreMap): string {
  const inner = map.getContainer().querySelector('.maplibregl-ctrl-attrib-inner');
  return (inner?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
