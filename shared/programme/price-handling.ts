import type { SURFACES } from '../model/road-network';
import type { BridgeHandling, HandlingCatalogue, RoadHandling } from './handling-catalogue';

type Surface = (typeof SURFACES)[number];

/**
 * Rupiah per km for a road handling on this surface and carriageway width: the row of the narrowest band that
 * holds the width (a band with no upper bound holds any width). Null when the catalogue has no such row.
 */
export function priceRoadHandling(
  catalogue: HandlingCatalogue,
  handling: RoadHandling,
  surface: Surface,
  widthM: number,
): number | null {
  const rows = catalogue.roadCosts
    .filter((row) => row.handling === handling && row.surface === surface)
    .filter((row) => row.maxWidthM === null || widthM <= row.maxWidthM)
    .sort((a, b) => (a.maxWidthM ?? Infinity) - (b.maxWidthM ?? Infinity));
  return rows[0]?.costPerKmIdr ?? null;
}

/** Rupiah per metre of bridge for a handling, or null when the catalogue has no price for it. */
export function priceBridgeHandling(catalogue: HandlingCatalogue, handling: BridgeHandling): number | null {
  return catalogue.bridgeCosts.find((row) => row.handling === handling)?.costPerMetreIdr ?? null;
}
