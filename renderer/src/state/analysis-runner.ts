import { estimateRetribution } from '#shared/tariff/estimate-retribution';
import { analysisWarnings } from '#shared/analysis/analysis-warnings';
import { runEncroachment } from '../workers/run-encroachment';
import { inputSignature } from '#shared/analysis/input-signature';
import { IDLE_ANALYSIS, type AnalysisOptions, type SnapshotHandle } from './app-snapshot';
import type { Document } from './document';

/** The encroachment analysis and the retribution estimate of what is on the map. */
export class AnalysisRunner {
  constructor(
    private readonly state: SnapshotHandle,
    private readonly document: Document,
  ) {}

  /** What an analysis with these options reads: the visible roads (or the corridor's), corridors and assets. */
  inputs(options: Pick<AnalysisOptions, 'corridorId'>) {
    const corridors = this.document.visibleFeatures('corridor');
    let roads = this.document.visibleFeatures('road');
    if (options.corridorId) {
      const corridor = corridors.find((candidate) => candidate.id === options.corridorId);
      const ids = new Set((corridor?.properties.segmentIds as string[] | undefined) ?? []);
      roads = roads.filter((road) => ids.has(road.id));
    }
    return { roads, corridors, assets: this.document.visibleFeatures('asset') };
  }

  /** The fingerprint of what a run with these options would read now, to tell whether a result is current. */
  currentSignature(options: Pick<AnalysisOptions, 'corridorId'>): string {
    const { roads, corridors, assets } = this.inputs(options);
    return inputSignature([roads, corridors, assets]);
  }

  /**
   * Encroachment of every visible utility asset against the visible roads (or one corridor's
   * segments), in a worker, then the retribution estimate with the chosen schedule.
   */
  async run(options: AnalysisOptions) {
    const schedule = this.state.get().tariffs.find((candidate) => candidate.id === options.scheduleId);
    if (!schedule) throw new Error(`Jadwal tarif tidak ditemukan / tariff schedule not found: ${options.scheduleId}`);
    const { roads, corridors, assets } = this.inputs(options);
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
