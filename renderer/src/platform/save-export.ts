import type { SaveFileRequest } from '#shared/host/host-api';
import i18next from 'i18next';
import { isProblem, problem, problemOf, type Problem } from '#shared/messages/problem';
import { problemText } from '../i18n/problem-text';
import { host } from './index';

export type SaveOutcome = { kind: 'saved'; name: string } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

/**
 * Builds a file and saves it through the host; always ends in an outcome, never in a rejection:
 * a build that throws, a refused request and a failed write each come back as a message naming the file.
 */
export async function saveExport(
  suggestedName: string,
  build: () => Omit<SaveFileRequest, 'suggestedName'> | Promise<Omit<SaveFileRequest, 'suggestedName'>>,
): Promise<SaveOutcome> {
  try {
    const result = await host.saveFile({ suggestedName, ...(await build()) });
    if (result.saved) return { kind: 'saved', name: result.name };
    return result.error ? { kind: 'failed', message: wordedNow(result.error) } : { kind: 'cancelled' };
  } catch (error) {
    return {
      kind: 'failed',
      message: wordedNow(problem('save.failed', { file: suggestedName, problem: problemOf(error) })),
    };
  }
}

/** A failure worded in the UI language of the moment (outcomes are shown once, right after the save). */
function wordedNow(message: Problem | string): string {
  return isProblem(message) ? problemText(message, i18next.t) : message;
}
