import type { Obligor, ObligorType } from './obligor';

/** Organisations met in NTT asset data, by the token that names them, with the obligor type they suggest. */
const KNOWN_ORGANISATIONS: { key: string; tokens: string[]; type: ObligorType }[] = [
  { key: 'pln', tokens: ['pln'], type: 'pln' },
  { key: 'telkom', tokens: ['telkom', 'telkomindonesia'], type: 'telkom' },
  { key: 'pdam', tokens: ['pdam', 'perumda'], type: 'pdam' },
  { key: 'indihome', tokens: ['indihome'], type: 'isp' },
  { key: 'biznet', tokens: ['biznet'], type: 'isp' },
  { key: 'iconnet', tokens: ['iconnet', 'iconplus'], type: 'isp' },
];

/** Legal forms and filler that do not tell one owner from another. */
const NOISE = new Set(['pt', 'cv', 'ud', 'tbk', 'persero', 'perseroan', 'perum', 'the']);

/** Lower case words without punctuation or legal forms: "PT PLN (Persero) UP3 Kupang" → ["pln", "up3", "kupang"]. */
export function ownerNameTokens(name: string): string[] {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter((token) => token.length > 0 && !NOISE.has(token));
}

/** The key under which owner names are grouped: a known organisation's, or the remaining words. */
export function ownerKey(name: string): string {
  const tokens = ownerNameTokens(name);
  const known = KNOWN_ORGANISATIONS.find((organisation) => organisation.tokens.some((token) => tokens.includes(token)));
  return known ? known.key : tokens.join(' ');
}

function suggestedType(key: string, names: readonly string[]): ObligorType {
  const known = KNOWN_ORGANISATIONS.find((organisation) => organisation.key === key);
  if (known) return known.type;
  return names.some((name) => /\b(pt|cv|ud)\b/i.test(name)) ? 'company' : 'individual';
}

export interface OwnerNameCount {
  name: string;
  assetCount: number;
}

export interface ObligorSuggestion {
  key: string;
  /** Owner names not yet linked that look like one obligor, most assets first. */
  names: OwnerNameCount[];
  assetCount: number;
  /** An existing obligor these names most likely belong to, or null: make a new one. */
  obligorId: string | null;
  /** For a new obligor: the fullest of the names, and a type. */
  proposedName: string;
  proposedType: ObligorType;
}

export interface OwnerReconciliation {
  /** Owner names linked to an obligor, with their asset counts. */
  linked: (OwnerNameCount & { obligorId: string })[];
  suggestions: ObligorSuggestion[];
  /** Ids of assets whose owner is not linked to any obligor (blank owners included). */
  unlinkedAssetIds: string[];
}

/** The obligor an owner name is linked to, by exact name (trimmed, case kept out). */
export function obligorIndex(obligors: readonly Obligor[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const obligor of obligors)
    for (const name of obligor.ownerNames) index.set(name.trim().toLowerCase(), obligor.id);
  return index;
}

/**
 * Reads the owner names of assets against the obligor register: names already confirmed are linked; the others are
 * grouped into suggestions ("PLN", "PT PLN (Persero) UP3 Kupang" and "pln up3" are one) that the user confirms.
 * Nothing is linked here.
 */
export function reconcileOwnerNames(
  assets: readonly { id: string; owner: string | null | undefined }[],
  obligors: readonly Obligor[],
): OwnerReconciliation {
  const index = obligorIndex(obligors);
  const linkedCounts = new Map<string, OwnerNameCount & { obligorId: string }>();
  const unlinkedCounts = new Map<string, OwnerNameCount>();
  const unlinkedAssetIds: string[] = [];
  for (const asset of assets) {
    const name = (asset.owner ?? '').trim();
    const obligorId = name ? index.get(name.toLowerCase()) : undefined;
    if (obligorId) {
      const entry = linkedCounts.get(name) ?? { name, assetCount: 0, obligorId };
      entry.assetCount += 1;
      linkedCounts.set(name, entry);
      continue;
    }
    unlinkedAssetIds.push(asset.id);
    if (!name) continue;
    const entry = unlinkedCounts.get(name) ?? { name, assetCount: 0 };
    entry.assetCount += 1;
    unlinkedCounts.set(name, entry);
  }
  const obligorByKey = new Map<string, string>();
  for (const obligor of obligors) {
    obligorByKey.set(ownerKey(obligor.name), obligor.id);
    for (const name of obligor.ownerNames)
      if (!obligorByKey.has(ownerKey(name))) obligorByKey.set(ownerKey(name), obligor.id);
  }
  const groups = new Map<string, OwnerNameCount[]>();
  for (const entry of unlinkedCounts.values()) {
    const key = ownerKey(entry.name);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const byCount = (a: OwnerNameCount, b: OwnerNameCount) => b.assetCount - a.assetCount || a.name.localeCompare(b.name);
  const suggestions = [...groups].map(([key, names]): ObligorSuggestion => {
    const sorted = [...names].sort(byCount);
    return {
      key,
      names: sorted,
      assetCount: sorted.reduce((sum, entry) => sum + entry.assetCount, 0),
      obligorId: obligorByKey.get(key) ?? null,
      proposedName: [...sorted].sort((a, b) => b.name.length - a.name.length || a.name.localeCompare(b.name))[0]!.name,
      proposedType: suggestedType(
        key,
        sorted.map((entry) => entry.name),
      ),
    };
  });
  suggestions.sort((a, b) => b.assetCount - a.assetCount || a.key.localeCompare(b.key));
  return { linked: [...linkedCounts.values()].sort(byCount), suggestions, unlinkedAssetIds };
}
