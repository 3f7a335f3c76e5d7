/**
 * rumija payments import: a bank statement (CSV or Excel) read and matched to the project's open SKRDs as the
 * payments screen does it (parse-bank-statement, match-bank-statement); with --confirm the matched payments are
 * recorded in the project.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { ParseArgsOptionsConfig } from 'node:util';
import Papa from 'papaparse';
import { csvCell } from '#shared/io/csv-cell';
import { matchBankStatement, type MatchKind, type StatementMatch } from '#shared/retribution/match-bank-statement';
import {
  parseBankStatement,
  type ParsedStatement,
  type StatementProblem,
} from '#shared/retribution/parse-bank-statement';
import type { Payment } from '#shared/retribution/payment';
import { writeFileAtomic } from '../main/atomic-write';
import {
  CliError,
  cliText,
  EXIT,
  failureOf,
  HelpRequest,
  optionsOf,
  requiredError,
  usageText,
  cliRupiah,
} from './cli-error';
import { problem, type Problem, type ProblemValue } from '#shared/messages/problem';
import { wordProblem } from '#shared/messages/word-problem';
import { outputError, projectBytes, writeProjectFile, type RetributionSources } from './cli-retribution-project';
import { openAssessments } from '#shared/retribution/open-assessments';
import { paymentFromMatch } from '#shared/retribution/payment-from-match';

export const PAYMENTS_USAGE = problem('cli.usage.payments');

const PAYMENTS_OPTIONS = {
  project: { type: 'string' },
  statement: { type: 'string' },
  confirm: { type: 'boolean' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

/** The kinds of match in the order the summary lists them. */
const KINDS: readonly MatchKind[] = [
  'exact',
  'partial',
  'over',
  'amount-only',
  'duplicate',
  'already-recorded',
  'unmatched',
];
const kindOf = (kind: MatchKind) => problem(`cli.payments.kind.${kind}`);
/** Lines the command records with --confirm: those that name their SKRD. A guess by amount waits for a person. */
const RECORDED: ReadonlySet<MatchKind> = new Set(['exact', 'partial', 'over']);

/** What a payment brought beyond what it settles: kept as the obligor's credit, never dropped. */
const creditOf = (payment: Payment) => payment.amountIdr - payment.allocations.reduce((sum, a) => sum + a.amountIdr, 0);

function statementProblem(found: StatementProblem): Problem {
  switch (found.code) {
    case 'statement-missing-column':
      return problem(found.column === 'date' ? 'cli.payments.noDateColumn' : 'cli.payments.noAmountColumn', {
        file: found.file,
      });
    case 'statement-bad-date':
      return problem('cli.payments.badDate', { file: found.file, row: String(found.row), value: found.value });
    case 'statement-bad-amount':
      return problem('cli.payments.badAmount', { file: found.file, row: String(found.row), value: found.value });
  }
}

/** Excel statements are read as their first sheet with data, cell by cell, then parsed as the CSV would be. */
async function statementText(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new CliError(problem('cli.cannotRead', { path, reason: failureOf(error) }), EXIT.input);
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
      problem('cli.payments.badWorkbook', { file: basename(path), detail: (error as Error).message }),
      EXIT.input,
    );
  }
  const sheet = sheets.find((candidate) => candidate.data.length >= 2);
  if (!sheet) throw new CliError(problem('cli.payments.noSheet', { file: basename(path) }), EXIT.input);
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
    // The report's columns are Indonesian whatever --lang says, so a spreadsheet reading it sees one word per kind.
    wordProblem(kindOf(match.kind), 'id'),
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
  const usage = usageText(PAYMENTS_USAGE);
  if (sub === '--help' || sub === '-h') throw new HelpRequest(usage);
  if (sub !== 'import') throw new CliError(usage, EXIT.usage);
  const options = optionsOf(rest, PAYMENTS_OPTIONS, usage);
  for (const required of ['project', 'statement'] as const)
    if (!options[required]) throw requiredError(`--${required}`, usage);
  if (options.out && extname(options.out).toLowerCase() !== '.csv')
    throw new CliError(problem('cli.payments.badOut', { out: options.out }), EXIT.usage);
  const format = extname(options.statement!).toLowerCase();
  if (format !== '.csv' && format !== '.xlsx' && format !== '.txt')
    throw new CliError(problem('cli.payments.badStatement', { statement: options.statement! }), EXIT.usage);

  const contents = await sources.readProject(options.project!);
  const statementFile = basename(options.statement!);
  const parsed: ParsedStatement = parseBankStatement(await statementText(options.statement!), statementFile);
  if (parsed.problems.length > 0)
    throw new CliError(
      problem(parsed.problems.length > 20 ? 'cli.payments.refusedMore' : 'cli.payments.refused', {
        problems: parsed.problems
          .slice(0, 20)
          .map((found) => cliText(statementProblem(found)))
          .join('\n'),
        more: parsed.problems.length - 20,
      }),
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

  const say = (code: string, values: Record<string, ProblemValue>, indent = '') =>
    out(`${indent}${cliText(problem(code, values))}`);
  say('cli.payments.summary', {
    file: statementFile,
    credits: matches.length,
    skipped: parsed.skippedRows.length,
  });
  for (const kind of KINDS) {
    const ofKind = matches.filter((match) => match.kind === kind);
    if (ofKind.length)
      say(
        'cli.payments.kindLine',
        {
          kind: kindOf(kind),
          lines: ofKind.length,
          amount: cliRupiah(ofKind.reduce((sum, m) => sum + m.line.amountIdr, 0)),
          rows: ofKind.map((m) => m.line.row).join(', '),
        },
        '  ',
      );
  }
  for (const match of matches.filter((m) => !RECORDED.has(m.kind)))
    err(
      `  ${cliText(
        problem('cli.payments.notRecorded', {
          row: String(match.line.row),
          date: match.line.date,
          amount: cliRupiah(match.line.amountIdr),
          reference: match.line.reference,
          kind: kindOf(match.kind),
        }),
      )}`,
    );
  if (options.confirm) {
    const total = payments.reduce((sum, p) => sum + p.amountIdr, 0);
    say('cli.payments.recorded', { count: payments.length, amount: cliRupiah(total), project: options.project! });
    for (const payment of payments)
      say(
        creditOf(payment) ? 'cli.payments.paymentWithCredit' : 'cli.payments.payment',
        {
          date: payment.date,
          amount: cliRupiah(payment.amountIdr),
          obligor: nameOf(payment.obligorId),
          allocations: payment.allocations
            .map((a) => `${numberOf(a.assessmentId)} ${cliRupiah(a.amountIdr)}`)
            .join('; '),
          credit: cliRupiah(creditOf(payment)),
        },
        '  ',
      );
  } else say('cli.payments.ready', { count: payments.length });
  if (options.out) say('cli.analyze.report', { path: options.out });
  return EXIT.ok;
}
