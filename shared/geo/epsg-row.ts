/**
 * One coordinate system of the generated EPSG table: code, name, proj4 definition, area of use as
 * [west, south, east, north] degrees, the area's words, EPSG's accuracy in metres of the datum shift (null when
 * none is needed or known) and what proj4 does about the datum ('none': same as WGS 84; 'helmert': EPSG's
 * shift; 'unknown': the file names no shift, positions are placed without one).
 */
export type EpsgRow = readonly [
  code: number,
  name: string,
  proj4: string,
  bbox: readonly [number, number, number, number],
  area: string,
  accuracy: number | null,
  shift: 'none' | 'helmert' | 'unknown',
];
