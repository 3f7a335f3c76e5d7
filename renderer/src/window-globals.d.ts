import type { Map as MapLibreMap } from 'maplibre-gl';
import type { HostApi } from '#shared/host/host-api';
import type { AppStore } from './state/app-store';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    rumijaHost?: HostApi;
    /** The live map, for end-to-end tests and the browser console. */
    rumijaMap?: MapLibreMap;
    /** The app store, for end-to-end tests and benchmarks. */
    rumijaStore?: AppStore;
  }
}
