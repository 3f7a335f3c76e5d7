/**
 * npm run mutation: a small mutation run over the pure core (shared/analysis, io, tariff, geo). Each mutant is
 * one deliberate slip a person could make; the unit tests of its folder must fail ("killed"). Prints the
 * mutants that survive and the score. Not part of npm test (about 3 minutes); the working tree is restored
 * after each mutant, also on Ctrl+C.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

interface Mutant {
  file: string;
  find: string;
  replace: string;
  /** The tests that should notice (a folder or file given to vitest). */
  tests: string;
  what: string;
}

const MUTANTS: Mutant[] = [
  // shared/analysis
  {
    file: 'shared/analysis/row-zones.ts',
    find: "if (offsetM <= widths.rumijaM) return 'rumija';",
    replace: "if (offsetM < widths.rumijaM) return 'rumija';",
    tests: 'shared/analysis',
    what: 'RUMIJA edge excluded',
  },
  {
    file: 'shared/analysis/row-zones.ts',
    find: 'const rumijaM = rumijaWidth / 2;',
    replace: 'const rumijaM = rumijaWidth;',
    tests: 'shared/analysis',
    what: 'full width used as half-width',
  },
  {
    file: 'shared/analysis/row-zones.ts',
    find: "if (offsetM <= widths.ruwasjaM) return 'ruwasja';",
    replace: "if (offsetM <= widths.rumijaM * 2) return 'ruwasja';",
    tests: 'shared/analysis',
    what: 'RUWASJA width guessed',
  },
  {
    file: 'shared/analysis/encroachment.ts',
    find: 'quantity: isInsideRumija(zone) ? 1 : 0,',
    replace: 'quantity: 1,',
    tests: 'shared/analysis',
    what: 'every pole counted',
  },
  {
    file: 'shared/analysis/encroachment.ts',
    find: 'isInsideRumija(pickSegment(index, nearestForPoints(candidates, [point])).zone)',
    replace: 'isInsideRumija(pickSegment(index, nearestForPoints(candidates, points)).zone)',
    tests: 'shared/analysis',
    what: 'a MultiPoint counted whole (every pole in the zone of the nearest one)',
  },
  {
    file: 'shared/analysis/encroachment.ts',
    find: 'chainage += lengthM;',
    replace: 'chainage += lengthM * 0.999;',
    tests: 'shared/analysis',
    what: 'STA drifts 0.1 %',
  },
  {
    file: 'shared/analysis/measurable-geometry.ts',
    find: 'if (units.size > 1) {',
    replace: 'if (units.size > 2) {',
    tests: 'shared/analysis',
    what: 'mixed GeometryCollection accepted',
  },
  // shared/geo
  {
    file: 'shared/geo/planar.ts',
    find: 'if (s > end) {',
    replace: 'if (s >= end - 1) {',
    tests: 'shared/analysis',
    what: 'overlapping intervals counted twice',
  },
  {
    file: 'shared/geo/geodesic.ts',
    find: 'return WGS84.Inverse(a[1]!, a[0]!, b[1]!, b[0]!, Geodesic.DISTANCE).s12 ?? 0;',
    replace: 'return (WGS84.Inverse(a[1]!, a[0]!, b[1]!, b[0]!, Geodesic.DISTANCE).s12 ?? 0) * 1.002;',
    tests: 'shared',
    what: 'lengths 0.2 % long',
  },
  {
    file: 'shared/geo/chainage.ts',
    find: 'return metres < 1000 ? Number(sta[1]) * 1000 + metres : null;',
    replace: "return metres < 1000 ? Number(sta[1]) * 1000 + Number(sta[2]!.replace(',', '')) : null;",
    tests: 'shared/geo',
    what: 'STA 16+250,5 read with the decimal comma dropped',
  },
  {
    file: 'shared/format/format-number.ts',
    find: "padStart(3, '0')",
    replace: "padStart(2, '0')",
    tests: 'shared',
    what: 'STA 0+50 instead of 0+050',
  },
  {
    file: 'shared/format/parse-number.ts',
    find: 'if (fractionPart.length === 3)',
    replace: 'if (fractionPart.length === 4)',
    tests: 'shared/format',
    what: '175,000 read as Rp175 in Indonesian',
  },
  // shared/io
  {
    file: 'shared/io/csv-cell.ts',
    find: '/^[=+\\-@\\t\\r]/',
    replace: '/^[=+@\\t\\r]/',
    tests: 'shared/io',
    what: 'a cell starting with - reaches Excel as a formula',
  },
  {
    file: 'shared/io/parse-geojson.ts',
    find: 'if (Math.abs(lon!) > 180 || Math.abs(lat!) > 90)',
    replace: 'if (Math.abs(lon!) > 180 || Math.abs(lat!) > 180)',
    tests: 'shared/io',
    what: 'latitude 95 accepted',
  },
  {
    file: 'shared/io/parse-geojson.ts',
    find: 'if (first![0] !== last![0] || first![1] !== last![1])',
    replace: 'if (first![0] !== last![0])',
    tests: 'shared/io',
    what: 'open ring accepted',
  },
  {
    file: 'shared/io/export-encroachment.ts',
    find: 'retribusi_idr: line?.amountIdr ?? 0,',
    replace: 'retribusi_idr: Math.round((line?.amountIdr ?? 0) * 1.0001),',
    tests: 'shared/io',
    what: 'exported amounts off by 0.01 %',
  },
  {
    file: 'shared/io/export-encroachment.ts',
    find: 'const anchor = positionsOf(asset.geometry)[0];',
    replace: 'const anchor = asset.geometry.type === "Point" ? asset.geometry.coordinates : undefined;',
    tests: 'electron/cli',
    what: 'no position for multi-geometries in the CSV',
  },
  // shared/tariff
  {
    file: 'shared/tariff/estimate-retribution.ts',
    find: 'const amountIdr = Math.round(result.quantity * rate * periodYears);',
    replace: 'const amountIdr = result.quantity * rate * periodYears;',
    tests: 'shared/tariff',
    what: 'amounts not whole rupiah',
  },
  {
    file: 'shared/tariff/estimate-retribution.ts',
    find: 'const amountIdr = Math.round(result.quantity * rate * periodYears);',
    replace: 'const amountIdr = Math.round(result.quantity * rate);',
    tests: 'shared/tariff',
    what: 'period ignored',
  },
  {
    file: 'shared/tariff/estimate-retribution.ts',
    find: "item.basis !== BASIS_OF_UNIT[result.unit] ? 'basis-mismatch'",
    replace: "false ? 'basis-mismatch'",
    tests: 'shared/tariff',
    what: 'a point billboard priced per m²',
  },
  {
    file: 'shared/tariff/estimate-retribution.ts',
    find: 'estimate.alreadyPaidIdr = Math.round(estimate.totalIdr * payingShare);',
    replace: 'estimate.alreadyPaidIdr = Math.round(estimate.totalIdr * (1 - payingShare));',
    tests: 'shared/tariff',
    what: 'paying share inverted',
  },
  {
    file: 'shared/analysis/analysis-warnings.ts',
    find: 'if (input.roadCount === 0) {',
    replace: 'if (input.roadCount < 0) {',
    tests: 'electron/cli',
    what: 'no warning for an empty road file',
  },
];

