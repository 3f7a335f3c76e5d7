import type { StoredFeature } from '../model/layer';
import { analyzeAssets, createRoadIndex } from '../analysis/encroachment';
import { EXAMPLE_TARIFF_SCHEDULE } from '../tariff/tariff-schedule';
import type { Obligor } from '../retribution/obligor';
import type { Programme } from '../retribution/programme';
import type { Assessment } from '../retribution/assessment';
import type { Payment } from '../retribution/payment';
import { assessCorridor } from '../retribution/assess-corridor';
import { issueAssessments } from '../retribution/issue-assessments';
import { EXAMPLE_RETRIBUTION_SETTINGS } from '../retribution/retribution-settings';

export interface DemoRetribution {
  obligors: Obligor[];
  programmes: Programme[];
  assessments: Assessment[];
  payments: Payment[];
}

const demoObligor = (
  id: string,
  name: string,
  type: Obligor['type'],
  ownerNames: string[],
  address: string,
): Obligor => ({
  id: `demo-obligor-${id}`,
  name,
  type,
  npwp: null,
  nib: null,
  address,
  contact: '(contoh)',
  ownerNames,
  demo: true,
});

/** Demo notices are numbered apart from the office's own, so a real notice never takes a demo number. */
const DEMO_NUMBERING = { ...EXAMPLE_RETRIBUTION_SETTINGS, numberPattern: 'DEMO/SKRD/PUPR-NTT/{year}/{seq:4}' };

/**
 * ILLUSTRATIVE retribution cycle on the demo Kupang corridor: demo obligors (some demo owners left unlinked for the
 * reconciliation), a programme with two periods of 2026 assessed from the demo assets with the example tariff,
 * issued, and some paid, some partly, some not (arrears). Every record is marked demo.
 */
export function createDemoRetribution(features: readonly StoredFeature[], createdAt: string): DemoRetribution {
  const obligors = [
    demoObligor('pln', 'PT PLN (Persero) UP3 Kupang', 'pln', ['PLN UP3 Kupang'], 'Jl. Jend. Sudirman, Kupang (contoh)'),
    demoObligor(
      'telkom',
      'PT Telkom Indonesia (Persero) Tbk',
      'telkom',
      ['Telkom Indonesia'],
      'Jl. Urip Sumoharjo, Kupang (contoh)',
    ),
    demoObligor('pdam', 'Perumda Air Minum (contoh)', 'pdam', ['Perumda Air Minum (contoh)'], 'Kupang (contoh)'),
    demoObligor('isp', 'Penyedia internet (contoh)', 'isp', ['Penyedia internet (contoh)'], 'Kupang (contoh)'),
    demoObligor('reklame', 'Biro reklame (contoh)', 'company', ['Biro reklame (contoh)'], 'Kupang (contoh)'),
  ];
  const programme: Programme = {
    id: 'demo-programme-kupang',
    name: 'Penertiban RUMIJA Simpang Polda – El Tari (demo)',
    corridorId: 'demo-corridor-kupang',
    status: 'active',
    demo: true,
    periods: [
      {
        id: '2026-s1',
        label: 'Semester I 2026',
        start: '2026-01-01',
        end: '2026-06-30',
        dueDate: '2026-07-31',
        tariffScheduleId: EXAMPLE_TARIFF_SCHEDULE.id,
        tariffVersion: EXAMPLE_TARIFF_SCHEDULE.version,
      },
      {
        id: '2026-s2',
        label: 'Semester II 2026',
        start: '2026-07-01',
        end: '2026-12-31',
        dueDate: '2027-01-31',
        tariffScheduleId: EXAMPLE_TARIFF_SCHEDULE.id,
        tariffVersion: EXAMPLE_TARIFF_SCHEDULE.version,
      },
    ],
  };
  const roads = features.filter((feature) => feature.properties.kind === 'road');
  const corridors = features.filter((feature) => feature.properties.kind === 'corridor');
  const assets = features.filter((feature) => feature.properties.kind === 'asset');
  const results = analyzeAssets(createRoadIndex(roads, corridors), assets);
  let numbering = DEMO_NUMBERING;
  const assessments: Assessment[] = [];
  for (const [periodId, issuedAt] of [
    ['2026-s1', '2026-07-01T02:00:00.000Z'],
    ['2026-s2', '2026-12-01T02:00:00.000Z'],
  ] as const) {
    const assessed = assessCorridor({
      results,
      assets,
      schedule: EXAMPLE_TARIFF_SCHEDULE,
      programme,
      periodId,
      obligors,
      createdAt,
    });
    if ('code' in assessed) throw new Error(`demo retribution: ${assessed.code}`);
    const issued = issueAssessments(assessed.drafts, new Map(), numbering, issuedAt);
    if ('problems' in issued) throw new Error(`demo retribution: ${issued.problems[0]!.code}`);
    numbering = issued.settings;
    assessments.push(...issued.issued.map((assessment) => ({ ...assessment, demo: true })));
  }
  const of = (obligorId: string, periodId: string) =>
    assessments.find((a) => a.obligorId === `demo-obligor-${obligorId}` && a.periodId === periodId);
  const payments: Payment[] = [];
  const pay = (id: string, date: string, obligorId: string, parts: [Assessment | undefined, number][]) => {
    const allocations = parts.flatMap(([assessment, share]) =>
      assessment ? [{ assessmentId: assessment.id, amountIdr: Math.round(assessment.totalIdr * share) }] : [],
    );
    const amountIdr = allocations.reduce((sum, allocation) => sum + allocation.amountIdr, 0);
    if (amountIdr > 0)
      payments.push({
        id: `demo-payment-${id}`,
        date,
        amountIdr,
        bankReference: `DEMO-FT${date.replaceAll('-', '')}${id}`,
        obligorId: `demo-obligor-${obligorId}`,
        allocations,
        source: 'manual',
        note: 'Pembayaran contoh (demo)',
        recordedAt: createdAt,
        demo: true,
      });
  };
  // PLN pays both semesters in one transfer; Telkom pays half of the first; the others are in arrears.
  pay('1', '2026-12-03', 'pln', [
    [of('pln', '2026-s1'), 1],
    [of('pln', '2026-s2'), 1],
  ]);
  pay('2', '2026-08-14', 'telkom', [[of('telkom', '2026-s1'), 0.5]]);
  pay('3', '2026-07-28', 'reklame', [[of('reklame', '2026-s1'), 1]]);
  return { obligors, programmes: [programme], assessments, payments };
}
