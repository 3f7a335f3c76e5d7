/**
 * Retribution CLI benchmark (#32, item 9): `rumija assess --issue` and `rumija notices` run by the built command on a
 * project file shaped like an enforcement register: a synthetic network, one corridor over all of it, utility
 * assets (mostly poles a few metres from the road, some cables and kiosks) owned by 5 000 obligors. End to end is
 * the child process's wall time, file in and result out (the project read and checked, and for --issue written
 * back); in process is what the command prints for its own work (analysis and assessment; making and writing the
 * notices). Notices: average KB of the per-obligor PDFs. Prints figures; asserts nothing.
 *
 *   node node_modules/tsx/dist/cli.mjs tests/bench/run-benchmarks.ts retribution-cli
 *   RUMIJA_BENCH_ASSETS=1000000 RUMIJA_BENCH_SEGMENTS=200000 RUMIJA_BENCH_OBLIGORS=5000 …
 *   (default 200 000 assets, 20 000 road segments, 5 000 obligors)
 *
 * Measured 07/12/2026 on the shared 2-core machine (load 8–11, Node 20), 300 000 assets, 30 000 segments, 5 000
 * obligors, project 109 MB (written in 27,9 s):
 * - assess --issue: 58,8 s end to end (analysis and assessment 7,6 s of it; the rest reading the project, a 91 MB
 *   JSON and the project written back), 5 000 SKRD, Rp38,99 miliar;
 * - notices into a folder: 2 360 s end to end, 2 339 s making them (0,47 s per notice), 5 000 files of 99 KB on
 *   average. Most of a notice's time is jsPDF subsetting and checksumming Noto Sans for every PDF (profiled).
 */
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createSyntheticAssets, createSyntheticRoadNetwork } from '#shared/demo/synthetic-network';
import type { Layer, StoredFeature } from '#shared/model/layer';
import { emptyProjectRecords } from '#shared/project/project-records';
import { writeProject } from '#shared/project/write-project';
import type { Obligor } from '#shared/retribution/obligor';
import { EXAMPLE_RETRIBUTION_SETTINGS } from '#shared/retribution/retribution-settings';
import { EXAMPLE_TARIFF_SCHEDULE } from '#shared/tariff/tariff-schedule';

const round = (seconds: number) => Math.round(seconds * 10) / 10;

/** The command run as a user runs it: its wall time, what it printed. */
function runCli(cli: string, args: string[]) {
  const started = performance.now();
  // In English, so the seconds it prints read as "1.23" and its lines as the patterns below expect.
  const printed = execFileSync(process.execPath, [cli, ...args, '--lang', 'en'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 1 << 26,
  });
  return { seconds: round((performance.now() - started) / 1000), printed };
}

/** The seconds a command printed for its own work ("… · 1.23 s"). */
const printedSeconds = (printed: string) => Number(/ (\d+\.\d+) s$/m.exec(printed)?.[1] ?? NaN);

