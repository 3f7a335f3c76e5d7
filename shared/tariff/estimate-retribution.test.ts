import { describe, expect, it } from 'vitest';
import type { StoredFeature } from '../model/layer';
import type { EncroachmentResult } from '../analysis/encroachment';
import { formatRupiah, formatRupiahShort } from '../format/format-rupiah';
import { estimateRetribution } from './estimate-retribution';
import { EXAMPLE_TARIFF_SCHEDULE, TariffScheduleSchema } from './tariff-schedule';

function createResult(
  assetId: string,
  quantity: number,
  unit: EncroachmentResult['unit'],
  ruasNumber = 'P-601',
  corridorIds = ['kupang'],
): EncroachmentResult {
  return { assetId, zone: 'rumija', segmentId: 's', ruasNumber, corridorIds, offsetM: 3, staM: 100, quantity, unit };
}
function createAsset(id: string, category: string, owner: string, ownerType: string): StoredFeature {
  return {
    id,
    layerId: 'a',
    geometry: { type: 'Point', coordinates: [0, 0] },
    properties: { kind: 'asset', category, owner, ownerType },
  };
}

describe('retribution estimate', () => {
  const assets = [
    createAsset('pole', 'tiang_listrik', 'PLN UP3 Kupang', 'pln'),
    createAsset('cable', 'kabel', 'Telkom', 'telkom'),
    createAsset('kiosk', 'kios', 'Warga', 'swasta'),
    createAsset('billboard-point', 'reklame', 'CV Iklan', 'swasta'),
  ];
  const results = [
    createResult('pole', 1, 'unit'),
    createResult('cable', 102.5, 'm'),
    createResult('kiosk', 8, 'm2', 'P-602', []),
    createResult('billboard-point', 1, 'unit'),
  ];

  it('multiplies quantity by the yearly rate and the period, and totals by owner, category, ruas and corridor', () => {
    const estimate = estimateRetribution(results, assets, EXAMPLE_TARIFF_SCHEDULE, { periodYears: 2 });
    const pole = 1 * 150_000 * 2;
    const cable = 2_733_265; // 102,5 m × Rp13 333 × 2 years = 2 733 265,0 (whole rupiah)
    const kiosk = 8 * 60_000 * 2;
    expect(estimate.lines.find((l) => l.assetId === 'cable')!.amountIdr).toBe(cable);
    expect(estimate.totalIdr).toBe(pole + cable + kiosk);
    expect(estimate.byOwner).toEqual({ 'PLN UP3 Kupang': pole, Telkom: cable, Warga: kiosk, 'CV Iklan': 0 });
    expect(estimate.byCategory.kabel).toBe(cable);
    expect(estimate.byRuas).toEqual({ 'P-601': pole + cable, 'P-602': kiosk });
    expect(estimate.byCorridor).toEqual({ kupang: pole + cable });
    expect(estimate.example).toBe(true);
  });

  it('flags a billboard mapped as a point against a per-m² rate instead of guessing', () => {
    const line = estimateRetribution(results, assets, EXAMPLE_TARIFF_SCHEDULE).lines.find(
      (l) => l.assetId === 'billboard-point',
    )!;
    expect(line).toMatchObject({ problem: 'basis-mismatch', amountIdr: 0, tariffItemId: 'reklame' });
  });

  it('splits the total by the share already paying', () => {
    const estimate = estimateRetribution(results, assets, EXAMPLE_TARIFF_SCHEDULE, { payingShare: 0.25 });
    expect(estimate.alreadyPaidIdr).toBe(Math.round(estimate.totalIdr * 0.25));
    expect(estimate.alreadyPaidIdr + estimate.potentialNewIdr).toBe(estimate.totalIdr);
  });

  it('keeps whole rupiah per line, and totals that are the sum of the printed lines', () => {
    // 3 cables of 0,7 m at Rp13 333: 9 333,1 each; rounded per line 9 333, so the total is 27 999 (not 27 999,3).
    const cables = [0, 1, 2].map((i) => createAsset(`c${i}`, 'kabel', 'Telkom', 'telkom'));
    const estimate = estimateRetribution(
      cables.map((cable) => createResult(cable.id, 0.7, 'm')),
      cables,
      EXAMPLE_TARIFF_SCHEDULE,
    );
    expect(estimate.lines.map((line) => line.amountIdr)).toEqual([9_333, 9_333, 9_333]);
    expect(estimate.totalIdr).toBe(27_999);
    expect(estimate.byOwner.Telkom).toBe(27_999);
  });

  it('keys lines by position, so two poles sharing an id from another system each keep their own result', () => {
    const twins = [
      createAsset('TL-7', 'tiang_listrik', 'PLN', 'pln'),
      createAsset('TL-7', 'tiang_listrik', 'PLN', 'pln'),
    ];
    const outsideFirst = estimateRetribution(
      [{ ...createResult('TL-7', 0, 'unit'), zone: 'luar' }, createResult('TL-7', 1, 'unit')],
      twins,
      EXAMPLE_TARIFF_SCHEDULE,
    );
    expect(outsideFirst.lines.map((line) => [line.assetIndex, line.amountIdr])).toEqual([[1, 150_000]]);
    expect(outsideFirst.totalIdr).toBe(150_000);
  });

  it('validates schedules: the example passes, a category in two items does not', () => {
    expect(TariffScheduleSchema.safeParse(EXAMPLE_TARIFF_SCHEDULE).success).toBe(true);
    const doubled = {
      ...EXAMPLE_TARIFF_SCHEDULE,
      items: [
        ...EXAMPLE_TARIFF_SCHEDULE.items,
        { id: 'x', label: 'x', categories: ['kabel'], basis: 'metre', ratePerYearIdr: 1 },
      ],
    };
    expect(TariffScheduleSchema.safeParse(doubled).success).toBe(false);
    expect(TariffScheduleSchema.safeParse({ ...EXAMPLE_TARIFF_SCHEDULE, validTo: '2025-01-01' }).success).toBe(false);
  });

  it('formats rupiah the Indonesian way', () => {
    // Intl puts a no-break space after "Rp", which keeps the amount on one line.
    expect(formatRupiah(3_000_000)).toBe('Rp\u00a03.000.000');
    expect(formatRupiahShort(3_000_000_000)).toBe('Rp3 miliar');
    expect(formatRupiahShort(1_234_000_000)).toBe('Rp1,2 miliar');
    expect(formatRupiahShort(450_000_000)).toBe('Rp450 juta');
    expect(formatRupiahShort(3_000_000_000, 'en')).toBe('Rp3 billion');
  });
});
