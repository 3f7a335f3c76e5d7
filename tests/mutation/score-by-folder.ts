/**
 * The mutation score of each folder (killed + timed out, over all mutants that tests cover or could cover), from the
 * per-group incremental reports Stryker leaves in tests/mutation/incremental/ (mutation-testing-report-schema).
 * Prints a table for the round's note; `npx tsx tests/mutation/score-by-folder.ts` prints it without running.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const INCREMENTAL_DIR = 'tests/mutation/incremental';

interface Report {
  files: Record<string, { mutants: { status: string }[] }>;
}

/** `shared/geo/utm.ts` → `shared/geo`; `renderer/src/state/x.ts` → `renderer/src/state`. */
const folderOf = (file: string) =>
  file
    .split('/')
    .slice(0, file.startsWith('renderer/') ? 3 : 2)
    .join('/');

export function printScores(): void {
  // A file mutated in two groups' runs counts once (the last report read).
  const files = new Map<string, { status: string }[]>();
  for (const name of readdirSync(INCREMENTAL_DIR).filter((file) => file.endsWith('.json'))) {
    const report = JSON.parse(readFileSync(join(INCREMENTAL_DIR, name), 'utf8')) as Report;
    for (const [file, { mutants }] of Object.entries(report.files)) files.set(file, mutants);
  }
  const byFolder = new Map<string, Record<string, number>>();
  for (const [file, mutants] of files) {
    for (const folder of new Set([folderOf(file), file.split('/')[0]!])) {
      const counts = byFolder.get(folder) ?? { files: 0 };
      counts.files! += 1;
      for (const { status } of mutants) counts[status] = (counts[status] ?? 0) + 1;
      byFolder.set(folder, counts);
    }
  }
  console.log('folder | files | mutants | killed | timeout | survived | no coverage | errors | score');
  for (const [folder, counts] of [...byFolder].sort(([a], [b]) => a.localeCompare(b))) {
    const killed = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
    const valid = killed + (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
    const errors = (counts.CompileError ?? 0) + (counts.RuntimeError ?? 0);
    const all = valid + errors + (counts.Ignored ?? 0);
    const score = valid ? ((100 * killed) / valid).toFixed(1) : '—';
    console.log(
      `${folder} | ${counts.files} | ${all} | ${counts.Killed ?? 0} | ${counts.Timeout ?? 0} | ${counts.Survived ?? 0} | ${counts.NoCoverage ?? 0} | ${errors} | ${score}`,
    );
  }
}

if (process.argv[1]?.endsWith('score-by-folder.ts')) printScores();
