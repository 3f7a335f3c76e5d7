import type { StoredFeature } from '../model/layer';
import type { AssetCategory } from '../model/road-network';
import type { EncroachmentResult } from '../analysis/encroachment';
import type { TariffBasis, TariffSchedule } from './tariff-schedule';

const BASIS_OF_UNIT: Record<EncroachmentResult['unit'], TariffBasis> = { unit: 'unit', m: 'metre', m2: 'm2' };

export interface RetributionLine {
  /** Position of the asset in the analysed list: ids from other systems repeat, positions do not. */
  assetIndex: number;
  assetId: string;
  category: AssetCategory;
  owner: string;
  ownerType: string;
  ruasNumber: string | null;
  corridorIds: string[];
  quantity: number;
  unit: EncroachmentResult['unit'];
  tariffItemId: string | null;
  ratePerYearIdr: number;
  /** Whole rupiah, as printed; every total is the sum of these. */
  amountIdr: number;
  /** Why no amount could be computed, if so. */
  problem: 'no-tariff-item' | 'basis-mismatch' | null;
}

export interface RetributionEstimate {
  scheduleId: string;
  scheduleVersion: number;
  example: boolean;
  periodYears: number;
  lines: RetributionLine[];
  totalIdr: number;
  byOwner: Record<string, number>;
  byCategory: Record<string, number>;
  byRuas: Record<string, number>;
  byCorridor: Record<string, number>;
  /** Compliance scenario: the share (0–1) of the total that owners already pay. */
  payingShare: number;
  alreadyPaidIdr: number;
  potentialNewIdr: number;
}

function add(totals: Record<string, number>, key: string, amount: number) {
  totals[key] = (totals[key] ?? 0) + amount;
}

/**
 * Retribution per asset = quantity inside RUMIJA × yearly rate × period, rounded to whole rupiah, with
 * the totals as sums of those rounded amounts (so a report's rows add up to its totals). `results[i]`
 * belongs to `assets[i]`.
 */
export function estimateRetribution(
  results: readonly EncroachmentResult[],
  assets: readonly StoredFeature[],
  schedule: TariffSchedule,
  options: { periodYears?: number; payingShare?: number } = {},
): RetributionEstimate {
  const periodYears = options.periodYears ?? 1;
  const payingShare = Math.min(1, Math.max(0, options.payingShare ?? 0));
  const itemByCategory = new Map(
    schedule.items.flatMap((item) => item.categories.map((category) => [category, item] as const)),
  );
  const estimate: RetributionEstimate = {
    scheduleId: schedule.id,
    scheduleVersion: schedule.version,
    example: schedule.example,
    periodYears,
    lines: [],
    totalIdr: 0,
    byOwner: {},
    byCategory: {},
    byRuas: {},
    byCorridor: {},
    payingShare,
    alreadyPaidIdr: 0,
    potentialNewIdr: 0,
  };
  if (results.length !== assets.length)
    throw new Error(`estimateRetribution: ${results.length} results for ${assets.length} assets`);
  results.forEach((result, assetIndex) => {
    if (result.quantity <= 0) return;
    const properties = assets[assetIndex]!.properties;
    const category = properties.category as AssetCategory;
    const item = itemByCategory.get(category) ?? null;
    const problem = !item ? 'no-tariff-item' : item.basis !== BASIS_OF_UNIT[result.unit] ? 'basis-mismatch' : null;
    const rate = item && !problem ? item.ratePerYearIdr : 0;
    const amountIdr = Math.round(result.quantity * rate * periodYears);
    const line: RetributionLine = {
      assetIndex,
      assetId: result.assetId,
      category,
      owner: String(properties.owner ?? '—'),
      ownerType: String(properties.ownerType ?? 'lainnya'),
      ruasNumber: result.ruasNumber,
      corridorIds: result.corridorIds,
      quantity: result.quantity,
      unit: result.unit,
      tariffItemId: item?.id ?? null,
      ratePerYearIdr: rate,
      amountIdr,
      problem,
    };
    estimate.lines.push(line);
    estimate.totalIdr += amountIdr;
    add(estimate.byOwner, line.owner, amountIdr);
    add(estimate.byCategory, category, amountIdr);
    add(estimate.byRuas, line.ruasNumber ?? '—', amountIdr);
    for (const corridorId of line.corridorIds) add(estimate.byCorridor, corridorId, amountIdr);
  });
  estimate.alreadyPaidIdr = Math.round(estimate.totalIdr * payingShare);
  estimate.potentialNewIdr = estimate.totalIdr - estimate.alreadyPaidIdr;
  return estimate;
}
