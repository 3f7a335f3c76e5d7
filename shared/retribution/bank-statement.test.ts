import { describe, expect, it } from 'vitest';
import { matchBankStatement, type OpenAssessment } from './match-bank-statement';
import { parseBankStatement, parseStatementAmount } from './parse-bank-statement';
import { allocatePayment } from './allocate-payment';

describe('bank statement', () => {
  it('reads amounts in the styles banks write them', () => {
    expect(parseStatementAmount('1.500.000,00')).toBe(1_500_000);
    expect(parseStatementAmount('Rp 1.500.000')).toBe(1_500_000);
    expect(parseStatementAmount('1,500,000.00')).toBe(1_500_000);
    expect(parseStatementAmount('683316')).toBe(683_316);
    expect(parseStatementAmount('75.000 CR')).toBe(75_000);
    expect(parseStatementAmount('1.500.000,50')).toBe('fraction');
    expect(parseStatementAmount('satu juta')).toBeNull();
    expect(parseStatementAmount('')).toBeNull();
  });

  it('reads a semicolon CSV with Indonesian numbers, skipping debits and naming bad rows', () => {
    const csv = [
      'Tanggal;Keterangan;Referensi;Debet;Kredit',
      '03/08/2026;TRF PT PLN SKRD/PUPR-NTT/2026/0001;FT2608030001;;150.000,00',
      '04/08/2026;Biaya admin;;6.500,00;',
      '05/08/2026;TRF TELKOM;FT2608050002;;1.234,56',
      '32/08/2026;TRF X;FT1;;10.000',
      '06/08/2026;TRF Y;FT2;;sepuluh',
    ].join('\r\n');
    const statement = parseBankStatement(csv, 'rekening-koran-agustus.csv');
    expect(statement.lines).toEqual([
      {
        row: 2,
        date: '2026-08-03',
        amountIdr: 150_000,
        reference: 'FT2608030001',
        description: 'TRF PT PLN SKRD/PUPR-NTT/2026/0001',
      },
    ]);
    expect(statement.skippedRows).toEqual([3]);
    expect(statement.problems).toEqual([
      { code: 'statement-bad-amount', file: 'rekening-koran-agustus.csv', row: 4, value: '1.234,56' },
      { code: 'statement-bad-date', file: 'rekening-koran-agustus.csv', row: 5, value: '32/08/2026' },
      { code: 'statement-bad-amount', file: 'rekening-koran-agustus.csv', row: 6, value: 'sepuluh' },
    ]);
    expect(parseBankStatement('a,b\n1,2', 'x.csv').problems).toEqual([
      { code: 'statement-missing-column', file: 'x.csv', column: 'date' },
      { code: 'statement-missing-column', file: 'x.csv', column: 'amount' },
    ]);
  });

  it('allocates oldest due first and keeps the rest as credit', () => {
    expect(
      allocatePayment(250, [
        { assessmentId: 'b', dueDate: '2026-12-31', number: 'N2', outstandingIdr: 200 },
        { assessmentId: 'a', dueDate: '2026-07-31', number: 'N1', outstandingIdr: 100 },
      ]),
    ).toEqual({
      allocations: [
        { assessmentId: 'a', amountIdr: 100 },
        { assessmentId: 'b', amountIdr: 150 },
      ],
      creditIdr: 0,
    });
    expect(
      allocatePayment(50, [{ assessmentId: 'a', dueDate: '2026-07-31', number: 'N1', outstandingIdr: 20 }]),
    ).toEqual({
      allocations: [{ assessmentId: 'a', amountIdr: 20 }],
      creditIdr: 30,
    });
  });

  it('on the same due date pays the lower SKRD number first; settled SKRDs and nothing left get no line', () => {
    // Two SKRDs of one semester fall due together: the finance office settles them in number order, whatever order
    // the register lists them in (found by Stryker: no test decided the tie).
    const sameDay = [
      { assessmentId: 'second', dueDate: '2026-07-31', number: 'SKRD/PUPR-NTT/2026/0002', outstandingIdr: 300 },
      { assessmentId: 'paid', dueDate: '2026-07-31', number: 'SKRD/PUPR-NTT/2026/0000', outstandingIdr: 0 },
      { assessmentId: 'first', dueDate: '2026-07-31', number: 'SKRD/PUPR-NTT/2026/0001', outstandingIdr: 300 },
    ];
    expect(allocatePayment(400, sameDay)).toEqual({
      allocations: [
        { assessmentId: 'first', amountIdr: 300 },
        { assessmentId: 'second', amountIdr: 100 },
      ],
      creditIdr: 0,
    });
    expect(allocatePayment(300, sameDay).allocations).toEqual([{ assessmentId: 'first', amountIdr: 300 }]);
    expect(allocatePayment(0, sameDay)).toEqual({ allocations: [], creditIdr: 0 });
  });

  it('matches by reference and amount: exact, several notices, partial, over, amount only, duplicates, unmatched', () => {
    const open: OpenAssessment[] = [
      {
        assessmentId: 'a1',
        number: 'SKRD/PUPR-NTT/2026/0001',
        obligorId: 'pln',
        dueDate: '2026-07-31',
        outstandingIdr: 150_000,
      },
      {
        assessmentId: 'a2',
        number: 'SKRD/PUPR-NTT/2026/0002',
        obligorId: 'telkom',
        dueDate: '2026-07-31',
        outstandingIdr: 683_316,
      },
      {
        assessmentId: 'a3',
        number: 'SKRD/PUPR-NTT/2026/0003',
        obligorId: 'pln',
        dueDate: '2026-12-31',
        outstandingIdr: 200_000,
      },
      {
        assessmentId: 'a12',
        number: 'SKRD/PUPR-NTT/2026/0012',
        obligorId: 'pdam',
        dueDate: '2026-12-31',
        outstandingIdr: 90_000,
      },
      {
        assessmentId: 'a4',
        number: 'SKRD/PUPR-NTT/2026/0004',
        obligorId: 'isp',
        dueDate: '2026-12-31',
        outstandingIdr: 55_555,
      },
    ];
    const line = (row: number, amountIdr: number, reference: string, description: string) => ({
      row,
      date: '2026-08-03',
      amountIdr,
      reference,
      description,
    });
    const lines = [
      line(2, 350_000, 'FT01', 'PLN BAYAR SKRD/PUPR-NTT/2026/0001 DAN SKRD PUPR NTT 2026 0003'),
      line(3, 350_000, 'FT01', 'PLN BAYAR SKRD/PUPR-NTT/2026/0001 DAN SKRD PUPR NTT 2026 0003'),
      line(4, 300_000, 'FT02', 'skrd-pupr-ntt-2026-0002 telkom'),
      line(5, 400_000, 'FT03', 'sisa skrd/pupr-ntt/2026/0002'),
      line(6, 55_555, 'FT04', 'transfer'),
      line(7, 90_000, 'FT05', 'SKRD/PUPR-NTT/2026/00012'),
      line(8, 10_000, 'FT06', 'tanpa nomor'),
      line(9, 75_000, 'FT99', 'sudah dicatat'),
      line(10, 1, 'FT07', 'SKRD/PUPR-NTT/2026/0001 SKRD/PUPR-NTT/2026/0002'),
    ];
    const matches = matchBankStatement(lines, open, [{ bankReference: 'ft99', amountIdr: 75_000 }]);
    expect(matches.map((m) => [m.line.row, m.kind, m.obligorId, m.allocations, m.creditIdr, m.proposed])).toEqual([
      [
        2,
        'exact',
        'pln',
        [
          { assessmentId: 'a1', amountIdr: 150_000 },
          { assessmentId: 'a3', amountIdr: 200_000 },
        ],
        0,
        true,
      ],
      [3, 'duplicate', null, [], 350_000, false],
      [4, 'partial', 'telkom', [{ assessmentId: 'a2', amountIdr: 300_000 }], 0, false],
      // The second transfer sees what the first left open: 683 316 − 300 000 = 383 316; 16 684 over.
      [5, 'over', 'telkom', [{ assessmentId: 'a2', amountIdr: 383_316 }], 16_684, false],
      [6, 'amount-only', 'isp', [{ assessmentId: 'a4', amountIdr: 55_555 }], 0, false],
      // "…/00012" names neither notice 0001 nor 0012, so it is matched only by its amount, which one notice owes.
      [7, 'amount-only', 'pdam', [{ assessmentId: 'a12', amountIdr: 90_000 }], 0, false],
      [8, 'unmatched', null, [], 10_000, false],
      [9, 'already-recorded', null, [], 75_000, false],
      // Notices of two obligors in one line: the user decides.
      [10, 'unmatched', null, [], 1, false],
    ]);
  });
});
