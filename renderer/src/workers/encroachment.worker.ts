import { expose } from 'comlink';
import { analyzeChunks } from '#shared/analysis/analyze-chunks';

/** Runs the encroachment analysis off the UI thread, on the layers' compact chunks (typed arrays, not object trees). */
const api = { analyze: analyzeChunks };

export type EncroachmentWorkerApi = typeof api;
expose(api);
