/**
 * rumija analyze: headless RUMIJA encroachment and retribution on the same shared code as the app.
 *   npm run cli -- analyze --roads roads.geojson --assets assets.geojson [--corridors c.geojson]
 *                         [--tariff schedule.json] [--period 1] [--paying 0.2] --out report.geojson|report.csv
 *   (roads, assets, corridors may be `postgis:<table>` with --db postgresql://user@host:port/database)
 * rumija programme: the yearly handling programme for a ceiling, as Excel or JSON (cli-programme.ts).
 * rumija sync: a GeoJSON project kept in step with a team-database table (clone, push, pull, conflicts).
 * rumija history: one feature's history as the team database keeps it (cli-history.ts).
 * rumija assess, notices, payments import: the retribution cycle of a project (cli-assess.ts, cli-notices.ts,
 * cli-payments.ts).
 * Exit codes: 0 done, 1 internal error (a bug), 2 wrong usage, 3 bad input file, 4 output not written,
 * 5 conflicts wait for a decision (sync), 6 the team database refused or could not be reached.
 * (It lives under electron/ with the other Node-side code; it does not load Electron.)
 */
import { readFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import type { ParseArgsOptionsConfig } from 'node:util';
import { basename, extname } from 'node:path';
import { z } from 'zod';
import type { Feature, Geometry } from 'geojson';
import { analyzeAssets, createRoadIndex } from '#shared/analysis/encroachment';
import { estimateRetribution } from '#shared/tariff/estimate-retribution';
import { EXAMPLE_TARIFF_SCHEDULE, TariffScheduleSchema, type TariffSchedule } from '#shared/tariff/tariff-schedule';
import { encroachmentCsvChunks, encroachmentGeoJsonChunks, encroachmentRowsOf } from '#shared/io/export-encroachment';
import { parseJson } from '#shared/io/parse-geojson';
import { readFeatures as readFileFeatures } from '#shared/io/import-file';
import { noteLine } from '#shared/io/check-records';
import { DOMParser } from '@xmldom/xmldom';
import {
  ASSET_CATEGORIES,
  AssetCategorySchema,
  FunctionClassSchema,
  RoadClassSchema,
  type AssetCategory,
} from '#shared/model/road-network';
import { measurableGeometry } from '#shared/analysis/measurable-geometry';
import { analysisWarnings, duplicateIdsOf } from '#shared/analysis/analysis-warnings';
import type { StoredFeature } from '#shared/model/layer';
import { writeChunksAtomic } from '../main/atomic-write';
import { PostgisError } from '#shared/postgis/postgis-errors';
import { connectionOf, openFromEnvironment, POSTGIS_PREFIX } from './postgis-source';
import type { PostgisConnection } from '#shared/postgis/postgis-api';
import { syncProject, SyncInputError } from './cli-sync';
import { readProject, readProjectSummary, type ProjectProblem } from '#shared/project/read-project';
import { PROJECT_FORMAT } from '#shared/project/project-format';
import {
  CliError,
  cliLanguage,
  cliRupiah,
  cliRupiahShort,
  cliLanguageOf,
  cliText,
  EXIT,
  failureOf,
  featureText,
  HelpRequest,
  optionsOf,
  requiredError,
  secondsText,
  setCliLanguage,
  usageText,
  warningText,
} from './cli-error';
import { PROGRAMME_USAGE, runProgramme } from './cli-programme';
import { HISTORY_USAGE, runHistory } from './cli-history';
import { ASSESS_USAGE, runAssess } from './cli-assess';
import { NOTICES_USAGE, runNotices } from './cli-notices';
import { PAYMENTS_USAGE, runPayments } from './cli-payments';
import { problem, problemOf, type Problem, type ProblemValue } from '#shared/messages/problem';

export { EXIT } from './cli-error';

const ANALYZE_USAGE = problem('cli.usage.analyze');
const PROJECT_USAGE = problem('cli.usage.project');
const SYNC_USAGE = problem('cli.usage.sync');
const DATABASE_USAGE = problem('cli.usage.database');
/** Every command's usage, in the CLI's language (asked for once the language is known). */
const usageOfAll = () =>
  usageText(
    ANALYZE_USAGE,
    PROGRAMME_USAGE,
    ASSESS_USAGE,
    NOTICES_USAGE,
    PAYMENTS_USAGE,
    PROJECT_USAGE,
    SYNC_USAGE,
    HISTORY_USAGE,
    DATABASE_USAGE,
  );

const DATABASE_OPTIONS = {
  db: { type: 'string' },
  tls: { type: 'string' },
  'tls-ca': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;
const ANALYZE_OPTIONS = {
  ...DATABASE_OPTIONS,
  roads: { type: 'string' },
  assets: { type: 'string' },
  out: { type: 'string' },
  corridors: { type: 'string' },
  tariff: { type: 'string' },
  period: { type: 'string' },
  paying: { type: 'string' },
  'category-map': { type: 'string' },
  'unknown-category': { type: 'string' },
  project: { type: 'string' },
} as const satisfies ParseArgsOptionsConfig;
const SYNC_OPTIONS = {
  ...DATABASE_OPTIONS,
  table: { type: 'string' },
  project: { type: 'string' },
  take: { type: 'string', multiple: true },
} as const satisfies ParseArgsOptionsConfig;

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
  category: z.string({ error: () => cliText(problem('cli.analyze.categoryRequired')) }),
  owner: z.union([z.string(), z.number()]).optional(),
  ownerType: z.string().optional(),
});
/**
 * What AssetInputSchema makes of properties that plainly pass it (text category, text or no owner and owner type),
 * without running the schema on each of a million rows; null for anything else, which the schema then words.
 */
