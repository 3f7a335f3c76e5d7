import type { Condition, SURFACES } from '../model/road-network';
import type { BridgeHandling, BridgeState, HandlingCatalogue, RoadHandling } from './handling-catalogue';

type Surface = (typeof SURFACES)[number];

/** The handling the first matching road rule gives, or null (no rule, or the rule says none). */
export function chooseRoadHandling(
  catalogue: HandlingCatalogue,
  condition: Condition,
  surface: Surface | null,
): RoadHandling | null {
  const rule = catalogue.roadRules.find(
    (candidate) =>
      candidate.condition === condition &&
      (candidate.surfaces === null || (surface !== null && candidate.surfaces.includes(surface))),
  );
  return rule?.handling ?? null;
}

/** The handling a bridge in this state gets, or null. */
export function chooseBridgeHandling(catalogue: HandlingCatalogue, state: BridgeState): BridgeHandling | null {
  return catalogue.bridgeRules.find((rule) => rule.state === state)?.handling ?? null;
}
