import type { StoredFeature } from '#shared/model/layer';

/** The features one change touched, and the state it was applied to (so a map that drew that state can follow). */
export interface FeaturePatch {
  base: ReadonlyMap<string, readonly StoredFeature[]>;
  ids: ReadonlySet<string>;
  /** The touched features as they were before (absent: new); the feature index itself only holds the present. */
  before: ReadonlyMap<string, StoredFeature>;
}
