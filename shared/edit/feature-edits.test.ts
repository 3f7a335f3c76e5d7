import { describe, expect, it } from 'vitest';
import type { LineString, Position } from 'geojson';
import { addDrawnFeature, replaceConditionRanges, splitFeature } from './feature-edits';
import { geodesicDestination, geodesicLengthM } from '../geo/geodesic';
import { createDemoDataset } from '../demo/create-demo-dataset';
import type { StoredFeature } from '../model/layer';
import { ProblemError } from '../messages/problem';
import { wordProblem } from '../messages/word-problem';

const move = geodesicDestination;
const at = '2026-11-23T00:00:00.000Z';
const { layers } = createDemoDataset(at);
const a: Position = [123.62, -10.16];
const b = move(a, 90, 2_000);
const road: StoredFeature = {
  id: 'r1',
  layerId: 'drawn-road',
  geometry: { type: 'LineString', coordinates: [a, b] },
  properties: { kind: 'road', ruasNumber: '900', name: 'Uji', lengthM: 2_000 },
};

describe('edits as changes', () => {
  it('puts a drawn feature into a new layer for its kind, with its length and source', () => {
    const result = addDrawnFeature(layers, 'road', road.geometry, { ruasNumber: '900', name: 'Uji', lengthM: 0 }, at);
    if (!result.ok) throw new ProblemError(result.error);
    expect(result.change.layers).toEqual([expect.objectContaining({ id: 'drawn-road', kind: 'road', demo: false })]);
    const [feature] = result.change.put!;
    expect(feature!.properties.lengthM).toBeCloseTo(2_000, 1);
    expect(feature!.properties.source).toEqual({
      kind: 'drawn',
      label: 'Digambar di Rumija',
      recordedAt: at,
      illustrative: false,
    });
    // The layer exists the second time.
    const again = addDrawnFeature([...layers, ...result.change.layers!], 'road', road.geometry, {}, at);
    expect(again.ok && again.change.layers).toEqual([]);
  });

  it('splits a road into two parts that keep the attributes, and the corridor holds both', () => {
    const corridor: StoredFeature = {
      id: 'k1',
      layerId: 'c',
      geometry: road.geometry,
      properties: { kind: 'corridor', segmentIds: ['r0', 'r1', 'r2'] },
    };
    const result = splitFeature(road, move(a, 90, 500), [corridor]);
    if (!result.ok) throw new ProblemError(result.error);
    const [head, tail, changedCorridor] = result.change.put!;
    expect(head!.id).toBe('r1');
    expect(head!.properties.lengthM).toBeCloseTo(500, 1);
    expect(tail!.properties).toMatchObject({ name: 'Uji', ruasNumber: '900' });
    expect(tail!.properties.lengthM).toBeCloseTo(1_500, 1);
    expect(changedCorridor!.properties.segmentIds).toEqual(['r0', 'r1', tail!.id, 'r2']);
    expect(splitFeature(road, a, []).ok).toBe(false);
  });

  it('replaces the condition ranges of a ruas with its stretches', () => {
    const old: StoredFeature = {
      id: 'old',
      layerId: 'condition-ranges',
      geometry: road.geometry,
      properties: { kind: 'condition_range', roadLayerId: 'drawn-road', ruasNumber: '900' },
    };
    // Ruas 900 of another road layer keeps its ranges.
    const other: StoredFeature = { ...old, id: 'other', properties: { ...old.properties, roadLayerId: 'survey-2025' } };
    const result = replaceConditionRanges(
      layers,
      [old, other],
      'drawn-road',
      '900',
      [[a, b]],
      [
        { fromM: 1_200, toM: 2_000, condition: 'rusak_berat' },
        { fromM: 0, toM: 1_200, condition: 'baik' },
      ],
      at,
    );
    if (!result.ok) throw new ProblemError(result.error);
    expect(result.change.remove).toEqual(['old']);
    const [first, second] = result.change.put!;
    expect(first!.properties).toMatchObject({
      roadLayerId: 'drawn-road',
      staFromM: 0,
      staToM: 1_200,
      condition: 'baik',
      lengthM: 1_200,
    });
    expect(geodesicLengthM(second!.geometry as LineString)).toBeCloseTo(800, 1);
    const bad = replaceConditionRanges(
      layers,
      [],
      'drawn-road',
      '900',
      [[a, b]],
      [{ fromM: 0, toM: 2_500, condition: 'baik' }],
      at,
    );
    expect(!bad.ok && wordProblem(bad.error, 'id')).toContain('Ruas 900: STA 0+000 – STA 2+500: melewati ujung ruas');
    expect(!bad.ok && wordProblem(bad.error, 'en')).toContain('Ruas 900: STA 0+000 – STA 2+500: runs past the end');
  });
});
