import { zipSync } from 'fflate';
import type { PrintFonts } from '../print/print-pdf';
import type { Assessment } from './assessment';
import { createNoticesPdf } from './create-notices-pdf';
import type { RetributionSettings } from './retribution-settings';

/** A file name any file system takes: no path separators or reserved characters, at most 120 characters. */
const fileSafe = (text: string) =>
  text
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);

/**
 * One PDF per obligor (its notices in the order given), named by the first notice's number and the obligor, so
 * each can be sent to its obligor; names that would repeat are numbered.
 */
export function createNoticeFiles(
  assessments: readonly Assessment[],
  settings: RetributionSettings,
  fonts: PrintFonts,
  context: { periodLabel: (assessment: Assessment) => string; draftWord: string },
): { name: string; data: Uint8Array<ArrayBuffer> }[] {
  const byObligor = new Map<string, Assessment[]>();
  for (const assessment of assessments)
    byObligor.set(assessment.obligorId, [...(byObligor.get(assessment.obligorId) ?? []), assessment]);
  const used = new Set<string>();
  return [...byObligor.values()].map((notices) => {
    const first = notices[0]!;
    const base = fileSafe(`${first.number ?? context.draftWord} ${first.obligor.name}`);
    let name = `${base}.pdf`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} (${n}).pdf`;
    used.add(name.toLowerCase());
    return { name, data: createNoticesPdf(notices, settings, fonts, { periodLabel: context.periodLabel }) };
  });
}

/** The per-obligor PDFs in one zip (stored, not compressed: PDFs are compressed already). */
export function zipNoticeFiles(files: readonly { name: string; data: Uint8Array }[]): Uint8Array<ArrayBuffer> {
  return zipSync(Object.fromEntries(files.map((file) => [file.name, file.data])), {
    level: 0,
  }) as Uint8Array<ArrayBuffer>;
}
