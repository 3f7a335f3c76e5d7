import type { StoredFeature } from '../model/layer';
import type { Assessment } from './assessment';
import { assessmentBalances } from './assessment-balances';
import { daysOverdue } from './age-receivables';
import type { Obligor } from './obligor';
import type { Payment } from './payment';
import { obligorIndex } from './reconcile-owner-names';

/** The classes of the compliance map, in the order of its legend (STANDING_COLORS holds their colours). */
export const STANDINGS = ['paid', 'partial', 'overdue', 'not_assessed', 'no_obligor'] as const;
export type Standing = (typeof STANDINGS)[number];

/**
 * Where each asset stands, seen on `asOf`: an asset on an issued SKRD in force takes its obligor's standing —
 * `overdue` when any of the obligor's SKRDs is unpaid past its due date, else `partial` while anything is still
 * owed (part paid, or not yet due), else `paid`; an asset linked to an obligor but on no issued SKRD is
 * `not_assessed`; an asset whose owner name is linked to no obligor is `no_obligor`.
 */
export function assetStandings(
  assets: readonly StoredFeature[],
  register: { obligors: readonly Obligor[]; assessments: readonly Assessment[]; payments: readonly Payment[] },
  asOf: string,
): Map<string, Standing> {
  const index = obligorIndex(register.obligors);
  const balances = assessmentBalances(register.assessments, register.payments);
  const byObligor = new Map<string, Standing>();
  const assessed = new Set<string>();
  const rank: Record<Standing, number> = { paid: 0, partial: 1, overdue: 2, not_assessed: -1, no_obligor: -1 };
  for (const assessment of register.assessments) {
    const balance = balances.get(assessment.id);
    if (!balance) continue;
    for (const line of assessment.lines) assessed.add(line.assetId);
    const standing: Standing =
      balance.outstandingIdr === 0 ? 'paid' : daysOverdue(assessment.dueDate, asOf) > 0 ? 'overdue' : 'partial';
    const before = byObligor.get(assessment.obligorId);
    if (!before || rank[standing] > rank[before]) byObligor.set(assessment.obligorId, standing);
  }
  const standings = new Map<string, Standing>();
  for (const asset of assets) {
    const owner = String(asset.properties.owner ?? '')
      .trim()
      .toLowerCase();
    const obligorId = owner ? index.get(owner) : undefined;
    standings.set(
      asset.id,
      !obligorId
        ? 'no_obligor'
        : assessed.has(asset.id)
          ? (byObligor.get(obligorId) ?? 'not_assessed')
          : 'not_assessed',
    );
  }
  return standings;
}
