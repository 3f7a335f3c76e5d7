import type { FieldDefinition } from '../model/feature-fields';
import type { StoredFeature } from '../model/layer';
import { readField } from '../model/field-value';

/** A file's value for a choice field as the model spells its options: "Rusak Berat" → rusak_berat. */
export const normalizeEnum = (value: string) =>
  value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Words that name an option in the files offices send, beyond the option's own key and label. */
const OPTION_WORDS: Record<string, string[]> = {
  pln: ['pln', 'listrik'],
  telkom: ['telkom', 'telkomsel', 'indihome'],
  pdam: ['pdam', 'perumda air minum', 'air minum', 'pam'],
  pemerintah: ['pemda', 'pemkab', 'pemkot', 'pemprov', 'dinas', 'pemerintah'],
  swasta: ['swasta'],
};
/** Legal forms say only that an owner is a company: they count when no option is named ("PT Telkom" is Telkom). */
const LEGAL_FORMS: Record<string, string[]> = { swasta: ['pt', 'cv', 'tbk', 'persero'] };

const words = (text: string) =>
  ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;

/**
 * The option a file's value most likely means, for the user to confirm; null when nothing fits. An option's key,
 * its label and the words offices use for it count when they stand as whole words ("PT PLN (Persero) UP3 Kupang" →
 * pln); the first option named in the value wins, and a legal form (PT, CV) only when no option is named.
 */
export function suggestOption(field: FieldDefinition, raw: string, labelOf: (option: string) => string): string | null {
  if (field.type !== 'enum') return null;
  const value = words(raw);
  const earliest = (namesOf: (option: string) => string[]) => {
    let best: { option: string; at: number } | null = null;
    for (const option of field.options)
      for (const name of namesOf(option)) {
        const at = value.indexOf(words(name));
        if (words(name).trim() && at >= 0 && (!best || at < best.at)) best = { option, at };
      }
    return best;
  };
  const best =
    earliest((option) => [option.replace(/_/g, ' '), labelOf(option), ...(OPTION_WORDS[option] ?? [])]) ??
    earliest((option) => LEGAL_FORMS[option] ?? []);
  return best?.option ?? null;
}

/** A value of a file's column that fits no option of its choice field, with how many features hold it. */
export interface UnmatchedValue {
  field: string;
  raw: string;
  count: number;
}

/**
 * The values of mapped choice columns that are not an option and not mapped by the user yet, in order of how
 * many features hold them: what the preview asks about before Impor.
 */
export function unmatchedValues(
  fields: readonly FieldDefinition[],
  sources: Readonly<Record<string, string | null>>,
  values: Readonly<Record<string, Readonly<Record<string, string>>>>,
  features: readonly StoredFeature[],
): UnmatchedValue[] {
  const found: UnmatchedValue[] = [];
  for (const field of fields) {
    const column = sources[field.key];
    if (field.type !== 'enum' || !column) continue;
    const counts = new Map<string, number>();
    for (const feature of features) {
      const value = readField(feature.properties, column);
      if (value === null || value === undefined) continue;
      const raw = String(value).trim();
      const chosen = Object.hasOwn(values, field.key) ? values[field.key] : undefined;
      if (!raw || field.options.includes(normalizeEnum(raw)) || (chosen && Object.hasOwn(chosen, raw))) continue;
      counts.set(raw, (counts.get(raw) ?? 0) + 1);
    }
    for (const [raw, count] of [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
      found.push({ field: field.key, raw, count });
  }
  return found;
}
