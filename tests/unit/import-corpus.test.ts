import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { prepareImport, type ImportEnvironment } from '../../shared/io/import-file';
import { ProblemError } from '../../shared/messages/problem';
import { wordProblem } from '../../shared/messages/word-problem';

interface Expected {
  outcome: 'imported' | 'refused';
  features?: number;
  skipped?: number;
  repairs?: number;
  warning?: string;
  error?: string;
}

const folder = join(import.meta.dirname, '../corpus');
const { files } = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as {
  files: Record<string, Expected>;
};
const environment: ImportEnvironment = {
  parseXml: (text) => new DOMParser({ onError: () => undefined }).parseFromString(text, 'application/xml') as never,
};
const outcomes: Record<string, number> = {};

describe('the import corpus: files shaped like the ones people send', () => {
  it.each(Object.entries(files))('%s', async (name, expected) => {
    const result = await prepareImport({ name, bytes: readFileSync(join(folder, name)) }, 'corpus', 1, environment);
    outcomes[expected.outcome] = (outcomes[expected.outcome] ?? 0) + 1;
    if (expected.outcome === 'refused') {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        // The refusal as an Indonesian user reads it: it names the file first.
        const worded = wordProblem(result.error, 'id');
        expect(worded.startsWith(name)).toBe(true);
        expect(worded).toContain(expected.error);
      }
      return;
    }
    if (!result.ok) throw new ProblemError(result.error);
    expect(result.value.features).toHaveLength(expected.features!);
    expect(result.value.skipped).toHaveLength(expected.skipped ?? 0);
    if (expected.repairs !== undefined) expect(result.value.repairs).toHaveLength(expected.repairs);
    if (expected.warning)
      expect(result.value.warnings.map((warning) => wordProblem(warning, 'id')).join('\n')).toContain(expected.warning);
  });

  afterAll(() => {
    console.log(`import corpus by outcome: ${JSON.stringify(outcomes)}`);
  });
});
