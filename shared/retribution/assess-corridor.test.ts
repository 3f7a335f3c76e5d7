import { describe, expect, it } from 'vitest';
import { EXAMPLE_TARIFF_SCHEDULE } from '../tariff/tariff-schedule';
import { AssessmentSchema, type Assessment } from './assessment';
import { assessCorridor } from './assess-corridor';
import { issueAssessments } from './issue-assessments';
import { reviseAssessment } from './revise-assessment';
import { EXAMPLE_RETRIBUTION_SETTINGS } from './retribution-settings';
import { PROGRAMME, assessFixture, createAsset, createObligor, createResult } from './test-fixtures';

const obligors = [
  createObligor('o-pln', 'PT PLN (Persero)', ['PLN', 'PT PLN (Persero) UP3 Kupang']),
  createObligor('o-telkom', 'PT Telkom Indonesia', ['Telkom']),
];
const assets = [
  createAsset('pole-2', 'tiang_listrik', 'PLN'),
  createAsset('pole-1', 'tiang_listrik', 'PT PLN (Persero) UP3 Kupang'),
  createAsset('cable', 'kabel', 'Telkom'),
  createAsset('kiosk', 'kios', 'Warung Bu Ana'),
  createAsset('pole-out', 'tiang_listrik', 'PLN'),
  createAsset('pole-far', 'tiang_listrik', 'PLN'),
  createAsset('tree', 'pohon', 'Telkom'),
];
const results = [
  createResult('pole-2', 1, 'unit', 820.4),
  createResult('pole-1', 1, 'unit', 120.6),
  createResult('cable', 102.5, 'm', 300),
  createResult('kiosk', 8, 'm2', 400),
  createResult('pole-out', 1, 'unit', 900, ['corridor-atambua']),
  createResult('pole-far', 0, 'unit', 1000),
  createResult('tree', 1, 'unit', 50),
];

const assess = (schedule = EXAMPLE_TARIFF_SCHEDULE, inputAssets = assets) =>
  assessFixture({ results, assets: inputAssets, obligors }, schedule);

