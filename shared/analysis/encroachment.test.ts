import { describe, expect, it } from 'vitest';
import { Geodesic } from 'geographiclib-geodesic';
import type { Geometry, Position } from 'geojson';
import type { StoredFeature } from '../model/layer';
import { analyzeAsset, analyzeAssets, createRoadIndex, UnmeasurableAssetError } from './encroachment';

const WGS84 = Geodesic.WGS84;
/** The position `metres` from `from` towards `azimuth` (0 = north, 90 = east), geodesically. */
function move(from: Position, azimuth: number, metres: number): Position {
  const result = WGS84.Direct(from[1]!, from[0]!, azimuth, metres);
  return [result.lon2!, result.lat2!];
}

const START: Position = [123.6, -10.17];
const EAST_END = move(START, 90, 1_000);

function createRoad(id: string, geometry: Geometry, overrides: Record<string, unknown> = {}): StoredFeature {
  return {
    id,
    layerId: 'roads',
    geometry,
    properties: {
      kind: 'road',
      ruasNumber: 'T-1',
      name: id,
      status: 'provinsi',
      functionClass: 'kolektor_primer',
      roadClass: 'sedang',
      rumijaWidthM: null,
      carriagewayWidthM: 6,
      condition: 'baik',
      surface: 'aspal',
      regencyCode: '5371',
      lengthM: 0,
      proposedStatus: null,
      borderRoute: false,
      source: { kind: 'drawn', label: 'test', recordedAt: null, illustrative: false },
      ...overrides,
    },
  };
}

function createAsset(id: string, geometry: Geometry): StoredFeature {
  return {
    id,
    layerId: 'assets',
    geometry,
    properties: { kind: 'asset', category: 'tiang_listrik', owner: 'PLN', ownerType: 'pln' },
  };
}

// Jalan sedang, kolektor primer, 6 m carriageway: RUMAJA 5 m, RUMIJA 7.5 m, RUWASJA 13 m from the centreline.
const straight = createRoadIndex([createRoad('straight', { type: 'LineString', coordinates: [START, EAST_END] })]);
const at = (alongM: number, northM: number) => move(move(START, 90, alongM), 0, northM);
const point = (id: string, position: Position) => createAsset(id, { type: 'Point', coordinates: position });

describe('encroachment of points', () => {
  it('puts a pole just inside the RUMIJA edge in RUMIJA and one just outside in RUWASJA', () => {
    const inside = analyzeAsset(straight, point('in', at(400, 7.49)));
    expect(inside).toMatchObject({
      zone: 'rumija',
      segmentId: 'straight',
      ruasNumber: 'T-1',
      quantity: 1,
      unit: 'unit',
    });
    expect(inside.offsetM).toBeCloseTo(7.49, 2);
    const outside = analyzeAsset(straight, point('out', at(400, -7.51)));
    expect(outside).toMatchObject({ zone: 'ruwasja', quantity: 0 });
    expect(outside.offsetM).toBeCloseTo(7.51, 2);
    expect(analyzeAsset(straight, point('rumaja', at(400, 4.9))).zone).toBe('rumaja');
    expect(analyzeAsset(straight, point('far', at(400, 13.2))).zone).toBe('luar');
    expect(analyzeAsset(straight, point('very-far', at(400, 500)))).toMatchObject({
      zone: 'luar',
      segmentId: null,
      quantity: 0,
    });
  });

  it('gives the STA of the foot of the perpendicular within 10 ppm (1 cm per km)', () => {
    const result = analyzeAsset(straight, point('sta', at(650, 3)));
    expect(Math.abs(result.staM! - 650) / 650).toBeLessThan(1e-5);
  });

  it('measures past the end of a road to its end point (round cap)', () => {
    const beyond = analyzeAsset(straight, point('cap', move(START, 270, 7)));
    expect(beyond.zone).toBe('rumija');
    expect(beyond.offsetM).toBeCloseTo(7, 2);
    expect(beyond.staM).toBeCloseTo(0, 6);
  });
});

