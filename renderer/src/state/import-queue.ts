import { applyMapping, type FieldLabel, type FieldMapping } from '#shared/io/map-fields';
import type { ReadOptions } from '#shared/io/import-file';
import { groupImportFiles } from '#shared/io/group-import-files';
import { cancelImportInWorker, isImportCancelled, prepareImportInWorker } from '../workers/run-import';
import type { ImportOutcome, PendingImport, SnapshotHandle } from './app-snapshot';
import type { Document } from './document';
import type { RoadLookup } from '#shared/io/place-by-sta';
import type { StoredFeature } from '#shared/model/layer';
import { ruasPaths } from '#shared/geo/ruas-reference';
import { problem, problemOf, type Problem } from '#shared/messages/problem';

const NO_PENDING_IMPORT = problem('import.noPending');

/** Files being read in a worker, then waiting in the preview for the user's mapping, then stored as layers. */
export class ImportQueue {
  constructor(
    private readonly state: SnapshotHandle,
    private readonly document: Document,
  ) {}

  /**
   * Reads and checks files in a worker. Files that fail give an outcome naming the problem; the
   * others wait in `pendingImports` for the user to confirm them in the preview.
   */
  async prepare(files: { name: string; bytes: Uint8Array }[]): Promise<ImportOutcome[]> {
    const { inputs, problems } = groupImportFiles(files);
    const outcomes: ImportOutcome[] = problems.map((problem) => ({ ...problem, ok: false as const }));
    const pending: PendingImport[] = [];
    for (const file of inputs) {
      const order = Math.max(0, ...this.state.get().layers.map((layer) => layer.order)) + 1 + pending.length;
      const layerId = `import-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      this.state.set({ importing: { file: file.name, progress: null } });
      try {
        const started = performance.now();
        const prepared = await prepareImportInWorker(
          file,
          layerId,
          order,
          {},
          (progress) => this.state.set({ importing: { file: file.name, progress } }),
          this.roadLookup,
        );
        performance.measure('rumija:read-file', { start: started });
        if (prepared.ok) pending.push({ prepared: prepared.value, file, options: {} });
        else outcomes.push({ fileName: file.name, ok: false, error: prepared.error });
      } catch (error) {
        // The reader itself failed (not the file), or the user cancelled: say so; after a cancel, read no more.
        outcomes.push({
          fileName: file.name,
          ok: false,
          error: problem('file.failed', { file: file.name, problem: problemOf(error) }),
        });
        if (isImportCancelled(error)) break;
      }
    }
    this.state.set({ importing: null, pendingImports: [...this.state.get().pendingImports, ...pending] });
    return outcomes;
  }

  /** The paths of the ruas a table names, for placing its rows by STA (asked by the reader only when it needs them). */
  private readonly roadLookup: RoadLookup = async (ruasNumbers) => {
    const wanted = new Set(ruasNumbers.map((ruas) => ruas.toUpperCase()));
    const byRuas = new Map<string, StoredFeature[]>();
    for (const features of this.state.get().featuresByLayer.values())
      for (const feature of features) {
        const ruas = feature.properties.kind === 'road' ? String(feature.properties.ruasNumber ?? '') : '';
        if (!ruas || !wanted.has(ruas.toUpperCase())) continue;
        const group = byRuas.get(ruas);
        if (group) group.push(feature);
        else byRuas.set(ruas, [feature]);
      }
    return Object.fromEntries([...byRuas].map(([ruas, features]) => [ruas, ruasPaths(features, ruas)]));
  };

  /** The mapping last used for files with these attribute names, if any. */
  async rememberedMapping(signature: string): Promise<FieldMapping | null> {
    return ((await this.state.db.meta.get(`import-mapping:${signature}`))?.value as FieldMapping | undefined) ?? null;
  }

  /** Stores the first pending import with the chosen mapping (all or nothing) and remembers the mapping. */
  async confirm(mapping: FieldMapping, signature: string, labelOf?: FieldLabel): Promise<ImportOutcome> {
    const [first, ...rest] = this.state.get().pendingImports;
    if (!first) return { fileName: '', ok: false, error: NO_PENDING_IMPORT };
    const { prepared, file } = first;
    const fileName = file.name;
    const started = performance.now();
    if (prepared.crsChoice === 'required')
      return {
        fileName,
        ok: false,
        error: problem('import.chooseCrsFirst', { file: fileName }),
      };
    const mapped = applyMapping(prepared.layer, prepared.features, mapping, fileName, labelOf);
    performance.measure('rumija:map-fields', { start: started });
    if (!mapped.ok) return { fileName, ok: false, error: mapped.error };
    try {
      await this.document.addLayer(mapped.value.layer, mapped.value.features);
    } catch (error) {
      return { fileName, ok: false, error: problem('file.failed', { file: fileName, problem: problemOf(error) }) };
    }
    await this.state.db.meta.put({ key: `import-mapping:${signature}`, value: mapping });
    this.state.set({ pendingImports: rest });
    return {
      fileName,
      ok: true,
      layerId: prepared.layer.id,
      count: mapped.value.features.length,
      repairs: prepared.repairs.length,
      skipped: prepared.skipped.length,
      notes: { skipped: prepared.skipped, repairs: prepared.repairs },
      unplaced: prepared.unplaced.length,
      extraFields: mapped.value.extraFields.length,
      crs: prepared.crs,
    };
  }

  /** Reads the first pending file again with the coordinate system the user chose. */
  async reprepare(options: ReadOptions): Promise<Problem | null> {
    const [first, ...rest] = this.state.get().pendingImports;
    if (!first) return NO_PENDING_IMPORT;
    const { layer } = first.prepared;
    const file = first.file.name;
    let prepared: Awaited<ReturnType<typeof prepareImportInWorker>>;
    // The progress bar (with its stop button) shows while the file is read again, as on the first read:
    // otherwise a slow or stuck reread left the preview waiting with nothing to say or to stop.
    this.state.set({ importing: { file, progress: null } });
    try {
      prepared = await prepareImportInWorker(
        first.file,
        layer.id,
        layer.order,
        options,
        (progress) => this.state.set({ importing: { file, progress } }),
        this.roadLookup,
      );
    } catch (error) {
      return problem('file.failed', { file, problem: problemOf(error) });
    } finally {
      this.state.set({ importing: null });
    }
    if (!prepared.ok) return prepared.error;
    this.state.set({ pendingImports: [{ ...first, prepared: prepared.value, options }, ...rest] });
    return null;
  }

  /** Stops reading the file now; nothing was stored, so nothing is left behind. */
  stopReading() {
    cancelImportInWorker();
  }

  cancel() {
    this.state.set({ pendingImports: this.state.get().pendingImports.slice(1) });
  }
}
