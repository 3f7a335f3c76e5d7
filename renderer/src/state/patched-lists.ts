import type { StoredFeature } from '#shared/model/layer';
import { carryLayerMinZoom } from '#shared/tiles/layer-tiles';
import { carrySignatureTotals } from '#shared/analysis/input-signature';

/**
 * The feature lists of the layers a change touched. A feature replaced in its own layer keeps its place (a copy of
 * the list with that slot changed: 200 000 features, one edit, no walk through them all); a new, deleted or moved
 * feature rebuilds its layers' lists, new ones at the end as the store appends them. Each new list inherits what
 * is known of its predecessor (layerMinZoom's point count, the analysis fingerprint's sums).
 */
export function patchedLists(
  lists: ReadonlyMap<string, readonly StoredFeature[]>,
  records: ReadonlyMap<string, StoredFeature | null>,
  before: ReadonlyMap<string, StoredFeature>,
): Map<string, StoredFeature[]> {
  const out = inPlaceLists(lists, records, before) ?? rebuiltLists(lists, records, before);
  for (const [layerId, list] of out) {
    const removed = [...records.keys()].flatMap((id) => (before.get(id)?.layerId === layerId ? [before.get(id)!] : []));
    const added = [...records.values()].flatMap((record) => (record?.layerId === layerId ? [record] : []));
    const previous = lists.get(layerId) ?? [];
    carryLayerMinZoom(previous, list, removed, added);
    carrySignatureTotals(previous, list, removed, added);
  }
  return out;
}

/** Every record replaces a feature in its own layer: copies of those lists with the slots changed; else null. */
function inPlaceLists(
  lists: ReadonlyMap<string, readonly StoredFeature[]>,
  records: ReadonlyMap<string, StoredFeature | null>,
  before: ReadonlyMap<string, StoredFeature>,
) {
  const inPlace = [...records].every(([id, record]) => record && before.get(id)?.layerId === record.layerId);
  if (!inPlace) return null;
  const out = new Map<string, StoredFeature[]>();
  for (const [id, record] of records) {
    const old = before.get(id)!;
    const list = out.get(old.layerId) ?? [...(lists.get(old.layerId) ?? [])];
    const at = list.indexOf(old);
    if (at < 0) return null;
    list[at] = record!;
    out.set(old.layerId, list);
  }
  return out;
}

function rebuiltLists(
  lists: ReadonlyMap<string, readonly StoredFeature[]>,
  records: ReadonlyMap<string, StoredFeature | null>,
  before: ReadonlyMap<string, StoredFeature>,
): Map<string, StoredFeature[]> {
  const touched = new Set<string>();
  const added = new Map<string, StoredFeature[]>();
  for (const [id, record] of records) {
    const old = before.get(id);
    if (old) touched.add(old.layerId);
    if (!record) continue;
    touched.add(record.layerId);
    if (old?.layerId !== record.layerId) {
      const list = added.get(record.layerId);
      if (list) list.push(record);
      else added.set(record.layerId, [record]);
    }
  }
  const out = new Map<string, StoredFeature[]>();
  for (const layerId of touched) {
    const kept: StoredFeature[] = [];
    for (const feature of lists.get(layerId) ?? []) {
      if (!records.has(feature.id)) kept.push(feature);
      else {
        const record = records.get(feature.id);
        if (record && record.layerId === layerId) kept.push(record);
      }
    }
    for (const record of added.get(layerId) ?? []) kept.push(record);
    out.set(layerId, kept);
  }
  return out;
}
