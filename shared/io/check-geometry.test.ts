import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import { checkShape, checkStructure, isEmptyGeometry, MAX_COLLECTION_DEPTH, repairGeometry } from './check-geometry';

const point = { type: 'Point', coordinates: [123.6, -10.16] };
const nest = (geometry: unknown, times: number): unknown =>
  times === 0 ? geometry : nest({ type: 'GeometryCollection', geometries: [geometry] }, times - 1);

describe('checking a geometry', () => {
  it('tells empty geometries (skipped) from broken ones (refused)', () => {
    expect(
      [null, undefined, { type: 'Point', coordinates: [] }, { type: 'GeometryCollection', geometries: [] }].map(
        isEmptyGeometry,
      ),
    ).toEqual([true, true, true, true]);
    expect(isEmptyGeometry(point)).toBe(false);
    expect(isEmptyGeometry({ type: 'GeometryCollection' })).toBe(false);
  });

  it('checks GeometryCollection members one by one, to a depth limit', () => {
    expect(checkStructure(nest(point, MAX_COLLECTION_DEPTH))).toBeNull();
    expect(checkStructure(nest(point, MAX_COLLECTION_DEPTH + 1))).toMatch(/bersarang lebih dari 4 tingkat/);
    expect(
      checkStructure({ type: 'GeometryCollection', geometries: [point, { type: 'LineString', coordinates: 'x' }] }),
    ).toMatch(/^anggota 2 \/ member 2: koordinat LineString tidak bersarang/);
    expect(checkStructure({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [] }] })).toMatch(
      /anggota 1 GeometryCollection kosong/,
    );
  });

  it('repairs first and checks the result: a line on one spot is refused, a one-point part of a multi-line dropped', () => {
    const still = repairGeometry({
      type: 'LineString',
      coordinates: [
        [1, 2],
        [1, 2],
        [1, 2, 5],
      ],
    });
    expect(still.geometry).toEqual({ type: 'LineString', coordinates: [[1, 2]] });
    expect(checkShape(still.geometry)).toMatch(/semua titiknya sama/);
    const multi = repairGeometry({
      type: 'MultiLineString',
      coordinates: [
        [
          [1, 2],
          [1, 3],
        ],
        [
          [4, 4],
          [4, 4],
        ],
      ],
    } as Geometry);
    expect(multi.geometry).toEqual({
      type: 'MultiLineString',
      coordinates: [
        [
          [1, 2],
          [1, 3],
        ],
      ],
    });
    expect(multi.notes).toContain('1 bagian garis satu titik dibuang / 1 one-point line parts removed');
    expect(multi.keptVertices).toEqual([{ part: 0, indices: [0, 1] }]);
    expect(checkShape(multi.geometry)).toBeNull();
  });
});
