/**
 * rumija payments import: a bank statement (CSV or Excel) read and matched to the project's open SKRDs as the
 * payments screen does it (parse-bank-statement, match-bank-statement); with --confirm the matched payments are
 * recorded in the project.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { ParseArgsOptionsConfig } from 'node:util';
import Papa from 'papaparse';
import { formatRupiah } from '#shared/format/format-rupiah';
import { csvCell } from '#shared/io/csv-cell';
import { matchBankStatement, type MatchKind, type StatementMatch } from '#shared/retribution/match-bank-statement';
import {
  parseBankStatement,
  type ParsedStatement,
  type StatementProblem,
} from '#shared/retribution/parse-bank-statement';
import type { Payment } from '#shared/retribution/payment';
import { writeFileAtomic } from '../main/atomic-write';
import { CliError, EXIT, HelpRequest, optionsOf } from './cli-error';
import { outputError, projectBytes, writeProjectFile, type RetributionSources } from './cli-retribution-project';
import { openAssessments } from '#shared/retribution/open-assessments';
import { paymentFromMatch } from '#shared/retribution/payment-from-match';

export const PAYMENTS_USAGE = `  rumija payments import --project <project.rumija> --statement <bank.csv|bank.xlsx>
                 [--confirm] [--out <report.csv>]
                 (matches the statement's credits to open SKRDs by number and amount; without --confirm it only
                  reports; with --confirm it records the matched lines — exact, partial, over — in the project)`;

const PAYMENTS_OPTIONS = {
  project: { type: 'string' },
  statement: { type: 'string' },
  confirm: { type: 'boolean' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

/** What each match is called in the report (Indonesian / English). */
const KIND_WORDS: Record<MatchKind, string> = {
  exact: 'cocok / matched',
  partial: 'sebagian / partial',
  over: 'lebih bayar / overpaid',
  'amount-only': 'hanya jumlah, perlu konfirmasi / amount only, to confirm',
  duplicate: 'ganda / duplicate',
  'already-recorded': 'sudah dicatat / already recorded',
  unmatched: 'tidak cocok / unmatched',
};
/** Lines the command records with --confirm: those that name their SKRD. A guess by amount waits for a person. */
const RECORDED: ReadonlySet<MatchKind> = new Set(['exact', 'partial', 'over']);

/** What a payment brought beyond what it settles: kept as the obligor's credit, never dropped. */
const creditOf = (payment: Payment) => payment.amountIdr - payment.allocations.reduce((sum, a) => sum + a.amountIdr, 0);

function problemText(problem: StatementProblem): string {
  switch (problem.code) {
    case 'statement-missing-column':
      return `${problem.file}: kolom ${problem.column === 'date' ? 'tanggal' : 'kredit/jumlah'} tidak ada / no ${problem.column} column`;
    case 'statement-bad-date':
      return `${problem.file}, baris / row ${problem.row}, tanggal / date: "${problem.value}" bukan tanggal / not a date`;
    case 'statement-bad-amount':
      return `${problem.file}, baris / row ${problem.row}, kredit / amount: "${problem.value}" bukan rupiah bulat / not whole rupiah`;
  }
}

