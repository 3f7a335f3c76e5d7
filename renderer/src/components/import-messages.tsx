import { useTranslation } from 'react-i18next';
import type { ImportOutcome } from '../state/app-store';
import { ImportNotes } from './import-notes';
import { useProblemText } from '../i18n/problem-text';

/** What happened to each imported file: the count, or the error naming file, feature and problem. */
export function ImportMessages({ outcomes, onClose }: { outcomes: ImportOutcome[]; onClose: () => void }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  if (outcomes.length === 0) return null;
  const failed = outcomes.some((outcome) => !outcome.ok);
  return (
    <div
      className={`import-messages ${failed ? 'error' : 'ok'}`}
      role={failed ? 'alert' : 'status'}
      data-testid="import-messages"
    >
      <button type="button" className="close" aria-label={t('common.close')} onClick={onClose}>
        ×
      </button>
      <ul>
        {outcomes.map((outcome) => (
          <li key={outcome.fileName} data-testid="import-outcome">
            {outcome.ok
              ? t('import.done', { count: outcome.count, file: outcome.fileName, crs: outcome.crs }) +
                (outcome.repairs ? ` ${t('import.repairs', { count: outcome.repairs })}` : '') +
                (outcome.skipped ? ` ${t('import.skipped', { count: outcome.skipped })}` : '') +
                (outcome.unplaced ? ` ${t('import.unplaced', { count: outcome.unplaced })}` : '') +
                (outcome.extraFields ? ` ${t('import.extras', { count: outcome.extraFields })}` : '')
              : `${t('import.failed')} ${problemText(outcome.error)}`}
            {outcome.ok && (
              <ImportNotes
                fileName={outcome.fileName}
                skipped={outcome.notes.skipped}
                repairs={outcome.notes.repairs}
              />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