describe('encroachment of lines', () => {
  it('gives a cable along two segments the STA where it starts, whatever order the segments were read in', () => {
    const middle = at(500, 0);
    const first = createRoad('first', { type: 'LineString', coordinates: [START, middle] });
    const second = createRoad('second', { type: 'LineString', coordinates: [middle, EAST_END] });
    // 1 m north of the centreline from 200 m to 800 m: as near to both segments, and to both of its ends.
    const cable = createAsset('along', { type: 'LineString', coordinates: [at(200, 1), at(800, 1)] });
    for (const roads of [
      [first, second],
      [second, first],
    ]) {
      const result = analyzeAsset(createRoadIndex(roads), cable);
      expect(result.segmentId).toBe('first');
      expect(Math.abs(result.staM! - 200) / 200).toBeLessThan(1e-5);
    }
  });

  it('counts the 15 m of a cable crossing the road square-on', () => {
    const cable = createAsset('cross', { type: 'LineString', coordinates: [at(300, -20), at(300, 20)] });
    const result = analyzeAsset(straight, cable);
    expect(result).toMatchObject({ zone: 'rumaja', unit: 'm', offsetM: 0 });
    expect(Math.abs(result.quantity - 15) / 15).toBeLessThan(0.001);
  });

  it('counts a diagonal crossing as 15 m × √2', () => {
    const cable = createAsset('diagonal', { type: 'LineString', coordinates: [at(280, -20), at(320, 20)] });
    const expected = 15 * Math.SQRT2;
    expect(Math.abs(analyzeAsset(straight, cable).quantity - expected) / expected).toBeLessThan(0.001);
  });

  it('counts a cable that runs along the road and then leaves it, in and out', () => {
    // 5 m north for 100 m (all inside), then straight north to 30 m: 2.5 m more inside.
    const cable = createAsset('along', { type: 'LineString', coordinates: [at(100, 5), at(200, 5), at(200, 30)] });
    const expected = 102.5;
    expect(Math.abs(analyzeAsset(straight, cable).quantity - expected) / expected).toBeLessThan(0.001);
    // In, out and back in: two 15 m crossings.
    const zigzag = createAsset('zigzag', {
      type: 'LineString',
      coordinates: [at(100, -20), at(100, 20), at(150, 20), at(150, -20)],
    });
    expect(Math.abs(analyzeAsset(straight, zigzag).quantity - 30) / 30).toBeLessThan(0.001);
  });
});

describe('encroachment of polygons', () => {
  // A 400 m edge: a straight lon/lat chord differs from the geodesic by L²·tanφ/8R ≈ 0.6 mm here,
  // against 3.5 mm on the 1 km edge, which would move a 2 m strip by 0.18 %.
  const straight = createRoadIndex([
    createRoad('short', { type: 'LineString', coordinates: [at(400, 0), at(800, 0)] }),
  ]);
  it('counts the half of a kiosk that stands inside RUMIJA', () => {
    // 4 m × 4 m, from 5.5 m to 9.5 m north of the centreline: 2 m × 4 m = 8 m² inside.
    const kiosk = createAsset('kiosk', {
      type: 'Polygon',
      coordinates: [[at(500, 5.5), at(504, 5.5), at(504, 9.5), at(500, 9.5), at(500, 5.5)]],
    });
    const result = analyzeAsset(straight, kiosk);
    expect(result).toMatchObject({ zone: 'rumija', unit: 'm2' });
    expect(result.offsetM).toBeCloseTo(5.5, 2);
    expect(Math.abs(result.quantity - 8) / 8).toBeLessThan(0.001);
  });

  it('counts a billboard footprint wholly inside and one wholly outside', () => {
    const inside = createAsset('in', {
      type: 'Polygon',
      coordinates: [[at(600, 1), at(603, 1), at(603, 3), at(600, 3), at(600, 1)]],
    });
    expect(Math.abs(analyzeAsset(straight, inside).quantity - 6) / 6).toBeLessThan(0.001);
    const outside = createAsset('out', {
      type: 'Polygon',
      coordinates: [[at(600, 8), at(603, 8), at(603, 10), at(600, 10), at(600, 8)]],
    });
    expect(analyzeAsset(straight, outside)).toMatchObject({ zone: 'ruwasja', quantity: 0 });
  });

  it('counts a building the road passes through at its full inside area', () => {
    // 10 m × 30 m across the road: 10 m × 15 m inside.
    const building = createAsset('across', {
      type: 'Polygon',
      coordinates: [[at(700, -15), at(710, -15), at(710, 15), at(700, 15), at(700, -15)]],
    });
    const result = analyzeAsset(straight, building);
    expect(result.offsetM).toBe(0);
    expect(Math.abs(result.quantity - 150) / 150).toBeLessThan(0.001);
  });
});

