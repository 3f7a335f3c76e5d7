import type { ImportFile } from './formats/file-format';
import { problem, type Problem } from '../messages/problem';

export type ImportInput = ImportFile & { parts?: ImportFile[] };

const SIDECAR = /^(.*)\.(shx|dbf|prj|cpg)$/i;
const baseOf = (name: string) => name.replace(/\.[^.]+$/, '').toLowerCase();

/**
 * Files picked or dropped together, as the importer takes them: a .shp with the .dbf, .shx, .prj and
 * .cpg of the same name is one Shapefile. A part without its .shp is named, not silently ignored.
 */
export function groupImportFiles(files: readonly ImportFile[]): {
  inputs: ImportInput[];
  problems: { fileName: string; error: Problem }[];
} {
  const shapefiles = new Map(
    files.filter((file) => /\.shp$/i.test(file.name)).map((file) => [baseOf(file.name), file.name]),
  );
  const parts = new Map<string, ImportFile[]>();
  const problems: { fileName: string; error: Problem }[] = [];
  const inputs: ImportInput[] = [];
  for (const file of files) {
    const sidecar = SIDECAR.exec(file.name);
    if (!sidecar) {
      inputs.push(file);
      continue;
    }
    const shp = shapefiles.get(baseOf(file.name));
    if (shp) parts.set(shp, [...(parts.get(shp) ?? []), file]);
    else
      problems.push({
        fileName: file.name,
        error: problem('shp.lonePart', { file: file.name, name: sidecar[1]! }),
      });
  }
  // Reported once per missing .shp, not once per part.
  const seen = new Set<string>();
  return {
    inputs: inputs.map((input) => (parts.has(input.name) ? { ...input, parts: parts.get(input.name)! } : input)),
    problems: problems.filter((problem) => {
      const key = baseOf(problem.fileName);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  };
}
