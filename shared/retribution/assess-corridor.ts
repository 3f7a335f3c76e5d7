import type { EncroachmentResult } from '../analysis/encroachment';
import type { StoredFeature } from '../model/layer';
import type { AssetCategory } from '../model/road-network';
import { estimateRetribution } from '../tariff/estimate-retribution';
import type { TariffSchedule } from '../tariff/tariff-schedule';
import type { Assessment, AssessmentLine } from './assessment';
import type { Obligor } from './obligor';
import { monthsOfPeriod, type Programme } from './programme';
import { obligorIndex } from './reconcile-owner-names';

export type AssessProblem =
  | { code: 'period-not-found'; programmeId: string; periodId: string }
  | { code: 'tariff-version-mismatch'; expected: string; given: string };

export interface CorridorAssessment {
  drafts: Assessment[];
  /** Assets in the corridor with a quantity in RUMIJA whose owner is linked to no obligor. */
  unlinkedAssetIds: string[];
  /** Assets with a quantity but no tariff item (or one of another basis) in the schedule. */
  untariffedAssetIds: string[];
  /** Sum of the drafts: what the corridor's linked assets owe for the period. */
  totalIdr: number;
}

/** Assessment ids are stable for a programme, period, obligor and revision, so a remade draft replaces its draft. */
export const assessmentId = (programmeId: string, periodId: string, obligorId: string, revision = 0) =>
  `${programmeId}/${periodId}/${obligorId}/r${revision}`;

/**
 * Drafts one assessment per obligor for a corridor and period: from an analysis result and the tariff version in
 * force for the period, one line per asset inside the corridor with a quantity, whole rupiah per line
 * (quantity × yearly rate × months / 12), the total the sum of the lines. `results[i]` belongs to `assets[i]`.
 * Nothing is issued here; the obligor's name and address are copied so the notice keeps them.
 */
export function assessCorridor(input: {
  results: readonly EncroachmentResult[];
  assets: readonly StoredFeature[];
  schedule: TariffSchedule;
  programme: Programme;
  periodId: string;
  obligors: readonly Obligor[];
  createdAt: string;
  demo?: boolean;
}): CorridorAssessment | AssessProblem {
  const { programme, schedule } = input;
  const period = programme.periods.find((candidate) => candidate.id === input.periodId);
  if (!period) return { code: 'period-not-found', programmeId: programme.id, periodId: input.periodId };
  if (period.tariffScheduleId !== schedule.id || period.tariffVersion !== schedule.version)
    return {
      code: 'tariff-version-mismatch',
      expected: `${period.tariffScheduleId}@${period.tariffVersion}`,
      given: `${schedule.id}@${schedule.version}`,
    };
  const months = monthsOfPeriod(period)!;
  const inCorridor: number[] = [];
  input.results.forEach((result, index) => {
    if (result.quantity > 0 && result.corridorIds.includes(programme.corridorId)) inCorridor.push(index);
  });
  const estimate = estimateRetribution(
    inCorridor.map((index) => input.results[index]!),
    inCorridor.map((index) => input.assets[index]!),
    schedule,
    { periodYears: months / 12 },
  );
  const index = obligorIndex(input.obligors);
  const obligorsById = new Map(input.obligors.map((obligor) => [obligor.id, obligor]));
  const linesByObligor = new Map<string, AssessmentLine[]>();
  const unlinkedAssetIds: string[] = [];
  const untariffedAssetIds: string[] = [];
  for (const line of estimate.lines) {
    const position = inCorridor[line.assetIndex]!;
    const result = input.results[position]!;
    const owner = String(input.assets[position]!.properties.owner ?? '').trim();
    const obligorId = owner ? index.get(owner.toLowerCase()) : undefined;
    if (!obligorId) {
      unlinkedAssetIds.push(line.assetId);
      continue;
    }
    if (line.problem || !line.tariffItemId) {
      untariffedAssetIds.push(line.assetId);
      continue;
    }
    const lines = linesByObligor.get(obligorId) ?? [];
    lines.push({
      assetId: line.assetId,
      category: line.category as AssetCategory,
      ruasNumber: line.ruasNumber,
      staM: result.staM === null ? null : Math.round(result.staM),
      zone: result.zone,
      quantity: line.quantity,
      unit: line.unit,
      tariffItemId: line.tariffItemId,
      ratePerYearIdr: line.ratePerYearIdr,
      amountIdr: line.amountIdr,
    });
    linesByObligor.set(obligorId, lines);
  }
  const drafts: Assessment[] = [];
  for (const [obligorId, lines] of linesByObligor) {
    const obligor = obligorsById.get(obligorId)!;
    lines.sort(
      (a, b) =>
        (a.ruasNumber ?? '').localeCompare(b.ruasNumber ?? '') ||
        (a.staM ?? 0) - (b.staM ?? 0) ||
        a.assetId.localeCompare(b.assetId),
    );
    drafts.push({
      id: assessmentId(programme.id, period.id, obligorId),
      number: null,
      status: 'draft',
      obligorId,
      obligor: { name: obligor.name, type: obligor.type, npwp: obligor.npwp, address: obligor.address },
      programmeId: programme.id,
      periodId: period.id,
      corridorId: programme.corridorId,
      periodStart: period.start,
      periodEnd: period.end,
      months,
      dueDate: period.dueDate,
      tariffScheduleId: schedule.id,
      tariffVersion: schedule.version,
      tariffExample: schedule.example,
      tariffLegalReference: schedule.legalReference,
      lines,
      totalIdr: lines.reduce((sum, line) => sum + line.amountIdr, 0),
      revision: 0,
      replacesId: null,
      replacedById: null,
      reason: null,
      createdAt: input.createdAt,
      issuedAt: null,
      demo: input.demo ?? programme.demo,
    });
  }
  drafts.sort((a, b) => a.obligor.name.localeCompare(b.obligor.name));
  return {
    drafts,
    unlinkedAssetIds,
    untariffedAssetIds,
    totalIdr: drafts.reduce((sum, draft) => sum + draft.totalIdr, 0),
  };
}
