import { allocatePayment } from './allocate-payment';
import type { Allocation } from './payment';
import type { StatementLine } from './parse-bank-statement';

export interface OpenAssessment {
  assessmentId: string;
  number: string;
  obligorId: string;
  dueDate: string;
  outstandingIdr: number;
}

export type MatchKind =
  /** The line names assessments and pays exactly what they owe. */
  | 'exact'
  /** The line names assessments and pays less: they stay partly open. */
  | 'partial'
  /** The line names assessments and pays more: the rest is credit. */
  | 'over'
  /** No number in the line, but exactly one open assessment owes this amount: a guess to confirm. */
  | 'amount-only'
  /** The same date, amount and reference as an earlier line of the file. */
  | 'duplicate'
  /** A payment with this bank reference and amount is already recorded. */
  | 'already-recorded'
  | 'unmatched';

export interface StatementMatch {
  line: StatementLine;
  kind: MatchKind;
  obligorId: string | null;
  allocations: Allocation[];
  creditIdr: number;
  /** Whether the user is offered it ticked: only exact matches are. */
  proposed: boolean;
}

/** Upper-case letters and digits only: "SKRD/PUPR-NTT/2026/0001" and "skrd pupr ntt 2026 0001" compare equal. */
const compact = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, '');

function mentions(text: string, number: string): boolean {
  const needle = compact(number);
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    // 0001 must not match inside 00012.
    const next = text[at + needle.length];
    if (next === undefined || !/[0-9]/.test(next)) return true;
  }
  return false;
}

/**
 * Matches statement lines (money in) to issued assessments by the SKRD numbers in their reference or description,
 * then by amount. Lines are taken in order and what they pay is taken off what the assessments owe, so two lines
 * paying one notice are seen as such. One line may pay several notices of one obligor. Nothing is recorded here:
 * the user confirms every line, and only exact matches are proposed.
 */
export function matchBankStatement(
  lines: readonly StatementLine[],
  open: readonly OpenAssessment[],
  recorded: readonly { bankReference: string; amountIdr: number }[],
): StatementMatch[] {
  const owing = new Map(open.map((assessment) => [assessment.assessmentId, assessment.outstandingIdr]));
  const recordedKeys = new Set(
    recorded.filter((payment) => payment.bankReference.trim()).map((p) => `${compact(p.bankReference)}|${p.amountIdr}`),
  );
  const seen = new Set<string>();
  return lines.map((line): StatementMatch => {
    const none = { line, obligorId: null, allocations: [], creditIdr: line.amountIdr, proposed: false };
    const reference = compact(line.reference);
    const key = `${line.date}|${line.amountIdr}|${reference}|${compact(line.description)}`;
    if (seen.has(key)) return { ...none, kind: 'duplicate' };
    seen.add(key);
    if (reference && recordedKeys.has(`${reference}|${line.amountIdr}`)) return { ...none, kind: 'already-recorded' };
    const text = `${reference} ${compact(line.description)}`;
    const named = open.filter((assessment) => mentions(text, assessment.number));
    const obligors = new Set(named.map((assessment) => assessment.obligorId));
    let candidates = named;
    let kind: MatchKind;
    if (named.length > 0 && obligors.size === 1) {
      const owed = named.reduce((sum, assessment) => sum + (owing.get(assessment.assessmentId) ?? 0), 0);
      kind = line.amountIdr === owed ? 'exact' : line.amountIdr < owed ? 'partial' : 'over';
    } else if (named.length === 0) {
      candidates = open.filter((assessment) => (owing.get(assessment.assessmentId) ?? 0) === line.amountIdr);
      if (candidates.length !== 1) return { ...none, kind: 'unmatched' };
      kind = 'amount-only';
    } else return { ...none, kind: 'unmatched' };
    const { allocations, creditIdr } = allocatePayment(
      line.amountIdr,
      candidates.map((assessment) => ({ ...assessment, outstandingIdr: owing.get(assessment.assessmentId) ?? 0 })),
    );
    for (const allocation of allocations)
      owing.set(allocation.assessmentId, (owing.get(allocation.assessmentId) ?? 0) - allocation.amountIdr);
    return { line, kind, obligorId: candidates[0]!.obligorId, allocations, creditIdr, proposed: kind === 'exact' };
  });
}
