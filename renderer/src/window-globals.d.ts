import type { Map as MapLibreMap } from 'maplibre-gl';
import type { HostApi } from '../../shared/host/host-api';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    rumijaHost?: HostApi;
    /** The live map, for end-to-end tests and the browser console. */
    rumijaMap?: MapLibreMap;
  }
}
