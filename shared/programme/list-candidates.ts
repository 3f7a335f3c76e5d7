import type { StoredFeature } from '../model/layer';
import type { Condition, RoadStatus, SURFACES } from '../model/road-network';
import type { BridgeState, Handling, HandlingCatalogue } from './handling-catalogue';
import { chooseBridgeHandling, chooseRoadHandling } from './choose-handling';
import { priceBridgeHandling, priceRoadHandling } from './price-handling';

type Surface = (typeof SURFACES)[number];

export interface Candidate {
  featureId: string;
  kind: 'road' | 'bridge';
  ruasNumber: string | null;
  name: string;
  regencyCode: string | null;
  /** Road condition, or the bridge's state (`proposed` for a new bridge). */
  state: BridgeState;
  handling: Handling;
  lengthM: number;
  /** Rupiah per km (roads) or per metre (bridges). */
  unitCostIdr: number;
  costIdr: number;
  /** Roads: the width and surface priced, and whether they were the catalogue's assumption. */
  widthM: number | null;
  surface: Surface | null;
  assumed: boolean;
  borderRoute: boolean;
  /** The ruas is proposed for national status (a strategic link). */
  proposedNational: boolean;
}

export interface CandidateList {
  candidates: Candidate[];
  /** Segments and bridges left out, counted by why. */
  skipped: { noCondition: number; noHandling: number; noPrice: number };
}

/**
 * Every road segment of the given statuses and every bridge on a ruas of those statuses (or proposed) that a rule
 * gives a handling, priced with the catalogue: roads length (km) × Rp per km, bridges length (m) × Rp per metre,
 * each rounded to the rupiah. Roads inside Timor-Leste (rdtl) are never candidates.
 */
export function listCandidates(
  features: Iterable<StoredFeature>,
  catalogue: HandlingCatalogue,
  statuses: readonly RoadStatus[],
): CandidateList {
  const all = [...features];
  const ruasStatus = new Map<string, RoadStatus>();
  const ruasStrategic = new Map<string, { border: boolean; national: boolean }>();
  for (const feature of all) {
    const p = feature.properties;
    if (p.kind !== 'road') continue;
    ruasStatus.set(String(p.ruasNumber), p.status as RoadStatus);
    ruasStrategic.set(String(p.ruasNumber), {
      border: p.borderRoute === true,
      national: p.proposedStatus === 'nasional',
    });
  }
  const candidates: Candidate[] = [];
  const skipped = { noCondition: 0, noHandling: 0, noPrice: 0 };
  for (const feature of all) {
    const p = feature.properties;
    if (p.kind === 'road') {
      const status = p.status as RoadStatus;
      if (status === 'rdtl' || !statuses.includes(status)) continue;
      const condition = (p.condition as Condition | null) ?? null;
      if (!condition) {
        skipped.noCondition += 1;
        continue;
      }
      const recordedSurface = (p.surface as Surface | null) ?? null;
      const handling = chooseRoadHandling(catalogue, condition, recordedSurface);
      if (!handling) {
        skipped.noHandling += 1;
        continue;
      }
      const recordedWidth = (p.carriagewayWidthM as number | null) ?? null;
      const surface = recordedSurface ?? catalogue.assumedSurface;
      const widthM = recordedWidth ?? catalogue.assumedWidthM;
      const unitCostIdr = priceRoadHandling(catalogue, handling, surface, widthM);
      if (unitCostIdr === null) {
        skipped.noPrice += 1;
        continue;
      }
      const lengthM = Number(p.lengthM) || 0;
      candidates.push({
        featureId: feature.id,
        kind: 'road',
        ruasNumber: String(p.ruasNumber),
        name: String(p.name),
        regencyCode: (p.regencyCode as string | null) ?? null,
        state: condition,
        handling,
        lengthM,
        unitCostIdr,
        costIdr: Math.round((lengthM / 1000) * unitCostIdr),
        widthM,
        surface,
        assumed: recordedWidth === null || recordedSurface === null,
        borderRoute: p.borderRoute === true,
        proposedNational: p.proposedStatus === 'nasional',
      });
    } else if (p.kind === 'bridge') {
      const ruasNumber = (p.ruasNumber as string | null) ?? null;
      const status = ruasNumber ? ruasStatus.get(ruasNumber) : undefined;
      // A bridge off any known ruas is the province's only when it is a proposal the planner drew.
      if (status ? !statuses.includes(status) || status === 'rdtl' : p.existence !== 'proposed') continue;
      const state: BridgeState | null =
        p.existence === 'proposed' ? 'proposed' : ((p.condition as Condition | null) ?? null);
      if (!state) {
        skipped.noCondition += 1;
        continue;
      }
      const handling = chooseBridgeHandling(catalogue, state);
      if (!handling) {
        skipped.noHandling += 1;
        continue;
      }
      const unitCostIdr = priceBridgeHandling(catalogue, handling);
      if (unitCostIdr === null) {
        skipped.noPrice += 1;
        continue;
      }
      const lengthM = Number(p.lengthM) || 0;
      const strategic = ruasNumber ? ruasStrategic.get(ruasNumber) : undefined;
      candidates.push({
        featureId: feature.id,
        kind: 'bridge',
        ruasNumber,
        name: String(p.name),
        regencyCode: (p.regencyCode as string | null) ?? null,
        state,
        handling,
        lengthM,
        unitCostIdr,
        costIdr: Math.round(lengthM * unitCostIdr),
        widthM: null,
        surface: null,
        assumed: false,
        borderRoute: strategic?.border ?? false,
        proposedNational: strategic?.national ?? false,
      });
    }
  }
  return { candidates, skipped };
}
