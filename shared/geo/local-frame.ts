/**
 * A local plane around a point: metres east (x) and north (y), from the WGS 84 radii of curvature
 * at the origin's latitude. The map is affine in lon/lat, so straight segments stay straight and
 * keep their parameters; within a few hundred metres distances are right to about one part in 10⁶.
 */
const A = 6_378_137;
const E2 = 0.00669437999014;
const RADIANS = Math.PI / 180;

export interface LocalFrame {
  originLongitude: number;
  originLatitude: number;
  /** Metres per degree of longitude and of latitude at the origin. */
  metresPerDegreeX: number;
  metresPerDegreeY: number;
}

export function createLocalFrame(longitude: number, latitude: number): LocalFrame {
  const sin = Math.sin(latitude * RADIANS);
  const w = 1 - E2 * sin * sin;
  const primeVertical = A / Math.sqrt(w);
  const meridional = (A * (1 - E2)) / (w * Math.sqrt(w));
  return {
    originLongitude: longitude,
    originLatitude: latitude,
    metresPerDegreeX: primeVertical * Math.cos(latitude * RADIANS) * RADIANS,
    metresPerDegreeY: meridional * RADIANS,
  };
}

export function toLocal(frame: LocalFrame, longitude: number, latitude: number): [number, number] {
  return [
    (longitude - frame.originLongitude) * frame.metresPerDegreeX,
    (latitude - frame.originLatitude) * frame.metresPerDegreeY,
  ];
}
