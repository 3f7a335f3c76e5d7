/**
 * rumija notices: the SKRD notices of a period as the Retribusi tab makes them (create-notices-pdf for one file,
 * create-notice-files for one per obligor, in a zip or a folder).
 */
import { mkdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { ParseArgsOptionsConfig } from 'node:util';
import { createNoticeFiles, zipNoticeFiles } from '#shared/retribution/create-notice-files';
import { createNoticesPdf } from '#shared/retribution/create-notices-pdf';
import { assessmentsInForce } from '#shared/retribution/sum-period-totals';
import { writeFileAtomic } from '../main/atomic-write';
import {
  CliError,
  cliText,
  EXIT,
  optionsOf,
  requiredError,
  secondsText,
  usageText,
  cliRupiah,
  cliRupiahShort,
} from './cli-error';
import { problem } from '#shared/messages/problem';
import {
  outputError,
  periodsNamed,
  programmesOfCorridor,
  readNoticeFonts,
  settingsOf,
  type RetributionSources,
} from './cli-retribution-project';

export const NOTICES_USAGE = problem('cli.usage.notices');

const NOTICES_OPTIONS = {
  project: { type: 'string' },
  period: { type: 'string' },
  corridor: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

/** rumija notices: writes the notices of a period's assessments in force (issued, and drafts the project keeps). */
export async function runNotices(
  argv: string[],
  out: (line: string) => void,
  sources: RetributionSources,
): Promise<number> {
  const usage = usageText(NOTICES_USAGE);
  const options = optionsOf(argv, NOTICES_OPTIONS, usage);
  for (const required of ['project', 'period', 'out'] as const)
    if (!options[required]) throw requiredError(`--${required}`, usage);
  const file = basename(options.project!);
  const target = options.out!;
  const format = extname(target).toLowerCase();
  const isFolder = format !== '.pdf' && format !== '.zip';
  if (isFolder && format !== '') {
    throw new CliError(problem('cli.notices.badOut', { target }), EXIT.usage);
  }

  const contents = await sources.readProject(options.project!);
  const programmes = options.corridor
    ? programmesOfCorridor(contents, options.corridor, file)
    : contents.records.programmes;
  const named = periodsNamed(programmes, options.period!, file);
  const labelOf = new Map(named.map(({ programme, period }) => [`${programme.id}/${period.id}`, period.label]));
  const notices = assessmentsInForce(
    contents.records.assessments.filter((a) => labelOf.has(`${a.programmeId}/${a.periodId}`)),
  );
  if (notices.length === 0)
    throw new CliError(problem('cli.notices.noAssessments', { file, period: options.period! }), EXIT.input);
  const settings = settingsOf(contents);
  const fonts = await readNoticeFonts();
  const periodLabel = (a: (typeof notices)[number]) => labelOf.get(`${a.programmeId}/${a.periodId}`) ?? a.periodId;

  const started = performance.now();
  let files = 1;
  let bytes = 0;
  try {
    if (format === '.pdf') {
      const data = createNoticesPdf(notices, settings, fonts, { periodLabel });
      bytes = data.byteLength;
      await writeFileAtomic(target, data);
    } else {
      const made = createNoticeFiles(notices, settings, fonts, { periodLabel, draftWord: 'draf' });
      files = made.length;
      bytes = made.reduce((sum, notice) => sum + notice.data.byteLength, 0);
      if (format === '.zip') await writeFileAtomic(target, zipNoticeFiles(made));
      else {
        await mkdir(target, { recursive: true });
        for (const notice of made) await writeFileAtomic(join(target, notice.name), notice.data);
      }
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw outputError(target, error);
  }
  const seconds = (performance.now() - started) / 1000;
  const total = notices.reduce((sum, a) => sum + a.totalIdr, 0);
  const drafts = notices.filter((a) => a.status === 'draft').length;
  out(
    cliText(
      problem('cli.notices.written', {
        notices: notices.length,
        drafts,
        files,
        kilobytes: Math.round(bytes / files / 1024),
        seconds: secondsText(seconds),
      }),
    ),
  );
  out(cliText(problem('cli.total', { total: cliRupiah(total), short: cliRupiahShort(total) })));
  out(cliText(problem(isFolder ? 'cli.notices.writtenToFolder' : 'cli.notices.writtenTo', { target })));
  return EXIT.ok;
}
