import { expose, transfer } from 'comlink';
import { formatById } from '#shared/io/formats/registry';
import type { ExportOutput, FormatId } from '#shared/io/formats/file-format';
import type { CsvLayout } from '#shared/io/export-layer';
import { columnsOfSpec, type ExportColumnSpec } from '#shared/io/export-column-spec';
import { unpackFeatures, type PackedFeatures } from '#shared/model/packed-features';

export interface WorkerExportOptions {
  name: string;
  columns: ExportColumnSpec | null;
  csv?: CsvLayout;
  styleBy?: 'status' | 'condition';
  zones?: Readonly<Record<string, string>>;
}

const sent = (output: ExportOutput) =>
  typeof output.data === 'string' ? output : transfer(output, [output.data.buffer]);

/** Writes export files off the page: 200 000 features take seconds in any format, and the map must not freeze. */
const api = {
  async writeLayer(formatId: FormatId, packed: PackedFeatures, options: WorkerExportOptions): Promise<ExportOutput> {
    const format = formatById(formatId);
    if (!format.write) throw new Error(`${format.label}: tidak dapat ditulis / cannot be written`);
    return sent(await format.write(unpackFeatures(packed), { ...options, columns: columnsOfSpec(options.columns) }));
  },

  async writeProject(
    formatId: FormatId,
    layers: { name: string; styleBy: 'status' | 'condition'; packed: PackedFeatures }[],
    options: WorkerExportOptions,
  ): Promise<ExportOutput> {
    const format = formatById(formatId);
    if (!format.writeProject) throw new Error(`${format.label}: tidak dapat menulis proyek / cannot write a project`);
    const unpacked = layers.map((layer) => ({
      name: layer.name,
      styleBy: layer.styleBy,
      features: unpackFeatures(layer.packed),
    }));
    return sent(await format.writeProject(unpacked, { ...options, columns: columnsOfSpec(options.columns) }));
  },
};

export type ExportWorkerApi = typeof api;
expose(api);
