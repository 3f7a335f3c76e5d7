import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatSta, type Locale } from '#shared/format/format-number';
import { formatRupiah } from '#shared/format/format-rupiah';
import { formatDateInput } from '#shared/format/date-input';
import { terbilangRupiah } from '#shared/retribution/terbilang';
import type { Assessment } from '#shared/retribution/assessment';
import type { RetributionRecords } from '../../persistence/retribution-repository';
import { usePanelState, useSnapshot, useStore } from '../../state/store-context';
import { errorText, problemText } from './problem-text';
import { saveExport } from '../../platform/save-export';
import { loadPrintFonts } from '../../print/print-job';
import { recapWords } from './recap-words';

/** A corridor and period assessed into drafts, one per obligor, then issued with numbers; lines shown per SKRD. */
export function AssessSection({ register, locale }: { register: RetributionRecords; locale: Locale }) {
  const { t } = useTranslation();
  const store = useStore();
  const { layers, featuresByLayer } = useSnapshot();
  const [choice, setChoice] = usePanelState('retribution.period', '');
  const [open, setOpen] = useState<string | null>(null);
  const [selected, setSelected] = useState<Record<string, boolean>>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const options = register.programmes.flatMap((programme) =>
    programme.periods.map((period) => ({ key: `${programme.id}|${period.id}`, programme, period })),
  );
  const current = options.find((option) => option.key === choice) ?? options[0] ?? null;
  const assessments = current
    ? register.assessments
        .filter((a) => a.programmeId === current.programme.id && a.periodId === current.period.id)
        .sort(
          (a, b) => (a.number ?? '~').localeCompare(b.number ?? '~') || a.obligor.name.localeCompare(b.obligor.name),
        )
    : [];
  const drafts = assessments.filter((a) => a.status === 'draft');
  const chosenDrafts = drafts.filter((a) => selected[a.id] ?? true);
  const totalOf = (list: Assessment[]) => list.reduce((sum, a) => sum + a.totalIdr, 0);

  async function assess() {
    if (!current) return;
    setBusy(true);
    setMessage(null);
    try {
      const result = await store.retribution.assess(current.programme.id, current.period.id);
      setMessage(
        'code' in result
          ? { tone: 'error', text: problemText(t, result) }
          : {
              tone: 'info',
              text: t('retribution.assess.done', {
                count: result.drafts.length,
                total: formatRupiah(result.totalIdr, locale),
                unlinked: result.unlinkedAssetIds.length,
                untariffed: result.untariffedAssetIds.length,
                issued: result.alreadyIssued,
              }),
            },
      );
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(t, error) });
    } finally {
      setBusy(false);
    }
  }

  async function issue() {
    if (chosenDrafts.length === 0) return;
    if (!window.confirm(t('retribution.assess.issueConfirm', { count: chosenDrafts.length }))) return;
    try {
      const issued = await store.retribution.issue(chosenDrafts.map((a) => a.id));
      setMessage({
        tone: 'info',
        text: t('retribution.assess.issued', {
          count: issued.length,
          first: issued[0]?.number ?? '',
          last: issued.at(-1)?.number ?? '',
        }),
      });
    } catch (error) {
      setMessage({ tone: 'error', text: errorText(t, error) });
    }
  }

  /** The period's notices in force (drafts and issued, not replaced ones) as one PDF, in the order of the table. */
  async function saveNotices() {
    if (!current) return;
    const notices = assessments.filter((a) => a.status !== 'replaced');
    const outcome = await saveExport(`skrd-${current.programme.id}-${current.period.id}.pdf`, async () => {
      // jsPDF is large; it is loaded only when notices are asked for.
      const { createNoticesPdf } = await import('#shared/retribution/create-notices-pdf');
      const data = createNoticesPdf(notices, register.settings, await loadPrintFonts(), {
        periodLabel: () => current.period.label,
      });
      return { filters: [{ name: 'PDF', extensions: ['pdf'] }], data };
    });
    if (outcome.kind === 'saved')
      setMessage({ tone: 'info', text: t('retribution.assess.saved', { name: outcome.name }) });
    if (outcome.kind === 'failed') setMessage({ tone: 'error', text: outcome.message });
  }

  /** The same notices, one PDF per obligor, in one zip (to send each obligor its own). */
  async function saveNoticeFiles() {
    if (!current) return;
    const notices = assessments.filter((a) => a.status !== 'replaced');
    const outcome = await saveExport(`skrd-${current.programme.id}-${current.period.id}.zip`, async () => {
      const { createNoticeFiles, zipNoticeFiles } = await import('#shared/retribution/create-notice-files');
      const files = createNoticeFiles(notices, register.settings, await loadPrintFonts(), {
        periodLabel: () => current.period.label,
        draftWord: t('retribution.assess.draftFile'),
      });
      return { filters: [{ name: 'ZIP', extensions: ['zip'] }], data: zipNoticeFiles(files) };
    });
    if (outcome.kind === 'saved')
      setMessage({ tone: 'info', text: t('retribution.assess.saved', { name: outcome.name }) });
    if (outcome.kind === 'failed') setMessage({ tone: 'error', text: outcome.message });
  }

  /** Every assessment in force, one sheet per corridor, for the finance office (BPKAD). */
  async function saveRecap() {
    const corridorName = (id: string) => {
      for (const layer of layers.filter((candidate) => candidate.kind === 'corridor')) {
        const feature = featuresByLayer.get(layer.id)?.find((candidate) => candidate.id === id);
        // Every sheet is a corridor: the word is left out so the name fits Excel's 31 characters.
        if (feature) return String(feature.properties.name ?? id).replace(/^(koridor|corridor)\s+/i, '');
      }
      return null;
    };
    const outcome = await saveExport(`${t('retribution.recap.fileName')}.xlsx`, async () => {
      const [{ writeWorkbook }, { createAssessmentRecap }] = await Promise.all([
        import('#shared/io/write-xlsx'),
        import('#shared/retribution/create-assessment-recap'),
      ]);
      const sheets = createAssessmentRecap(
        register.assessments,
        register.payments,
        register.programmes,
        corridorName,
        recapWords(t, locale),
      );
      return { filters: [{ name: 'Excel', extensions: ['xlsx'] }], data: await writeWorkbook(sheets) };
    });
    if (outcome.kind === 'saved')
      setMessage({ tone: 'info', text: t('retribution.assess.saved', { name: outcome.name }) });
    if (outcome.kind === 'failed') setMessage({ tone: 'error', text: outcome.message });
  }

  if (!current) return <p>{t('retribution.assess.noProgramme')}</p>;
  return (
    <div data-testid="retribution-assess">
      <label>
        {t('retribution.assess.period')}{' '}
        <select value={current.key} onChange={(event) => setChoice(event.target.value)} data-testid="assess-period">
          {options.map((option) => (
            <option key={option.key} value={option.key}>
              {option.programme.name} — {option.period.label}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">
        {t('retribution.assess.periodInfo', {
          start: formatDateInput(current.period.start, locale),
          end: formatDateInput(current.period.end, locale),
          due: formatDateInput(current.period.dueDate, locale),
          tariff: `${current.period.tariffScheduleId} v${current.period.tariffVersion}`,
        })}
      </p>
      <div className="button-row">
        <button type="button" disabled={busy} onClick={() => void assess()} data-testid="assess-run">
          {busy ? t('retribution.assess.running') : t('retribution.assess.run')}
        </button>
        <button
          type="button"
          disabled={chosenDrafts.length === 0}
          onClick={() => void issue()}
          data-testid="assess-issue"
        >
          {t('retribution.assess.issue', { count: chosenDrafts.length })}
        </button>
        <button
          type="button"
          disabled={assessments.length === 0}
          onClick={() => void saveNotices()}
          data-testid="assess-notices"
        >
          {t('retribution.assess.notices')}
        </button>
        <button
          type="button"
          disabled={assessments.length === 0}
          onClick={() => void saveNoticeFiles()}
          data-testid="assess-notice-files"
        >
          {t('retribution.assess.noticeFiles')}
        </button>
        <button
          type="button"
          disabled={register.assessments.length === 0}
          onClick={() => void saveRecap()}
          data-testid="assess-recap"
        >
          {t('retribution.assess.recap')}
        </button>
      </div>
      {message && (
        <p
          className={`panel-message ${message.tone}`}
          role={message.tone === 'error' ? 'alert' : 'status'}
          data-testid="assess-message"
        >
          {message.text}
        </p>
      )}
      <table className="data-table" data-testid="assessment-table">
        <thead>
          <tr>
            <th />
            <th>{t('retribution.assess.number')}</th>
            <th>{t('retribution.assess.obligor')}</th>
            <th>{t('retribution.assess.lines')}</th>
            <th>{t('retribution.assess.total')}</th>
            <th>{t('retribution.assess.status')}</th>
          </tr>
        </thead>
        <tbody>
          {assessments.map((assessment) => (
            <tr
              key={assessment.id}
              onClick={() => setOpen(open === assessment.id ? null : assessment.id)}
              className="clickable"
            >
              <td>
                {assessment.status === 'draft' && (
                  <input
                    type="checkbox"
                    checked={selected[assessment.id] ?? true}
                    onClick={(event) => event.stopPropagation()}
                    onChange={(event) => setSelected({ ...selected, [assessment.id]: event.target.checked })}
                  />
                )}
              </td>
              <td>{assessment.number ?? t('retribution.assess.draft')}</td>
              <td>
                {assessment.obligor.name} {assessment.demo && <span className="badge">{t('retribution.demo')}</span>}
              </td>
              <td className="number">{formatNumber(assessment.lines.length, locale)}</td>
              <td className="number">{formatRupiah(assessment.totalIdr, locale)}</td>
              <td>{t(`retribution.status.${assessment.status}`)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <td colSpan={3}>
              {t('retribution.assess.sum', { count: assessments.filter((a) => a.status !== 'replaced').length })}
            </td>
            <td className="number" data-testid="assess-sum">
              {formatRupiah(totalOf(assessments.filter((a) => a.status !== 'replaced')), locale)}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
      {open && <AssessmentDetail assessment={assessments.find((a) => a.id === open)!} locale={locale} />}
    </div>
  );
}

function AssessmentDetail({ assessment, locale }: { assessment: Assessment | undefined; locale: Locale }) {
  const { t } = useTranslation();
  if (!assessment) return null;
  const unit = (value: string) => t(`retribution.unit.${value}`);
  return (
    <div className="assessment-detail" data-testid="assessment-detail">
      <h3>
        {assessment.number ?? t('retribution.assess.draft')} — {assessment.obligor.name}
      </h3>
      {assessment.replacesId && <p>{t('retribution.assess.revisionOf', { reason: assessment.reason })}</p>}
      {assessment.tariffExample && <p className="panel-message info">{t('retribution.assess.exampleTariff')}</p>}
      <table className="data-table">
        <thead>
          <tr>
            <th>{t('retribution.line.asset')}</th>
            <th>{t('retribution.line.ruas')}</th>
            <th>{t('retribution.line.sta')}</th>
            <th>{t('retribution.line.zone')}</th>
            <th>{t('retribution.line.quantity')}</th>
            <th>{t('retribution.line.tariff')}</th>
            <th>{t('retribution.line.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {assessment.lines.map((line) => (
            <tr key={line.assetId}>
              <td>{line.assetId}</td>
              <td>{line.ruasNumber ?? '—'}</td>
              <td>{line.staM === null ? '—' : formatSta(line.staM)}</td>
              <td>{line.zone.toUpperCase()}</td>
              <td className="number">
                {formatNumber(line.quantity, locale, line.unit === 'unit' ? 0 : 1)} {unit(line.unit)}
              </td>
              <td className="number">{formatRupiah(line.ratePerYearIdr, locale)}</td>
              <td className="number">{formatRupiah(line.amountIdr, locale)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={6}>{t('retribution.assess.total')}</td>
            <td className="number">{formatRupiah(assessment.totalIdr, locale)}</td>
          </tr>
        </tfoot>
      </table>
      <p data-testid="terbilang">
        {t('retribution.assess.inWords')}: <em>{terbilangRupiah(assessment.totalIdr)}</em>
      </p>
    </div>
  );
}
