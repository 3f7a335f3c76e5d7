import { buffer } from '@turf/turf';

/** Turf's buffer, in a module of its own so it (and JSTS, ~380 KB) loads when zones are first drawn. */
export const rowZoneBuffer = buffer;
