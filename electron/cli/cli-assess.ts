/**
 * rumija assess: the assessments (SKRD) of a corridor and period from a project, on the same shared code as the
 * Retribusi tab (analysis of the corridor's roads, assess-corridor with the period's tariff version, issue-assessments),
 * written as Excel or JSON; with --issue the drafts are issued and the project written back.
 */
import { unlink } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { ParseArgsOptionsConfig } from 'node:util';
import { analysisInputs } from '#shared/analysis/analysis-inputs';
import { analyzeAssets, createRoadIndex } from '#shared/analysis/encroachment';
import { formatSta } from '#shared/format/format-number';
import type { ExportCell } from '#shared/io/export-table';
import { writeWorkbook, type WorkbookSheet } from '#shared/io/write-xlsx';
import type { StoredFeature } from '#shared/model/layer';
import type { ProjectContents } from '#shared/project/project-format';
import { assessCorridor } from '#shared/retribution/assess-corridor';
import type { Assessment } from '#shared/retribution/assessment';
import { createAssessmentRecap, INDONESIAN_RECAP_WORDS } from '#shared/retribution/create-assessment-recap';
import { issueAssessments } from '#shared/retribution/issue-assessments';
import type { Programme } from '#shared/retribution/programme';
import { assessmentsInForce } from '#shared/retribution/sum-period-totals';
import { EXAMPLE_TARIFF_SCHEDULE, type TariffSchedule } from '#shared/tariff/tariff-schedule';
import { writeFileAtomic } from '../main/atomic-write';
import {
  CliError,
  cliText,
  EXIT,
  optionsOf,
  requiredError,
  secondsText,
  usageText,
  warningText,
  cliRupiah,
  cliRupiahShort,
} from './cli-error';
import { problem, type ProblemValue } from '#shared/messages/problem';
import {
  corridorNameOf,
  outputError,
  periodsNamed,
  programmesOfCorridor,
  settingsOf,
  projectBytes,
  writeProjectFile,
  type RetributionSources,
} from './cli-retribution-project';

export const ASSESS_USAGE = problem('cli.usage.assess');

