import { tariffItemLabel } from '../format/tariff-label';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredTariffSchedule } from '../persistence/database';
import { ValidationError } from '../persistence/feature-validation';
import { useStore } from '../state/store-context';
import { NumberField } from '../components/number-field';
import { DateField } from '../components/date-field';
import { useMessage } from '../components/use-message';
import { issueText } from '../i18n/problem-text';

/** Rates and legal reference of one schedule; saving makes a new version, older ones are kept. */
export function TariffEditor({ schedule }: { schedule: StoredTariffSchedule }) {
  const { t } = useTranslation();
  const store = useStore();
  const [draft, setDraft] = useState(schedule);
  const [message, setMessage] = useMessage<{ kind: 'ok' | 'error'; text: string; version: number }>();
  // Another version (a save, an undo, a redo) replaces the draft; a message speaks only of the version it was made for.
  useEffect(() => setDraft(schedule), [schedule]);
  const invalidRate = draft.items.some((item) => !Number.isFinite(item.ratePerYearIdr));

  const save = async () => {
    if (invalidRate) {
      setMessage({ kind: 'error', text: t('analysis.invalidRates'), version: schedule.version });
      return;
    }
    try {
      const saved = await store.tariffs.save(draft);
      setMessage({ kind: 'ok', text: t('analysis.savedVersion', { version: saved.version }), version: saved.version });
    } catch (error) {
      const text =
        error instanceof ValidationError
          ? error.issues.map((issue) => `${issue.path}: ${issueText(issue.message, t)}`).join('; ')
          : String(error);
      setMessage({ kind: 'error', text: t('analysis.invalid', { message: text }), version: schedule.version });
    }
  };

  return (
    <div className="tariff-editor" data-testid="tariff-editor">
      {schedule.example && (
        <div className="example-badge" data-testid="tariff-example">
          {t('analysis.exampleBadge')}
        </div>
      )}
      <label className="stacked-field">
        {t('analysis.legal')}
        <textarea
          rows={2}
          value={draft.legalReference}
          data-testid="tariff-legal"
          onChange={(event) => setDraft({ ...draft, legalReference: event.target.value })}
        />
      </label>
      <div className="date-fields">
        <label className="stacked-field">
          {t('analysis.validFrom')}
          <DateField
            value={draft.validFrom}
            testId="tariff-valid-from"
            onChange={(iso) => iso && setDraft({ ...draft, validFrom: iso })}
          />
        </label>
        <label className="stacked-field">
          {t('analysis.validTo')}
          <DateField
            value={draft.validTo}
            optional
            testId="tariff-valid-to"
            onChange={(iso) => setDraft({ ...draft, validTo: iso })}
          />
        </label>
      </div>
      <table className="summary-table">
        <thead>
          <tr>
            <th>{t('analysis.item')}</th>
            <th>{t('analysis.basis')}</th>
            <th>{t('analysis.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {draft.items.map((item, index) => (
            <tr key={item.id}>
              <td>{tariffItemLabel(draft, item, t)}</td>
              <td>{t(`analysis.basisName.${item.basis}`)}</td>
              <td className="number">
                <NumberField
                  integer
                  className="rate-input"
                  testId={`tariff-rate-${item.id}`}
                  ariaLabel={`${t('analysis.rate')}: ${tariffItemLabel(draft, item, t)}`}
                  value={item.ratePerYearIdr}
                  onChange={(ratePerYearIdr) => {
                    const items = [...draft.items];
                    items[index] = { ...item, ratePerYearIdr };
                    setDraft({ ...draft, items });
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row-buttons">
        <span className="muted">{t('analysis.version', { version: schedule.version })}</span>
        <button type="button" data-testid="tariff-save" onClick={() => void save()}>
          {t('analysis.saveVersion')}
        </button>
      </div>
      {message?.version === schedule.version && (
        <div
          className={`table-message ${message.kind}`}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="tariff-message"
        >
          {message.text}
        </div>
      )}
    </div>
  );
}