function plainAssetInput(
  properties: Feature['properties'],
): { success: true; data: z.infer<typeof AssetInputSchema> } | null {
  if (!properties) return null;
  const { category, owner, ownerType } = properties as Record<string, unknown>;
  if (typeof category !== 'string') return null;
  if (owner !== undefined && typeof owner !== 'string') return null;
  if (ownerType !== undefined && typeof ownerType !== 'string') return null;
  return {
    success: true,
    data: {
      category,
      ...(owner === undefined ? {} : { owner }),
      ...(ownerType === undefined ? {} : { ownerType }),
    },
  };
}

/** A category mapping file: the register's names → the model's categories, e.g. {"TIANG PLN": "tiang_listrik"}. */
const CategoryMapSchema = z.record(z.string(), AssetCategorySchema);

function parseArguments(argv: string[]) {
  const [command, ...rest] = argv;
  if (command !== 'analyze')
    throw new CliError(
      problem('cli.analyze.unknownCommand', { command: command ?? '(—)', usage: usageOfAll() }),
      EXIT.usage,
    );
  const options = optionsOf(rest, ANALYZE_OPTIONS, usageText(ANALYZE_USAGE, DATABASE_USAGE));
  for (const required of options.project ? (['out'] as const) : (['roads', 'assets', 'out'] as const)) {
    if (!options[required]) throw requiredError(`--${required}`, usageOfAll());
  }
  const format = extname(options.out!).toLowerCase();
  if (format !== '.geojson' && format !== '.json' && format !== '.csv')
    throw new CliError(problem('cli.analyze.badOut', { out: options.out! }), EXIT.usage);
  const period = Number(options.period ?? 1);
  const paying = Number(options.paying ?? 0);
  if (!(period > 0)) throw new CliError(problem('cli.analyze.badPeriod', { value: options.period ?? '' }), EXIT.usage);
  if (!(paying >= 0 && paying <= 1))
    throw new CliError(problem('cli.analyze.badPaying', { value: options.paying ?? '' }), EXIT.usage);
  const unknownCategory = options['unknown-category'] ?? 'refuse';
  if (unknownCategory !== 'refuse' && unknownCategory !== 'lainnya')
    throw new CliError(problem('cli.analyze.badUnknownCategory', { value: unknownCategory }), EXIT.usage);
  return {
    roads: options.roads,
    assets: options.assets,
    out: options.out,
    corridors: options.corridors as string | undefined,
    project: options.project as string | undefined,
    tariff: options.tariff as string | undefined,
    categoryMap: options['category-map'],
    unknownCategory: unknownCategory as 'refuse' | 'lainnya',
    format,
    period,
    paying,
    db: options.db,
    tls: options.tls,
    tlsCa: options['tls-ca'],
  };
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(problem('cli.cannotRead', { path, reason: failureOf(error) }), EXIT.input);
  }
}

