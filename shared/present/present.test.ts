import { wordProblem } from '../messages/word-problem';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Position } from 'geojson';
import { RouteProgress, findBorderCrossings, placeOnRoute } from './route-progress';
import { slideFigures } from './slide-figures';
import { StorySchema, storyFromFile, storyToFile } from './story';
import { createDemoDataset, DEMO_LAYER_IDS } from '../demo/create-demo-dataset';
import { createDemoStory } from '../demo/demo-story';
import { ruasPaths } from '../geo/ruas-reference';
import { geodesicDestination, geodesicLengthM } from '../geo/geodesic';

const move = geodesicDestination;
const dataset = createDemoDataset();
const story = createDemoStory(dataset, '2026-11-23T00:00:00.000Z');

describe('a route drawing itself', () => {
  const a: Position = [124, -9.5];
  const b = move(a, 90, 1_000);
  const c = move(b, 0, 1_000);
  const route = new RouteProgress([
    [a, b],
    [b, c],
  ]);

  it('cuts the route at any distance, across segments', () => {
    expect(route.lengthM).toBeCloseTo(2_000, 3);
    expect(geodesicLengthM({ type: 'MultiLineString', coordinates: route.drawnUpTo(1_500) })).toBeCloseTo(1_500, 3);
    expect(route.drawnUpTo(400)).toHaveLength(1);
    expect(route.drawnUpTo(0)).toEqual([]);
    expect(geodesicLengthM({ type: 'MultiLineString', coordinates: route.drawnUpTo(5_000) })).toBeCloseTo(2_000, 3);
  });

  it('puts bridges near the route in order of distance and leaves far ones out', () => {
    const placed = placeOnRoute(route.paths, [
      { item: 'second', position: move(move(b, 0, 300), 90, 20) },
      { item: 'first', position: move(a, 90, 700) },
      { item: 'far', position: move(a, 180, 5_000) },
    ]);
    expect(placed.map((p) => p.item)).toEqual(['first', 'second']);
    expect(placed[1]!.staM).toBeCloseTo(1_300, 0);
  });
});

describe('the demo border routes', () => {
  const border = JSON.parse(readFileSync(resolve(__dirname, '../../resources/public/basemap/border.json'), 'utf8')) as {
    features: { geometry: { type: string; coordinates: Position[] | Position[][] } }[];
  };
  const borderLines = border.features.flatMap((f) =>
    f.geometry.type === 'LineString'
      ? [f.geometry.coordinates as Position[]]
      : (f.geometry.coordinates as Position[][]),
  );
  const roads = dataset.features.filter((f) => f.layerId === DEMO_LAYER_IDS.roads);

  it('cross the RI – RDTL border where the Indonesian ruas ends and the RDTL continuation begins', () => {
    for (const [indonesian, rdtl] of [
      ['P-101', 'RDTL-1'],
      ['P-102', 'RDTL-2'],
    ]) {
      const paths = [...ruasPaths(roads, indonesian!), ...ruasPaths(roads, rdtl!)];
      const crossings = findBorderCrossings(paths, borderLines);
      expect(crossings).toHaveLength(1);
      const indonesianLength = geodesicLengthM({ type: 'MultiLineString', coordinates: ruasPaths(roads, indonesian!) });
      // On the RDTL continuation, a few km past the (illustrative) end of the Indonesian ruas.
      expect(crossings[0]!.staM).toBeGreaterThan(indonesianLength);
      expect(crossings[0]!.staM - indonesianLength).toBeLessThan(5_000);
    }
  });

  it('have the five reported bridges on P-101', () => {
    const bridges = dataset.features
      .filter((f) => f.properties.kind === 'bridge')
      .map((f) => ({ item: f.properties.name, position: (f.geometry as { coordinates: Position }).coordinates }));
    expect(placeOnRoute(ruasPaths(roads, 'P-101'), bridges)).toHaveLength(5);
  });
});

describe('stories', () => {
  it('the demo story is valid and points at features and layers that exist', () => {
    expect(StorySchema.parse(story)).toEqual(story);
    const ids = new Set(dataset.features.map((f) => f.id));
    const layerIds = new Set(dataset.layers.map((l) => l.id));
    for (const slide of story.slides) {
      for (const id of slide.highlightIds) expect(ids.has(id)).toBe(true);
      for (const id of slide.visibleLayerIds) expect(layerIds.has(id)).toBe(true);
      if (slide.estimateCorridorId) expect(ids.has(slide.estimateCorridorId)).toBe(true);
    }
    expect(story.slides.map((s) => s.route?.ruasNumbers ?? null).filter(Boolean)).toEqual([
      ['P-101', 'RDTL-1'],
      ['P-102', 'RDTL-2'],
    ]);
  });

  it('round-trips through its file and names what is wrong in a bad one', () => {
    expect(storyFromFile('cerita.json', storyToFile(story))).toEqual({ ok: true, story });
    const bad = storyFromFile('rusak.json', '{');
    expect(!bad.ok && wordProblem(bad.error, 'id')).toContain('rusak.json: bukan JSON');
    expect(!bad.ok && wordProblem(bad.error, 'en')).toContain('rusak.json: not JSON');
    const broken = JSON.parse(storyToFile(story));
    broken.story.slides[1].camera.zoom = 99;
    const invalid = storyFromFile('cerita.json', JSON.stringify(broken));
    expect(!invalid.ok && wordProblem(invalid.error, 'id')).toContain('cerita.json: story.slides.1.camera.zoom');
  });
});

describe('key figures of a slide', () => {
  it('adds up the highlighted bridges and roads, the route and the estimate', () => {
    const slide = story.slides[1];
    const highlighted = dataset.features.filter((f) => slide!.highlightIds.includes(f.id));
    expect(slideFigures(highlighted, null, null)).toEqual([
      { id: 'bridges', value: 5, unit: 'count' },
      { id: 'bridgeLength', value: 285, unit: 'm' },
      { id: 'bridgesDamaged', value: 4, unit: 'count' },
      { id: 'bridgesProposed', value: 1, unit: 'count' },
    ]);
    const roads = dataset.features.filter((f) => story.slides[3]!.highlightIds.includes(f.id));
    const figures = slideFigures(
      roads,
      { lengthM: 12_345, bridges: 2, borderCrossings: 1 },
      { encroachingAssets: 10, totalIdrPerYear: 5e6 },
    );
    expect(figures.map((f) => f.id)).toEqual([
      'roadLength',
      'statusChangeLength',
      'routeLength',
      'routeBridges',
      'borderCrossings',
      'encroachingAssets',
      'retributionPerYear',
    ]);
    expect(figures.find((f) => f.id === 'routeLength')!.value).toBeCloseTo(12.345, 6);
  });
});
