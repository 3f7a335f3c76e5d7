import { CONDITIONS, ROAD_STATUSES, type Condition, type RoadStatus } from '../model/road-network';
import type { StoredFeature } from '../model/layer';

type ConditionOrUnknown = Condition | 'unknown';

export interface LengthBreakdown {
  totalM: number;
  byStatus: Record<RoadStatus, number>;
  byCondition: Record<ConditionOrUnknown, number>;
  /** Baik + sedang. */
  mantapM: number;
  /** Mantap length over the length whose condition is known, in percent; null when none is known. */
  kemantapanPct: number | null;
}

interface RegencySummary extends LengthBreakdown {
  regencyCode: string | null;
}

interface BridgeSummary {
  byCondition: Record<ConditionOrUnknown | 'proposed', { count: number; lengthM: number }>;
  count: number;
  lengthM: number;
}

export interface NetworkSummary {
  regencies: RegencySummary[];
  total: LengthBreakdown;
  bridges: BridgeSummary;
}

function emptyBreakdown(): LengthBreakdown {
  return {
    totalM: 0,
    byStatus: Object.fromEntries(ROAD_STATUSES.map((status) => [status, 0])) as Record<RoadStatus, number>,
    byCondition: Object.fromEntries([...CONDITIONS, 'unknown'].map((condition) => [condition, 0])) as Record<
      ConditionOrUnknown,
      number
    >,
    mantapM: 0,
    kemantapanPct: null,
  };
}

function addRoad(breakdown: LengthBreakdown, status: RoadStatus, condition: ConditionOrUnknown, lengthM: number) {
  breakdown.totalM += lengthM;
  breakdown.byStatus[status] += lengthM;
  breakdown.byCondition[condition] += lengthM;
  if (condition === 'baik' || condition === 'sedang') breakdown.mantapM += lengthM;
}

function finish(breakdown: LengthBreakdown): LengthBreakdown {
  const knownM = breakdown.totalM - breakdown.byCondition.unknown;
  breakdown.kemantapanPct = knownM > 0 ? (breakdown.mantapM / knownM) * 100 : null;
  return breakdown;
}

/**
 * Kilometres by status and condition per regency, kemantapan and bridges by condition.
 * Roads inside Timor-Leste (status rdtl) are not NTT's and are left out. `statuses` narrows the roads.
 */
export function summarizeNetwork(features: Iterable<StoredFeature>, statuses?: readonly RoadStatus[]): NetworkSummary {
  const byRegency = new Map<string | null, LengthBreakdown>();
  const total = emptyBreakdown();
  const bridges: BridgeSummary = {
    byCondition: Object.fromEntries(
      [...CONDITIONS, 'unknown', 'proposed'].map((key) => [key, { count: 0, lengthM: 0 }]),
    ) as BridgeSummary['byCondition'],
    count: 0,
    lengthM: 0,
  };

  for (const feature of features) {
    const properties = feature.properties;
    if (properties.kind === 'road') {
      const status = properties.status as RoadStatus;
      if (status === 'rdtl' || (statuses && !statuses.includes(status))) continue;
      const condition = (properties.condition as Condition | null) ?? 'unknown';
      const lengthM = Number(properties.lengthM) || 0;
      const regency = (properties.regencyCode as string | null) ?? null;
      if (!byRegency.has(regency)) byRegency.set(regency, emptyBreakdown());
      addRoad(byRegency.get(regency)!, status, condition, lengthM);
      addRoad(total, status, condition, lengthM);
    } else if (properties.kind === 'bridge') {
      const key =
        properties.existence === 'proposed' ? 'proposed' : ((properties.condition as Condition | null) ?? 'unknown');
      const lengthM = Number(properties.lengthM) || 0;
      bridges.byCondition[key].count += 1;
      bridges.byCondition[key].lengthM += lengthM;
      bridges.count += 1;
      bridges.lengthM += lengthM;
    }
  }

  const regencies = [...byRegency.entries()]
    .map(([regencyCode, breakdown]) => ({ regencyCode, ...finish(breakdown) }))
    .sort((a, b) => (a.regencyCode ?? '9999').localeCompare(b.regencyCode ?? '9999'));
  return { regencies, total: finish(total), bridges };
}
