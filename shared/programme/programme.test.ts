import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { StoredFeature } from '../model/layer';
import { CONDITIONS } from '../model/road-network';
import { HandlingCatalogueSchema, exampleWordsLeft, type HandlingCatalogue } from './handling-catalogue';
import { EXAMPLE_HANDLING_CATALOGUE } from './example-handling-catalogue';
import { chooseBridgeHandling, chooseRoadHandling } from './choose-handling';
import { priceRoadHandling } from './price-handling';
import { listCandidates, type Candidate } from './list-candidates';
import { rankCandidates } from './rank-candidates';
import { fillBudget } from './fill-budget';
import { projectKemantapan } from './project-kemantapan';
import { planProgramme } from './plan-programme';
import { chartKemantapanBeforeAfter } from '../charts/programme-chart';

const M = 1_000_000;
/** A small catalogue whose prices the sums below are worked from. */
const catalogue: HandlingCatalogue = {
  ...EXAMPLE_HANDLING_CATALOGUE,
  id: 'uji',
  assumedWidthM: 4.5,
  assumedSurface: 'aspal',
  roadCosts: [
    { handling: 'rekonstruksi', surface: 'aspal', maxWidthM: 4.5, costPerKmIdr: 3000 * M },
    { handling: 'rekonstruksi', surface: 'aspal', maxWidthM: null, costPerKmIdr: 4000 * M },
    { handling: 'rehabilitasi', surface: 'aspal', maxWidthM: 4.5, costPerKmIdr: 1500 * M },
    { handling: 'pemeliharaan_berkala', surface: 'aspal', maxWidthM: 4.5, costPerKmIdr: 800 * M },
    { handling: 'pemeliharaan_rutin', surface: 'aspal', maxWidthM: null, costPerKmIdr: 50 * M },
    { handling: 'peningkatan', surface: 'kerikil', maxWidthM: null, costPerKmIdr: 5000 * M },
  ],
  bridgeCosts: [
    { handling: 'penggantian', costPerMetreIdr: 100 * M },
    { handling: 'pembangunan_baru', costPerMetreIdr: 120 * M },
  ],
};

function road(id: string, p: Record<string, unknown>): StoredFeature {
  return {
    id,
    layerId: 'jalan',
    geometry: { type: 'LineString', coordinates: [] },
    properties: {
      kind: 'road',
      ruasNumber: id,
      name: `Ruas ${id}`,
      status: 'provinsi',
      surface: 'aspal',
      carriagewayWidthM: 4.5,
      borderRoute: false,
      proposedStatus: null,
      ...p,
    },
  };
}
function bridge(id: string, p: Record<string, unknown>): StoredFeature {
  return {
    id,
    layerId: 'jembatan',
    geometry: { type: 'Point', coordinates: [0, 0] },
    properties: { kind: 'bridge', name: `Jembatan ${id}`, existence: 'existing', ruasNumber: null, ...p },
  };
}

const network = [
  road('r1', { regencyCode: '5303', condition: 'rusak_berat', lengthM: 2500 }),
  road('r2', { regencyCode: '5303', condition: 'rusak_ringan', lengthM: 2000 }),
  road('r3', { regencyCode: '5304', condition: 'sedang', lengthM: 4000, carriagewayWidthM: null }),
  road('r4', { regencyCode: '5304', condition: 'baik', lengthM: 1000, carriagewayWidthM: 7 }),
  road('r5', {
    regencyCode: '5304',
    condition: 'rusak_berat',
    lengthM: 1500,
    surface: 'kerikil',
    carriagewayWidthM: 6,
    borderRoute: true,
  }),
  road('r6', { regencyCode: '5303', condition: null, lengthM: 500 }),
  road('n1', { regencyCode: '5303', condition: 'rusak_berat', lengthM: 3000, status: 'nasional' }),
  bridge('b1', { ruasNumber: 'r1', regencyCode: '5303', condition: 'rusak_berat', lengthM: 40 }),
  bridge('b2', { regencyCode: '5304', condition: null, existence: 'proposed', lengthM: 25 }),
  bridge('b3', { ruasNumber: 'r2', regencyCode: '5303', condition: 'baik', lengthM: 60 }),
  bridge('b4', { ruasNumber: 'n1', regencyCode: '5303', condition: 'rusak_berat', lengthM: 80 }),
];

