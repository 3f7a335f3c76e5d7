import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import { decodeGeometries, encodeGeometries } from './geometry-codec';

const EVERY_TYPE: (Geometry | null)[] = [
  { type: 'Point', coordinates: [123.6, -10.17] },
  null,
  { type: 'Point', coordinates: [123.6, -10.17, 41.5] },
  {
    type: 'LineString',
    coordinates: [
      [123.1, -10.1],
      [123.2, -10.2, 12],
      [123.3, -10.3],
    ],
  },
  {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
      [
        [0.2, 0.2],
        [0.3, 0.2],
        [0.3, 0.3],
        [0.2, 0.2],
      ],
    ],
  },
  {
    type: 'MultiPoint',
    coordinates: [
      [1, 2],
      [3, 4],
    ],
  },
  {
    type: 'MultiLineString',
    coordinates: [
      [
        [1, 2],
        [3, 4],
      ],
      [
        [5, 6],
        [7, 8],
        [9, 10],
      ],
      [],
    ],
  },
  {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [0, 0],
          [2, 0],
          [2, 2],
          [0, 0],
        ],
      ],
      [],
    ],
  },
  {
    type: 'GeometryCollection',
    geometries: [
      { type: 'Point', coordinates: [1, 1] },
      {
        type: 'GeometryCollection',
        geometries: [
          {
            type: 'LineString',
            coordinates: [
              [0, 0],
              [1, 1],
            ],
          },
        ],
      },
    ],
  },
  { type: 'LineString', coordinates: [] },
];

describe('compact geometry', () => {
  it('gives back every GeoJSON geometry type exactly, heights and mixed dimensions included', () => {
    const encoded = encodeGeometries(EVERY_TYPE);
    expect(decodeGeometries(encoded)).toEqual(EVERY_TYPE);
    expect(encoded.coords).toBeInstanceOf(Float64Array);
  });

  it('keeps full double precision (no float32 rounding of 1e-9 degrees)', () => {
    const point: Geometry = { type: 'Point', coordinates: [123.587654321987, -10.171234567891] };
    expect(decodeGeometries(encodeGeometries([point]))).toEqual([point]);
  });

  it('survives a structured clone (as IndexedDB and postMessage copy it)', () => {
    const copy = structuredClone(encodeGeometries(EVERY_TYPE));
    expect(decodeGeometries(copy)).toEqual(EVERY_TYPE);
  });

  it('refuses corrupt data with a message instead of inventing geometry', () => {
    expect(() => decodeGeometries({ shape: Int32Array.from([9]), coords: new Float64Array() })).toThrow(
      /Geometri tersimpan rusak/,
    );
  });
});
