import type { TFunction } from 'i18next';
import { systemLayerNameKey } from '#shared/model/system-layers';

/** A layer's name as the UI shows it: the app's own layers in the UI language, the user's names as given. */
export function layerLabel(layer: { id: string; name: string }, t: TFunction): string {
  const key = systemLayerNameKey(layer);
  return key ? t(key) : layer.name;
}
