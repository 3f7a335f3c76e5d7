import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditSession } from '../state/edit-session';
import { useStore } from '../state/store-context';
import { ConfirmDialog } from './confirm-dialog';
import { layerLabel } from '../format/layer-label';

/** Up to this many selected features are deleted at once; more are deleted only after the user says yes. */
const DELETE_WITHOUT_ASKING = 3;

/**
 * Deleting the selection, from the toolbar or the Delete key: a few features go at once (Ctrl+Z brings them
 * back), more only after a question that says how many and from which layers.
 */
export function useDeleteSelection(session: EditSession, onDeleted: () => void = () => undefined) {
  const { t } = useTranslation();
  const store = useStore();
  const [asking, setAsking] = useState<readonly string[] | null>(null);

  const remove = async (ids: readonly string[]) => {
    setAsking(null);
    const removed = await store.document.deleteFeatures(ids);
    if (removed.length > 0) {
      session.say('info', (t) => t('draw.deleted', { count: removed.length }));
      onDeleted();
    }
  };
  const request = (ids: readonly string[]) => {
    if (ids.length === 0) return;
    if (ids.length <= DELETE_WITHOUT_ASKING) void remove(ids);
    else setAsking(ids);
  };
  const layerNames = () => {
    const { layers, featureById } = store.getSnapshot();
    const ids = new Set((asking ?? []).map((id) => featureById.get(id)?.layerId));
    return layers
      .filter((layer) => ids.has(layer.id))
      .map((layer) => layerLabel(layer, t))
      .join(', ');
  };
  const dialog = asking ? (
    <ConfirmDialog
      title={t('draw.deleteManyTitle', { count: asking.length })}
      body={t('draw.deleteManyBody', { count: asking.length, layers: layerNames() })}
      confirmLabel={t('draw.deleteManyConfirm', { count: asking.length })}
      onConfirm={() => void remove(asking)}
      onCancel={() => setAsking(null)}
    />
  ) : null;
  return { request, dialog };
}
