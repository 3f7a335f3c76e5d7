import { describe, expect, it } from 'vitest';
import { parseJson } from './parse-geojson';
import { wordProblem } from '../messages/word-problem';

describe('parseJson', () => {
  it.each([
    // Node 20 gives no position for these; the line and column still come out.
    ['{\n  "type": "FeatureCollection",\n  "features": [1,,2]\n}', 3, 18],
    ['{\n  "a": 1,\n  "b": \'x\'\n}', 3, 8],
    // And where V8 gives a position, it is turned into line and column.
    ['{"a":1', 1, 7],
    ['', 1, 1],
  ])('names the line and column of the first error in %j', (text, line, column) => {
    const result = parseJson(text, 'aset.geojson');
    expect(result.ok).toBe(false);
    expect(!result.ok && wordProblem(result.error, 'id')).toContain(
      `aset.geojson: JSON tidak sah (baris ${line}, kolom ${column}`,
    );
    expect(!result.ok && wordProblem(result.error, 'en')).toContain(
      `aset.geojson: invalid JSON (line ${line}, column ${column}`,
    );
  });
});
