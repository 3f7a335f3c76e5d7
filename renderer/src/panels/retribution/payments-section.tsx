import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '#shared/format/format-number';
import { formatRupiah } from '#shared/format/format-rupiah';
import { formatDateInput, parseDateInput } from '#shared/format/date-input';
import { parseLocaleNumber } from '#shared/format/parse-number';
import { allocatePayment } from '#shared/retribution/allocate-payment';
import { parseBankStatement, type StatementProblem } from '#shared/retribution/parse-bank-statement';
import { matchBankStatement, type StatementMatch } from '#shared/retribution/match-bank-statement';
import type { Payment } from '#shared/retribution/payment';
import type { RetributionRecords } from '../../persistence/retribution-repository';
import { useStore } from '../../state/store-context';
import { errorText, problemText } from './problem-text';
import { openAssessments } from '#shared/retribution/open-assessments';
import { paymentFromMatch } from '#shared/retribution/payment-from-match';

const today = () => new Date().toISOString().slice(0, 10);

/** Payments: one typed in (allocated oldest due first), or a bank statement matched and confirmed line by line. */
export function PaymentsSection({ register, locale }: { register: RetributionRecords; locale: Locale }) {
  const { t } = useTranslation();
  const store = useStore();
  const [obligorId, setObligorId] = useState('');
  const [date, setDate] = useState(formatDateInput(today(), 'id'));
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const [statement, setStatement] = useState<{
    file: string;
    matches: StatementMatch[];
    problems: StatementProblem[];
    skipped: number;
  } | null>(null);
  const [ticked, setTicked] = useState<Record<number, boolean>>({});
  const open = openAssessments(register.assessments, register.payments);
  const nameOf = (id: string | null) => register.obligors.find((obligor) => obligor.id === id)?.name ?? '—';
  const numberOf = (id: string) => register.assessments.find((a) => a.id === id)?.number ?? id;
  const stamp = () => new Date().toISOString();

  async function record() {
    const parsedAmount = parseLocaleNumber(amount, locale, { integer: true });
    const isoDate = parseDateInput(date);
    if (!obligorId) return setMessage({ tone: 'error', text: t('retribution.payments.chooseObligor') });
    if (!parsedAmount.ok || parsedAmount.value <= 0)
      return setMessage({ tone: 'error', text: t('retribution.payments.badAmount', { value: amount }) });
    if (!isoDate) return setMessage({ tone: 'error', text: t('retribution.payments.badDate', { value: date }) });
    const { allocations, creditIdr } = allocatePayment(
      parsedAmount.value,
      open.filter((item) => item.obligorId === obligorId),
    );
    const payment: Payment = {
      id: `payment-${Date.now().toString(36)}`,
      date: isoDate,
      amountIdr: parsedAmount.value,
      bankReference: reference,
      obligorId,
      allocations,
      source: 'manual',
      note: '',
      recordedAt: stamp(),
      demo: false,
    };
    try {
      await store.retribution.recordPayments([payment]);
      setAmount('');
      setReference('');
      setMessage({
        tone: 'info',
        text: t('retribution.payments.recorded', {
          amount: formatRupiah(payment.amountIdr, locale),
          count: allocations.length,
          credit: formatRupiah(creditIdr, locale),
        }),
      });
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(t, error) });
    }
  }

  async function readStatement(file: File) {
    const parsed = parseBankStatement(await file.text(), file.name);
    const matches = matchBankStatement(parsed.lines, open, register.payments);
    setStatement({ file: file.name, matches, problems: parsed.problems, skipped: parsed.skippedRows.length });
    setTicked(Object.fromEntries(matches.map((match) => [match.line.row, match.proposed])));
  }

  async function recordStatement() {
    if (!statement) return;
    const chosen = statement.matches.filter((match) => ticked[match.line.row] && match.obligorId);
    const payments = chosen.map((match) =>
      paymentFromMatch(
        { ...match, obligorId: match.obligorId! },
        {
          id: `payment-${Date.now().toString(36)}-${match.line.row}`,
          note: `${statement.file}, ${t('retribution.payments.row')} ${match.line.row}`,
          recordedAt: stamp(),
        },
      ),
    );
    try {
      await store.retribution.recordPayments(payments);
      setMessage({
        tone: 'info',
        text: t('retribution.payments.imported', { count: payments.length, file: statement.file }),
      });
      setStatement(null);
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(t, error) });
    }
  }

  return (
    <div data-testid="retribution-payments">
      <h3>{t('retribution.payments.record')}</h3>
      <div className="form-grid">
        <label htmlFor="payment-obligor">{t('retribution.payments.obligor')}</label>
        <select
          id="payment-obligor"
          value={obligorId}
          onChange={(e) => setObligorId(e.target.value)}
          data-testid="payment-obligor"
        >
          <option value="">—</option>
          {[...register.obligors]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((obligor) => (
              <option key={obligor.id} value={obligor.id}>
                {obligor.name}
              </option>
            ))}
        </select>
        <label htmlFor="payment-date">{t('retribution.payments.date')}</label>
        <input id="payment-date" value={date} onChange={(e) => setDate(e.target.value)} data-testid="payment-date" />
        <label htmlFor="payment-amount">{t('retribution.payments.amount')}</label>
        <input
          id="payment-amount"
          inputMode="numeric"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          data-testid="payment-amount"
        />
        <label htmlFor="payment-reference">{t('retribution.payments.reference')}</label>
        <input
          id="payment-reference"
          value={reference}
          onChange={(e) => setReference(e.target.value)}
          data-testid="payment-reference"
        />
      </div>
      {obligorId && (
        <p className="hint">
          {t('retribution.payments.owes', {
            amount: formatRupiah(
              open.filter((item) => item.obligorId === obligorId).reduce((sum, item) => sum + item.outstandingIdr, 0),
              locale,
            ),
          })}
        </p>
      )}
      <button type="button" onClick={() => void record()} data-testid="payment-record">
        {t('retribution.payments.save')}
      </button>
      <h3>{t('retribution.payments.statement')}</h3>
      <input
        type="file"
        accept=".csv,text/csv"
        data-testid="statement-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void readStatement(file);
          event.target.value = '';
        }}
      />
      {message && (
        <p
          className={`panel-message ${message.tone}`}
          role={message.tone === 'error' ? 'alert' : 'status'}
          data-testid="payment-message"
        >
          {message.text}
        </p>
      )}
      {statement && (
        <div data-testid="statement-matches">
          <p>
            {t('retribution.payments.statementRead', {
              file: statement.file,
              count: statement.matches.length,
              skipped: statement.skipped,
            })}
          </p>
          {statement.problems.length > 0 && (
            <ul className="panel-message error" role="alert">
              {statement.problems.map((problem, index) => (
                <li key={index}>{problemText(t, problem)}</li>
              ))}
            </ul>
          )}
          <table className="data-table">
            <thead>
              <tr>
                <th />
                <th>{t('retribution.payments.row')}</th>
                <th>{t('retribution.payments.date')}</th>
                <th>{t('retribution.payments.amount')}</th>
                <th>{t('retribution.payments.reference')}</th>
                <th>{t('retribution.payments.match')}</th>
              </tr>
            </thead>
            <tbody>
              {statement.matches.map((match) => (
                <tr key={match.line.row} data-testid="statement-row" data-kind={match.kind}>
                  <td>
                    <input
                      type="checkbox"
                      disabled={!match.obligorId}
                      checked={!!ticked[match.line.row]}
                      onChange={(e) => setTicked({ ...ticked, [match.line.row]: e.target.checked })}
                    />
                  </td>
                  <td>{match.line.row}</td>
                  <td>{formatDateInput(match.line.date, locale)}</td>
                  <td className="number">{formatRupiah(match.line.amountIdr, locale)}</td>
                  <td>
                    {match.line.reference} {match.line.description}
                  </td>
                  <td>
                    {t(`retribution.match.${match.kind}`)}
                    {match.obligorId && ` — ${nameOf(match.obligorId)}: `}
                    {match.allocations.map((a) => numberOf(a.assessmentId)).join(', ')}
                    {match.creditIdr > 0 && match.obligorId && ` (+${formatRupiah(match.creditIdr, locale)})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => void recordStatement()} data-testid="statement-record">
            {t('retribution.payments.recordTicked', {
              count: statement.matches.filter((m) => ticked[m.line.row] && m.obligorId).length,
            })}
          </button>
        </div>
      )}
      <h3>{t('retribution.payments.list', { count: register.payments.length })}</h3>
      <table className="data-table" data-testid="payment-table">
        <thead>
          <tr>
            <th>{t('retribution.payments.date')}</th>
            <th>{t('retribution.payments.obligor')}</th>
            <th>{t('retribution.payments.amount')}</th>
            <th>{t('retribution.payments.reference')}</th>
            <th>{t('retribution.payments.for')}</th>
          </tr>
        </thead>
        <tbody>
          {[...register.payments]
            .sort((a, b) => b.date.localeCompare(a.date))
            .map((payment) => (
              <tr key={payment.id}>
                <td>{formatDateInput(payment.date, locale)}</td>
                <td>
                  {nameOf(payment.obligorId)} {payment.demo && <span className="badge">{t('retribution.demo')}</span>}
                </td>
                <td className="number">{formatRupiah(payment.amountIdr, locale)}</td>
                <td>{payment.bankReference}</td>
                <td>{payment.allocations.map((a) => numberOf(a.assessmentId)).join(', ')}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
