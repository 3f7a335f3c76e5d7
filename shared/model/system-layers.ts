import { DRAWN_LAYERS } from '../edit/feature-edits';
import { DEMO_LAYER_IDS } from '../demo/create-demo-dataset';
import { DEMO_ASSET_LAYER_ID } from '../demo/synthetic-utilities';
import { FIELD_PHOTO_LAYER } from '../evidence/field-photos';

/**
 * Layers the app makes itself (the demo, one layer per drawn kind) and the Indonesian name each is stored
 * with. While a layer keeps that name the UI shows it in the UI language; a name the user gave is shown as is.
 */
const SYSTEM_LAYER_NAMES: Readonly<Record<string, string>> = {
  [DEMO_LAYER_IDS.corridors]: 'Koridor (demo)',
  [DEMO_LAYER_IDS.roads]: 'Ruas jalan (demo)',
  [DEMO_LAYER_IDS.bridges]: 'Jembatan (demo)',
  [DEMO_ASSET_LAYER_ID]: 'Aset utilitas (demo sintetis)',
  [FIELD_PHOTO_LAYER.id]: FIELD_PHOTO_LAYER.name,
  ...Object.fromEntries(Object.values(DRAWN_LAYERS).map((layer) => [layer.id, layer.name])),
};

/** The i18n key of a layer's name when it still has the name the app gave it, else null. */
export function systemLayerNameKey(layer: { id: string; name: string }): string | null {
  return SYSTEM_LAYER_NAMES[layer.id] === layer.name ? `layers.system.${layer.id}` : null;
}
