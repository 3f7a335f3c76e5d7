import type { Candidate } from './list-candidates';

/** Worse first: a collapsed road or bridge before a missing bridge, before wear. */
const SEVERITY: Record<Candidate['state'], number> = {
  rusak_berat: 4,
  rusak_ringan: 3,
  proposed: 2.5,
  sedang: 2,
  baik: 1,
};

/**
 * The priority order: condition severity (rusak berat, rusak ringan, a proposed bridge, sedang, baik), then border
 * routes, then ruas proposed for national status, then the cheaper item (more handled per rupiah), then the id so
 * the order never depends on input order.
 */
export function rankCandidates(candidates: readonly Candidate[]): Candidate[] {
  return [...candidates].sort(
    (a, b) =>
      SEVERITY[b.state] - SEVERITY[a.state] ||
      Number(b.borderRoute) - Number(a.borderRoute) ||
      Number(b.proposedNational) - Number(a.proposedNational) ||
      a.costIdr - b.costIdr ||
      (a.featureId < b.featureId ? -1 : a.featureId > b.featureId ? 1 : 0),
  );
}
