import './problem-transfer';
import { expose, transfer } from 'comlink';
import { analyzeChunks } from '#shared/analysis/analyze-chunks';
import { resultColumnBuffers, toResultColumns } from '#shared/analysis/result-columns';

/**
 * Runs the encroachment analysis off the UI thread, on the layers' compact chunks (typed arrays, not object trees);
 * the results go back as columns, handed over rather than cloned.
 */
const api = {
  analyze(...input: Parameters<typeof analyzeChunks>) {
    const { results, totals } = analyzeChunks(...input);
    const columns = toResultColumns(results);
    return transfer({ columns, totals }, resultColumnBuffers(columns));
  },
};

export type EncroachmentWorkerApi = typeof api;
expose(api);
