/**
 * npm run bench: builds the browser renderer, then prints figures. Benchmarks print; they never
 * assert times. Pass names to run some: `npm run bench -- road-network`.
 */
import { benchmarkRoadNetwork } from './road-network.bench';
import { benchmarkEncroachment } from './encroachment.bench';
import { benchmarkImport } from './import.bench';
import { benchmarkSnapping } from './snapping.bench';
import { benchmarkProvince } from './province.bench';
import { benchmarkProvinceFlow } from './province-flow.bench';
import { benchmarkTeamSync } from './team-sync.bench';
import { benchmarkProjectFile } from './project-file.bench';
import { benchmarkProgramme } from './programme.bench';
import { benchmarkRetributionCli } from './retribution-cli.bench';

const benchmarks: Record<string, () => Promise<unknown>> = {
  encroachment: () => benchmarkEncroachment(),
  import: () => benchmarkImport(),
  'road-network': () => benchmarkRoadNetwork(),
  snapping: () => benchmarkSnapping(),
  province: () => benchmarkProvince(),
  'province-flow': () => benchmarkProvinceFlow(),
  'team-sync': () => benchmarkTeamSync(),
  'project-file': () => benchmarkProjectFile(),
  programme: () => benchmarkProgramme(),
  'retribution-cli': () => benchmarkRetributionCli(),
};

async function main() {
  const wanted = process.argv.slice(2).filter((name) => name in benchmarks);
  for (const name of wanted.length ? wanted : Object.keys(benchmarks)) {
    console.log(`\n== ${name}`);
    await benchmarks[name]!();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
