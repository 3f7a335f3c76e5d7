/**
 * rumija programme: the yearly handling programme from the command line, on the same shared code as the Program tab.
 * Roads and bridges come from a project file or from road/bridge files mapped onto the model as the import dialog
 * maps them (no_ruas, kondisi, lebar_perkerasan…).
 */
import { basename, extname } from 'node:path';
import type { Feature, Geometry } from 'geojson';
import { applyMapping, suggestMapping } from '#shared/io/map-fields';
import { writeWorkbook } from '#shared/io/write-xlsx';
import type { Layer, LayerKind, StoredFeature } from '#shared/model/layer';
import { ROAD_STATUSES } from '#shared/model/road-network';
import { regencyName } from '#shared/model/regencies';
import { parseLocaleNumber } from '#shared/format/parse-number';
import { formatNumber, formatPercent } from '#shared/format/format-number';
import { planProgramme, type ProgrammePlan } from '#shared/programme/plan-programme';
import { programmeRegencyRows } from '#shared/programme/programme-regency-rows';
import { EXAMPLE_HANDLING_CATALOGUE } from '#shared/programme/example-handling-catalogue';
import { HandlingCatalogueSchema, type HandlingCatalogue } from '#shared/programme/handling-catalogue';
import type { ProjectContents } from '#shared/project/project-format';
import { writeFileAtomic } from '../main/atomic-write';
import type { ParseArgsOptionsConfig } from 'node:util';
import {
  CliError,
  cliLanguage,
  cliRupiah,
  cliRupiahShort,
  cliText,
  EXIT,
  failureOf,
  optionsOf,
  requiredError,
  secondsText,
  usageText,
  warningText,
} from './cli-error';
import { issueProblem, problem, type ProblemValue } from '#shared/messages/problem';

export const PROGRAMME_USAGE = problem('cli.usage.programme');

const PROGRAMME_STATUSES = ROAD_STATUSES.filter((status) => status !== 'rdtl');
type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

/** What the programme command needs from the rest of the CLI: reading files and projects as `analyze` reads them. */
export interface ProgrammeSources {
  readFeatures: (path: string) => Promise<Feature<Geometry>[]>;
  readProject: (path: string) => Promise<ProjectContents>;
  readText: (path: string) => Promise<string>;
}

const PROGRAMME_OPTIONS = {
  project: { type: 'string' },
  roads: { type: 'string' },
  bridges: { type: 'string' },
  budget: { type: 'string' },
  year: { type: 'string' },
  statuses: { type: 'string' },
  catalogue: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;
type ProgrammeOptions = ReturnType<typeof optionsOf<typeof PROGRAMME_OPTIONS>>;

/** The ceiling as a planner types it: whole rupiah, Indonesian grouping or none ("100.000.000.000", "Rp 5000000"). */
function budgetOf(text: string | undefined): number {
  if (text === undefined) throw requiredError('--budget', usageText(PROGRAMME_USAGE));
  const parsed = parseLocaleNumber(text, 'id', { integer: true });
  if (!parsed.ok)
    throw new CliError(
      parsed.hint
        ? problem('cli.programme.badBudgetHint', { text, hint: parsed.hint })
        : problem('cli.programme.badBudget', { text }),
      EXIT.usage,
    );
  return parsed.value;
}

function statusesOf(text: string | undefined): ProgrammeStatus[] | null {
  if (text === undefined) return null;
  const statuses = text.split(',').map((status) => status.trim());
  const unknown = statuses.filter((status) => !PROGRAMME_STATUSES.includes(status as ProgrammeStatus));
  if (unknown.length || statuses.length === 0)
    throw new CliError(
      problem('cli.programme.unknownStatuses', {
        unknown: unknown.join(', '),
        statuses: PROGRAMME_STATUSES.join(', '),
      }),
      EXIT.usage,
    );
  return statuses as ProgrammeStatus[];
}

/** A road or bridge file's features as model features, mapped and checked the way the import dialog does it. */
function mapped(features: Feature<Geometry>[], path: string, kind: LayerKind): StoredFeature[] {
  const file = basename(path);
  const layer: Layer = {
    id: kind,
    name: file,
    kind,
    order: 0,
    visible: true,
    styleBy: 'status',
    demo: false,
    createdAt: new Date(0).toISOString(),
  };
  const stored = features.map((feature, index): StoredFeature => ({
    id: String(feature.id ?? `${kind}-${index + 1}`),
    layerId: kind,
    geometry: feature.geometry,
    properties: {
      ...(feature.properties ?? {}),
      source: { kind: 'file', label: file, recordedAt: null, illustrative: false },
    },
  }));
  const columns = [...new Set(features.flatMap((feature) => Object.keys(feature.properties ?? {})))];
  const result = applyMapping(layer, stored, suggestMapping(kind, columns), file);
  if (!result.ok) throw new CliError(result.error, EXIT.input);
  return result.value.features;
}

async function catalogueOf(path: string, sources: ProgrammeSources): Promise<HandlingCatalogue> {
  let json: unknown;
  try {
    json = JSON.parse(await sources.readText(path));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(
      problem('cli.programme.notJson', { file: basename(path), detail: (error as Error).message }),
      EXIT.input,
    );
  }
  const parsed = HandlingCatalogueSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CliError(
      `${basename(path)}: ${issue.path.join('.')}: ${cliText(issueProblem(issue.message))}`,
      EXIT.input,
    );
  }
  return parsed.data;
}