const ASSESS_OPTIONS = {
  project: { type: 'string' },
  corridor: { type: 'string' },
  period: { type: 'string' },
  out: { type: 'string' },
  issue: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

const ZONE: Record<string, string> = { rumaja: 'RUMAJA', rumija: 'RUMIJA', ruwasja: 'RUWASJA', luar: 'luar' };
const UNIT: Record<string, string> = { unit: 'buah', m: 'm', m2: 'm²' };

/** The period's tariff version as the project saved it; the shipped example when the period names it. */
function tariffOf(contents: ProjectContents, period: Programme['periods'][number], file: string) {
  const saved = contents.tariffs.find((t) => t.id === period.tariffScheduleId && t.version === period.tariffVersion);
  if (saved) {
    const { savedAt: _savedAt, ...schedule } = saved;
    return schedule as TariffSchedule;
  }
  if (
    period.tariffScheduleId === EXAMPLE_TARIFF_SCHEDULE.id &&
    period.tariffVersion === EXAMPLE_TARIFF_SCHEDULE.version
  )
    return EXAMPLE_TARIFF_SCHEDULE;
  throw new CliError(
    problem('cli.assess.noTariffVersion', {
      file,
      period: period.label,
      schedule: period.tariffScheduleId,
      version: String(period.tariffVersion),
    }),
    EXIT.input,
  );
}

/** The analysis the Retribusi tab runs before assessing: every road, corridor and asset layer, the corridor's roads. */
function analyseCorridor(contents: ProjectContents, corridorId: string) {
  const layers = contents.layers.map(({ layer }) => ({ ...layer, visible: true }));
  const featuresByLayer = new Map<string, StoredFeature[]>(
    contents.layers.map(({ layer, features }) => [layer.id, features]),
  );
  const { roads, corridors, assets } = analysisInputs(layers, featuresByLayer, corridorId);
  return { roads, assets, results: analyzeAssets(createRoadIndex(roads, corridors), assets) };
}

/** One row per asset line: what the notice prints, so a finance officer can check each SKRD's total. */
function linesSheet(assessments: readonly Assessment[]): WorkbookSheet {
  const rows: ExportCell[][] = assessments.flatMap((assessment) =>
    assessment.lines.map((line) => [
      assessment.number ?? '',
      assessment.obligor.name,
      line.assetId,
      line.category,
      line.ruasNumber,
      line.staM === null ? null : formatSta(line.staM),
      ZONE[line.zone] ?? line.zone,
      line.quantity,
      UNIT[line.unit] ?? line.unit,
      line.ratePerYearIdr,
      assessment.months,
      line.amountIdr,
    ]),
  );
  return {
    name: 'Baris aset',
    header: [
      'Nomor SKRD',
      'Wajib retribusi',
      'Aset',
      'Kategori',
      'Ruas',
      'STA',
      'Zona',
      'Volume',
      'Satuan',
      'Tarif per tahun (Rp)',
      'Bulan',
      'Jumlah (Rp)',
    ],
    rows,
  };
}

/** rumija assess: drafts (and with --issue issues) the SKRDs of a corridor and period. */
export async function runAssess(
  argv: string[],
  out: (line: string) => void,
  err: (line: string) => void,
  sources: RetributionSources,
): Promise<number> {
  const usage = usageText(ASSESS_USAGE);
  const options = optionsOf(argv, ASSESS_OPTIONS, usage);
  for (const required of ['project', 'corridor', 'period', 'out'] as const)
    if (!options[required]) throw requiredError(`--${required}`, usage);
  const format = extname(options.out!).toLowerCase();
  if (format !== '.xlsx' && format !== '.json')
    throw new CliError(problem('cli.badOutWorkbook', { out: options.out! }), EXIT.usage);
  const file = basename(options.project!);

  const contents = await sources.readProject(options.project!);
  const named = periodsNamed(programmesOfCorridor(contents, options.corridor!, file), options.period!, file);
  if (named.length > 1)
    throw new CliError(
      problem('cli.assess.ambiguousPeriod', {
        file,
        period: options.period!,
        programmes: named.map(({ programme }) => programme.id).join(', '),
      }),
      EXIT.input,
    );
  const { programme, period } = named[0]!;
  const schedule = tariffOf(contents, period, file);
  const settings = settingsOf(contents);
  const stored = contents.records.assessments.filter((a) => a.programmeId === programme.id && a.periodId === period.id);
  const issuedBefore = stored.filter((a) => a.status !== 'draft');
  if (options.issue && issuedBefore.length > 0) {
    const numbers = issuedBefore.map((a) => a.number!).sort();
    throw new CliError(
      problem('cli.assess.alreadyIssued', {
        file,
        period: period.label,
        periodId: period.id,
        corridor: corridorNameOf(contents, programme.corridorId) ?? programme.corridorId,
        issued: issuedBefore.length,
        first: numbers[0]!,
        last: numbers.at(-1)!,
      }),
      EXIT.input,
    );
  }

  if (schedule.example) err(warningText(problem('cli.assess.exampleTariff')));

  const started = performance.now();
  const { assets, results } = analyseCorridor(contents, programme.corridorId);
  const now = new Date().toISOString();
  const assessed = assessCorridor({
    results,
    assets,
    schedule,
    programme,
    periodId: period.id,
    obligors: contents.records.obligors,
    createdAt: now,
  });
  if ('code' in assessed) throw new CliError(`${file}: ${assessed.code}: ${JSON.stringify(assessed)}`, EXIT.input);
  // As in the tab: an obligor already issued an SKRD for the period keeps it; a correction is a revision.
  const issuedIds = new Set(issuedBefore.filter((a) => a.revision === 0).map((a) => a.id));
  let drafts = assessed.drafts.filter((draft) => !issuedIds.has(draft.id));
  const seconds = (performance.now() - started) / 1000;

  let records = contents.records;
  if (options.issue) {
    if (drafts.length === 0)
      throw new CliError(
        problem('cli.assess.nothingToIssue', {
          file,
          period: period.label,
          unlinked: assessed.unlinkedAssetIds.length,
        }),
        EXIT.input,
      );
    const issued = issueAssessments(drafts, new Map(), settings, now);
    if ('problems' in issued)
      throw new CliError(
        problem('cli.assess.numberPattern', {
          file,
          pattern: settings.numberPattern,
          problems: issued.problems.map((p) => p.code).join(', '),
        }),
        EXIT.input,
      );
    drafts = issued.issued;
    // The period's earlier drafts give way to what is issued now, as saving drafts does in the app.
    const keep = contents.records.assessments.filter(
      (a) => !(a.programmeId === programme.id && a.periodId === period.id && a.status === 'draft' && !a.replacesId),
    );
    records = {
      ...contents.records,
      assessments: [...keep, ...drafts],
      retributionSettings: [issued.settings],
    };
  }
  const assessments = assessmentsInForce([...issuedBefore, ...drafts]);
  const total = assessments.reduce((sum, a) => sum + a.totalIdr, 0);

  let data: Uint8Array | string;
  if (format === '.json') {
    data = JSON.stringify(
      {
        project: file,
        programme: { id: programme.id, name: programme.name, corridorId: programme.corridorId },
        corridor: corridorNameOf(contents, programme.corridorId),
        period,
        tariff: { id: schedule.id, version: schedule.version, example: schedule.example },
        totalIdr: total,
        assessments,
        unlinkedAssetIds: assessed.unlinkedAssetIds,
        untariffedAssetIds: assessed.untariffedAssetIds,
      },
      null,
      2,
    );
  } else {
    const recap = createAssessmentRecap(
      assessments,
      contents.records.payments,
      contents.records.programmes,
      (id) => corridorNameOf(contents, id),
      INDONESIAN_RECAP_WORDS,
    );
    data = await writeWorkbook([...recap, linesSheet(assessments)]);
  }
  // The project is made before anything is written; if it then cannot be saved, the report of numbers that were
  // never issued is taken away again.
  const project = options.issue ? await projectBytes({ ...contents, records }, now) : null;
  try {
    await writeFileAtomic(options.out!, data);
  } catch (error) {
    throw outputError(options.out!, error);
  }
  if (project)
    await writeProjectFile(options.project!, project).catch(async (error: unknown) => {
      await unlink(options.out!).catch(() => undefined);
      throw error;
    });

  const draftCount = assessments.filter((a) => a.status === 'draft').length;
  const say = (code: string, values: Record<string, ProblemValue>) => out(cliText(problem(code, values)));
  say('cli.assess.heading', {
    programme: programme.name,
    period: period.label,
    schedule: schedule.name,
    version: String(schedule.version),
    seconds: secondsText(seconds),
  });
  say('cli.assess.counts', {
    skrd: assessments.length,
    issued: assessments.length - draftCount,
    drafts: draftCount,
    lines: assessments.reduce((sum, a) => sum + a.lines.length, 0),
  });
  say('cli.total', { total: cliRupiah(total), short: cliRupiahShort(total) });
  if (options.issue && drafts.length)
    say('cli.assess.issued', { issued: drafts.length, first: drafts[0]!.number!, last: drafts.at(-1)!.number! });
  if (issuedBefore.length && !options.issue)
    out(`  ${cliText(problem('cli.assess.unchanged', { issued: issuedBefore.length }))}`);
  if (assessed.unlinkedAssetIds.length)
    err(
      warningText(
        problem('cli.assess.unlinked', {
          count: assessed.unlinkedAssetIds.length,
          ids: `${assessed.unlinkedAssetIds.slice(0, 5).join(', ')}${assessed.unlinkedAssetIds.length > 5 ? ', …' : ''}`,
        }),
      ),
    );
  if (assessed.untariffedAssetIds.length)
    err(
      warningText(
        problem('cli.assess.untariffed', {
          count: assessed.untariffedAssetIds.length,
          ids: assessed.untariffedAssetIds.slice(0, 5).join(', '),
        }),
      ),
    );
  say(options.issue ? 'cli.assess.writtenWithProject' : 'cli.assess.written', {
    out: options.out!,
    project: options.project!,
  });
  return EXIT.ok;
}
