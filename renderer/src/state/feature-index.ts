import type { StoredFeature } from '#shared/model/layer';

/**
 * Every feature by id. Copying a map of a million features on each edit costs more than the edit, so one map is
 * kept and changed in place; each change hands out a new view of it, so code that compares snapshots by identity
 * still sees that something changed. An old view reads the current features.
 */
export class FeatureIndex implements ReadonlyMap<string, StoredFeature> {
  constructor(private readonly byId: Map<string, StoredFeature>) {}

  static of(features: Iterable<StoredFeature>) {
    const byId = new Map<string, StoredFeature>();
    for (const feature of features) byId.set(feature.id, feature);
    return new FeatureIndex(byId);
  }

  /** Applies changes (null: deleted) and returns the new view. */
  with(changes: Iterable<[string, StoredFeature | null]>): FeatureIndex {
    for (const [id, feature] of changes) {
      if (feature) this.byId.set(id, feature);
      else this.byId.delete(id);
    }
    return new FeatureIndex(this.byId);
  }

  get size() {
    return this.byId.size;
  }
  get(id: string) {
    return this.byId.get(id);
  }
  has(id: string) {
    return this.byId.has(id);
  }
  keys() {
    return this.byId.keys();
  }
  values() {
    return this.byId.values();
  }
  entries() {
    return this.byId.entries();
  }
  forEach(callback: (value: StoredFeature, key: string, map: ReadonlyMap<string, StoredFeature>) => void) {
    this.byId.forEach((value, key) => callback(value, key, this));
  }
  [Symbol.iterator]() {
    return this.byId[Symbol.iterator]();
  }
}
