/**
 * After `stryker run`: the mutation score of each folder (killed + timed out, over all mutants that tests cover or
 * could cover), from Stryker's JSON report (mutation-testing-report-schema). Prints a table for the round's note.
 */
import { readFileSync } from 'node:fs';

interface Report {
  files: Record<string, { mutants: { status: string }[] }>;
}

const report = JSON.parse(readFileSync(process.argv[2] ?? 'out/stryker/mutation.json', 'utf8')) as Report;
const byFolder = new Map<string, Record<string, number>>();
for (const [file, { mutants }] of Object.entries(report.files)) {
  const folder = file
    .split('/')
    .slice(0, file.startsWith('renderer/') ? 3 : 2)
    .join('/');
  const counts = byFolder.get(folder) ?? {};
  for (const { status } of mutants) counts[status] = (counts[status] ?? 0) + 1;
  byFolder.set(folder, counts);
}

console.log('folder | killed | survived | no coverage | timeout | errors | score');
for (const [folder, counts] of [...byFolder].sort(([a], [b]) => a.localeCompare(b))) {
  const killed = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
  const valid = killed + (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
  const errors = (counts.CompileError ?? 0) + (counts.RuntimeError ?? 0);
  const score = valid ? ((100 * killed) / valid).toFixed(1) : '—';
  console.log(
    `${folder} | ${counts.Killed ?? 0} | ${counts.Survived ?? 0} | ${counts.NoCoverage ?? 0} | ${counts.Timeout ?? 0} | ${errors} | ${score}`,
  );
}
