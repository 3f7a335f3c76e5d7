import type { ExportCell } from '../io/export-table';
import type { WorkbookSheet } from '../io/write-xlsx';
import { formatDateInput } from '../format/date-input';
import type { Locale } from '../format/format-number';
import type { Assessment } from './assessment';
import { assessmentBalances } from './assessment-balances';
import type { Payment } from './payment';
import type { Programme } from './programme';

export const RECAP_COLUMNS = [
  'row',
  'number',
  'status',
  'revision',
  'replaces',
  'obligor',
  'npwp',
  'period',
  'periodStart',
  'periodEnd',
  'dueDate',
  'issuedAt',
  'assets',
  'totalIdr',
  'paidIdr',
  'outstandingIdr',
  'note',
] as const;
export type RecapColumn = (typeof RECAP_COLUMNS)[number];

/** Words of the recap: the app passes its language's, the CLI the office's (Indonesian). */
export interface RecapWords {
  locale: Locale;
  column: Record<RecapColumn, string>;
  status: Record<'draft' | 'issued', string>;
  /** Label of a period's total row. */
  periodTotal: (period: string) => string;
  grandTotal: string;
  demo: string;
  exampleTariff: string;
}

/** The office's words, written by the CLI (the app writes its locale's from locales/<lang>/retribution.json). */
export const INDONESIAN_RECAP_WORDS: RecapWords = {
  locale: 'id',
  column: {
    row: 'No',
    number: 'Nomor SKRD',
    status: 'Status',
    revision: 'Revisi',
    replaces: 'Mengganti',
    obligor: 'Wajib retribusi',
    npwp: 'NPWP',
    period: 'Masa retribusi',
    periodStart: 'Awal masa',
    periodEnd: 'Akhir masa',
    dueDate: 'Jatuh tempo',
    issuedAt: 'Tanggal terbit',
    assets: 'Jumlah aset',
    totalIdr: 'Ketetapan (Rp)',
    paidIdr: 'Dibayar (Rp)',
    outstandingIdr: 'Sisa (Rp)',
    note: 'Catatan',
  },
  status: { draft: 'draf', issued: 'terbit' },
  periodTotal: (period) => `JUMLAH ${period}`,
  grandTotal: 'JUMLAH SELURUHNYA',
  demo: 'DATA DEMO',
  exampleTariff: 'tarif CONTOH',
};

/**
 * The recap the finance office (BPKAD) asks for: one sheet per corridor, one row per assessment in force (drafts
 * and issued; a replaced one gives way to its revision, which names it), sorted by period and number, then one
 * total row per period and a grand total — each the sum of the rows above it, whole rupiah.
 */
export function createAssessmentRecap(
  assessments: readonly Assessment[],
  payments: readonly Payment[],
  programmes: readonly Programme[],
  corridorName: (corridorId: string) => string | null,
  words: RecapWords,
): WorkbookSheet[] {
  const balances = assessmentBalances(assessments, payments);
  const numberOf = new Map(assessments.map((a) => [a.id, a.number]));
  const periodOf = (assessment: Assessment) =>
    programmes.find((p) => p.id === assessment.programmeId)?.periods.find((p) => p.id === assessment.periodId);
  const date = (iso: string | null) => (iso ? formatDateInput(iso.slice(0, 10), words.locale) : null);
  const inForce = assessments
    .filter((a) => a.status !== 'replaced')
    .sort(
      (a, b) =>
        a.corridorId.localeCompare(b.corridorId) ||
        a.periodStart.localeCompare(b.periodStart) ||
        (a.number ?? '~').localeCompare(b.number ?? '~') ||
        a.obligor.name.localeCompare(b.obligor.name),
    );
  const corridors = [...new Set(inForce.map((a) => a.corridorId))];
  return corridors.map((corridorId) => {
    const rows: ExportCell[][] = [];
    const totals = new Map<string, { total: number; paid: number; outstanding: number; count: number }>();
    const list = inForce.filter((a) => a.corridorId === corridorId);
    list.forEach((assessment, index) => {
      const balance = balances.get(assessment.id);
      const period = periodOf(assessment)?.label ?? assessment.periodId;
      const paid = balance?.paidIdr ?? 0;
      const outstanding = balance?.outstandingIdr ?? 0;
      const sum = totals.get(period) ?? { total: 0, paid: 0, outstanding: 0, count: 0 };
      totals.set(period, {
        total: sum.total + assessment.totalIdr,
        paid: sum.paid + paid,
        outstanding: sum.outstanding + outstanding,
        count: sum.count + 1,
      });
      const note = [assessment.demo ? words.demo : '', assessment.tariffExample ? words.exampleTariff : '']
        .filter(Boolean)
        .join('; ');
      rows.push([
        index + 1,
        assessment.number ?? '',
        words.status[assessment.status === 'draft' ? 'draft' : 'issued'],
        assessment.revision,
        assessment.replacesId ? (numberOf.get(assessment.replacesId) ?? '') : '',
        assessment.obligor.name,
        assessment.obligor.npwp ?? '',
        period,
        date(assessment.periodStart),
        date(assessment.periodEnd),
        date(assessment.dueDate),
        date(assessment.issuedAt),
        assessment.lines.length,
        assessment.totalIdr,
        assessment.status === 'draft' ? null : paid,
        assessment.status === 'draft' ? null : outstanding,
        note,
      ]);
    });
    const totalRow = (label: string, sum: { total: number; paid: number; outstanding: number; count: number }) => [
      null,
      label,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      sum.count,
      sum.total,
      sum.paid,
      sum.outstanding,
      null,
    ];
    for (const [period, sum] of totals) rows.push(totalRow(words.periodTotal(period), sum));
    const all = [...totals.values()].reduce(
      (acc, sum) => ({
        total: acc.total + sum.total,
        paid: acc.paid + sum.paid,
        outstanding: acc.outstanding + sum.outstanding,
        count: acc.count + sum.count,
      }),
      { total: 0, paid: 0, outstanding: 0, count: 0 },
    );
    rows.push(totalRow(words.grandTotal, all));
    const programme = programmes.find((p) => p.corridorId === corridorId);
    return {
      name: corridorName(corridorId) ?? programme?.name ?? corridorId,
      header: RECAP_COLUMNS.map((column) => words.column[column]),
      rows,
    };
  });
}
