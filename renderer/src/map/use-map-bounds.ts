import { useEffect, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';

import type { Bounds } from '#shared/geo/positions-of';

export type ViewBounds = Bounds;

const boundsOf = (map: MapLibreMap): ViewBounds => map.getBounds().toArray().flat() as ViewBounds;

/** The part of the world the map shows, updated when it stops moving; null while there is no map or it is off. */
export function useMapBounds(map: MapLibreMap | null, enabled: boolean): ViewBounds | null {
  const [bounds, setBounds] = useState<ViewBounds | null>(null);
  useEffect(() => {
    if (!map || !enabled) return undefined;
    const update = () => setBounds(boundsOf(map));
    update();
    map.on('moveend', update);
    return () => {
      map.off('moveend', update);
    };
  }, [map, enabled]);
  return enabled ? bounds : null;
}
