import { describe, expect, it } from 'vitest';
import { encodeGeometries } from '#shared/model/geometry-codec';
import { decodeBlock, encodeBlock, type StoredFeatureRecord } from './feature-blocks';

const records: StoredFeatureRecord[] = [
  {
    id: 'a',
    layerId: 'survey',
    geometry: { type: 'Point', coordinates: [123.6, -10.17] },
    properties: { catatan: 'tiang', tinggi: 9 },
    updatedAt: '2026-11-01T00:00:00.000Z',
  },
  {
    id: 'b',
    layerId: 'survey',
    geometry: {
      type: 'LineString',
      coordinates: [
        [123.6, -10.17],
        [123.61, -10.18],
      ],
    },
    properties: { catatan: 'kabel' },
    updatedAt: '2026-11-02T00:00:00.000Z',
  },
];

describe('feature blocks', () => {
  it('give back what was stored, after the structured clone IndexedDB makes', () => {
    expect(decodeBlock(structuredClone(encodeBlock('survey', 0, records)))).toEqual(records);
  });

  it('still read blocks written early in v5 (properties as one JSON text, times as a plain array)', () => {
    const early = {
      layerId: 'survey',
      block: 0,
      ids: records.map((record) => record.id),
      updatedAt: records.map((record) => record.updatedAt),
      properties: JSON.stringify(records.map((record) => record.properties)),
      geometry: encodeGeometries(records.map((record) => record.geometry)),
    };
    expect(decodeBlock(early)).toEqual(records);
  });
});