describe('roads meeting at an angle and multi-part corridors', () => {
  // An L: 500 m east, then 500 m north, as two segments of one ruas.
  const corner = move(START, 90, 500);
  const north = move(corner, 0, 500);
  const lShape = createRoadIndex([
    createRoad('east', { type: 'LineString', coordinates: [START, corner] }),
    createRoad('north', { type: 'LineString', coordinates: [corner, north] }),
  ]);

  it('uses the round join at the outside of the corner', () => {
    const diagonal = (distance: number) => move(corner, 135, distance);
    expect(analyzeAsset(lShape, point('in', diagonal(7.4))).zone).toBe('rumija');
    expect(analyzeAsset(lShape, point('out', diagonal(7.6))).zone).toBe('ruwasja');
  });

  it('continues the STA into the next segment of the ruas', () => {
    const result = analyzeAsset(lShape, point('north', move(move(corner, 0, 200), 90, 3)));
    expect(result.segmentId).toBe('north');
    expect(Math.abs(result.staM! - 700) / 700).toBeLessThan(1e-5);
  });

  it('does not count twice a cable inside both segments near the corner', () => {
    // Along the east segment's centreline into the corner, then up the north one: 40 m, all inside.
    const cable = createAsset('corner', {
      type: 'LineString',
      coordinates: [move(corner, 270, 20), corner, move(corner, 0, 20)],
    });
    expect(Math.abs(analyzeAsset(lShape, cable).quantity - 40) / 40).toBeLessThan(0.001);
  });

  it('runs chainage across the parts of a multi-part segment and reports its corridor', () => {
    const partTwoStart = move(START, 90, 2_000);
    const multi = createRoad(
      'multi',
      {
        type: 'MultiLineString',
        coordinates: [
          [START, EAST_END],
          [partTwoStart, move(partTwoStart, 90, 1_000)],
        ],
      },
      { rumijaWidthM: 25 },
    );
    const corridor: StoredFeature = {
      id: 'corridor-kupang',
      layerId: 'c',
      geometry: multi.geometry,
      properties: { kind: 'corridor', segmentIds: ['multi'] },
    };
    const index = createRoadIndex([multi], [corridor]);
    const result = analyzeAsset(index, point('p', move(move(partTwoStart, 90, 250), 0, 12)));
    expect(result).toMatchObject({ zone: 'rumija', corridorIds: ['corridor-kupang'], quantity: 1 });
    expect(Math.abs(result.staM! - 1_250) / 1_250).toBeLessThan(1e-5);
    // Between the parts there is no road: 1 500 m along, right on the line, is outside every zone.
    expect(analyzeAsset(index, point('gap', move(START, 90, 1_500))).zone).toBe('luar');
  });
});

describe('every geometry a register holds', () => {
  const asset = (id: string, geometry: Geometry) => createAsset(id, geometry);

  it('counts each pole of a MultiPoint on its own: three poles, one inside RUMIJA, is one unit', () => {
    const result = analyzeAsset(
      straight,
      asset('poles', { type: 'MultiPoint', coordinates: [at(100, 3), at(200, 30), at(300, -40)] }),
    );
    expect(result).toMatchObject({ zone: 'rumaja', quantity: 1, unit: 'unit' });
  });

  it('measures a GeometryCollection of one kind like the matching multi-geometry', () => {
    const cables = analyzeAsset(
      straight,
      asset('gc-lines', {
        type: 'GeometryCollection',
        geometries: [
          { type: 'LineString', coordinates: [at(100, -20), at(100, 20)] },
          {
            type: 'GeometryCollection',
            geometries: [{ type: 'LineString', coordinates: [at(500, -20), at(500, 20)] }],
          },
        ],
      }),
    );
    expect(cables.unit).toBe('m');
    // Two square-on crossings of a 15 m RUMIJA.
    expect(Math.abs(cables.quantity - 30) / 30).toBeLessThan(1e-4);
    const poles = analyzeAsset(
      straight,
      asset('gc-points', {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: at(10, 2) },
          { type: 'MultiPoint', coordinates: [at(20, 2), at(30, 50)] },
        ],
      }),
    );
    expect(poles).toMatchObject({ unit: 'unit', quantity: 2 });
  });

  it('refuses, with the reason, a GeometryCollection that is empty or mixes points and lines, near a road or far from it', () => {
    const mixed: Geometry = {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: at(100, 2) },
        { type: 'LineString', coordinates: [at(100, -20), at(100, 20)] },
      ],
    };
    expect(() => analyzeAsset(straight, asset('mixed', mixed))).toThrow(UnmeasurableAssetError);
    expect(() => analyzeAsset(straight, asset('mixed', mixed))).toThrow(/mencampur titik, garis/);
    expect(() => analyzeAsset(straight, asset('empty', { type: 'GeometryCollection', geometries: [] }))).toThrow(
      /GeometryCollection kosong/,
    );
    const far: Geometry = {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [130, -5] },
        {
          type: 'LineString',
          coordinates: [
            [130, -5],
            [130.1, -5],
          ],
        },
      ],
    };
    expect(() => analyzeAsset(straight, asset('far', far))).toThrow(UnmeasurableAssetError);
  });

  it('names the asset (by its position) when one of many cannot be measured', () => {
    expect(() =>
      analyzeAssets(straight, [point('ok', at(100, 2)), asset('bad', { type: 'GeometryCollection', geometries: [] })]),
    ).toThrow(/aset 2 \(bad\)/);
  });
});

describe('the single-point fast path', () => {
  it('gives exactly what the general path gives for the same pole as a one-point MultiPoint', () => {
    const bend = createRoadIndex([
      createRoad('a', { type: 'LineString', coordinates: [START, EAST_END, move(EAST_END, 30, 800)] }),
      createRoad(
        'b',
        { type: 'LineString', coordinates: [move(START, 0, 20), move(EAST_END, 0, 20)] },
        { rumijaWidthM: 25 },
      ),
    ]);
    let seed = 11;
    const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
    for (let i = 0; i < 2_000; i++) {
      const position = at(-100 + random() * 1_500, -40 + random() * 100);
      const fast = analyzeAsset(bend, point(`p${i}`, position));
      const general = analyzeAsset(bend, createAsset(`p${i}`, { type: 'MultiPoint', coordinates: [position] }));
      expect(fast).toEqual(general);
    }
  });
});
