import type { StoredFeature } from '../model/layer';
import type { RoadStatus } from '../model/road-network';
import type { NetworkSummary } from '../analysis/network-summary';
import type { HandlingCatalogue } from './handling-catalogue';
import { listCandidates, type CandidateList } from './list-candidates';
import { rankCandidates } from './rank-candidates';
import { fillBudget, type FilledBudget } from './fill-budget';
import { projectKemantapan } from './project-kemantapan';

/** One regency's share of the programme and its kemantapan before and after. */
export interface ProgrammeRegency {
  regencyCode: string | null;
  fundedIdr: number;
  /** Road kilometres funded, in metres. */
  fundedRoadM: number;
  fundedBridgeM: number;
  beforePct: number | null;
  afterPct: number | null;
}

export interface ProgrammePlan extends FilledBudget {
  skipped: CandidateList['skipped'];
  neededIdr: number;
  fundedRoadM: number;
  fundedBridgeM: number;
  /** Candidate road length the budget does not reach, in metres. */
  unfundedRoadM: number;
  /** Every regency with roads in the statuses or a funded item (a bridge alone counts), by code. */
  regencies: ProgrammeRegency[];
  before: NetworkSummary;
  after: NetworkSummary;
}

/** The whole programme for a ceiling: candidates in priority order, what is funded, costs and kemantapan. */
export function planProgramme(
  features: readonly StoredFeature[],
  catalogue: HandlingCatalogue,
  statuses: readonly RoadStatus[],
  ceilingIdr: number,
): ProgrammePlan {
  const { candidates, skipped } = listCandidates(features, catalogue, statuses);
  const filled = fillBudget(rankCandidates(candidates), ceilingIdr);
  const funded = filled.items.filter((item) => item.funded);
  const sum = (items: readonly { lengthM: number }[]) => items.reduce((total, item) => total + item.lengthM, 0);
  const roads = filled.items.filter((item) => item.kind === 'road');
  const { before, after } = projectKemantapan(
    features,
    new Set(funded.filter((item) => item.kind === 'road').map((item) => item.featureId)),
    statuses,
  );
  const regencies = new Map<string | null, ProgrammeRegency>();
  const regency = (regencyCode: string | null) => {
    let row = regencies.get(regencyCode);
    if (!row) {
      row = { regencyCode, fundedIdr: 0, fundedRoadM: 0, fundedBridgeM: 0, beforePct: null, afterPct: null };
      regencies.set(regencyCode, row);
    }
    return row;
  };
  for (const row of before.regencies) regency(row.regencyCode).beforePct = row.kemantapanPct;
  for (const row of after.regencies) regency(row.regencyCode).afterPct = row.kemantapanPct;
  for (const item of funded) {
    const row = regency(item.regencyCode);
    row.fundedIdr += item.costIdr;
    if (item.kind === 'road') row.fundedRoadM += item.lengthM;
    else row.fundedBridgeM += item.lengthM;
  }
  return {
    ...filled,
    skipped,
    neededIdr: candidates.reduce((total, candidate) => total + candidate.costIdr, 0),
    fundedRoadM: sum(roads.filter((item) => item.funded)),
    fundedBridgeM: sum(funded.filter((item) => item.kind === 'bridge')),
    unfundedRoadM: sum(roads.filter((item) => !item.funded)),
    regencies: [...regencies.values()].sort((a, b) => (a.regencyCode ?? '9999').localeCompare(b.regencyCode ?? '9999')),
    before,
    after,
  };
}
