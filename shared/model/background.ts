import type { BackgroundInfo } from '../background/background-readers';
import type { TileService } from '../background/tile-service';
import type { UserStyle } from '../background/user-style';

/** The shipped styles for vector archives, by the schema they read (generic: outlines and names of any layers). */
export const SHIPPED_VECTOR_STYLES = ['openmaptiles', 'protomaps', 'generic'] as const;
export type ShippedVectorStyle = (typeof SHIPPED_VECTOR_STYLES)[number];

/** The shipped offline NTT basemap, no basemap at all, or an added background's id. */
export type BasemapChoice = 'ntt' | 'none' | string;

/**
 * A background the user added: a basemap (street map archive) or an overlay (orthophoto) under the data layers.
 * A file is kept in the app's database, so it is there again after a restart; an online service (`service`) is
 * kept as its definition, and its tiles come through the host (desktop: main process, disk cache).
 */
export interface Background {
  id: string;
  name: string;
  role: 'basemap' | 'overlay';
  visible: boolean;
  /** 0–1. */
  opacity: number;
  /** 0–1: the brightest a pixel is drawn (MapLibre's raster-brightness-max). */
  brightness: number;
  info: BackgroundInfo;
  /** An online tile service; absent for a file. */
  service?: TileService;
  /** A vector archive's style chosen by the user (a MapLibre style JSON); absent: a shipped style. */
  style?: UserStyle;
  /** The shipped style the user picked for a vector archive; absent: the one for the archive's schema. */
  shippedStyle?: ShippedVectorStyle;
  /** A file the desktop app keeps where it is (read by ranges through this token); absent for a file kept here. */
  hostFile?: { token: string; size: number };
  addedAt: string;
}
