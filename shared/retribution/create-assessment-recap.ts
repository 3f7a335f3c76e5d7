import type { ExportCell } from '../io/export-table';
import type { WorkbookSheet } from '../io/write-xlsx';
import { formatDateInput } from '../format/date-input';
import type { Locale } from '../format/format-number';
import type { Assessment } from './assessment';
import { assessmentBalances } from './assessment-balances';
import type { Payment } from './payment';
import type { Programme } from './programme';
import { assessmentsInForce, sumPeriodTotals } from './sum-period-totals';

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
  const inForce = assessmentsInForce(assessments);
  // The total rows are the period totals the collection chart draws: one function adds them up for both.
  const periodTotals = sumPeriodTotals(assessments, payments, programmes);
  const corridors = [...new Set(inForce.map((a) => a.corridorId))];
  return corridors.map((corridorId) => {
    const rows: ExportCell[][] = [];
    const list = inForce.filter((a) => a.corridorId === corridorId);
    list.forEach((assessment, index) => {
      const balance = balances.get(assessment.id);
      const period = periodOf(assessment)?.label ?? assessment.periodId;
      const paid = balance?.paidIdr ?? 0;
      const outstanding = balance?.outstandingIdr ?? 0;
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
    const totalRow = (
      label: string,
      sum: { totalIdr: number; paidIdr: number; outstandingIdr: number; count: number },
    ) => [
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
      sum.totalIdr,
      sum.paidIdr,
      sum.outstandingIdr,
      null,
    ];
    const totals = periodTotals.filter((sum) => sum.corridorId === corridorId);
    for (const sum of totals) rows.push(totalRow(words.periodTotal(sum.period), sum));
    const all = totals.reduce(
      (acc, sum) => ({
        totalIdr: acc.totalIdr + sum.totalIdr,
        paidIdr: acc.paidIdr + sum.paidIdr,
        outstandingIdr: acc.outstandingIdr + sum.outstandingIdr,
        count: acc.count + sum.count,
      }),
      { totalIdr: 0, paidIdr: 0, outstandingIdr: 0, count: 0 },
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
