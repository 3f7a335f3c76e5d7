import Papa from 'papaparse';
import { parseDateInput } from '../format/date-input';

export interface StatementLine {
  /** 1-based row in the file, header included, as a spreadsheet shows it. */
  row: number;
  date: string;
  amountIdr: number;
  reference: string;
  description: string;
}

export type StatementProblem =
  | { code: 'statement-missing-column'; file: string; column: 'date' | 'amount' }
  | { code: 'statement-bad-date'; file: string; row: number; value: string }
  | { code: 'statement-bad-amount'; file: string; row: number; value: string };

export interface ParsedStatement {
  lines: StatementLine[];
  /** Rows that are not money in (debits, blank credits, balance lines), counted and viewable. */
  skippedRows: number[];
  problems: StatementProblem[];
}

const COLUMNS = {
  date: ['tanggal', 'tgl', 'tanggal transaksi', 'date', 'transaction date', 'value date'],
  amount: ['kredit', 'credit', 'cr', 'jumlah', 'nominal', 'amount', 'mutasi kredit'],
  reference: ['referensi', 'no referensi', 'no. referensi', 'reference', 'ref', 'no ref', 'virtual account', 'va'],
  description: ['keterangan', 'uraian', 'berita', 'description', 'remark', 'remarks'],
};

/**
 * A bank's amount in rupiah, in the style it comes: "1.500.000,00" and "Rp 1.500.000" (Indonesian), "1,500,000.00"
 * (English), "1500000". Cents other than zero are refused (rupiah are whole); null when it is not an amount.
 */
export function parseStatementAmount(text: string): number | null | 'fraction' {
  const compact = text
    .replace(/[\s\u00a0]/g, '')
    .replace(/^rp\.?/i, '')
    .replace(/(cr|kr)$/i, '');
  if (compact === '' || compact === '-') return null;
  let whole: string;
  let cents = '';
  const indonesian = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(compact);
  const english = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(compact);
  if (indonesian) [whole, cents] = [indonesian[1]!.replace(/\./g, ''), indonesian[2] ?? ''];
  else if (english) [whole, cents] = [english[1]!.replace(/,/g, ''), english[2] ?? ''];
  else return null;
  if (/[1-9]/.test(cents)) return 'fraction';
  return Number(whole);
}

/**
 * Reads a bank statement CSV (comma or semicolon): money in with its date, reference and description. Nothing is
 * matched here. Debit rows and rows without a credit are skipped and counted; bad dates and amounts are problems
 * naming the file, row and value.
 */
export function parseBankStatement(text: string, file: string): ParsedStatement {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  const header = (rows[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const column = (names: string[]) => header.findIndex((cell) => names.includes(cell));
  const at = {
    date: column(COLUMNS.date),
    amount: column(COLUMNS.amount),
    reference: column(COLUMNS.reference),
    description: column(COLUMNS.description),
  };
  const problems: StatementProblem[] = [];
  if (at.date < 0) problems.push({ code: 'statement-missing-column', file, column: 'date' });
  if (at.amount < 0) problems.push({ code: 'statement-missing-column', file, column: 'amount' });
  if (problems.length > 0) return { lines: [], skippedRows: [], problems };
  const lines: StatementLine[] = [];
  const skippedRows: number[] = [];
  rows.slice(1).forEach((cells, index) => {
    const row = index + 2;
    const cell = (position: number) => (position >= 0 ? (cells[position] ?? '').trim() : '');
    const amountText = cell(at.amount);
    const amount = parseStatementAmount(amountText);
    if (amount === null || amount === 0) {
      if (amountText === '' || amountText === '-' || amount === 0) skippedRows.push(row);
      else problems.push({ code: 'statement-bad-amount', file, row, value: amountText });
      return;
    }
    if (amount === 'fraction') {
      problems.push({ code: 'statement-bad-amount', file, row, value: amountText });
      return;
    }
    const date = parseDateInput(cell(at.date).split(' ')[0] ?? '');
    if (!date) {
      problems.push({ code: 'statement-bad-date', file, row, value: cell(at.date) });
      return;
    }
    lines.push({ row, date, amountIdr: amount, reference: cell(at.reference), description: cell(at.description) });
  });
  return { lines, skippedRows, problems };
}
