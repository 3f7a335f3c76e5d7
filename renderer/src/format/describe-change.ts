import type { TFunction } from 'i18next';
import type { EditLogEntry } from '../persistence/change-log';
import type { Layer } from '#shared/model/layer';
import { layerLabel } from './layer-label';

/** The name a feature of the entry goes by, for the message. */
function featureName(entry: EditLogEntry): string {
  const id = entry.featureId ?? Object.keys(entry.after.features)[0] ?? Object.keys(entry.before.features)[0];
  const record = id ? (entry.after.features[id] ?? entry.before.features[id]) : null;
  const properties = record?.properties ?? {};
  const name = properties.name ?? properties.label ?? properties.text ?? properties.ruasNumber ?? properties.category;
  return typeof name === 'string' && name.trim() ? name : '';
}

function layerName(entry: EditLogEntry, layersNow: readonly Layer[], t: TFunction): string {
  const record =
    Object.values(entry.before.features).find(Boolean) ?? Object.values(entry.after.features).find(Boolean);
  const id =
    entry.layerId ?? Object.keys(entry.after.layers)[0] ?? Object.keys(entry.before.layers)[0] ?? record?.layerId;
  if (!id) return '';
  const layer = entry.after.layers[id] ?? entry.before.layers[id] ?? layersNow.find((candidate) => candidate.id === id);
  return layer ? layerLabel(layer, t) : '';
}

/**
 * What an undo or redo did, in the UI language: "Diurungkan: hapus 12 fitur dari tiang-survei".
 * `layersNow` gives the layers the entry itself does not carry (an edit names only its feature).
 */
export function describeChange(
  entry: EditLogEntry,
  direction: 'undo' | 'redo',
  t: TFunction,
  layersNow: readonly Layer[],
): string {
  const count = new Set([...Object.keys(entry.before.features), ...Object.keys(entry.after.features)]).size;
  // Indonesian has one plural form, so i18next would never pick `_one` there; "ubah atribut Jembatan Uji" names
  // the one feature in both languages.
  const action = `history.action.${entry.action}`;
  const what = t([`${action}_${count === 1 ? 'one' : 'other'}`, action], {
    count,
    name: featureName(entry),
    layer: layerName(entry, layersNow, t),
  });
  return t(direction === 'undo' ? 'history.undone' : 'history.redone', { what });
}
