/** Something the search box can find by name, and where it is. */
export interface SearchEntry {
  /** "Kupang", "P-101 · Oelamasi – Oepoli", "Jembatan Noelmina". */
  label: string;
  kind: 'place' | 'ruas' | 'bridge';
  /** Where it is: a point, or the box [west, south, east, north] of a ruas. */
  position?: [number, number];
  bounds?: [number, number, number, number];
  /** A ruas entry's number, so the whole ruas can be highlighted when it is found. */
  ruasNumber?: string;
  /** Larger first among equally good matches (a capital before a village). */
  weight?: number;
}

/** Lower case without accents or punctuation: "P-101", "p101" and "P 101" meet. */
const searchKey = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '');

/** The entries whose label holds the query: whole label, then label start, then a word start, then anywhere. */
export function searchNames(query: string, entries: readonly SearchEntry[], limit = 8): SearchEntry[] {
  const needle = searchKey(query);
  if (!needle) return [];
  const scored: { entry: SearchEntry; score: number }[] = [];
  for (const entry of entries) {
    const key = searchKey(entry.label);
    const at = key.indexOf(needle);
    if (at < 0) continue;
    const words = entry.label
      .toLowerCase()
      .split(/[\s·–—/(),-]+/)
      .map(searchKey);
    const score =
      key === needle || words.includes(needle)
        ? 0
        : at === 0
          ? 1
          : words.some((word) => word.startsWith(needle))
            ? 2
            : 3;
    scored.push({ entry, score });
  }
  return scored
    .sort(
      (a, b) =>
        a.score - b.score ||
        (b.entry.weight ?? 0) - (a.entry.weight ?? 0) ||
        a.entry.label.localeCompare(b.entry.label),
    )
    .slice(0, limit)
    .map(({ entry }) => entry);
}
