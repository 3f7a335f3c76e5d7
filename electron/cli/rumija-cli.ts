/**
 * rumija analyze: headless RUMIJA encroachment and retribution on the same shared code as the app.
 *   npm run cli -- analyze --roads roads.geojson --assets assets.geojson [--corridors c.geojson]
 *                         [--tariff schedule.json] [--period 1] [--paying 0.2] --out report.geojson|report.csv
 * Exit codes: 0 done, 2 wrong usage, 3 bad input file, 4 output not written.
 * (It lives under electron/ with the other Node-side code; it does not load Electron.)
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { z } from 'zod';
import type { Feature, Geometry } from 'geojson';
import { analyzeAssets, createRoadIndex } from '../../shared/analysis/encroachment';
import { estimateRetribution } from '../../shared/tariff/estimate-retribution';
import {
  EXAMPLE_TARIFF_SCHEDULE,
  TariffScheduleSchema,
  type TariffSchedule,
} from '../../shared/tariff/tariff-schedule';
import { encroachmentCsv, encroachmentGeoJson, encroachmentRows } from '../../shared/io/export-encroachment';
import { parseFeatureCollection } from '../../shared/io/parse-geojson';
import { AssetCategorySchema, FunctionClassSchema, RoadClassSchema } from '../../shared/model/road-network';
import type { StoredFeature } from '../../shared/model/layer';
import { formatRupiah, formatRupiahShort } from '../../shared/format/format-rupiah';
import { writeFileAtomic } from '../main/atomic-write';

export const EXIT = { ok: 0, usage: 2, input: 3, output: 4 } as const;

class CliError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

const USAGE = `Pemakaian / usage:
  rumija analyze --roads <roads.geojson> --assets <assets.geojson> --out <report.geojson|report.csv>
                 [--corridors <corridors.geojson>] [--tariff <schedule.json>] [--period <years>] [--paying <0..1>]`;

const optionalNumber = z.number().positive().nullable().optional();
/** What a road file must carry; missing classes fall back to PP 34/2006 assumptions. */
const RoadInputSchema = z.object({
  ruasNumber: z.union([z.string(), z.number()]).optional(),
  name: z.string().optional(),
  roadClass: RoadClassSchema.nullable().optional(),
  functionClass: FunctionClassSchema.nullable().optional(),
  rumijaWidthM: optionalNumber,
  carriagewayWidthM: optionalNumber,
});
const AssetInputSchema = z.object({
  category: AssetCategorySchema,
  owner: z.string().optional(),
  ownerType: z.string().optional(),
});

function parseArguments(argv: string[]) {
  const [command, ...rest] = argv;
  if (command !== 'analyze')
    throw new CliError(`Perintah tidak dikenal / unknown command: ${command ?? '(none)'}\n${USAGE}`, EXIT.usage);
  const options: Record<string, string> = {};
  for (let i = 0; i < rest.length; i += 2) {
    const key = rest[i];
    if (!key!.startsWith('--') || rest[i + 1] === undefined)
      throw new CliError(`Argumen tidak sah / bad argument: ${key}\n${USAGE}`, EXIT.usage);
    options[key!.slice(2)] = rest[i + 1]!;
  }
  for (const required of ['roads', 'assets', 'out']) {
    if (!options[required]) throw new CliError(`--${required} wajib / is required\n${USAGE}`, EXIT.usage);
  }
  const format = extname(options.out!).toLowerCase();
  if (format !== '.geojson' && format !== '.json' && format !== '.csv')
    throw new CliError(`--out harus .geojson atau .csv / must end in .geojson or .csv: ${options.out}`, EXIT.usage);
  const period = Number(options.period ?? 1);
  const paying = Number(options.paying ?? 0);
  if (!(period > 0)) throw new CliError(`--period harus > 0 / must be > 0: ${options.period}`, EXIT.usage);
  if (!(paying >= 0 && paying <= 1))
    throw new CliError(`--paying harus 0..1 / must be 0..1: ${options.paying}`, EXIT.usage);
  return {
    roads: options.roads,
    assets: options.assets,
    out: options.out,
    corridors: options.corridors as string | undefined,
    tariff: options.tariff as string | undefined,
    format,
    period,
    paying,
  };
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(
      `${path}: tidak dapat dibaca / cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      EXIT.input,
    );
  }
}

async function readFeatures(path: string): Promise<Feature<Geometry>[]> {
  const result = parseFeatureCollection(await readText(path), basename(path));
  if (!result.ok) throw new CliError(result.error, EXIT.input);
  return result.value;
}

function toRoads(features: Feature<Geometry>[], file: string): StoredFeature[] {
  return features.map((feature, index) => {
    if (feature.geometry.type !== 'LineString' && feature.geometry.type !== 'MultiLineString') {
      throw new CliError(
        `${file}, fitur #${index}: ruas jalan harus garis / a road must be a line, not ${feature.geometry.type}`,
        EXIT.input,
      );
    }
    const parsed = RoadInputSchema.safeParse(feature.properties ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CliError(`${file}, fitur #${index}: ${issue!.path.join('.')}: ${issue!.message}`, EXIT.input);
    }
    const id = String(feature.id ?? `road-${index}`);
    return {
      id,
      layerId: 'roads',
      geometry: feature.geometry,
      properties: {
        kind: 'road',
        ruasNumber: String(parsed.data.ruasNumber ?? id),
        name: parsed.data.name ?? id,
        roadClass: parsed.data.roadClass ?? null,
        functionClass: parsed.data.functionClass ?? null,
        rumijaWidthM: parsed.data.rumijaWidthM ?? null,
        carriagewayWidthM: parsed.data.carriagewayWidthM ?? null,
      },
    };
  });
}

