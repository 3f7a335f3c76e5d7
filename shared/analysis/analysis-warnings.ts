import type { StoredFeature } from '../model/layer';
import type { RetributionEstimate } from '../tariff/estimate-retribution';

type AnalysisWarningCode =
  'no-roads' | 'no-assets' | 'basis-mismatch' | 'no-tariff-item' | 'duplicate-ids' | 'unknown-category';

/** Something a user must know before trusting the figures: what it is, how many, and what to fix. */
export interface AnalysisWarning {
  code: AnalysisWarningCode;
  count: number;
  id: string;
  en: string;
}

export interface WarningInput {
  roadCount: number;
  assets: readonly StoredFeature[];
  estimate: RetributionEstimate;
  /** Ids that occur more than once in the asset file, with how often (CLI: ids from other systems). */
  duplicateIds?: ReadonlyMap<string, number>;
  /** Categories not in the model that were priced as "lainnya", with how many assets carried each. */
  unknownCategories?: ReadonlyMap<string, number>;
}

/** "1 asset is" / "3 assets are". */
const assetsAre = (count: number) => (count === 1 ? '1 asset is' : `${count} assets are`);

const sample = (entries: Iterable<[string, number]>, limit = 3) =>
  [...entries]
    .slice(0, limit)
    .map(([key, count]) => `${key} ×${count}`)
    .join(', ');

/** The warnings of one analysis run, in the order a reader should see them. Empty when all is well. */
export function analysisWarnings(input: WarningInput): AnalysisWarning[] {
  const warnings: AnalysisWarning[] = [];
  if (input.roadCount === 0) {
    warnings.push({
      code: 'no-roads',
      count: 0,
      id: 'Tidak ada ruas jalan: semua aset dilaporkan di luar RUMIJA dengan Rp 0. Periksa berkas atau lapisan jalan.',
      en: 'No road segments: every asset is reported outside RUMIJA at Rp 0. Check the road file or layer.',
    });
  }
  if (input.assets.length === 0) {
    warnings.push({
      code: 'no-assets',
      count: 0,
      id: 'Tidak ada aset utilitas: laporan hanya berisi kepala kolom.',
      en: 'No utility assets: the report holds only its header.',
    });
  }
  const byProblem = (problem: 'basis-mismatch' | 'no-tariff-item') => {
    const categories = new Map<string, number>();
    for (const line of input.estimate.lines) {
      if (line.problem === problem) categories.set(line.category, (categories.get(line.category) ?? 0) + 1);
    }
    return categories;
  };
  const mismatched = byProblem('basis-mismatch');
  if (mismatched.size > 0) {
    const count = [...mismatched.values()].reduce((sum, n) => sum + n, 0);
    warnings.push({
      code: 'basis-mismatch',
      count,
      id: `${count} aset di dalam RUMIJA bernilai Rp 0 karena bentuk geometrinya tidak cocok dengan dasar tarif (${sample(mismatched)}; mis. reklame sebagai titik sedangkan tarifnya per m²): petakan sebagai area atau garis, atau ubah dasar tarifnya.`,
      en: `${assetsAre(count)} inside RUMIJA at Rp 0 because ${count === 1 ? 'its' : 'their'} geometry does not match the tariff basis (${sample(mismatched)}; e.g. a billboard mapped as a point against a per-m² rate): map ${count === 1 ? 'it' : 'them'} as areas or lines, or change the tariff basis.`,
    });
  }
  const unpriced = byProblem('no-tariff-item');
  if (unpriced.size > 0) {
    const count = [...unpriced.values()].reduce((sum, n) => sum + n, 0);
    warnings.push({
      code: 'no-tariff-item',
      count,
      id: `${count} aset di dalam RUMIJA bernilai Rp 0 karena jadwal tarif tidak punya item untuk kategorinya (${sample(unpriced)}): tambahkan item tarif.`,
      en: `${assetsAre(count)} inside RUMIJA at Rp 0 because the tariff schedule has no item for ${count === 1 ? 'its' : 'their'} category (${sample(unpriced)}): add a tariff item.`,
    });
  }
  if (input.duplicateIds && input.duplicateIds.size > 0) {
    const count = input.duplicateIds.size;
    warnings.push({
      code: 'duplicate-ids',
      count,
      id: `${count} id aset dipakai lebih dari sekali (${sample(input.duplicateIds)}): setiap fitur tetap dihitung sendiri menurut urutannya di berkas; id tidak dipakai untuk mencocokkan hasil.`,
      en: `${count === 1 ? '1 asset id occurs' : `${count} asset ids occur`} more than once (${sample(input.duplicateIds)}): each feature is still counted on its own, by its place in the file; ids are not used to match results.`,
    });
  }
  if (input.unknownCategories && input.unknownCategories.size > 0) {
    const count = [...input.unknownCategories.values()].reduce((sum, n) => sum + n, 0);
    warnings.push({
      code: 'unknown-category',
      count,
      id: `${count} aset berkategori tak dikenal (${sample(input.unknownCategories)}) dihitung sebagai "lainnya": petakan kategorinya (--category-map) agar bertarif benar.`,
      en: `${count === 1 ? '1 asset' : `${count} assets`} of unknown category (${sample(input.unknownCategories)}) ${count === 1 ? 'was' : 'were'} counted as "lainnya": map the categories (--category-map) to price them right.`,
    });
  }
  return warnings;
}

/** Ids that occur more than once, with their counts, in first-seen order. */
export function duplicateIdsOf(ids: Iterable<string>): Map<string, number> {
  const seen = new Set<string>();
  const repeated = new Map<string, number>();
  for (const id of ids) {
    // One look-up per id (add, then see whether the set grew), not two: a register has a million of them.
    const size = seen.size;
    seen.add(id);
    if (seen.size === size) repeated.set(id, (repeated.get(id) ?? 1) + 1);
  }
  return repeated;
}
