import type { StoredFeature } from '#shared/model/layer';
import { visitInIdleSlices, type IdleSlices } from '../platform/idle-slices';

/**
 * Every feature by id. Copying a map of a million features on each edit costs more than the edit, so one map is
 * kept and changed in place; each change hands out a new view of it, so code that compares snapshots by identity
 * still sees that something changed. An old view reads the current features.
 */
export class FeatureIndex implements ReadonlyMap<string, StoredFeature> {
  private constructor(
    private readonly map: Map<string, StoredFeature>,
    /** Features still being put in while the page is idle (a start with a million features). */
    private readonly filling: IdleSlices | null,
  ) {}

  static of(features: Iterable<StoredFeature>) {
    const byId = new Map<string, StoredFeature>();
    for (const feature of features) byId.set(feature.id, feature);
    return new FeatureIndex(byId, null);
  }

  /**
   * The index of these lists, filled in idle time: a million map entries take ~0.5 s a start need not wait for.
   * The first question finishes the filling.
   */
  static filledWhenIdle(lists: readonly (readonly StoredFeature[])[]) {
    const byId = new Map<string, StoredFeature>();
    return new FeatureIndex(
      byId,
      visitInIdleSlices(lists, (feature) => byId.set(feature.id, feature)),
    );
  }

  private get byId() {
    if (this.filling && !this.filling.finished) this.filling.finish();
    return this.map;
  }

  /** Applies changes (null: deleted) and returns the new view. */
  with(changes: Iterable<[string, StoredFeature | null]>): FeatureIndex {
    const byId = this.byId;
    for (const [id, feature] of changes) {
      if (feature) byId.set(id, feature);
      else byId.delete(id);
    }
    return new FeatureIndex(byId, null);
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