describe('handling by condition', () => {
  it('ships the example catalogue valid and labelled as an example', () => {
    expect(HandlingCatalogueSchema.safeParse(EXAMPLE_HANDLING_CATALOGUE).success).toBe(true);
    expect(EXAMPLE_HANDLING_CATALOGUE.example).toBe(true);
    expect(EXAMPLE_HANDLING_CATALOGUE.name).toContain('CONTOH');
  });

  it('adopts prices only once the name and the source no longer say CONTOH', () => {
    const adopted = { ...EXAMPLE_HANDLING_CATALOGUE, example: false };
    const refused = HandlingCatalogueSchema.safeParse(adopted);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['reference']);
    expect(exampleWordsLeft(adopted)).toEqual(['name', 'reference']);
    const named = { ...adopted, name: 'Harga satuan 2027', reference: 'Pergub NTT No. 12/2026 tentang HSPK' };
    expect(exampleWordsLeft(named)).toEqual([]);
    expect(HandlingCatalogueSchema.safeParse(named).success).toBe(true);
    // Words that merely contain the letters are not the marker.
    expect(exampleWordsLeft({ ...named, reference: 'Contohnya SK 3/2026' })).toEqual([]);
    expect(exampleWordsLeft({ ...named, name: 'Example prices' })).toEqual(['name']);
  });

  it('gives every condition its handling, unpaved damaged roads an upgrade', () => {
    const cases = [
      ['baik', 'aspal', 'pemeliharaan_rutin'],
      ['sedang', 'aspal', 'pemeliharaan_berkala'],
      ['rusak_ringan', 'aspal', 'rehabilitasi'],
      ['rusak_berat', 'aspal', 'rekonstruksi'],
      ['rusak_berat', null, 'rekonstruksi'],
      ['baik', 'kerikil', 'pemeliharaan_rutin'],
      ['sedang', 'tanah', 'pemeliharaan_berkala'],
      ['rusak_ringan', 'kerikil', 'peningkatan'],
      ['rusak_berat', 'tanah', 'peningkatan'],
    ] as const;
    for (const [condition, surface, handling] of cases)
      expect([condition, surface, chooseRoadHandling(catalogue, condition, surface)]).toEqual([
        condition,
        surface,
        handling,
      ]);
    expect(
      ['baik', 'sedang', 'rusak_ringan', 'rusak_berat', 'proposed'].map((s) =>
        chooseBridgeHandling(catalogue, s as never),
      ),
    ).toEqual([null, null, 'rehabilitasi', 'penggantian', 'pembangunan_baru']);
  });

  it('prices a width on the edge of a band with that band, a wider one with the next', () => {
    expect(priceRoadHandling(catalogue, 'rekonstruksi', 'aspal', 4.5)).toBe(3000 * M);
    expect(priceRoadHandling(catalogue, 'rekonstruksi', 'aspal', 4.51)).toBe(4000 * M);
    expect(priceRoadHandling(catalogue, 'rehabilitasi', 'aspal', 4.51)).toBeNull();
    // Example catalogue: 6 m asphalt reconstruction Rp4,5 miliar/km; 4,5 m is 0,75 of it; 7 m 1,2 of it.
    expect(priceRoadHandling(EXAMPLE_HANDLING_CATALOGUE, 'rekonstruksi', 'aspal', 6)).toBe(4500 * M);
    expect(priceRoadHandling(EXAMPLE_HANDLING_CATALOGUE, 'rekonstruksi', 'aspal', 4.5)).toBe(3375 * M);
    expect(priceRoadHandling(EXAMPLE_HANDLING_CATALOGUE, 'rekonstruksi', 'aspal', 6.5)).toBe(5400 * M);
  });
});

