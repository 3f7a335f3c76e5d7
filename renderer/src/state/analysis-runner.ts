import { estimateRetribution } from '#shared/tariff/estimate-retribution';
import { analysisWarnings } from '#shared/analysis/analysis-warnings';
import { runEncroachment } from '../workers/run-encroachment';
import { rememberTotals, signatureOfLists } from '#shared/analysis/input-signature';
import { analysisInputs } from '#shared/analysis/analysis-inputs';
import type { CompactLayers } from './compact-layers';
import { IDLE_ANALYSIS, type AnalysisOptions, type SnapshotHandle } from './app-snapshot';
import { problemOf } from '#shared/messages/problem';

/** The encroachment analysis and the retribution estimate of what is on the map. */
export class AnalysisRunner {
  constructor(
    private readonly state: SnapshotHandle,
    private readonly compact: CompactLayers,
  ) {}

  /**
   * Encroachment of every visible utility asset against the visible roads (or one corridor's
   * segments), in a worker, then the retribution estimate with the chosen schedule.
   */
  async run(options: AnalysisOptions) {
    const schedule = this.state.get().tariffs.find((candidate) => candidate.id === options.scheduleId);
    if (!schedule) throw new Error(`Jadwal tarif tidak ditemukan / tariff schedule not found: ${options.scheduleId}`);
    const { layers, featuresByLayer } = this.state.get();
    const { roads, assets, layerIds, corridorRoads, groupLists } = analysisInputs(
      layers,
      featuresByLayer,
      options.corridorId,
    );
    this.state.set({ analysis: { ...this.state.get().analysis, status: 'running', error: null, options } });
    const started = performance.now();
    try {
      // The same features as the lists above, as the store keeps them compact: nothing is packed here.
      const snapshot = this.state.get();
      const chunksOf = (ids: readonly string[]) =>
        ids.map((layerId) => ({ layerId, chunks: this.compact.chunksOf(layerId, snapshot) }));
      const pending = runEncroachment(
        chunksOf(layerIds.roads),
        chunksOf(layerIds.corridors),
        chunksOf(layerIds.assets),
        corridorRoads,
      );
      // Benchmarks read these: the page's part before the worker has the data, then the worker's answer.
      performance.measure('rumija:analysis-send', { start: started });
      const { results: found, totals } = await pending;
      performance.measure('rumija:analysis-answer', { start: started });
      // The worker hashed what it read, layer by layer: the fingerprint of the input costs the page nothing.
      totals.forEach((perLayer, group) => {
        if (group === 0 && corridorRoads) return; // a corridor's roads: one list here, one per layer there
        perLayer.forEach((layerTotals, index) => rememberTotals(groupLists[group]![index]!, group, layerTotals));
      });
      const signature = signatureOfLists(groupLists);
      // Chunks keep features in their own order: the results are put in the order of `assets`, as reports expect.
      const resultByAsset = new Map(found.map((result) => [result.assetId, result]));
      const results = assets.map((asset) => {
        const result = resultByAsset.get(asset.id);
        if (!result) throw new Error(`Aset tanpa hasil / asset without a result: ${asset.id}`);
        return result;
      });
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
          resultByAsset,
          inputSignature: signature,
          finishedAt: new Date().toISOString(),
          seconds: (performance.now() - started) / 1000,
        },
      });
      performance.measure('rumija:analysis-shown', { start: started });
    } catch (error) {
      this.state.set({
        analysis: {
          ...IDLE_ANALYSIS,
          status: 'error',
          error: problemOf(error),
          options,
        },
      });
    }
  }
}