function toAssets(features: Feature<Geometry>[], file: string): StoredFeature[] {
  return features.map((feature, index) => {
    const parsed = AssetInputSchema.safeParse(feature.properties ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CliError(
        `${file}, fitur #${index}: ${issue!.path.join('.') || 'properties'}: ${issue!.message}`,
        EXIT.input,
      );
    }
    return {
      id: String(feature.id ?? `asset-${index}`),
      layerId: 'assets',
      geometry: feature.geometry,
      properties: {
        kind: 'asset',
        category: parsed.data.category,
        owner: parsed.data.owner ?? '—',
        ownerType: parsed.data.ownerType ?? 'lainnya',
      },
    };
  });
}

async function readTariff(path: string | undefined, log: (line: string) => void): Promise<TariffSchedule> {
  if (!path) {
    log('PERINGATAN / WARNING: tarif contoh dipakai (bukan tarif resmi NTT) — pass --tariff <schedule.json>');
    return EXAMPLE_TARIFF_SCHEDULE;
  }
  let data: unknown;
  try {
    data = JSON.parse(await readText(path));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${path}: JSON tidak sah / invalid JSON: ${(error as Error).message}`, EXIT.input);
  }
  const parsed = TariffScheduleSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(
      `${path}: jadwal tarif tidak sah / invalid tariff schedule: ${issue!.path.join('.')}: ${issue!.message}`,
      EXIT.input,
    );
  }
  if (parsed.data.example)
    log('PERINGATAN / WARNING: jadwal tarif ini ditandai sebagai contoh / this schedule is marked as an example');
  return parsed.data;
}

/** Runs the CLI; returns the exit code. Output goes through `out` and `err` so tests can read it. */
export async function runCli(
  argv: string[],
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): Promise<number> {
  try {
    const options = parseArguments(argv);
    const roads = toRoads(await readFeatures(options.roads!), basename(options.roads!));
    const assets = toAssets(await readFeatures(options.assets!), basename(options.assets!));
    const corridors = options.corridors
      ? (await readFeatures(options.corridors)).map((feature, index) => ({
          id: String(feature.id ?? `corridor-${index}`),
          layerId: 'corridors',
          geometry: feature.geometry,
          properties: { kind: 'corridor', ...(feature.properties ?? {}) },
        }))
      : [];
    const schedule = await readTariff(options.tariff, err);
    const started = performance.now();
    const results = analyzeAssets(createRoadIndex(roads, corridors), assets);
    const estimate = estimateRetribution(results, new Map(assets.map((a) => [a.id, a])), schedule, {
      periodYears: options.period,
      payingShare: options.paying,
    });
    const rows = encroachmentRows(assets, results, estimate);
    const text =
      options.format === '.csv' ? encroachmentCsv(assets, rows) : JSON.stringify(encroachmentGeoJson(assets, rows));
    try {
      await writeFileAtomic(options.out!, text);
    } catch (error) {
      throw new CliError(
        `${options.out}: tidak dapat ditulis / cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        EXIT.output,
      );
    }
    const inside = results.filter((r) => r.quantity > 0).length;
    out(
      `Ruas: ${roads.length} · aset: ${assets.length} · di dalam RUMIJA: ${inside} · ${((performance.now() - started) / 1000).toFixed(2)} s`,
    );
    out(`Jadwal tarif: ${schedule.name} (v${schedule.version}${schedule.example ? ', CONTOH' : ''})`);
    out(
      `Potensi retribusi (${options.period} th): ${formatRupiah(estimate.totalIdr)} (${formatRupiahShort(estimate.totalIdr)})`,
    );
    out(
      `Sudah membayar ${Math.round(options.paying * 100)}%: potensi tambahan ${formatRupiah(estimate.potentialNewIdr)}`,
    );
    for (const [owner, amount] of Object.entries(estimate.byOwner)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10))
      out(`  ${owner}: ${formatRupiah(amount)}`);
    out(`Laporan / report: ${options.out}`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CliError) {
      err(error.message);
      return error.code;
    }
    throw error;
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
