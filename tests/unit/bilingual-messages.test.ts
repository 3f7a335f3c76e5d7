import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Messages from shared/ and electron/ are Problems (a code and values) worded by the UI and the CLI in the user's
 * language, never "Indonesian / English" strings fixed where they are made. This scan finds string literals and
 * template texts with a word, " / " and a word: the shape of such a pair.
 */
const ROOT = join(import.meta.dirname, '../..');
const BILINGUAL = /[\p{L}\d)"'`»›] \/ [\p{L}("'`«‹]/u;

/** Literals that hold " / " and are not messages, each with why. */
const NOT_MESSAGES: Record<string, readonly string[]> = {
  // EPSG's own names of coordinate reference systems ("Batavia / UTM zone 48S"), as PROJ spells them.
  'shared/geo/epsg-indonesia.generated.ts': ['*'],
  // Tariff item labels are the schedule's data (one name covering two kinds of pole, kiosks or buildings).
  'shared/tariff/tariff-schedule.ts': ['Tiang listrik / telekomunikasi', 'Kios / bangunan'],
  // Names written into a GeoPackage and an SLD for other programs (QGIS) to show: both languages on purpose.
  'shared/project/write-project.ts': [
    'Rumija: foto lapangan / field photos (kamera / camera)',
    'Gaya Rumija / Rumija style',
  ],
  'shared/project/layer-style-sld.ts': ['lainnya / other'],
  // The header line of the column-names file inside an exported Shapefile zip: file content, for whoever opens it.
  'shared/io/write-shapefile.ts': ['\ufeffkolom_shapefile\tnama_asli / original name\r\n'],
};

/**
 * Files whose messages are not yet Problems (issue 31): this list may only shrink. A file listed here that no
 * longer holds a bilingual literal fails the test, so it is taken off when it is converted.
 */
const NOT_YET_CONVERTED: readonly string[] = [];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.(test|bench|d)\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** The texts of a file's string literals and template pieces that look like "Indonesian / English". */
function bilingualLiterals(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      if (BILINGUAL.test(node.text)) found.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('messages from shared/ and electron/', () => {
  const offending = new Map<string, string[]>();
  for (const path of [...sourceFiles(join(ROOT, 'shared')), ...sourceFiles(join(ROOT, 'electron'))]) {
    const file = relative(ROOT, path).split('\\').join('/');
    const allowed = NOT_MESSAGES[file] ?? [];
    const left = bilingualLiterals(path).filter((text) => !allowed.includes('*') && !allowed.includes(text));
    if (left.length) offending.set(file, left);
  }

  it('holds no "Indonesian / English" string outside the files still to convert', () => {
    const unexpected = [...offending].filter(([file]) => !NOT_YET_CONVERTED.includes(file));
    expect(Object.fromEntries(unexpected)).toEqual({});
  });

  it('lists only files that still need converting', () => {
    expect(NOT_YET_CONVERTED.filter((file) => !offending.has(file))).toEqual([]);
  });
});
