/**
 * `npm run mutation [group…]`: Stryker one file group at a time, each with its own incremental file under
 * tests/mutation/incremental/ (committed). Stryker rewrites its incremental file with only the files of the run, so
 * one shared file would forget every group but the last; one file per group lets a run of one group, or a run cut
 * short, leave the others' results in place, and the next run re-tests only what changed. Then the score table.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { INCREMENTAL_DIR, printScores } from './score-by-folder';

const sharedFolders = readdirSync('shared', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** Group name → the folders it mutates. */
export const GROUPS: Record<string, string[]> = {
  ...Object.fromEntries(sharedFolders.map((name) => [`shared-${name}`, [`shared/${name}`]])),
  'electron-main': ['electron/main'],
  'renderer-state': ['renderer/src/state'],
};

const args = process.argv.slice(2);
/** Options such as `--concurrency 2` go to Stryker; other words name groups. */
const options = args.filter((arg, i) => arg.startsWith('--') || args[i - 1]?.startsWith('--'));
const wanted = args.filter((arg) => !options.includes(arg));
for (const name of wanted)
  if (!GROUPS[name]) throw new Error(`No mutation group ${name}: ${Object.keys(GROUPS).join(', ')}`);

for (const [name, folders] of Object.entries(GROUPS)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const sources = folders.flatMap((folder) => [`${folder}/**/*.ts`]);
  if (!sources.some((glob) => existsSync(glob.split('/**')[0]!))) continue;
  const mutate = [...sources, '!**/*.test.ts', '!**/*.d.ts', '!**/test-fixtures.ts'].join(',');
  console.log(`\n— ${name}: ${folders.join(', ')}`);
  execFileSync(
    'npx',
    ['stryker', 'run', '--mutate', mutate, '--incrementalFile', join(INCREMENTAL_DIR, `${name}.json`), ...options],
    { stdio: 'inherit' },
  );
}

printScores();