describe('assessment of a corridor and period', () => {
  it('makes one draft per obligor with one line per asset in the corridor, whole rupiah, total = sum of lines', () => {
    const { drafts, unlinkedAssetIds, untariffedAssetIds, totalIdr } = assess();
    // Six months of a yearly tariff, by hand: pole 1 × 150 000 × 6/12 = 75 000;
    // cable 102.5 m × 13 333 × 6/12 = 683 316.25 → 683 316.
    expect(drafts.map((d) => [d.obligorId, d.lines.map((l) => [l.assetId, l.staM, l.amountIdr]), d.totalIdr])).toEqual([
      [
        'o-pln',
        [
          ['pole-1', 121, 75_000],
          ['pole-2', 820, 75_000],
        ],
        150_000,
      ],
      ['o-telkom', [['cable', 300, 683_316]], 683_316],
    ]);
    expect(totalIdr).toBe(833_316);
    expect(unlinkedAssetIds).toEqual(['kiosk']);
    expect(untariffedAssetIds).toEqual(['tree']);
    for (const draft of drafts) {
      expect(AssessmentSchema.safeParse(draft).success).toBe(true);
      expect(draft).toMatchObject({
        status: 'draft',
        number: null,
        months: 6,
        dueDate: '2026-07-31',
        tariffVersion: 1,
      });
    }
    expect(drafts[0]!.obligor).toEqual({
      name: 'PT PLN (Persero)',
      type: 'company',
      npwp: null,
      address: 'Alamat PT PLN (Persero)',
    });
  });

  it('refuses a tariff version other than the one in force for the period', () => {
    const result = assessCorridor({
      results,
      assets,
      schedule: { ...EXAMPLE_TARIFF_SCHEDULE, version: 2 },
      programme: PROGRAMME,
      periodId: '2026-h1',
      obligors,
      createdAt: '',
    });
    expect(result).toEqual({
      code: 'tariff-version-mismatch',
      expected: 'contoh-perda-ntt-1-2024@1',
      given: 'contoh-perda-ntt-1-2024@2',
    });
  });

  it('issues numbers in order, gap-free per year, and keeps an issued assessment when tariffs and assets change', () => {
    const { drafts } = assess();
    const settings = { ...EXAMPLE_RETRIBUTION_SETTINGS, lastSequence: { '2026': 41, '2025': 7 } };
    const issued = issueAssessments(drafts, new Map(), settings, '2026-08-03T09:00:00.000Z');
    if ('problems' in issued) throw new Error('not issued');
    expect(issued.issued.map((a) => [a.number, a.status])).toEqual([
      ['SKRD/PUPR-NTT/2026/0042', 'issued'],
      ['SKRD/PUPR-NTT/2026/0043', 'issued'],
    ]);
    expect(issued.settings.lastSequence).toEqual({ '2026': 43, '2025': 7 });
    const frozen = structuredClone(issued.issued);
    // A new tariff version and an edited owner make different drafts, not different issued assessments.
    const raised = {
      ...EXAMPLE_TARIFF_SCHEDULE,
      items: EXAMPLE_TARIFF_SCHEDULE.items.map((i) => ({ ...i, ratePerYearIdr: i.ratePerYearIdr * 2 })),
    };
    const again = assess(
      raised,
      assets.map((a) => (a.id === 'pole-2' ? { ...a, properties: { ...a.properties, owner: 'Telkom' } } : a)),
    );
    expect(again.drafts[0]!.totalIdr).toBe(150_000);
    expect(issued.issued).toEqual(frozen);
    // Issuing twice is refused.
    expect(issueAssessments(issued.issued, new Map(), issued.settings, '2026-08-04T00:00:00.000Z')).toEqual({
      problems: [
        { code: 'not-a-draft', assessmentId: drafts[0]!.id, status: 'issued' },
        { code: 'not-a-draft', assessmentId: drafts[1]!.id, status: 'issued' },
      ],
    });
  });

  it('corrects an issued assessment by a revision with a reason that points at the one replaced; both are kept', () => {
    const { drafts } = assess();
    const first = issueAssessments(drafts, new Map(), EXAMPLE_RETRIBUTION_SETTINGS, '2026-08-03T09:00:00.000Z');
    if ('problems' in first) throw new Error('not issued');
    const original = first.issued[0]!;
    expect(reviseAssessment(original, original.lines, '  ', '')).toEqual({
      code: 'revise-without-reason',
      assessmentId: original.id,
    });
    expect(reviseAssessment(drafts[1]!, [], 'x', '')).toMatchObject({ code: 'revise-not-issued' });
    const revision = reviseAssessment(
      original,
      original.lines.slice(0, 1),
      'Tiang pole-2 sudah dibongkar',
      '2026-08-10T00:00:00.000Z',
    ) as Assessment;
    expect(revision).toMatchObject({
      status: 'draft',
      number: null,
      revision: 1,
      replacesId: original.id,
      totalIdr: 75_000,
    });
    expect(revision.id).not.toBe(original.id);
    expect(AssessmentSchema.safeParse(revision).success).toBe(true);
    const second = issueAssessments(
      [revision],
      new Map([[original.id, original]]),
      first.settings,
      '2026-08-11T00:00:00.000Z',
    );
    if ('problems' in second) throw new Error('not issued');
    expect(second.issued[0]!.number).toBe('SKRD/PUPR-NTT/2026/0003');
    expect(second.replaced).toEqual([{ ...original, status: 'replaced', replacedById: revision.id }]);
    expect(original.status).toBe('issued');
    // A revision of a revision that replaced nothing issued is refused.
    expect(issueAssessments([revision], new Map(), first.settings, '2026-08-11T00:00:00.000Z')).toMatchObject({
      problems: [{ code: 'replaced-not-issued' }],
    });
  });
});
