import type { SnapshotHandle } from './app-snapshot';

/** The selected features, and requests to frame them on the map. */
export class Selection {
  constructor(private readonly state: SnapshotHandle) {}

  select(ids: readonly string[], options: { zoom?: boolean } = {}) {
    this.state.set({
      selection: [...ids],
      zoomRequest: options.zoom ? this.state.get().zoomRequest + 1 : this.state.get().zoomRequest,
    });
  }

  /** Frames a whole layer on the map without selecting anything. */
  frameLayer(layerId: string) {
    this.state.set({ frameRequest: { layerId, serial: (this.state.get().frameRequest?.serial ?? 0) + 1 } });
  }

  /** Frames some features on the map without selecting them. */
  frameFeatures(featureIds: readonly string[]) {
    this.state.set({ frameRequest: { featureIds, serial: (this.state.get().frameRequest?.serial ?? 0) + 1 } });
  }
}
