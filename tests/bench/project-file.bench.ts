/**
 * Project file benchmark: a province workspace (200 000 road segments, ~3 million vertices, and 1 000 000
 * assets, synthetic) written as a `.rumija` file and read back with the shared code the app's project worker
 * runs, in Node. Prints figures (seconds, file size, peak memory); asserts nothing. Not measured here: the Dexie
 * side of an open in the browser (replaceWorkspace) and the page's answering while the worker runs.
 *
 * Measured 07/12/2026 on the shared 2-core machine (Node 20, sqlite-wasm 3.54.1), 406 MB file, peak 4.2 GB:
 * - before batching (load 3.9): write 185.4 s, read 196.1 s wall;
 * - batched rows (load 11.5–12.6): write 294.1 s wall / 113.1 s CPU, read 156.1 s wall / 58.9 s CPU.
 * Both miss the 20 s targets. Where the write time goes (profile at 20 000 + 100 000): SQLite's own inserts, the
 * R*Tree about twice the table's; then building the GeoPackage blobs. The read: a column fetched per cell
 * (__stmtGetColumn) and the WKB parse.
 */
import { emptyProjectRecords } from '#shared/project/project-records';
import os from 'node:os';
import { createSyntheticAssets, createSyntheticRoadNetwork } from '#shared/demo/synthetic-network';
import { writeProject } from '#shared/project/write-project';
import { readProject } from '#shared/project/read-project';
import { EXAMPLE_TARIFF_SCHEDULE } from '#shared/tariff/tariff-schedule';

export async function benchmarkProjectFile(segments = 200_000, assetCount = 1_000_000) {
  const roads = createSyntheticRoadNetwork(segments);
  const assets = createSyntheticAssets(roads.features, assetCount);
  const contents = {
    name: 'Provinsi sintetis',
    savedAt: new Date().toISOString(),
    appVersion: 'bench',
    layers: [roads, assets],
    stories: [],
    tariffs: [{ ...EXAMPLE_TARIFF_SCHEDULE, savedAt: new Date().toISOString() }],
    savedStyles: [],
    backgrounds: [],
    settings: {},
    records: emptyProjectRecords(),
    photos: [],
  };
  // CPU seconds beside wall seconds: on a machine others share, the wall clock measures them too.
  const cpuSince = (start: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(start);
    return Math.round((used.user + used.system) / 1e5) / 10;
  };
  let started = performance.now();
  let cpu = process.cpuUsage();
  const { bytes } = await writeProject(contents);
  const writeSeconds = (performance.now() - started) / 1000;
  const writeCpuSeconds = cpuSince(cpu);
  started = performance.now();
  cpu = process.cpuUsage();
  const read = await readProject(bytes);
  const readSeconds = (performance.now() - started) / 1000;
  const readCpuSeconds = cpuSince(cpu);
  if (!read.ok) throw new Error(JSON.stringify(read.problem));
  const figures = {
    segments,
    assets: assetCount,
    fileMb: Math.round(bytes.byteLength / 1048576),
    writeSeconds: Math.round(writeSeconds * 10) / 10,
    readSeconds: Math.round(readSeconds * 10) / 10,
    writeCpuSeconds,
    readCpuSeconds,
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
    peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  console.log(JSON.stringify(figures));
  return figures;
}
