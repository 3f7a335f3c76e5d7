import type { TFunction } from 'i18next';
import type { Candidate } from '#shared/programme/list-candidates';

/** "P-101 Oelamasi – Oepoli (1/3)" for a road segment, "Jembatan …" for a bridge. */
export function itemName(item: Candidate, t: TFunction): string {
  // Bridge names mostly carry the word already ("Jembatan Kapsali").
  if (item.kind === 'bridge')
    return /^(jembatan|bridge)\b/i.test(item.name) ? item.name : t('programme.bridge', { name: item.name });
  return item.ruasNumber && !item.name.startsWith(item.ruasNumber) ? `${item.ruasNumber} ${item.name}` : item.name;
}