describe('programme', () => {
  const { candidates, skipped } = listCandidates(network, catalogue, ['provinsi']);
  const byId = new Map(candidates.map((c) => [c.featureId, c]));

  it('prices each candidate by hand: length × unit cost', () => {
    const cost = (id: string) => [byId.get(id)?.handling, byId.get(id)?.costIdr];
    expect(cost('r1')).toEqual(['rekonstruksi', 7500 * M]); // 2,5 km × Rp3 000 juta
    expect(cost('r2')).toEqual(['rehabilitasi', 3000 * M]); // 2,0 km × Rp1 500 juta
    expect(cost('r3')).toEqual(['pemeliharaan_berkala', 3200 * M]); // 4,0 km × Rp800 juta at the assumed 4,5 m
    expect(byId.get('r3')?.assumed).toBe(true);
    expect(cost('r4')).toEqual(['pemeliharaan_rutin', 50 * M]); // 1,0 km × Rp50 juta (7 m: the open band)
    expect(cost('r5')).toEqual(['peningkatan', 7500 * M]); // 1,5 km × Rp5 000 juta (kerikil)
    expect(cost('b1')).toEqual(['penggantian', 4000 * M]); // 40 m × Rp100 juta
    expect(cost('b2')).toEqual(['pembangunan_baru', 3000 * M]); // 25 m × Rp120 juta
    // r6 has no condition, b3 is baik (no handling), n1 and its bridge b4 are national.
    expect([...byId.keys()].sort()).toEqual(['b1', 'b2', 'r1', 'r2', 'r3', 'r4', 'r5']);
    expect(skipped).toEqual({ noCondition: 1, noHandling: 1, noPrice: 0 });
  });

  it('ranks by severity, border route, then cost, and fills Rp20 miliar without passing it', () => {
    const ranked = rankCandidates(candidates);
    // rusak berat: r5 (border) first, then b1 (Rp4 M) before r1 (Rp7,5 M); rusak ringan r2; proposed b2; sedang r3; baik r4.
    expect(ranked.map((c) => c.featureId)).toEqual(['r5', 'b1', 'r1', 'r2', 'b2', 'r3', 'r4']);
    const filled = fillBudget(ranked, 20_000 * M);
    // 7 500 + 4 000 + 7 500 = 19 000 juta; r2 (3 000), b2 (3 000), r3 (3 200) would pass 20 000; r4 (50) fits: 19 050.
    expect(filled.items.filter((i) => i.funded).map((i) => i.featureId)).toEqual(['r5', 'b1', 'r1', 'r4']);
    expect(filled.fundedIdr).toBe(19_050 * M);
    expect(filled.remainingIdr).toBe(950 * M);
    expect(filled.fundedCount).toBe(4);
  });

  it('never lets the strategic flags lift an item over a worse condition', () => {
    const strategic = candidates.map((c) =>
      c.featureId === 'b2' || c.featureId === 'r3' ? { ...c, borderRoute: true, proposedNational: true } : c,
    );
    // b2 (proposed) and r3 (sedang) on a border ruas proposed for national status stay below r2 (rusak ringan).
    expect(rankCandidates(strategic).map((c) => c.featureId)).toEqual(['r5', 'b1', 'r1', 'r2', 'b2', 'r3', 'r4']);
  });

  it('computes kemantapan before and after by hand on the small network', () => {
    const handled = new Set(['r5', 'b1', 'r1', 'r4']);
    const { before, after } = projectKemantapan(network, handled, ['provinsi']);
    // Known provincial length 2 500 + 2 000 + 4 000 + 1 000 + 1 500 = 11 000 m (r6 unknown);
    // mantap before: r3 sedang 4 000 + r4 baik 1 000 = 5 000 → 45,45 %;
    // after r1 and r5 become baik: 5 000 + 2 500 + 1 500 = 9 000 → 81,82 %.
    expect(before.total.kemantapanPct).toBeCloseTo((5000 / 11000) * 100, 10);
    expect(after.total.kemantapanPct).toBeCloseTo((9000 / 11000) * 100, 10);
    const regency = (summary: typeof before, code: string) =>
      summary.regencies.find((r) => r.regencyCode === code)?.kemantapanPct;
    // 5303: r1 2 500 rusak berat, r2 2 000 rusak ringan: 0 % → r1 baik: 2 500 / 4 500 = 55,56 %.
    expect(regency(before, '5303')).toBe(0);
    expect(regency(after, '5303')).toBeCloseTo((2500 / 4500) * 100, 10);
    // 5304: r3 4 000 + r4 1 000 mantap of 6 500 = 76,92 % → r5 baik: 6 500 / 6 500 = 100 %.
    expect(regency(before, '5304')).toBeCloseTo((5000 / 6500) * 100, 10);
    expect(regency(after, '5304')).toBe(100);
  });

  it('never passes the ceiling and funds nothing that a higher-priority unfunded item could have taken', () => {
    const item = fc.record({ costIdr: fc.integer({ min: 0, max: 10_000 }), state: fc.constantFrom(...CONDITIONS) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), fc.integer({ min: 0, max: 100_000 }), (items, ceiling) => {
        const list = items.map(
          (i, n) =>
            ({
              ...i,
              featureId: `c${String(n).padStart(3, '0')}`,
              borderRoute: false,
              proposedNational: false,
            }) as Candidate,
        );
        const filled = fillBudget(rankCandidates(list), ceiling);
        const funded = filled.items.filter((i) => i.funded);
        const sum = funded.reduce((total, i) => total + i.costIdr, 0);
        expect(sum).toBe(filled.fundedIdr);
        expect(sum).toBeLessThanOrEqual(ceiling);
        // Each passed-over item did not fit in what was left after the items ranked above it.
        let spent = 0;
        for (const i of filled.items) {
          if (i.funded) spent += i.costIdr;
          else expect(spent + i.costIdr).toBeGreaterThan(ceiling);
        }
      }),
    );
  });
});