const XML_ENVIRONMENT = {
  parseXml: (text: string) =>
    new DOMParser({ onError: () => undefined }).parseFromString(text, 'application/xml') as never,
};

/** A failure of the team database as the CLI reports it. */
function databaseError(error: unknown): CliError {
  return new CliError(problem('cli.databaseError', { problem: problemOf(error) }), EXIT.database);
}

interface DatabaseOptions {
  url: string | undefined;
  tls: string | undefined;
  tlsCa: string | undefined;
}

/** The connection the options name, checked before anything is sent (exit 2 for wrong usage, 3 for a bad CA file). */
async function connectionFromOptions(options: DatabaseOptions, what: string): Promise<PostgisConnection> {
  if (!options.url) throw new CliError(problem('cli.db.required', { what }), EXIT.usage);
  let ca: string | undefined;
  if (options.tlsCa !== undefined) {
    ca = await readText(options.tlsCa);
    if (!/-----BEGIN CERTIFICATE-----/.test(ca))
      throw new CliError(problem('cli.db.notPem', { path: options.tlsCa }), EXIT.input);
    if (options.tls !== undefined && options.tls !== 'verify')
      throw new CliError(problem('cli.db.tlsCaNeedsVerify', { tls: options.tls }), EXIT.usage);
  }
  try {
    return connectionOf(options.url, options.tls, ca);
  } catch (error) {
    throw new CliError(problemOf(error), EXIT.usage);
  }
}

/** A session with the password from PGPASSWORD (said plainly when it is not set, before connecting). */
async function openDatabase(options: DatabaseOptions, what: string) {
  const connection = await connectionFromOptions(options, what);
  if (process.env.PGPASSWORD === undefined) throw new CliError(problem('cli.db.noPassword'), EXIT.usage);
  const session = await openFromEnvironment(connection).catch((error: unknown) => {
    throw databaseError(error);
  });
  return { session, connection };
}

/** The features of a team-database layer table (`postgis:<table>`). */
async function readTableFeatures(source: string, db: DatabaseOptions) {
  const { session } = await openDatabase(db, source);
  try {
    const { features } = await session.readLayer(source.slice(POSTGIS_PREFIX.length));
    return features.map((feature): Feature<Geometry> => ({
      type: 'Feature',
      id: feature.id,
      geometry: feature.geometry,
      properties: feature.properties,
    }));
  } catch (error) {
    throw databaseError(error);
  } finally {
    await session.close();
  }
}

/**
 * Features of a file in any format the app imports (GeoJSON, CSV, KML/KMZ, GPX, Shapefile), checked as the app
 * checks them, or of a team-database table (`postgis:<table>`).
 */
async function readFeatures(
  path: string,
  log: (line: string) => void,
  db?: DatabaseOptions,
): Promise<Feature<Geometry>[]> {
  if (path.startsWith(POSTGIS_PREFIX))
    return readTableFeatures(path, db ?? { url: undefined, tls: undefined, tlsCa: undefined });
  let bytes: Uint8Array;
  try {
    // A view of the Buffer, not a copy: a register of 200 MB would otherwise be held twice.
    const buffer = await readFile(path);
    bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    throw new CliError(problem('cli.cannotRead', { path, reason: failureOf(error) }), EXIT.input);
  }
  const result = await readFileFeatures({ name: basename(path), bytes }, XML_ENVIRONMENT);
  if (!result.ok) throw new CliError(result.error, EXIT.input);
  const { checked, read } = result.value;
  for (const warning of read.warnings) log(warningText(warning));
  if (checked.skipped.length)
    log(
      cliText(
        problem('cli.analyze.skipped', {
          file: basename(path),
          count: checked.skipped.length,
          notes: checked.skipped.slice(0, 5).map((note) => noteLine(note)),
        }),
      ),
    );
  return checked.features;
}

