import type { z } from 'zod';
import { ObligorSchema, type Obligor } from '#shared/retribution/obligor';
import { ProgrammeSchema, type Programme } from '#shared/retribution/programme';
import { AssessmentSchema, type Assessment, type AssessmentLine } from '#shared/retribution/assessment';
import { PaymentSchema, type Payment } from '#shared/retribution/payment';
import {
  EXAMPLE_RETRIBUTION_SETTINGS,
  RetributionSettingsSchema,
  type RetributionSettings,
} from '#shared/retribution/retribution-settings';
import { issueAssessments, type IssueProblem } from '#shared/retribution/issue-assessments';
import { reviseAssessment, type ReviseProblem } from '#shared/retribution/revise-assessment';
import type { RumijaDatabase } from './database';
import {
  emptyState,
  recordChange,
  writeState,
  type ChangeAction,
  type EditLogEntry,
  type RecordTable,
} from './change-log';
import { inBlockTransaction } from './feature-blocks';
import { validationErrorOf } from './feature-validation';

export interface RetributionRecords {
  obligors: Obligor[];
  programmes: Programme[];
  assessments: Assessment[];
  payments: Payment[];
  settings: RetributionSettings;
}

/** Everything of the retribution register, as stored; settings are the shipped example until saved. */
export async function loadRetribution(db: RumijaDatabase): Promise<RetributionRecords> {
  const [obligors, programmes, assessments, payments, settings] = await Promise.all([
    db.obligors.toArray(),
    db.programmes.toArray(),
    db.assessments.toArray(),
    db.payments.toArray(),
    db.retributionSettings.get('default'),
  ]);
  return { obligors, programmes, assessments, payments, settings: settings ?? EXAMPLE_RETRIBUTION_SETTINGS };
}

export interface RecordChange {
  obligors?: Obligor[];
  programmes?: Programme[];
  assessments?: Assessment[];
  payments?: Payment[];
  settings?: RetributionSettings;
  remove?: { table: Exclude<RecordTable, 'retributionSettings'>; id: string }[];
}

/** A problem of the register (not of one field): a code with values, worded by the UI. */
export class RetributionError extends Error {
  constructor(readonly problem: RetributionProblem) {
    super(`${problem.code}: ${JSON.stringify(problem)}`);
  }
}

export type RetributionProblem =
  | IssueProblem
  | ReviseProblem
  | { code: 'assessment-frozen'; assessmentId: string; number: string | null }
  | { code: 'payment-unknown-assessment'; paymentId: string; assessmentId: string }
  | { code: 'record-not-found'; table: string; id: string };

function validated<T>(schema: z.ZodType<T>, record: unknown, label: string): T {
  const result = schema.safeParse(record);
  if (result.success) return result.data;
  throw validationErrorOf(result.error.issues, label);
}

/**
 * An issued assessment is frozen: the only change it takes is being marked replaced by its issued revision; a
 * replaced one takes none. Drafts change freely.
 */
function checkAssessmentChange(stored: Assessment | undefined, next: Assessment | null) {
  if (!stored || stored.status === 'draft') return;
  const frozenPart = ({ status: _status, replacedById: _by, ...rest }: Assessment) => canonical(rest);
  const allowed =
    next !== null &&
    stored.status === 'issued' &&
    next.status === 'replaced' &&
    next.replacedById !== null &&
    frozenPart(stored) === frozenPart(next);
  if (!allowed)
    throw new RetributionError({ code: 'assessment-frozen', assessmentId: stored.id, number: stored.number });
}

/** JSON with keys sorted, so two equal records compare equal whatever order their keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}

/**
 * Writes retribution records, validated, with one change-log entry: one undo step for one user action. Must run in
 * (or opens) a transaction over every table. An issued assessment is never rewritten (see checkAssessmentChange);
 * a payment is only allocated to issued assessments.
 */