/** The network, and the programme a project was saved with (its catalogue's newest version), if any. */
async function networkOf(options: ProgrammeOptions, sources: ProgrammeSources) {
  if (options.project) {
    const project = await sources.readProject(options.project);
    const features = project.layers
      .filter(({ layer }) => layer.kind === 'road' || layer.kind === 'bridge')
      .flatMap(({ features: layerFeatures }) => layerFeatures);
    if (!features.some((feature) => feature.properties.kind === 'road'))
      throw new CliError(problem('cli.project.noRoadLayer', { file: basename(options.project) }), EXIT.input);
    const programme = project.records.workProgrammes[0] ?? null;
    const versions = project.records.handlingCatalogues
      .map((record) => record.catalogue)
      .filter((catalogue) => catalogue.id === programme?.catalogueId)
      .sort((a, b) => b.version - a.version);
    return { features, programme, catalogue: versions[0] ?? null };
  }
  if (!options.roads)
    throw new CliError(problem('cli.programme.projectOrRoads', { usage: usageText(PROGRAMME_USAGE) }), EXIT.usage);
  const roads = mapped(await sources.readFeatures(options.roads), options.roads, 'road');
  const bridges = options.bridges ? mapped(await sources.readFeatures(options.bridges), options.bridges, 'bridge') : [];
  return { features: [...roads, ...bridges], programme: null, catalogue: null };
}

const words = (code: string) => code.replace(/_/g, ' ');

/**
 * The workbook: the ranked list, the regencies and the province, and what the figures rest on. Its columns are
 * Indonesian whatever --lang says, so a spreadsheet or a script reading it finds the same names on every run.
 */
function workbookSheets(plan: ProgrammePlan, year: number, budgetIdr: number, catalogue: HandlingCatalogue) {
  const [regencyHeader = [], ...regencyRows] = programmeRegencyRows(plan, {
    header: [
      'Kabupaten/kota',
      'Biaya (Rp)',
      'Jalan (km)',
      'Jembatan (m)',
      'Kemantapan sebelum (%)',
      'Kemantapan sesudah (%)',
    ],
    province: 'Provinsi',
  });
  return [
    {
      name: `Program ${year}`,
      header: [
        'Peringkat',
        'Jenis',
        'ID',
        'Nama',
        'Kabupaten/kota',
        'Kondisi',
        'Penanganan',
        'Panjang (m)',
        'Harga satuan (Rp)',
        'Biaya (Rp)',
        'Terprogram',
      ],
      rows: plan.items.map((item) => [
        item.rank,
        item.kind === 'road' ? 'ruas' : 'jembatan',
        item.featureId,
        item.name,
        regencyName(item.regencyCode),
        item.state === 'proposed' ? 'usulan (baru)' : words(item.state),
        words(item.handling),
        item.lengthM,
        item.unitCostIdr,
        item.costIdr,
        item.funded ? 'ya' : 'tidak',
      ]),
    },
    {
      name: 'Per kabupaten',
      header: regencyHeader.map(String),
      rows: regencyRows.map((cells) => cells.map((cell) => cell ?? null)),
    },
    {
      name: 'Keterangan',
      header: ['Keterangan', 'Isi'],
      rows: [
        ['Instansi', 'Dinas PUPR Provinsi Nusa Tenggara Timur'],
        ['Tahun', year],
        ['Plafon (Rp)', budgetIdr],
        ['Aturan & harga satuan', `${catalogue.name} (versi ${catalogue.version})`],
        ['Sumber harga', catalogue.reference],
        ['Harga satuan', catalogue.example ? 'CONTOH — bukan harga resmi' : 'resmi'],
      ],
    },
  ];
}

