import { describe, expect, it } from 'vitest';
import type { StoredFeature } from '../model/layer';
import {
  differingKeys,
  featureFingerprint,
  hasFingerprint,
  mergeServerChanges,
  outgoingChanges,
  resolveConflict,
  type ServerFeature,
  type SyncBase,
} from './sync-plan';

const feature = (id: string, name: string, x = 123.6): StoredFeature => ({
  id,
  layerId: 'roads',
  geometry: {
    type: 'LineString',
    coordinates: [
      [x, -10.2],
      [x + 0.01, -10.21],
    ],
  },
  properties: { kind: 'road', name, source: { kind: 'file', label: 'a.geojson' } },
});
const server = (local: StoredFeature, version: number, by = 'ana'): ServerFeature => ({
  id: local.id,
  geometry: local.geometry,
  properties: local.properties,
  version,
  updatedBy: by,
  updatedAt: '2026-11-26T00:00:00.000Z',
});
const baseOf = (features: StoredFeature[], version = 1) =>
  new Map<string, SyncBase>(features.map((item) => [item.id, { version, fingerprint: featureFingerprint(item) }]));

describe('featureFingerprint', () => {
  it('does not depend on key order at any depth, and sees every coordinate and value', () => {
    const a = feature('a', 'Jalan');
    const reordered: StoredFeature = {
      ...a,
      properties: { source: { label: 'a.geojson', kind: 'file' }, name: 'Jalan', kind: 'road' },
    };
    expect(featureFingerprint(reordered)).toBe(featureFingerprint(a));
    expect(featureFingerprint(feature('a', 'Jalan', 123.6000000001))).not.toBe(featureFingerprint(a));
    expect(featureFingerprint(feature('a', 'Jalan '))).not.toBe(featureFingerprint(a));
    expect(featureFingerprint({ ...a, properties: { ...a.properties, note: null } })).not.toBe(featureFingerprint(a));
  });

  it('is kept per feature object: an edit (a new object) is fingerprinted afresh', () => {
    const a = feature('a', 'Jalan');
    expect(hasFingerprint(a)).toBe(false);
    const first = featureFingerprint(a);
    expect(hasFingerprint(a)).toBe(true);
    const edited = { ...a, properties: { ...a.properties, name: 'Jalan baru' } };
    expect(hasFingerprint(edited)).toBe(false);
    expect(featureFingerprint(edited)).not.toBe(first);
  });
});

describe('outgoingChanges', () => {
  it('sends what was added, changed and deleted here since the base, and holds back features in a conflict', () => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => feature(id, id));
    const base = baseOf([a!, b!, c!, d!], 3);
    const local = [a!, feature('b', 'B baru'), feature('e', 'baru'), feature('d', 'D ditahan')];
    const out = outgoingChanges(local, base, new Set(['d']));
    expect(out.puts.map((put) => [put.feature.id, put.baseVersion])).toEqual([
      ['b', 3],
      ['e', null],
    ]);
    expect(out.deletes).toEqual([{ id: 'c', baseVersion: 3 }]);
  });
});

describe('mergeServerChanges', () => {
  const a = feature('a', 'A');
  const b = feature('b', 'B');
  it('takes the server state of features not changed here, passes over states it has, and conflicts otherwise', () => {
    const base = baseOf([a, b], 2);
    const mineB = feature('b', 'B mine');
    const local = new Map([
      ['a', a],
      ['b', mineB],
    ]);
    const update = mergeServerChanges('roads', local, base, [
      server(feature('a', 'A theirs'), 3),
      server(feature('b', 'B theirs'), 3),
      server(feature('x', 'old'), 2),
    ]);
    expect(update.put.map((item) => item.properties.name)).toEqual(['A theirs', 'old']);
    expect(update.setBase.get('a')!.version).toBe(3);
    expect(update.conflicts).toHaveLength(1);
    expect(update.conflicts[0]!.mine).toBe(mineB);
    expect(differingKeys(update.conflicts[0]!)).toEqual(['name']);

    const again = mergeServerChanges('roads', local, new Map([...base, ['a', { ...base.get('a')!, version: 3 }]]), [
      server(feature('a', 'A theirs'), 3),
    ]);
    expect(again.put).toEqual([]);
  });

  it('a deletion there takes the feature away here, unless it was changed here', () => {
    const base = baseOf([a, b]);
    const deletion = (id: string) => ({ id, deleted: true as const, version: 2, deletedBy: 'ana', deletedAt: '' });
    const update = mergeServerChanges(
      'roads',
      new Map([
        ['a', a],
        ['b', feature('b', 'changed')],
      ]),
      base,
      [deletion('a'), deletion('b')],
    );
    expect(update.remove).toEqual(['a']);
    expect(update.conflicts.map((conflict) => conflict.id)).toEqual(['b']);
  });
});

describe('resolveConflict', () => {
  const mine = feature('a', 'mine');
  const theirs = server(feature('a', 'theirs'), 5);
  const conflict = { id: 'a', mine, theirs };
  it('theirs: the feature becomes the server’s; mine: the base moves to their version so the next push overwrites', () => {
    const taken = resolveConflict('roads', conflict, { take: 'theirs' });
    expect(taken.put[0]!.properties.name).toBe('theirs');
    expect(taken.setBase.get('a')!.version).toBe(5);

    const kept = resolveConflict('roads', conflict, { take: 'mine' });
    expect(kept.put).toEqual([]);
    const out = outgoingChanges([mine], kept.setBase);
    expect(out.puts).toEqual([{ feature: mine, baseVersion: 5 }]);

    const merged = feature('a', 'both');
    const both = resolveConflict('roads', conflict, { take: 'merged', feature: merged });
    expect(both.put).toEqual([merged]);
    expect(outgoingChanges([merged], both.setBase).puts).toEqual([{ feature: merged, baseVersion: 5 }]);
  });

  it('keeping a local deletion deletes at their version; keeping a feature they deleted sends it anew', () => {
    const deletedHere = resolveConflict('roads', { id: 'a', mine: null, theirs }, { take: 'mine' });
    expect(outgoingChanges([], deletedHere.setBase).deletes).toEqual([{ id: 'a', baseVersion: 5 }]);
    const gone = { id: 'a', deleted: true as const, version: 6, deletedBy: 'budi', deletedAt: '' };
    const keptHere = resolveConflict('roads', { id: 'a', mine, theirs: gone }, { take: 'mine' });
    expect(keptHere.dropBase).toEqual(['a']);
    expect(outgoingChanges([mine], new Map()).puts).toEqual([{ feature: mine, baseVersion: null }]);
  });
});
