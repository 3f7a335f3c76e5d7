import type { StoredFeature } from '#shared/model/layer';

/** The features one change touched, and the state it was applied to (so a map that drew that state can follow). */
export interface FeaturePatch {
  base: ReadonlyMap<string, readonly StoredFeature[]>;
  ids: ReadonlySet<string>;
}