/** Excel statements are read as their first sheet with data, cell by cell, then parsed as the CSV would be. */
async function statementText(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new CliError(
      `${path}: tidak dapat dibaca / cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      EXIT.input,
    );
  }
  if (extname(path).toLowerCase() !== '.xlsx') return bytes.toString('utf8');
  type Cell = string | number | boolean | Date | null;
  let sheets: { sheet: string; data: Cell[][] }[];
  try {
    const { default: readXlsxFile } = await import('read-excel-file/universal');
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    sheets = (await readXlsxFile(buffer)) as unknown as { sheet: string; data: Cell[][] }[];
  } catch (error) {
    throw new CliError(
      `${basename(path)}: buku kerja Excel tidak dapat dibaca / cannot read the Excel workbook: ${(error as Error).message}`,
      EXIT.input,
    );
  }
  const sheet = sheets.find((candidate) => candidate.data.length >= 2);
  if (!sheet) throw new CliError(`${basename(path)}: tidak ada lembar berisi data / no sheet holds data`, EXIT.input);
  // Every row is kept (empty ones too), so the rows the messages name are the spreadsheet's.
  return Papa.unparse(
    sheet.data.map((row) =>
      row.map((cell) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : cell === null ? '' : String(cell))),
    ),
  );
}

function reportCsv(
  matches: readonly StatementMatch[],
  numberOf: (id: string) => string,
  nameOf: (id: string) => string,
) {
  const header = [
    'Baris',
    'Tanggal',
    'Jumlah (Rp)',
    'Referensi',
    'Keterangan',
    'Hasil',
    'Wajib retribusi',
    'SKRD',
    'Dialokasikan (Rp)',
    'Sisa kredit (Rp)',
    'Dicatat dengan --confirm',
  ];
  const rows = matches.map((match) => [
    match.line.row,
    match.line.date,
    match.line.amountIdr,
    match.line.reference,
    match.line.description,
    KIND_WORDS[match.kind],
    match.obligorId ? nameOf(match.obligorId) : '',
    match.allocations.map((a) => numberOf(a.assessmentId)).join('; '),
    match.allocations.reduce((sum, a) => sum + a.amountIdr, 0),
    match.allocations.length ? match.creditIdr : '',
    RECORDED.has(match.kind) ? 'ya' : 'tidak',
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** rumija payments import: report the statement's matches; record the matched ones with --confirm. */
export async function runPayments(
  argv: string[],
  out: (line: string) => void,
  err: (line: string) => void,
  sources: RetributionSources,
): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h') throw new HelpRequest(`Pemakaian / usage:\n${PAYMENTS_USAGE}`);
  if (sub !== 'import') throw new CliError(`Pemakaian / usage:\n${PAYMENTS_USAGE}`, EXIT.usage);
  const options = optionsOf(rest, PAYMENTS_OPTIONS, `Pemakaian / usage:\n${PAYMENTS_USAGE}`);
  for (const required of ['project', 'statement'] as const)
    if (!options[required]) throw new CliError(`--${required} wajib / is required\n${PAYMENTS_USAGE}`, EXIT.usage);
  if (options.out && extname(options.out).toLowerCase() !== '.csv')
    throw new CliError(`--out harus .csv / must end in .csv: ${options.out}`, EXIT.usage);
  const format = extname(options.statement!).toLowerCase();
  if (format !== '.csv' && format !== '.xlsx' && format !== '.txt')
    throw new CliError(`--statement harus .csv atau .xlsx / must be .csv or .xlsx: ${options.statement}`, EXIT.usage);

  const contents = await sources.readProject(options.project!);
  const statementFile = basename(options.statement!);
  const parsed: ParsedStatement = parseBankStatement(await statementText(options.statement!), statementFile);
  if (parsed.problems.length > 0)
    throw new CliError(
      `${parsed.problems
        .slice(0, 20)
        .map(problemText)
        .join(
          '\n',
        )}${parsed.problems.length > 20 ? `\n… ${parsed.problems.length - 20} lagi / more` : ''}\nTidak ada yang dicatat / nothing recorded.`,
      EXIT.input,
    );
  const { assessments, obligors } = contents.records;
  const matches = matchBankStatement(
    parsed.lines,
    openAssessments(contents.records.assessments, contents.records.payments),
    contents.records.payments,
  );
  const numberOf = (id: string) => assessments.find((a) => a.id === id)?.number ?? id;
  const nameOf = (id: string) => obligors.find((o) => o.id === id)?.name ?? id;

  const recordedAt = new Date().toISOString();
  const stamp = Date.now().toString(36);
  const payments = matches
    .filter((match) => RECORDED.has(match.kind) && match.obligorId)
    .map((match) =>
      paymentFromMatch(
        { ...match, obligorId: match.obligorId! },
        { id: `payment-${stamp}-${match.line.row}`, note: `${statementFile}, baris ${match.line.row}`, recordedAt },
      ),
    );
  const project = options.confirm
    ? await projectBytes(
        { ...contents, records: { ...contents.records, payments: [...contents.records.payments, ...payments] } },
        recordedAt,
      )
    : null;
  if (options.out) {
    try {
      await writeFileAtomic(options.out, reportCsv(matches, numberOf, nameOf));
    } catch (error) {
      throw outputError(options.out, error);
    }
  }
  if (project) await writeProjectFile(options.project!, project);

  out(
    `${statementFile}: ${matches.length} kredit / credits · ${parsed.skippedRows.length} baris dilewati (debet, saldo) / rows skipped (debits, balances)`,
  );
  for (const kind of Object.keys(KIND_WORDS) as MatchKind[]) {
    const ofKind = matches.filter((match) => match.kind === kind);
    if (ofKind.length)
      out(
        `  ${KIND_WORDS[kind]}: ${ofKind.length} · ${formatRupiah(ofKind.reduce((sum, m) => sum + m.line.amountIdr, 0))} (baris / rows ${ofKind.map((m) => m.line.row).join(', ')})`,
      );
  }
  for (const match of matches.filter((m) => !RECORDED.has(m.kind)))
    err(
      `  baris / row ${match.line.row}: ${match.line.date} ${formatRupiah(match.line.amountIdr)} "${match.line.reference}" — ${KIND_WORDS[match.kind]}, tidak dicatat / not recorded`,
    );
  if (options.confirm) {
    const total = payments.reduce((sum, p) => sum + p.amountIdr, 0);
    out(`Dicatat / recorded: ${payments.length} pembayaran / payments · ${formatRupiah(total)} · ${options.project}`);
    for (const payment of payments)
      out(
        `  ${payment.date} ${formatRupiah(payment.amountIdr)} ${nameOf(payment.obligorId)} → ${payment.allocations.map((a) => `${numberOf(a.assessmentId)} ${formatRupiah(a.amountIdr)}`).join('; ')}${creditOf(payment) ? ` · kredit / credit ${formatRupiah(creditOf(payment))}` : ''}`,
      );
  } else
    out(
      `Belum dicatat / not recorded: ${payments.length} baris siap / lines ready; jalankan lagi dengan / run again with --confirm`,
    );
  if (options.out) out(`Laporan / report: ${options.out}`);
  return EXIT.ok;
}
