import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '#shared/format/message-of';

interface Report {
  id: number;
  text: string;
}

/** Errors nothing else caught (a rejected promise, an exception in an event handler) are shown, not swallowed. */
export function UnexpectedErrors() {
  const { t } = useTranslation();
  const [reports, setReports] = useState<Report[]>([]);
  useEffect(() => {
    let next = 0;
    const add = (text: string) => setReports((current) => [...current.slice(-2), { id: next++, text }]);
    const onRejection = (event: PromiseRejectionEvent) => add(messageOf(event.reason));
    const onError = (event: ErrorEvent) => add(event.error ? messageOf(event.error) : event.message);
    window.addEventListener('unhandledrejection', onRejection);
    window.addEventListener('error', onError);
    return () => {
      window.removeEventListener('unhandledrejection', onRejection);
      window.removeEventListener('error', onError);
    };
  }, []);
  if (reports.length === 0) return null;
  return (
    <div className="unexpected-errors" role="alert" data-testid="unexpected-error">
      {reports.map((report) => (
        <div key={report.id} className="unexpected-error">
          <span>{t('errors.unexpected', { message: report.text })}</span>
          <button
            type="button"
            aria-label={t('errors.dismiss')}
            onClick={() => setReports((current) => current.filter((item) => item.id !== report.id))}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
