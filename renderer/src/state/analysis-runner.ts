import { estimateRetribution } from '#shared/tariff/estimate-retribution';
import { analysisWarnings } from '#shared/analysis/analysis-warnings';
import { runEncroachment } from '../workers/run-encroachment';
import { inputSignature } from '#shared/analysis/input-signature';
import { analysisInputs } from '#shared/analysis/analysis-inputs';
import { IDLE_ANALYSIS, type AnalysisOptions, type SnapshotHandle } from './app-snapshot';

/** The encroachment analysis and the retribution estimate of what is on the map. */
export class AnalysisRunner {
  constructor(private readonly state: SnapshotHandle) {}

  /**
   * Encroachment of every visible utility asset against the visible roads (or one corridor's
   * segments), in a worker, then the retribution estimate with the chosen schedule.
   */
  async run(options: AnalysisOptions) {
    const schedule = this.state.get().tariffs.find((candidate) => candidate.id === options.scheduleId);
    if (!schedule) throw new Error(`Jadwal tarif tidak ditemukan / tariff schedule not found: ${options.scheduleId}`);
    const { layers, featuresByLayer } = this.state.get();
    const { roads, corridors, assets } = analysisInputs(layers, featuresByLayer, options.corridorId);
    const signature = inputSignature([roads, corridors, assets]);
    this.state.set({ analysis: { ...this.state.get().analysis, status: 'running', error: null, options } });
    const started = performance.now();
    try {
      const results = await runEncroachment(roads, corridors, assets);
      const estimate = estimateRetribution(results, assets, schedule, options);
      const warnings = analysisWarnings({ roadCount: roads.length, assets, estimate });
      this.state.set({
        analysis: {
          status: 'done',
          error: null,
          options,
          assets,
          results,
          estimate,
          warnings,
          resultByAsset: new Map(results.map((result) => [result.assetId, result])),
          inputSignature: signature,
          seconds: (performance.now() - started) / 1000,
        },
      });
    } catch (error) {
      this.state.set({
        analysis: {
          ...IDLE_ANALYSIS,
          status: 'error',
          error: error instanceof Error ? error.message : String(error),
          options,
        },
      });
    }
  }
}
