/** Plane geometry in metres, for the exact encroachment measures. Points are [x, y]. */
export type Vec = [number, number];

/** Distance from p to segment ab and the parameter (0..1) of the closest point on ab. */
export function pointSegmentDistance(p: Vec, a: Vec, b: Vec): { distance: number; t: number } {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  let t = lengthSquared === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSquared;
  t = Math.max(0, Math.min(1, t));
  return { distance: Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy)), t };
}

function orientation(a: Vec, b: Vec, c: Vec): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

function segmentsIntersect(a: Vec, b: Vec, c: Vec, d: Vec): boolean {
  const d1 = orientation(c, d, a);
  const d2 = orientation(c, d, b);
  const d3 = orientation(a, b, c);
  const d4 = orientation(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** Shortest distance between segments ab and cd. */
export function segmentSegmentDistance(a: Vec, b: Vec, c: Vec, d: Vec): number {
  if (segmentsIntersect(a, b, c, d)) return 0;
  return Math.min(
    pointSegmentDistance(a, c, d).distance,
    pointSegmentDistance(b, c, d).distance,
    pointSegmentDistance(c, a, b).distance,
    pointSegmentDistance(d, a, b).distance,
  );
}

/** The parameters t in [0, 1] of p0 + t(p1 − p0) within `radius` of point c, or null. */
function discInterval(p0: Vec, p1: Vec, c: Vec, radius: number): [number, number] | null {
  const dx = p1[0] - p0[0];
  const dy = p1[1] - p0[1];
  const fx = p0[0] - c[0];
  const fy = p0[1] - c[1];
  const a = dx * dx + dy * dy;
  const b = 2 * (fx * dx + fy * dy);
  const k = fx * fx + fy * fy - radius * radius;
  if (a === 0) return k <= 0 ? [0, 1] : null;
  const discriminant = b * b - 4 * a * k;
  if (discriminant < 0) return null;
  const root = Math.sqrt(discriminant);
  return clip((-b - root) / (2 * a), (-b + root) / (2 * a));
}

function clip(start: number, end: number): [number, number] | null {
  const s = Math.max(0, start);
  const e = Math.min(1, end);
  return s <= e ? [s, e] : null;
}

/** The parameters of p0→p1 where `lower ≤ value0 + t·slope ≤ upper`. */
function slabInterval(value0: number, slope: number, lower: number, upper: number): [number, number] | null {
  if (slope === 0) return value0 >= lower && value0 <= upper ? [0, 1] : null;
  const t1 = (lower - value0) / slope;
  const t2 = (upper - value0) / slope;
  return clip(Math.min(t1, t2), Math.max(t1, t2));
}

/**
 * The part of segment p0→p1 inside the capsule of radius r around segment ab (the buffer of ab),
 * as a parameter interval. The capsule is convex, so the answer is one interval: the hull of the
 * intervals of its rectangle and its two end discs.
 */
export function capsuleInterval(p0: Vec, p1: Vec, a: Vec, b: Vec, radius: number): [number, number] | null {
  const parts: [number, number][] = [];
  const discA = discInterval(p0, p1, a, radius);
  if (discA) parts.push(discA);
  const discB = discInterval(p0, p1, b, radius);
  if (discB) parts.push(discB);
  const ux = b[0] - a[0];
  const uy = b[1] - a[1];
  const length = Math.hypot(ux, uy);
  if (length > 0) {
    const [ex, ey] = [ux / length, uy / length];
    const along0 = (p0[0] - a[0]) * ex + (p0[1] - a[1]) * ey;
    const across0 = -(p0[0] - a[0]) * ey + (p0[1] - a[1]) * ex;
    const dx = p1[0] - p0[0];
    const dy = p1[1] - p0[1];
    const alongSlope = dx * ex + dy * ey;
    const acrossSlope = -dx * ey + dy * ex;
    const along = slabInterval(along0, alongSlope, 0, length);
    const across = slabInterval(across0, acrossSlope, -radius, radius);
    if (along && across) {
      const both = clip(Math.max(along[0], across[0]), Math.min(along[1], across[1]));
      if (both) parts.push(both);
    }
  }
  if (parts.length === 0) return null;
  return [Math.min(...parts.map((p) => p[0])), Math.max(...parts.map((p) => p[1]))];
}

/** Total length of the union of intervals. */
export function unionLength(intervals: [number, number][]): number {
  if (intervals.length === 0) return 0;
  const sorted = [...intervals].sort((x, y) => x[0] - y[0]);
  let total = 0;
  let [start, end] = sorted[0]!;
  for (const [s, e] of sorted.slice(1)) {
    if (s > end) {
      total += end - start;
      [start, end] = [s, e];
    } else end = Math.max(end, e);
  }
  return total + (end - start);
}

/** A capsule as a polygon ring: the straight sides exact, each end an arc of `arcSteps` chords. */
export function capsuleRing(a: Vec, b: Vec, radius: number, arcSteps = 64): Vec[] {
  const angle = Math.atan2(b[1] - a[1], b[0] - a[0]);
  const ring: Vec[] = [];
  for (let i = 0; i <= arcSteps; i++) {
    const theta = angle - Math.PI / 2 + (Math.PI * i) / arcSteps;
    ring.push([b[0] + radius * Math.cos(theta), b[1] + radius * Math.sin(theta)]);
  }
  for (let i = 0; i <= arcSteps; i++) {
    const theta = angle + Math.PI / 2 + (Math.PI * i) / arcSteps;
    ring.push([a[0] + radius * Math.cos(theta), a[1] + radius * Math.sin(theta)]);
  }
  ring.push(ring[0]!);
  return ring;
}

/** Signed shoelace area of a closed ring: positive when counter-clockwise (x east, y north). */
export function signedRingArea(ring: readonly (readonly number[])[]): number {
  let twice = 0;
  for (let i = 0; i < ring.length - 1; i++) twice += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return twice / 2;
}

/** Area of rings (outer first, then holes) by the shoelace formula, in m². */
export function ringsArea(rings: Vec[][]): number {
  return rings.reduce((sum, ring, index) => sum + (index === 0 ? 1 : -1) * Math.abs(signedRingArea(ring)), 0);
}

export function pointInRing(point: Vec, ring: Vec[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Sutherland–Hodgman: the part of ring `subject` (any simple polygon) inside the convex,
 * counter-clockwise ring `clip`. Rings are closed (first point repeated last).
 */
export function clipRingByConvex(subject: Vec[], clip: Vec[]): Vec[] {
  let output = subject.slice(0, -1);
  for (let i = 0; i < clip.length - 1 && output.length > 0; i++) {
    const [a, b] = [clip[i], clip[i + 1]];
    const inside = (p: Vec) => (b![0] - a![0]) * (p[1] - a![1]) - (b![1] - a![1]) * (p[0] - a![0]) >= 0;
    const crossing = (p: Vec, q: Vec): Vec => {
      const [dx, dy] = [q[0] - p[0], q[1] - p[1]];
      const [ex, ey] = [b![0] - a![0], b![1] - a![1]];
      const t = (ex * (p[1] - a![1]) - ey * (p[0] - a![0])) / (ey * dx - ex * dy);
      return [p[0] + t * dx, p[1] + t * dy];
    };
    const input = output;
    output = [];
    for (let j = 0; j < input.length; j++) {
      const current = input[j];
      const previous = input[(j + input.length - 1) % input.length];
      if (inside(current!)) {
        if (!inside(previous!)) output.push(crossing(previous!, current!));
        output.push(current!);
      } else if (inside(previous!)) output.push(crossing(previous!, current!));
    }
  }
  return output.length ? [...output!, output[0]!] : [];
}