const ROOT = resolve(__dirname, '../..');
let restore: (() => void) | null = null;
process.on('SIGINT', () => {
  restore?.();
  process.exit(130);
});

function testsPass(tests: string): boolean {
  const run = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--config', 'tests/vitest.config.ts', tests],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  return run.status === 0;
}

const survived: Mutant[] = [];
const started = Date.now();
for (const [index, mutant] of MUTANTS.entries()) {
  const path = resolve(ROOT, mutant.file);
  const original = readFileSync(path, 'utf8');
  if (!original.includes(mutant.find))
    throw new Error(`mutant ${index + 1} (${mutant.what}) no longer applies to ${mutant.file}`);
  restore = () => writeFileSync(path, original);
  writeFileSync(path, original.replace(mutant.find, mutant.replace));
  try {
    const killed = !testsPass(mutant.tests);
    if (!killed) survived.push(mutant);
    console.log(`${killed ? 'killed  ' : 'SURVIVED'} ${String(index + 1).padStart(2)} ${mutant.file}: ${mutant.what}`);
  } finally {
    restore();
    restore = null;
  }
}
const killed = MUTANTS.length - survived.length;
console.log(
  `\nmutation score: ${killed}/${MUTANTS.length} killed (${((100 * killed) / MUTANTS.length).toFixed(0)} %) in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
if (survived.length > 0) console.log(`survived: ${survived.map((mutant) => mutant.what).join('; ')}`);