export async function commitRecords(
  db: RumijaDatabase,
  action: ChangeAction,
  change: RecordChange,
): Promise<EditLogEntry> {
  const obligors = (change.obligors ?? []).map((o) => validated(ObligorSchema, o, o.name || o.id));
  const programmes = (change.programmes ?? []).map((p) => validated(ProgrammeSchema, p, p.name || p.id));
  const assessments = (change.assessments ?? []).map((a) => validated(AssessmentSchema, a, a.number ?? a.id));
  const payments = (change.payments ?? []).map((p) => validated(PaymentSchema, p, p.bankReference || p.id));
  const settings = change.settings ? validated(RetributionSettingsSchema, change.settings, 'settings') : null;
  const at = new Date().toISOString();
  return inBlockTransaction(db, async () => {
    const before = emptyState();
    const after = emptyState();
    for (const obligor of obligors) {
      before.obligors[obligor.id] = (await db.obligors.get(obligor.id)) ?? null;
      after.obligors[obligor.id] = obligor;
    }
    for (const programme of programmes) {
      before.programmes[programme.id] = (await db.programmes.get(programme.id)) ?? null;
      after.programmes[programme.id] = programme;
    }
    for (const assessment of assessments) {
      const stored = await db.assessments.get(assessment.id);
      checkAssessmentChange(stored, assessment);
      before.assessments[assessment.id] = stored ?? null;
      after.assessments[assessment.id] = assessment;
    }
    for (const payment of payments) {
      before.payments[payment.id] = (await db.payments.get(payment.id)) ?? null;
      after.payments[payment.id] = payment;
    }
    if (settings) {
      before.retributionSettings.default = (await db.retributionSettings.get('default')) ?? null;
      after.retributionSettings.default = settings;
    }
    for (const { table, id } of change.remove ?? []) {
      const stored = (await db.table(table).get(id)) as never;
      if (!stored) throw new RetributionError({ code: 'record-not-found', table, id });
      if (table === 'assessments') checkAssessmentChange(stored, null);
      (before[table] as Record<string, unknown>)[id] = stored;
      (after[table] as Record<string, unknown>)[id] = null;
    }
    for (const payment of payments)
      for (const allocation of payment.allocations) {
        const target =
          after.assessments[allocation.assessmentId] ?? (await db.assessments.get(allocation.assessmentId));
        if (!target || target.status === 'draft')
          throw new RetributionError({
            code: 'payment-unknown-assessment',
            paymentId: payment.id,
            assessmentId: allocation.assessmentId,
          });
      }
    await writeState(db, after);
    return recordChange(db, action, before, after, at);
  });
}

/**
 * Stores the drafts of a corridor and period, replacing that period's earlier drafts (an obligor no longer owing
 * loses its draft). Issued assessments are not touched: a draft over one is refused.
 */
export async function saveDrafts(db: RumijaDatabase, programmeId: string, periodId: string, drafts: Assessment[]) {
  return inBlockTransaction(db, async () => {
    const keep = new Set(drafts.map((draft) => draft.id));
    const stale = await db.assessments
      .where('programmeId')
      .equals(programmeId)
      .filter((a) => a.periodId === periodId && a.status === 'draft' && a.replacesId === null && !keep.has(a.id))
      .primaryKeys();
    return commitRecords(db, 'draft-assessments', {
      assessments: drafts,
      remove: stale.map((id) => ({ table: 'assessments' as const, id })),
    });
  });
}

/** Issues drafts with the next numbers, in the order given, as one step; numbers and the counter move together. */
export async function issueDrafts(db: RumijaDatabase, ids: readonly string[], issuedAt = new Date().toISOString()) {
  return inBlockTransaction(db, async () => {
    const drafts: Assessment[] = [];
    for (const id of ids) {
      const draft = await db.assessments.get(id);
      if (!draft) throw new RetributionError({ code: 'record-not-found', table: 'assessments', id });
      drafts.push(draft);
    }
    const replacedIds = drafts.flatMap((draft) => (draft.replacesId ? [draft.replacesId] : []));
    const current = new Map(
      (await db.assessments.bulkGet(replacedIds)).flatMap((a) => (a ? [[a.id, a] as const] : [])),
    );
    const settings = (await db.retributionSettings.get('default')) ?? EXAMPLE_RETRIBUTION_SETTINGS;
    const result = issueAssessments(drafts, current, settings, issuedAt);
    if ('problems' in result) throw new RetributionError(result.problems[0]!);
    await commitRecords(db, 'issue-assessments', {
      assessments: [...result.issued, ...result.replaced],
      settings: result.settings,
    });
    return result.issued;
  });
}

/** Drafts a revision of an issued assessment with corrected lines and a reason; the original stays as issued. */
export async function draftRevision(db: RumijaDatabase, id: string, lines: AssessmentLine[], reason: string) {
  return inBlockTransaction(db, async () => {
    const original = await db.assessments.get(id);
    if (!original) throw new RetributionError({ code: 'record-not-found', table: 'assessments', id });
    const revision = reviseAssessment(original, lines, reason, new Date().toISOString());
    if ('code' in revision) throw new RetributionError(revision);
    await commitRecords(db, 'revise-assessment', { assessments: [revision] });
    return revision;
  });
}
