import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { Feature, Geometry, LineString, MultiLineString, Point } from 'geojson';
import { encodeGeometries } from '../model/geometry-codec';
import { toPropertyColumns } from '../model/property-columns';
import {
  COALESCE_BELOW_ZOOM,
  DENSE_POINTS,
  DENSE_POINTS_MIN_ZOOM,
  layerMinZoom,
  LayerTiles,
  SOURCE_LAYER,
  TILE_EXTENT,
  type TileChunk,
} from './layer-tiles';

function chunk(key: number, geometries: Geometry[], prefix = 'f'): TileChunk {
  return {
    key,
    ids: geometries.map((_, index) => `${prefix}${index}`),
    properties: toPropertyColumns(
      geometries.map((_, index) => ({ kind: 'road', lengthM: index, note: 'not a tile key' })),
    ),
    geometry: encodeGeometries(geometries),
  };
}

/** Reads a tile back with Mapbox's own decoder and turns it into lon/lat GeoJSON. */
function readTile(bytes: Uint8Array, z: number, x: number, y: number): Feature[] {
  const layer = new VectorTile(new PbfReader(bytes)).layers[SOURCE_LAYER];
  if (!layer) return [];
  return Array.from({ length: layer.length }, (_, index) => layer.feature(index).toGeoJSON(x, y, z) as Feature);
}

/** The tile holding a lon/lat at zoom z (slippy map numbering, computed here independently). */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.asinh(Math.tan(rad)) / Math.PI) / 2) * n)];
}

const KUPANG: [number, number] = [123.5975, -10.1718];

