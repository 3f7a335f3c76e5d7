import type { SaveFileRequest } from '#shared/host/host-api';
import { messageOf } from '#shared/format/message-of';
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
    return result.error ? { kind: 'failed', message: result.error } : { kind: 'cancelled' };
  } catch (error) {
    return { kind: 'failed', message: `Tidak tersimpan / not saved: ${suggestedName}: ${messageOf(error)}` };
  }
}
