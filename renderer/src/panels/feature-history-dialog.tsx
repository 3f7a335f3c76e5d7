import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Geometry } from 'geojson';
import { messageOf } from '#shared/format/message-of';
import {
  changedFields,
  GEOMETRY_FIELD,
  vertexCount,
  type FeatureHistory,
  type FeatureHistoryEntry,
} from '#shared/postgis/feature-history';
import { FIELDS_BY_KIND } from '#shared/model/feature-fields';
import type { FeatureKind } from '#shared/model/road-network';
import { formatMoment, type Locale } from '#shared/format/format-number';
import { formatFieldValue } from '../format/field-format';
import { featureTitle } from '../format/feature-title';
import { useModalDialog } from '../components/use-modal-dialog';
import { useSnapshot, useStore } from '../state/store-context';
import { ProblemError } from '#shared/messages/problem';
import { problemText } from '../i18n/problem-text';

const plain = (value: unknown) =>
  value === null || value === undefined || value === ''
    ? '—'
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);

function failureText(error: unknown, t: TFunction) {
  return error instanceof ProblemError ? problemText(error.problem, t) : messageOf(error);
}

/** One version's changed fields, labelled and formatted as the attribute table shows them. */
function ChangeRows({ entry, kind }: { entry: FeatureHistoryEntry; kind: string }) {
  const { t, i18n } = useTranslation();
  const locale = (i18n.language === 'en' ? 'en' : 'id') as Locale;
  const fields = new Map(
    (Object.hasOwn(FIELDS_BY_KIND, kind) ? FIELDS_BY_KIND[kind as FeatureKind] : []).map((field) => [field.key, field]),
  );
  const shown = (key: string, value: unknown) => {
    if (key === GEOMETRY_FIELD)
      return value
        ? t('featureHistory.shape', { type: (value as Geometry).type, count: vertexCount(value as Geometry) })
        : '—';
    const field = fields.get(key);
    return field && value !== null && value !== undefined ? formatFieldValue(field, value, t, locale) : plain(value);
  };
  const changes = changedFields(entry).filter((change) => change.key !== 'kind');
  if (!changes.length) return <p className="muted">{t('featureHistory.noValues')}</p>;
  return (
    <table className="team-conflict-table feature-history-table">
      <thead>
        <tr>
          <th>{t('team.field')}</th>
          <th>{t('featureHistory.before')}</th>
          <th>{t('featureHistory.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.key} data-testid={`feature-history-field-${change.key}`}>
            <th scope="row">
              {change.key === GEOMETRY_FIELD
                ? t('team.geometry')
                : t(`fields.${change.key}`, { defaultValue: change.key })}
            </th>
            <td>{shown(change.key, change.before)}</td>
            <td>{shown(change.key, change.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Riwayat: a linked feature's versions as the team database keeps them (who, when, what changed, before and after),
 * each old version restorable as a new change here (undoable), which the next sync sends as a new version.
 */
export function FeatureHistoryDialog({
  layerId,
  featureId,
  onClose,
  onRestored,
}: {
  layerId: string;
  featureId: string;
  onClose: () => void;
  onRestored: (version: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'id';
  const store = useStore();
  const ref = useModalDialog();
  const snapshot = useSnapshot();
  const team = useSyncExternalStore(store.team.subscribe, store.team.getSnapshot);
  const feature = snapshot.status === 'ready' ? snapshot.featureById.get(featureId) : undefined;
  const [history, setHistory] = useState<FeatureHistory | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const connected = team.session !== null;

  useEffect(() => {
    let current = true;
    setProblem(null);
    store.team.history(layerId, featureId).then(
      (read) => current && setHistory(read),
      (error: unknown) => current && setProblem(failureText(error, t)),
    );
    return () => {
      current = false;
    };
    // Read again when the connection comes (or comes back). `t` is left out on purpose: a language switch must not
    // read the server again; it only words a message already shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store.team, layerId, featureId, connected]);

  const restore = async (entry: FeatureHistoryEntry) => {
    if (!entry.after) return;
    try {
      await store.team.restoreVersion(layerId, featureId, entry.after);
      onClose();
      onRestored(entry.version);
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  const kind = String(feature?.properties.kind ?? '');
  const entries = history ? [...history.entries].reverse() : [];
  return (
    <dialog
      ref={ref}
      className="confirm-dialog team-conflict-dialog feature-history-dialog"
      data-testid="feature-history-dialog"
      onCancel={onClose}
      aria-labelledby="feature-history-title"
    >
      <h2 id="feature-history-title">
        {t('featureHistory.title', { name: feature ? featureTitle(feature, t) : featureId })}
      </h2>
      {history && (
        <p className="muted" data-testid="feature-history-summary">
          {history.total > history.entries.length
            ? t('featureHistory.newestOf', { shown: history.entries.length, total: history.total })
            : t('featureHistory.count', { count: history.total })}{' '}
          {history.currentVersion === null
            ? t('featureHistory.nowDeleted')
            : t('featureHistory.nowVersion', { version: history.currentVersion })}
        </p>
      )}
      <p className="muted">{t('featureHistory.restoreHint')}</p>
      {!history && !problem && <p className="muted">{t('featureHistory.reading')}</p>}
      {problem && (
        <p className="panel-message error" role="alert">
          {problem}
        </p>
      )}
      {history && !history.entries.length && <p>{t('featureHistory.empty')}</p>}
      <ol className="feature-history-list" reversed>
        {entries.map((entry) => (
          <li key={`${entry.version}-${entry.transaction}`} data-testid={`feature-history-version-${entry.version}`}>
            <div className="feature-history-heading">
              <strong>{t('featureHistory.version', { version: entry.version })}</strong>
              <span>{t(`featureHistory.operation.${entry.operation}`)}</span>
              <span data-testid="feature-history-who">
                {entry.changedAs
                  ? t('featureHistory.whoAs', { user: entry.changedBy, role: entry.changedAs })
                  : entry.changedBy}
              </span>
              <span>{formatMoment(entry.changedAt, locale)}</span>
              {entry.client && <span className="muted">{entry.client}</span>}
            </div>
            <ChangeRows entry={entry} kind={kind} />
            {entry.after && entry.version !== history?.currentVersion && feature && (
              <button
                type="button"
                className="small"
                data-testid={`feature-history-restore-${entry.version}`}
                onClick={() => void restore(entry)}
              >
                {t('featureHistory.restore')}
              </button>
            )}
          </li>
        ))}
      </ol>
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </dialog>
  );
}
