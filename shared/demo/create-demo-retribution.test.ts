import { describe, expect, it } from 'vitest';
import { createDemoDataset } from './create-demo-dataset';
import { createDemoRetribution } from './create-demo-retribution';
import { AssessmentSchema } from '../retribution/assessment';
import { PaymentSchema } from '../retribution/payment';
import { ObligorSchema } from '../retribution/obligor';
import { ProgrammeSchema } from '../retribution/programme';
import { assessmentBalances } from '../retribution/assessment-balances';
import { reconcileOwnerNames } from '../retribution/reconcile-owner-names';

describe('demo retribution', () => {
  const dataset = createDemoDataset('2026-03-01T00:00:00.000Z');
  const demo = createDemoRetribution(dataset.features, '2026-03-01T00:00:00.000Z');

  it('is valid, all marked demo, numbered apart from real notices', () => {
    for (const obligor of demo.obligors) expect(ObligorSchema.parse(obligor).demo).toBe(true);
    for (const programme of demo.programmes) expect(ProgrammeSchema.parse(programme).demo).toBe(true);
    for (const assessment of demo.assessments) expect(AssessmentSchema.parse(assessment).demo).toBe(true);
    for (const payment of demo.payments) expect(PaymentSchema.parse(payment).demo).toBe(true);
    expect(demo.assessments.every((a) => a.number!.startsWith('DEMO/SKRD/PUPR-NTT/2026/'))).toBe(true);
    expect(new Set(demo.assessments.map((a) => a.number)).size).toBe(demo.assessments.length);
  });

  it('shows the whole cycle: two periods, paid, partly paid and unpaid, and owners still to reconcile', () => {
    expect(new Set(demo.assessments.map((a) => a.periodId))).toEqual(new Set(['2026-s1', '2026-s2']));
    const standings = [...assessmentBalances(demo.assessments, demo.payments).values()].map((b) => b.standing);
    expect(new Set(standings)).toEqual(new Set(['paid', 'partial', 'unpaid']));
    const assets = dataset.features.filter((f) => f.properties.kind === 'asset');
    const reconciliation = reconcileOwnerNames(
      assets.map((a) => ({ id: a.id, owner: String(a.properties.owner) })),
      demo.obligors,
    );
    expect(reconciliation.suggestions.length).toBeGreaterThan(0);
    expect(reconciliation.linked.length).toBeGreaterThan(0);
  });
});