/** rumija programme: fills the budget by priority and writes the programme as Excel or JSON. */
export async function runProgramme(
  argv: string[],
  out: (line: string) => void,
  err: (line: string) => void,
  sources: ProgrammeSources,
): Promise<number> {
  const usage = usageText(PROGRAMME_USAGE);
  const options = optionsOf(argv, PROGRAMME_OPTIONS, usage);
  if (options.project && (options.roads || options.bridges))
    throw new CliError(problem('cli.programme.notBoth', { usage }), EXIT.usage);
  if (!options.out) throw requiredError('--out', usage);
  const format = extname(options.out).toLowerCase();
  if (format !== '.xlsx' && format !== '.json')
    throw new CliError(problem('cli.badOutWorkbook', { out: options.out }), EXIT.usage);
  const budgetIdr = budgetOf(options.budget);
  const year = options.year === undefined ? null : Number(options.year);
  if (year !== null && !(Number.isInteger(year) && year >= 2000 && year <= 2100))
    throw new CliError(problem('cli.programme.badYear', { value: options.year! }), EXIT.usage);
  const askedStatuses = statusesOf(options.statuses);

  const network = await networkOf(options, sources);
  const catalogue = options.catalogue
    ? await catalogueOf(options.catalogue, sources)
    : (network.catalogue ?? EXAMPLE_HANDLING_CATALOGUE);
  const statuses = askedStatuses ?? network.programme?.statuses ?? ['provinsi'];
  const programmeYear = year ?? network.programme?.year ?? new Date().getFullYear() + 1;
  if (catalogue.example) err(warningText(problem('cli.programme.exampleCosts')));

  const started = performance.now();
  const plan = planProgramme(network.features, catalogue, statuses, budgetIdr);
  const seconds = (performance.now() - started) / 1000;

  try {
    if (format === '.json') {
      const { items, regencies, before, after, ...totals } = plan;
      const json = JSON.stringify(
        {
          year: programmeYear,
          budgetIdr,
          statuses,
          catalogue: { id: catalogue.id, name: catalogue.name, version: catalogue.version, example: catalogue.example },
          ...totals,
          kemantapanBeforePct: before.total.kemantapanPct,
          kemantapanAfterPct: after.total.kemantapanPct,
          regencies,
          items,
        },
        null,
        2,
      );
      await writeFileAtomic(options.out, json);
    } else {
      const sheets = workbookSheets(plan, programmeYear, budgetIdr, catalogue);
      await writeFileAtomic(options.out, await writeWorkbook(sheets));
    }
  } catch (error) {
    throw new CliError(problem('cli.cannotWrite', { path: options.out, reason: failureOf(error) }), EXIT.output);
  }

  const roads = plan.items.filter((item) => item.kind === 'road').length;
  const say = (code: string, values: Record<string, ProblemValue>, indent = '') =>
    out(`${indent}${cliText(problem(code, values))}`);
  // Lengths and percentages keep one decimal ("285,0 m"), as the Program tab shows them.
  const language = cliLanguage();
  const oneDecimal = (value: number) => formatNumber(value, language, 1);
  const rupiah = (amount: number) => ({ amount: cliRupiah(amount), short: cliRupiahShort(amount) });
  say('cli.programme.heading', {
    year: String(programmeYear),
    statuses: statuses.join(', '),
    catalogue: catalogue.name,
    version: String(catalogue.version),
    seconds: secondsText(seconds),
  });
  say('cli.programme.ceiling', rupiah(budgetIdr));
  say('cli.programme.funded', rupiah(plan.fundedIdr));
  say('cli.programme.remaining', { amount: cliRupiah(plan.remainingIdr) });
  say('cli.programme.needed', rupiah(plan.neededIdr));
  say('cli.programme.candidates', {
    funded: plan.fundedCount,
    total: plan.items.length,
    roads,
    bridges: plan.items.length - roads,
  });
  say('cli.programme.roadsHandled', { km: oneDecimal(plan.fundedRoadM / 1000) });
  say('cli.programme.bridgesHandled', { m: oneDecimal(plan.fundedBridgeM) });
  say('cli.programme.roadsNotReached', { km: oneDecimal(plan.unfundedRoadM / 1000) });
  say('cli.programme.kemantapan', {
    before: formatPercent(plan.before.total.kemantapanPct, language),
    after: formatPercent(plan.after.total.kemantapanPct, language),
  });
  const { noCondition, noHandling, noPrice } = plan.skipped;
  if (noCondition) say('cli.programme.noCondition', { features: noCondition }, '  ');
  if (noHandling) say('cli.programme.noHandling', { features: noHandling }, '  ');
  if (noPrice) say('cli.programme.noPrice', { features: noPrice }, '  ');
  say('cli.programme.written', { path: options.out });
  return EXIT.ok;
}
