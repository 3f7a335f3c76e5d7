import type { LegendEntry } from '../map/legend-entries';

export interface SlideLegendGroup {
  /** The layer's name, the group's heading. */
  title: string;
  entries: LegendEntry[];
}

/**
 * A slide's legend as people read it: one group per layer drawn on the slide, each symbol once. An entry an earlier
 * group already shows (same words, colour and shape: the zone bands of two corridor layers, "Provinsi" of two road
 * layers) is not repeated, and a group left without entries is dropped.
 */
export function slideLegendGroups(groups: readonly SlideLegendGroup[]): SlideLegendGroup[] {
  const seen = new Set<string>();
  const out: SlideLegendGroup[] = [];
  for (const group of groups) {
    const entries = group.entries.filter((entry) => {
      const key = `${entry.label}|${entry.color.toLowerCase()}|${entry.shape}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (entries.length > 0) out.push({ title: group.title, entries });
  }
  return out;
}