describe('vector tiles cut from compact geometry', () => {
  it('puts a point where Mapbox’s decoder reads it back, with its id and properties', () => {
    const tiles = new LayerTiles(14);
    tiles.setChunk(chunk(0, [{ type: 'Point', coordinates: KUPANG }]));
    const [x, y] = tileOf(...KUPANG, 14);
    const [feature] = readTile(tiles.tile(14, x, y), 14, x, y);
    const [lon, lat] = (feature!.geometry as Point).coordinates;
    // One tile unit at zoom 14 is 2.4 km / 4096 ≈ 0.6 m: the point comes back within a unit.
    expect(Math.abs(lon! - KUPANG[0]) * 109_600).toBeLessThan(0.6);
    expect(Math.abs(lat! - KUPANG[1]) * 110_600).toBeLessThan(0.6);
    // Tile keys only (a column the map does not read stays out of the tile).
    expect(feature!.properties).toEqual({ kind: 'road', lengthM: 0, fid: 'f0' });
    // The next tile east does not hold it.
    expect(readTile(tiles.tile(14, x + 2, y), 14, x + 2, y)).toEqual([]);
  });

  it('carries what a user’s style reads (the styled value and the label) beside the tile keys', () => {
    const tiles = new LayerTiles(14);
    tiles.setChunk({
      key: 0,
      ids: ['a'],
      properties: toPropertyColumns([{ kind: 'asset', _v: 'tiang', _t: 'Tiang 7', note: 'left out' }]),
      geometry: encodeGeometries([{ type: 'Point', coordinates: KUPANG }]),
    });
    const [x, y] = tileOf(...KUPANG, 14);
    expect(readTile(tiles.tile(14, x, y), 14, x, y)[0]!.properties).toEqual({
      kind: 'asset',
      _v: 'tiang',
      _t: 'Tiang 7',
      fid: 'a',
    });
  });

  it('clips a 50 km road to the tile and its buffer, so no coordinate overflows at street zoom', () => {
    const road: LineString = {
      type: 'LineString',
      coordinates: Array.from({ length: 1001 }, (_, index) => [123.4 + index * 0.00045, -10.17]),
    };
    const tiles = new LayerTiles(14);
    tiles.setChunk(chunk(0, [road]));
    const [x, y] = tileOf(123.62, -10.17, 16);
    const layer = new VectorTile(new PbfReader(tiles.tile(16, x, y))).layers[SOURCE_LAYER]!;
    const rings = layer.feature(0).loadGeometry();
    for (const point of rings.flat()) {
      expect(point.x).toBeGreaterThanOrEqual(-64);
      expect(point.x).toBeLessThanOrEqual(TILE_EXTENT + 64);
    }
    // Inside the tile the line is whole: it crosses from the west buffer edge to the east one.
    const xs = rings.flat().map((point) => point.x);
    expect(Math.min(...xs)).toBe(-64);
    expect(Math.max(...xs)).toBe(TILE_EXTENT + 64);
  });

  it('clips a polygon to the tile box and keeps it closed', () => {
    const square: Geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [123.5, -10.3],
          [123.7, -10.3],
          [123.7, -10.1],
          [123.5, -10.1],
          [123.5, -10.3],
        ],
      ],
    };
    const tiles = new LayerTiles(14);
    tiles.setChunk(chunk(0, [square]));
    const [x, y] = tileOf(123.6, -10.2, 14);
    const ring = new VectorTile(new PbfReader(tiles.tile(14, x, y))).layers[SOURCE_LAYER]!.feature(
      0,
    ).loadGeometry()[0]!;
    expect(ring[0]).toEqual(ring.at(-1));
    // The tile lies inside the square: the clipped ring is the buffered tile box.
    expect(new Set(ring.map((point) => point.x))).toEqual(new Set([-64, TILE_EXTENT + 64]));
  });

  it('replaces a chunk on change and forgets a removed one', () => {
    const tiles = new LayerTiles(14);
    tiles.setChunk(chunk(0, [{ type: 'Point', coordinates: KUPANG }]));
    tiles.setChunk(chunk(1, [{ type: 'Point', coordinates: KUPANG }], 'g'));
    const [x, y] = tileOf(...KUPANG, 12);
    expect(readTile(tiles.tile(12, x, y), 12, x, y).map((f) => f.properties!.fid)).toEqual(['f0', 'g0']);
    tiles.setChunk(chunk(1, [{ type: 'Point', coordinates: [120, -9] }], 'g'));
    expect(readTile(tiles.tile(12, x, y), 12, x, y).map((f) => f.properties!.fid)).toEqual(['f0']);
    tiles.removeChunk(0);
    expect(readTile(tiles.tile(12, x, y), 12, x, y)).toEqual([]);
    expect(tiles.featureCount).toBe(1);
  });

  it('draws every part of multi-geometries and collections, and thins lines below the top zoom', () => {
    const wiggly: LineString = {
      type: 'LineString',
      coordinates: Array.from({ length: 200 }, (_, index) => [
        123.6 + index * 0.00002,
        -10.17 + (index % 2) * 0.000005,
      ]),
    };
    const tiles = new LayerTiles(14);
    tiles.setChunk(
      chunk(0, [
        wiggly,
        { type: 'MultiPoint', coordinates: [KUPANG, [123.598, -10.172]] },
        { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: KUPANG }, wiggly] },
      ]),
    );
    const [x, y] = tileOf(...KUPANG, 12);
    const features = readTile(tiles.tile(12, x, y), 12, x, y);
    expect(features.map((feature) => [feature.properties!.fid, feature.geometry.type])).toEqual([
      ['f0', 'LineString'],
      ['f1', 'MultiPoint'],
      ['f2', 'Point'],
      ['f2', 'LineString'],
    ]);
    const vertices = (features[0]!.geometry as LineString).coordinates.length;
    expect(vertices).toBeGreaterThan(1);
    expect(vertices).toBeLessThan(200);
  });

  it('draws features that look alike as one below the coalescing zoom, and each on its own from it', () => {
    const roads: Geometry[] = Array.from({ length: 40 }, (_, index) => ({
      type: 'LineString',
      coordinates: [
        [123.5 + index * 0.005, -10.17],
        [123.5 + index * 0.005 + 0.004, -10.171],
      ],
    }));
    const tiles = new LayerTiles(14);
    tiles.setChunk({
      key: 0,
      ids: roads.map((_, index) => `r${index}`),
      properties: toPropertyColumns(
        roads.map((_, index) => ({ condition: index % 2 ? 'baik' : 'rusak_berat', name: `Ruas ${index}` })),
      ),
      geometry: encodeGeometries(roads),
    });
    // A second chunk whose dictionaries list the same values in another order joins the same two features.
    tiles.setChunk({
      key: 1,
      ids: ['s0', 's1'],
      properties: toPropertyColumns([{ condition: 'rusak_berat' }, { condition: 'baik' }].reverse()),
      geometry: encodeGeometries(roads.slice(0, 2)),
    });
    const [x, y] = tileOf(123.6, -10.17, COALESCE_BELOW_ZOOM - 1);
    const low = readTile(tiles.tile(COALESCE_BELOW_ZOOM - 1, x, y), COALESCE_BELOW_ZOOM - 1, x, y);
    expect(low.map((feature) => feature.properties!.condition).sort()).toEqual(['baik', 'rusak_berat']);
    expect(low.map((feature) => Object.keys(feature.properties!).join())).toEqual(['condition', 'condition']);
    expect(low.map((feature) => (feature.geometry as MultiLineString).coordinates.length)).toEqual([21, 21]);
    const [hx, hy] = tileOf(123.5, -10.17, COALESCE_BELOW_ZOOM);
    const high = readTile(tiles.tile(COALESCE_BELOW_ZOOM, hx, hy), COALESCE_BELOW_ZOOM, hx, hy);
    expect(high.length).toBeGreaterThan(2);
    expect(high.every((feature) => /^[rs]\d+$/.test(String(feature.properties!.fid)))).toBe(true);
  });

  it('starts dense point layers at street zoom and everything else at once', () => {
    const points = (count: number) => Array.from({ length: count }, () => ({ geometry: { type: 'Point' } }));
    const lines = (count: number) => Array.from({ length: count }, () => ({ geometry: { type: 'LineString' } }));
    expect(layerMinZoom(points(DENSE_POINTS))).toBe(DENSE_POINTS_MIN_ZOOM);
    expect(layerMinZoom(points(DENSE_POINTS - 1))).toBe(0);
    expect(layerMinZoom([...points(DENSE_POINTS), ...lines(DENSE_POINTS + 1)])).toBe(0);
    expect(layerMinZoom(lines(200_000))).toBe(0);
  });
});