export async function benchmarkRetributionCli(
  assetCount = Number(process.env.RUMIJA_BENCH_ASSETS ?? 200_000),
  obligorCount = Number(process.env.RUMIJA_BENCH_OBLIGORS ?? 5_000),
  segments = Number(process.env.RUMIJA_BENCH_SEGMENTS ?? 20_000),
) {
  const at = new Date().toISOString();
  const roads = createSyntheticRoadNetwork(segments);
  const assets = createSyntheticAssets(roads.features, assetCount);
  const ownerOf = (index: number) => `Pemilik sintetis ${String(index % obligorCount).padStart(4, '0')}`;
  assets.features.forEach((feature, index) => (feature.properties.owner = ownerOf(index)));
  const obligors = Array.from({ length: obligorCount }, (_, i): Obligor => ({
    id: `obligor-${i}`,
    name: ownerOf(i),
    type: 'company',
    npwp: null,
    nib: null,
    address: `Jl. Sintetis ${i + 1}, Kupang`,
    contact: '',
    ownerNames: [ownerOf(i)],
    demo: true,
  }));
  const corridorLayer: Layer = {
    id: 'synthetic-corridors',
    name: 'Koridor sintetis',
    kind: 'corridor',
    order: 0,
    visible: true,
    styleBy: 'status',
    demo: true,
    createdAt: at,
  };
  const corridor: StoredFeature = {
    id: 'corridor-synthetic',
    layerId: corridorLayer.id,
    geometry: roads.features[0]!.geometry,
    properties: {
      kind: 'corridor',
      name: 'Koridor sintetis',
      city: 'Kupang',
      segmentIds: roads.features.map((road) => road.id),
      note: 'SINTETIS, untuk benchmark',
    },
  };
  const records = emptyProjectRecords();
  records.obligors = obligors;
  records.programmes = [
    {
      id: 'programme-synthetic',
      name: 'Penertiban sintetis',
      corridorId: corridor.id,
      status: 'active',
      demo: true,
      periods: [
        {
          id: '2027',
          label: 'Tahun 2027',
          start: '2027-01-01',
          end: '2027-12-31',
          dueDate: '2027-03-31',
          tariffScheduleId: EXAMPLE_TARIFF_SCHEDULE.id,
          tariffVersion: EXAMPLE_TARIFF_SCHEDULE.version,
        },
      ],
    },
  ];
  records.retributionSettings = [EXAMPLE_RETRIBUTION_SETTINGS];
  let started = performance.now();
  const { bytes } = await writeProject({
    name: 'Retribusi sintetis',
    savedAt: at,
    appVersion: 'bench',
    layers: [{ layer: corridorLayer, features: [corridor] }, roads, assets],
    stories: [],
    tariffs: [{ ...EXAMPLE_TARIFF_SCHEDULE, savedAt: at }],
    savedStyles: [],
    backgrounds: [],
    settings: {},
    records,
    photos: [],
  });
  const dir = mkdtempSync(join(tmpdir(), 'rumija-bench-retribution-'));
  const project = join(dir, 'retribusi.rumija');
  writeFileSync(project, bytes);
  const figures: Record<string, unknown> = {
    assets: assetCount,
    obligors: obligorCount,
    roadSegments: segments,
    projectMb: Math.round(bytes.byteLength / 1048576),
    projectWriteSeconds: round((performance.now() - started) / 1000),
  };

  const cli = join(process.cwd(), 'out/cli/rumija.cjs');
  execFileSync('npm', ['run', '--silent', 'build:cli']);
  const common = ['--project', project, '--corridor', corridor.id, '--period', '2027'];
  const assess = runCli(cli, ['assess', ...common, '--out', join(dir, 'skrd.json'), '--issue']);
  const issued = JSON.parse(readFileSync(join(dir, 'skrd.json'), 'utf8')) as { assessments: unknown[] };
  figures['assess --issue'] = {
    endToEndSeconds: assess.seconds,
    inProcessSeconds: printedSeconds(assess.printed.split('\n')[0]!),
    skrd: issued.assessments.length,
    total: /Total: (.+)/.exec(assess.printed)?.[1]?.replace(/\u00a0/g, ' '),
  };

  started = performance.now();
  const folder = join(dir, 'skrd');
  const notices = runCli(cli, ['notices', '--project', project, '--period', '2027', '--out', folder]);
  const files = readdirSync(folder);
  const kb = files.reduce((sum, name) => sum + statSync(join(folder, name)).size, 0) / files.length / 1024;
  figures.notices = {
    endToEndSeconds: notices.seconds,
    inProcessSeconds: printedSeconds(notices.printed.split('\n')[0]!),
    files: files.length,
    averageKb: Math.round(kb),
  };
  figures.loadAverage = os.loadavg().map((load) => Math.round(load * 100) / 100);
  console.log(JSON.stringify(figures, null, 2));
  return figures;
}
