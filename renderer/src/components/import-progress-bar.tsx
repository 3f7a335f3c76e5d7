import { useTranslation } from 'react-i18next';
import { formatNumber } from '#shared/format/format-number';
import type { ImportActivity } from '../state/app-store';

/** The file being read: bytes read, then features checked, with a Cancel that stops the reader. */
export function ImportProgressBar({ activity, onCancel }: { activity: ImportActivity; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'id';
  const { file, progress } = activity;
  const known = progress && progress.total > 0;
  const label = !progress
    ? t('import.progress', { file })
    : t(`import.phase.${progress.phase}`, {
        file,
        done: progress.done,
        total: progress.phase === 'read' ? `${formatNumber(progress.total / 1048576, locale, 1)} MB` : progress.total,
        percent: known ? formatNumber((100 * progress.done) / progress.total, locale) : '',
      }) +
      (progress.phase === 'read' && progress.features > 0
        ? ` · ${t('import.featuresSoFar', { count: progress.features })}`
        : '');
  return (
    <div className="import-progress" role="status" data-testid="import-progress">
      <span data-testid="import-progress-label">{label}</span>
      {known ? <progress value={progress.done} max={progress.total} /> : <progress />}
      <button type="button" data-testid="import-stop" title={t('import.stopTitle')} onClick={onCancel}>
        {t('import.stop')}
      </button>
    </div>
  );
}