function toRoads(features: Feature<Geometry>[], file: string): StoredFeature[] {
  return features.map((feature, index) => {
    if (feature.geometry.type !== 'LineString' && feature.geometry.type !== 'MultiLineString') {
      throw new CliError(
        problem('cli.analyze.roadNotLine', { where: featureText(file, index), type: feature.geometry.type }),
        EXIT.input,
      );
    }
    const parsed = RoadInputSchema.safeParse(feature.properties ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CliError(`${featureText(file, index)}: ${issue!.path.join('.')}: ${issue!.message}`, EXIT.input);
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

/** The ids a file gives its features (those without one have none to repeat). */
function* idsOf(features: readonly Feature[]): Generator<string> {
  for (const feature of features) if (feature.id !== undefined) yield String(feature.id);
}

interface AssetReading {
  assets: StoredFeature[];
  /** Categories not in the model counted as "lainnya" (only with --unknown-category lainnya). */
  unknownCategories: Map<string, number>;
}

function toAssets(
  features: Feature<Geometry>[],
  file: string,
  categoryMap: ReadonlyMap<string, AssetCategory>,
  unknownCategory: 'refuse' | 'lainnya',
): AssetReading {
  const unknownCategories = new Map<string, number>();
  const assets = features.map((feature, index): StoredFeature => {
    const where = () => featureText(file, index, feature.id);
    const parsed = plainAssetInput(feature.properties) ?? AssetInputSchema.safeParse(feature.properties ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CliError(`${where()}: ${issue!.path.join('.') || 'properties'}: ${issue!.message}`, EXIT.input);
    }
    const measurable = measurableGeometry(feature.geometry);
    if (!measurable.ok) throw new CliError(`${where()}: ${cliText(measurable.reason)}`, EXIT.input);
    const written = parsed.data.category.trim();
    let category = categoryMap.get(written.toLowerCase()) ?? AssetCategorySchema.safeParse(written).data ?? null;
    if (!category) {
      if (unknownCategory === 'refuse') {
        throw new CliError(
          problem('cli.analyze.unknownCategory', {
            where: where(),
            category: written,
            categories: ASSET_CATEGORIES.join(', '),
          }),
          EXIT.input,
        );
      }
      unknownCategories.set(written, (unknownCategories.get(written) ?? 0) + 1);
      category = 'lainnya';
    }
    return {
      id: String(feature.id ?? `asset-${index + 1}`),
      layerId: 'assets',
      geometry: measurable.geometry,
      properties: {
        kind: 'asset',
        category,
        owner: parsed.data.owner === undefined ? '—' : String(parsed.data.owner),
        ownerType: parsed.data.ownerType ?? 'lainnya',
      },
    };
  });
  return { assets, unknownCategories };
}

async function readCategoryMap(path: string | undefined): Promise<Map<string, AssetCategory>> {
  if (!path) return new Map();
  const json = parseJson(await readText(path), basename(path));
  if (!json.ok) throw new CliError(json.error, EXIT.input);
  const parsed = CategoryMapSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(
      problem('cli.analyze.badCategoryMap', {
        path,
        field: issue!.path.join('.'),
        detail: issue!.message,
        categories: ASSET_CATEGORIES.join(', '),
      }),
      EXIT.input,
    );
  }
  return new Map(Object.entries(parsed.data).map(([from, to]) => [from.trim().toLowerCase(), to]));
}

async function readTariff(path: string | undefined, log: (line: string) => void): Promise<TariffSchedule> {
  if (!path) {
    log(warningText(problem('cli.analyze.exampleTariff')));
    return EXAMPLE_TARIFF_SCHEDULE;
  }
  let data: unknown;
  try {
    data = JSON.parse(await readText(path));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(problem('cli.analyze.badJson', { path, detail: (error as Error).message }), EXIT.input);
  }
  const parsed = TariffScheduleSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(
      problem('cli.analyze.badTariff', { path, field: issue!.path.join('.'), detail: issue!.message }),
      EXIT.input,
    );
  }
  if (parsed.data.example) log(warningText(problem('cli.analyze.tariffIsExample')));
  return parsed.data;
}

/** `--take mine|theirs` for every conflict, or `--take <id>=mine|theirs` per feature (both may be given). */
function takesOf(values: readonly string[]): { all: 'mine' | 'theirs' | null; byId: Map<string, 'mine' | 'theirs'> } {
  let all: 'mine' | 'theirs' | null = null;
  const byId = new Map<string, 'mine' | 'theirs'>();
  for (const value of values) {
    const match = /^(?:(.+)=)?(mine|theirs)$/.exec(value);
    if (!match) throw new CliError(problem('cli.take.bad', { value }), EXIT.usage);
    const choice = match[2] as 'mine' | 'theirs';
    if (match[1] === undefined) all = choice;
    else byId.set(match[1], choice);
  }
  return { all, byId };
}

/** `rumija sync`: see cli-sync.ts. */
async function runSync(argv: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const usage = usageText(SYNC_USAGE, DATABASE_USAGE);
  const options = optionsOf(argv, SYNC_OPTIONS, usage);
  for (const required of ['db', 'table', 'project'] as const)
    if (!options[required]) throw requiredError(`--${required}`, usage);
  const take = takesOf(options.take ?? []);
  const { session, connection } = await openDatabase(
    { url: options.db, tls: options.tls, tlsCa: options['tls-ca'] },
    'sync',
  );
  try {
    const outcome = await syncProject(session, {
      project: options.project!,
      table: options.table!,
      login: `${connection.user}@${connection.host}:${connection.port}/${connection.database}`,
      take: take.all,
      takeById: take.byId,
    });
    for (const line of outcome.lines) (outcome.conflicts ? err : out)(line);
    return outcome.conflicts ? EXIT.conflicts : EXIT.ok;
  } catch (error) {
    if (error instanceof SyncInputError) throw new CliError(error.problem, EXIT.input);
    if (error instanceof PostgisError) throw databaseError(error);
    throw error;
  } finally {
    await session.close();
  }
}

async function readProjectFile(path: string) {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new CliError(problem('cli.cannotRead', { path, reason: failureOf(error) }), EXIT.input);
  }
}

/** A project file's problem, naming the file. */
function projectProblemOf(path: string, found: ProjectProblem): Problem {
  const file = basename(path);
  switch (found.code) {
    case 'not-sqlite':
      return problem('cli.project.notSqlite', { file });
    case 'truncated':
      return problem('cli.project.truncated', { file, actual: found.actualBytes, expected: found.expectedBytes });
    case 'corrupt':
      return problem('cli.project.corrupt', { file, detail: found.detail });
    case 'plain-geopackage':
      return problem('cli.project.plainGeopackage', { file, layers: found.layers.join(', ') });
    case 'not-project':
      return problem('cli.project.notProject', { file });
    case 'newer-version':
      return problem('cli.project.newerVersion', { file, version: found.version, supported: found.supported });
    case 'checksum-mismatch':
      return problem('cli.project.checksumMismatch', { file });
    case 'invalid-content':
      return problem('message.text', {
        text: `${file}: ${found.table}, ${found.row}, ${found.field}: ${found.detail}`,
      });
  }
}

/** A project's contents, or exit 3 with what is wrong with the file. */
async function readProjectContents(path: string) {
  const read = await readProject(await readProjectFile(path));
  if (!read.ok) throw new CliError(projectProblemOf(path, read.problem), EXIT.input);
  return read.value;
}

/** The roads, assets, corridors and newest tariff of a project, by the kind of each layer. */
async function readProjectLayers(path: string) {
  const read = { value: await readProjectContents(path) };
  const of = (kind: string) =>
    read.value.layers.filter(({ layer }) => layer.kind === kind).flatMap(({ features }) => features);
  const roads = of('road').filter((feature) => feature.properties.kind === 'road');
  const assets = of('asset').filter((feature) => feature.properties.kind === 'asset');
  if (roads.length === 0) throw new CliError(problem('cli.project.noRoadLayer', { file: basename(path) }), EXIT.input);
  if (assets.length === 0)
    throw new CliError(problem('cli.project.noAssetLayer', { file: basename(path) }), EXIT.input);
  const newest = [...read.value.tariffs].sort((a, b) => (a.savedAt < b.savedAt ? 1 : -1))[0];
  const { savedAt: _savedAt, ...kept } = newest ?? { savedAt: '' };
  const schedule = newest ? TariffScheduleSchema.parse(kept) : null;
  return { roads, assets, corridors: of('corridor'), schedule };
}

/** rumija project info <file>: what the project holds, its format version and whether its checksum holds. */
async function runProjectCommand(argv: string[], out: (line: string) => void): Promise<number> {
  const [sub, path, ...rest] = argv;
  if (sub !== 'info' || !path || rest.length)
    throw new CliError(problem('cli.project.usage', { usage: usageOfAll() }), EXIT.usage);
  const summary = await readProjectSummary(await readProjectFile(path));
  if (!summary.ok) throw new CliError(projectProblemOf(path, summary.problem), EXIT.input);
  const info = summary.value;
  const say = (code: string, values?: Record<string, ProblemValue>) => out(cliText(problem(code, values)));
  say('cli.project.name', { name: info.name });
  say('cli.project.saved', { savedAt: info.savedAt, version: info.appVersion });
  out(`Format: ${PROJECT_FORMAT} ${info.formatVersion}`);
  say(info.checksumHolds ? 'cli.project.checksumHolds' : 'cli.project.checksumFails', { checksum: info.checksum });
  say('cli.project.layers');
  for (const layer of info.layers)
    say('cli.project.layer', { name: layer.name, kind: layer.kind, count: layer.features });
  say('cli.project.tables');
  for (const [table, count] of Object.entries(info.tables)) out(`  ${table}\t${count}`);
  if (!info.checksumHolds) throw new CliError(projectProblemOf(path, { code: 'checksum-mismatch' }), EXIT.input);
  return EXIT.ok;
}

/** Runs the CLI; returns the exit code. Output goes through `out` and `err` so tests can read it. */
export async function runCli(
  argv: string[],
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): Promise<number> {
  try {
    const chosen = cliLanguageOf(argv);
    setCliLanguage(chosen.language);
    argv = chosen.argv;
    if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      out(usageOfAll());
      return EXIT.ok;
    }
    if (argv[0] === 'sync') return await runSync(argv.slice(1), out, err);
    if (argv[0] === 'project') return await runProjectCommand(argv.slice(1), out);
    if (argv[0] === 'history')
      return await runHistory(
        argv.slice(1),
        out,
        {
          open: async (options) =>
            (await openDatabase({ url: options.url, tls: options.tls, tlsCa: options.tlsCa }, 'history')).session,
          databaseError,
        },
        DATABASE_USAGE,
      );
    if (argv[0] === 'programme')
      return await runProgramme(argv.slice(1), out, err, {
        readFeatures: (path) => readFeatures(path, err),
        readProject: readProjectContents,
        readText,
      });
    const retribution = { readProject: readProjectContents };
    if (argv[0] === 'assess') return await runAssess(argv.slice(1), out, err, retribution);
    if (argv[0] === 'notices') return await runNotices(argv.slice(1), out, retribution);
    if (argv[0] === 'payments') return await runPayments(argv.slice(1), out, err, retribution);
    const options = parseArguments(argv);
    const db = { url: options.db, tls: options.tls, tlsCa: options.tlsCa };
    const fromProject = options.project ? await readProjectLayers(options.project) : null;
    const roads = fromProject
      ? fromProject.roads
      : toRoads(await readFeatures(options.roads!, err, db), basename(options.roads!));
    let assetFeatures = fromProject ? [] : await readFeatures(options.assets!, err, db);
    const { assets, unknownCategories } = fromProject
      ? { assets: fromProject.assets, unknownCategories: new Map<string, number>() }
      : toAssets(
          assetFeatures,
          basename(options.assets!),
          await readCategoryMap(options.categoryMap),
          options.unknownCategory,
        );
    // The file's features are let go once the assets are made from them: a million of them would stay in memory.
    const duplicateIds = duplicateIdsOf(idsOf(assetFeatures));
    assetFeatures = [];
    const corridors = fromProject
      ? fromProject.corridors
      : options.corridors
        ? (await readFeatures(options.corridors, err, db)).map((feature, index) => ({
            id: String(feature.id ?? `corridor-${index}`),
            layerId: 'corridors',
            geometry: feature.geometry,
            properties: { kind: 'corridor', ...(feature.properties ?? {}) },
          }))
        : [];
    const schedule =
      fromProject?.schedule && !options.tariff ? fromProject.schedule : await readTariff(options.tariff, err);
    if (fromProject?.schedule && !options.tariff && fromProject.schedule.example)
      err(warningText(problem('cli.analyze.projectTariffIsExample')));
    const started = performance.now();
    const results = analyzeAssets(createRoadIndex(roads, corridors), assets);
    const estimate = estimateRetribution(results, assets, schedule, {
      periodYears: options.period,
      payingShare: options.paying,
    });
    const rows = encroachmentRowsOf(assets, results, estimate);
    try {
      await writeChunksAtomic(
        options.out!,
        options.format === '.csv' ? encroachmentCsvChunks(assets, rows) : encroachmentGeoJsonChunks(assets, rows),
      );
    } catch (error) {
      throw new CliError(problem('cli.cannotWrite', { path: options.out!, reason: failureOf(error) }), EXIT.output);
    }
    const warnings = analysisWarnings({
      roadCount: roads.length,
      assets,
      estimate,
      duplicateIds,
      unknownCategories,
    });
    const inside = results.filter((r) => r.quantity > 0).length;
    const say = (code: string, values: Record<string, ProblemValue>) => out(cliText(problem(code, values)));
    say('cli.analyze.summary', {
      roads: roads.length,
      assets: assets.length,
      inside,
      seconds: secondsText((performance.now() - started) / 1000),
    });
    say(schedule.example ? 'cli.analyze.scheduleExample' : 'cli.analyze.schedule', {
      name: schedule.name,
      version: String(schedule.version),
    });
    say('cli.analyze.potential', {
      count: options.period,
      total: cliRupiah(estimate.totalIdr),
      short: cliRupiahShort(estimate.totalIdr),
    });
    say('cli.analyze.paying', {
      percent: Math.round(options.paying * 100),
      amount: cliRupiah(estimate.potentialNewIdr),
    });
    for (const [owner, amount] of Object.entries(estimate.byOwner)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10))
      out(`  ${owner}: ${cliRupiah(amount)}`);
    for (const warning of warnings)
      err(warningText(problem('message.text', { text: cliLanguage() === 'en' ? warning.en : warning.id })));
    say('cli.analyze.report', { path: options.out! });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof HelpRequest) {
      out(error.message);
      return EXIT.ok;
    }
    if (error instanceof CliError) {
      err(cliText(error.problem));
      return error.code;
    }
    throw error;
  }
}

/**
 * Reading a register makes millions of short-lived objects; a larger young generation halves the time spent
 * collecting them (measured: 1 000 000 points 11,3 s → 9,1 s end to end, and a lower peak; 128 MB gains nothing more). The flag only
 * works at start-up, so the command starts itself once more with it.
 */
const NODE_FLAGS = ['--max-semi-space-size=64'];

function main() {
  if (!NODE_FLAGS.every((flag) => process.execArgv.includes(flag))) {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, ...NODE_FLAGS, __filename, ...process.argv.slice(2)],
      {
        stdio: 'inherit',
      },
    );
    process.exit(child.status ?? EXIT.internal);
  }
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      // A fault of Rumija itself, not of the input: one line, and the documented exit code 1.
      console.error(
        cliText(problem('cli.internalError', { detail: error instanceof Error ? error.message : String(error) })),
      );
      process.exit(EXIT.internal);
    },
  );
}

if (require.main === module) main();
