import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import { checkShape, checkStructure, isEmptyGeometry, MAX_COLLECTION_DEPTH, repairGeometry } from './check-geometry';
import { wordProblem } from '../messages/word-problem';

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
    const tooDeep = checkStructure(nest(point, MAX_COLLECTION_DEPTH + 1))!;
    expect(wordProblem(tooDeep, 'id')).toMatch(/^anggota 1: .*bersarang lebih dari 4 tingkat$/);
    expect(wordProblem(tooDeep, 'en')).toMatch(/^member 1: .*nested more than 4 levels deep$/);
    const badMember = checkStructure({
      type: 'GeometryCollection',
      geometries: [point, { type: 'LineString', coordinates: 'x' }],
    });
    expect(wordProblem(badMember!, 'id')).toBe('anggota 2: koordinat LineString tidak bersarang dengan benar');
    expect(wordProblem(badMember!, 'en')).toBe('member 2: LineString coordinates are badly nested');
    expect(checkStructure({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [] }] })).toEqual({
      code: 'geometry.memberEmpty',
      values: { member: 1 },
    });
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
    expect(wordProblem(checkShape(still.geometry)!, 'id')).toMatch(/semua titiknya sama/);
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
    const parts = multi.notes.find((note) => note.code === 'repair.onePointParts')!;
    expect(parts).toEqual({ code: 'repair.onePointParts', values: { count: 1 } });
    expect(wordProblem(parts, 'id')).toBe('1 bagian garis satu titik dibuang');
    expect(wordProblem(parts, 'en')).toBe('1 one-point line part removed');
    expect(multi.keptVertices).toEqual([{ part: 0, indices: [0, 1] }]);
    expect(checkShape(multi.geometry)).toBeNull();
  });
});