describe('programme plan', () => {
  it('totals cost and kilometres per regency by hand', () => {
    const plan = planProgramme(network, catalogue, ['provinsi'], 20_000 * M);
    // Funded: r5 (5304, 1 500 m, Rp7 500 juta), b1 (5303, 40 m, Rp4 000 juta), r1 (5303, 2 500 m, Rp7 500 juta),
    // r4 (5304, 1 000 m, Rp50 juta).
    // Kemantapan 5303: before 0 of 4 500 m known, after r1 → 2 500 / 4 500; 5304: 5 000 / 6 500, after 6 500 / 6 500.
    expect(plan.regencies).toEqual([
      {
        regencyCode: '5303',
        fundedIdr: 11_500 * M,
        fundedRoadM: 2500,
        fundedBridgeM: 40,
        beforePct: 0,
        afterPct: (2500 / 4500) * 100,
      },
      {
        regencyCode: '5304',
        fundedIdr: 7_550 * M,
        fundedRoadM: 2500,
        fundedBridgeM: 0,
        beforePct: (5000 / 6500) * 100,
        afterPct: 100,
      },
    ]);
    // All candidates: 7 500 + 3 000 + 3 200 + 50 + 7 500 + 4 000 + 3 000 = 28 250 juta.
    expect(plan.neededIdr).toBe(28_250 * M);
    expect(plan.fundedRoadM).toBe(5000);
    expect(plan.fundedBridgeM).toBe(40);
    // Not reached: r2 2 000 + r3 4 000.
    expect(plan.unfundedRoadM).toBe(6000);
    expect(plan.after.total.kemantapanPct).toBeCloseTo((9000 / 11000) * 100, 10);
  });

  it('lists a regency whose only funded item is a bridge, so the rows add up to the total', () => {
    // A proposed bridge b9 in Sabu Raijua (5320), which has no provincial road: Rp120 juta × 30 m = Rp3 600 juta.
    const withBridge = [
      ...network,
      bridge('b9', { regencyCode: '5320', condition: null, existence: 'proposed', lengthM: 30 }),
    ];
    const plan = planProgramme(withBridge, catalogue, ['provinsi'], 30_000 * M);
    const sabu = plan.regencies.find((row) => row.regencyCode === '5320');
    expect(sabu).toEqual({
      regencyCode: '5320',
      fundedIdr: 3_600 * M,
      fundedRoadM: 0,
      fundedBridgeM: 30,
      beforePct: null,
      afterPct: null,
    });
    expect(plan.regencies.reduce((total, row) => total + row.fundedIdr, 0)).toBe(plan.fundedIdr);
  });
});

describe('kemantapan chart', () => {
  it('stacks what the programme adds on the kemantapan before, the province first', () => {
    const { before, after } = projectKemantapan(network, new Set(['r5', 'r1', 'r4']), ['provinsi']);
    const chart = chartKemantapanBeforeAfter(before, after);
    // Province 45,45 % + 36,36 % = 81,82 %; 5304 76,92 % + 23,08 % = 100 %; 5303 0 % + 55,56 %.
    expect(chart.rows.map((row) => row.key)).toEqual(['province', '5304', '5303']);
    const bars = chart.bars.map((bar) => [bar.rowKey, bar.seriesKey, Math.round(bar.value * 100) / 100]);
    expect(bars).toEqual([
      ['province', 'before', 45.45],
      ['province', 'gain', 36.36],
      ['5304', 'before', 76.92],
      ['5304', 'gain', 23.08],
      ['5303', 'before', 0],
      ['5303', 'gain', 55.56],
    ]);
  });
});
