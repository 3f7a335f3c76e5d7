/**
 * What `rumija assess`, `notices` and `payments import` share: the project's retribution register, a programme and
 * period named on the command line, and the project written back whole and atomically.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { PrintFonts } from '#shared/print/embed-fonts';
import type { ProjectContents } from '#shared/project/project-format';
import { writeProject } from '#shared/project/write-project';
import type { Programme } from '#shared/retribution/programme';
import { EXAMPLE_RETRIBUTION_SETTINGS, type RetributionSettings } from '#shared/retribution/retribution-settings';
import { writeFileAtomic } from '../main/atomic-write';
import { CliError, EXIT, failureOf } from './cli-error';
import { problem } from '#shared/messages/problem';

/** What the retribution commands need from the rest of the CLI: a project read and checked as `analyze` reads it. */
export interface RetributionSources {
  readProject: (path: string) => Promise<ProjectContents>;
}

/** The settings a project was saved with, or the shipped example (numbers, letterhead) until the office saves its own. */
export function settingsOf(contents: ProjectContents): RetributionSettings {
  return contents.records.retributionSettings[0] ?? EXAMPLE_RETRIBUTION_SETTINGS;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A corridor's name as its feature in the project carries it, else null. */
export function corridorNameOf(contents: ProjectContents, corridorId: string): string | null {
  for (const { layer, features } of contents.layers) {
    if (layer.kind !== 'corridor') continue;
    const feature = features.find((candidate) => candidate.id === corridorId);
    if (feature && typeof feature.properties.name === 'string') return feature.properties.name;
  }
  return null;
}

/** The programmes of a corridor named by its feature id, its name, or the programme's own id or name. */
export function programmesOfCorridor(contents: ProjectContents, corridor: string, file: string): Programme[] {
  const programmes = contents.records.programmes;
  const found = programmes.filter(
    (programme) =>
      same(programme.corridorId, corridor) ||
      same(programme.id, corridor) ||
      same(programme.name, corridor) ||
      same(corridorNameOf(contents, programme.corridorId) ?? '', corridor),
  );
  if (found.length === 0)
    throw new CliError(
      programmes.length
        ? problem('cli.retribution.noProgramme', {
            file,
            corridor,
            programmes: programmes
              .map((p) => `${corridorNameOf(contents, p.corridorId) ?? p.corridorId} [${p.corridorId}]`)
              .join('; '),
          })
        : problem('cli.retribution.noProgrammeAtAll', { file, corridor }),
      EXIT.input,
    );
  return found;
}

/** Every programme period named by id or label ("2026-s1", "Semester I 2026"), among the programmes given. */
export function periodsNamed(
  programmes: readonly Programme[],
  period: string,
  file: string,
): { programme: Programme; period: Programme['periods'][number] }[] {
  const found = programmes.flatMap((programme) =>
    programme.periods
      .filter((candidate) => same(candidate.id, period) || same(candidate.label, period))
      .map((candidate) => ({ programme, period: candidate })),
  );
  if (found.length === 0)
    throw new CliError(
      problem('cli.retribution.periodNotFound', {
        file,
        period,
        periods: [
          ...new Set(programmes.flatMap((p) => p.periods.map((candidate) => `${candidate.id} "${candidate.label}"`))),
        ].join(', '),
      }),
      EXIT.input,
    );
  return found;
}

/** The project as bytes again: the whole workspace as it was read, with the changed registers. */
export async function projectBytes(contents: ProjectContents, savedAt: string): Promise<Uint8Array> {
  const {
    formatVersion: _version,
    checksum: _checksum,
    ...kept
  } = contents as ProjectContents & {
    formatVersion?: number;
    checksum?: string;
  };
  return (await writeProject({ ...kept, savedAt })).bytes;
}

/**
 * The project written back over its file through a temporary file renamed over the old one, so a failure leaves
 * the old file as it was.
 */
export async function writeProjectFile(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(path, bytes);
  } catch (error) {
    throw new CliError(
      problem('cli.retribution.projectNotWritten', { file: basename(path), reason: failureOf(error) }),
      EXIT.output,
    );
  }
}

/** An output file that could not be written, as exit 4. */
export function outputError(path: string, error: unknown): CliError {
  return new CliError(problem('cli.cannotWrite', { path, reason: failureOf(error) }), EXIT.output);
}

/**
 * The Noto Sans the app ships, from resources/fonts: two folders up both from the TypeScript source (electron/cli)
 * and from the built command (out/cli).
 */
export async function readNoticeFonts(): Promise<PrintFonts> {
  const folder = resolve(__dirname, '../../resources/fonts');
  const [regular, bold] = await Promise.all(
    ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf'].map(
      async (name) => new Uint8Array(await readFile(resolve(folder, name))),
    ),
  );
  return { regular: regular!, bold: bold! };
}
