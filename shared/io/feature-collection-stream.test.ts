import { describe, expect, it } from 'vitest';
import { FeatureCollectionStream, NotAnObjectAtRoot } from './feature-collection-stream';
import { readGeoJson, readGeoJsonBytes } from './read-geojson';

const collection = {
  name: 'ruas "uji" {a}',
  crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
  features: [
    { type: 'Feature', properties: { features: ['not', 'these'], note: 'a \\"quote\\" ] }' }, geometry: null },
    {
      type: 'Feature',
      properties: { n: 1.5e3, ok: true, none: null },
      geometry: { type: 'Point', coordinates: [1, 2] },
    },
    null,
  ],
  type: 'FeatureCollection',
  bbox: [1, 2, 3, 4],
};

function readInPieces(text: string, size: number) {
  const features: unknown[] = [];
  const stream = new FeatureCollectionStream((feature) => features.push(feature));
  for (let start = 0; start < text.length; start += size) stream.push(text.slice(start, start + size));
  stream.end();
  return { features, root: stream.root };
}

describe('reading a FeatureCollection as a stream', () => {
  it('gives every feature and root member, however the text is cut', () => {
    for (const text of [JSON.stringify(collection), JSON.stringify(collection, null, 2)]) {
      for (const size of [1, 2, 3, 7, 13, 64, 150, text.length]) {
        const { features, root } = readInPieces(text, size);
        expect(features).toEqual(collection.features);
        expect(root).toEqual({
          name: collection.name,
          crs: collection.crs,
          type: 'FeatureCollection',
          bbox: [1, 2, 3, 4],
        });
      }
    }
  });

  it('refuses bad JSON and tells a root that is not an object', () => {
    expect(() => readInPieces('{"type":"FeatureCollection","features":[{"a":1},}]}', 5)).toThrow(SyntaxError);
    expect(() => readInPieces('{"type":"FeatureCollection","features":[{"a":1}', 5)).toThrow(SyntaxError);
    expect(() => readInPieces('{"type" "x"}', 5)).toThrow(SyntaxError);
    expect(() => readInPieces('{"a":1} x', 5)).toThrow(SyntaxError);
    expect(() => readInPieces('[1,2]', 5)).toThrow(NotAnObjectAtRoot);
    // Members are parsed together: a missing member or a trailing comma is still bad JSON, however it is cut.
    for (const size of [1, 4, 9, 100]) {
      expect(() => readInPieces('{"features":[{"a":1},,{"b":2}]}', size)).toThrow(SyntaxError);
      expect(() => readInPieces('{"features":[{"a":1},{"b":2},]}', size)).toThrow(SyntaxError);
      expect(() => readInPieces('{"features":[{"a":1} {"b":2}]}', size)).toThrow(SyntaxError);
      expect(readInPieces('{"features":[ ]}', size).features).toEqual([]);
    }
  });

  it('reads a large file the same as the whole-text reader, and bad ones with the same messages', () => {
    const big = {
      type: 'FeatureCollection',
      features: Array.from({ length: 40_000 }, (_, i) => ({
        type: 'Feature',
        properties: { nama: `Tiang ${i}`, catatan: 'x'.repeat(60) },
        geometry: { type: 'Point', coordinates: [123 + i / 1e5, -10] },
      })),
    };
    const text = JSON.stringify(big);
    const bytes = new TextEncoder().encode(text);
    expect(bytes.byteLength).toBeGreaterThan(4 * 1024 * 1024);
    const progress: number[] = [];
    const streamed = readGeoJsonBytes(bytes, 'besar.geojson', (p) => progress.push(p.features));
    expect(streamed).toEqual(readGeoJson(text, 'besar.geojson'));
    // Features were counted while the file was still being read.
    expect(progress.some((count) => count > 0 && count < 40_000)).toBe(true);
    const broken = new TextEncoder().encode(`${text.slice(0, -3)},]}`);
    const whole = readGeoJson(new TextDecoder().decode(broken), 'besar.geojson');
    expect(readGeoJsonBytes(broken, 'besar.geojson')).toEqual(whole);
    expect(whole.ok).toBe(false);
    const notFeature = JSON.stringify({ ...big, features: [...big.features, { type: 'Point', coordinates: [1, 2] }] });
    expect(readGeoJsonBytes(new TextEncoder().encode(notFeature), 'besar.geojson')).toEqual({
      ok: false,
      error: {
        code: 'record.refused',
        values: {
          file: 'besar.geojson',
          record: { code: 'record.numbered', values: { number: 40001 } },
          problem: { code: 'file.notAFeature' },
        },
      },
    });
  });
});
