import { describe, expect, it } from 'vitest';
import type { StoredFeature } from '#shared/model/layer';
import { layerMinZoom, DENSE_POINTS } from '#shared/tiles/layer-tiles';
import { patchedLists } from './patched-lists';
import { signatureOfLists } from '#shared/analysis/input-signature';

const point = (id: string, layerId = 'a', name = id): StoredFeature =>
  ({ id, layerId, geometry: { type: 'Point', coordinates: [123, -10] }, properties: { name } }) as StoredFeature;
const line = (id: string, layerId = 'a'): StoredFeature =>
  ({
    id,
    layerId,
    geometry: {
      type: 'LineString',
      coordinates: [
        [123, -10],
        [123.1, -10],
      ],
    },
    properties: {},
  }) as StoredFeature;

function apply(lists: Map<string, StoredFeature[]>, records: Map<string, StoredFeature | null>) {
  const byId = new Map([...lists.values()].flat().map((feature) => [feature.id, feature]));
  const before = new Map([...records.keys()].flatMap((id) => (byId.has(id) ? [[id, byId.get(id)!] as const] : [])));
  return patchedLists(lists, records, before);
}

describe('feature lists after a change', () => {
  it('replaces an edited feature where it is and keeps the other lists untouched', () => {
    const a = [point('1'), point('2'), point('3')];
    const b = [line('x', 'b')];
    const out = apply(
      new Map([
        ['a', a],
        ['b', b],
      ]),
      new Map([['2', point('2', 'a', 'dua')]]),
    );
    expect([...out.keys()]).toEqual(['a']);
    expect(out.get('a')!.map((f) => [f.id, f.properties.name])).toEqual([
      ['1', '1'],
      ['2', 'dua'],
      ['3', '3'],
    ]);
    expect(a[1]!.properties.name).toBe('2'); // the old list is not changed
  });

  it('deletes, adds at the end and moves between layers', () => {
    const lists = new Map([
      ['a', [point('1'), point('2'), point('3')]],
      ['b', [line('x', 'b')]],
    ]);
    const out = apply(
      lists,
      new Map<string, StoredFeature | null>([
        ['1', null],
        ['4', point('4')],
        ['3', point('3', 'b')],
      ]),
    );
    expect(out.get('a')!.map((f) => f.id)).toEqual(['2', '4']);
    expect(out.get('b')!.map((f) => f.id)).toEqual(['x', '3']);
  });

  it('carries the dense-point count to the new list, so the layers panel does not count 200 000 points again', () => {
    const many = Array.from({ length: DENSE_POINTS }, (_, i) => point(String(i)));
    expect(layerMinZoom(many)).toBeGreaterThan(0);
    const out = apply(new Map([['a', many]]), new Map([['7', line('7')]]));
    // One point became a line: below the threshold now, known without a walk (the carried count says so).
    expect(layerMinZoom(out.get('a')!)).toBe(0);
    const back = apply(new Map([['a', out.get('a')!]]), new Map([['7', point('7')]]));
    expect(layerMinZoom(back.get('a')!)).toBeGreaterThan(0);
  });
});

describe('the analysis fingerprint of lists after a change', () => {
  it('is carried from the previous lists, equal to hashing the new lists afresh, in place or rebuilt', () => {
    const lists = new Map([
      ['a', [point('1'), point('2'), point('3')]],
      ['b', [line('x', 'b')]],
    ]);
    // Known (hashed) before the change, as after an analysis.
    signatureOfLists([[lists.get('a')!], [lists.get('b')!]]);
    const changes: Map<string, StoredFeature | null>[] = [
      new Map([['2', point('2', 'a', 'dua')]]),
      new Map<string, StoredFeature | null>([
        ['1', null],
        ['4', point('4')],
        ['3', point('3', 'b')],
      ]),
    ];
    for (const records of changes) {
      const out = apply(lists, records);
      const next = (id: string) => out.get(id) ?? lists.get(id)!;
      // structuredClone: new lists and features nothing is known of, so they are hashed from scratch.
      const fresh = signatureOfLists([[structuredClone(next('a'))], [structuredClone(next('b'))]]);
      // Carried, not walked: a feature changed behind the lists' back (the app never does) goes unseen.
      const untouched = next('a').find((feature) => !records.has(feature.id))!;
      const name = untouched.properties.name;
      untouched.properties.name = 'diubah diam-diam';
      const carried = signatureOfLists([[next('a')], [next('b')]]);
      expect(carried).toBe(fresh);
      expect(carried).not.toBe(signatureOfLists([[lists.get('a')!], [lists.get('b')!]]));
      untouched.properties.name = name;
    }
  });
});
