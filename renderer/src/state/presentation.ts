import type { Layer } from '#shared/model/layer';
import type { Presentation, SnapshotHandle } from './app-snapshot';

/** What the map shows while presenting; nothing of it is stored. */
export class PresentationState {
  constructor(private readonly state: SnapshotHandle) {}

  /** What the map shows while presenting (null: back to the layers' own settings). Nothing is stored. */
  set(presentation: Presentation | null) {
    this.state.set({ presentation });
  }

  /** The layers as the map should draw them: the slide's choice while presenting, else their own. */
  displayedLayers(): Layer[] {
    const { layers, presentation } = this.state.get();
    if (!presentation) return layers;
    return layers.map((layer) => ({ ...layer, visible: presentation.visibleLayerIds.includes(layer.id) }));
  }
}
