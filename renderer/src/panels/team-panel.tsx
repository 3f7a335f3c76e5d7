import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { messageOf } from '#shared/format/message-of';
import { formatMoment, formatNumber, type Locale } from '#shared/format/format-number';
import { PostgisConnectionSchema, TLS_MODES, type PostgisConnection, type TlsMode } from '#shared/postgis/postgis-api';
import { tableNameFor, TABLE_NAME_PATTERN } from '#shared/postgis/layer-table';
import { featureFingerprint, hasFingerprint } from '#shared/postgis/sync-plan';
import { visitInIdleSlices } from '../platform/idle-slices';
import { useStore, useSnapshot } from '../state/store-context';
import { layerLabel } from '../format/layer-label';
import { scheduleName } from '../format/tariff-label';
import { ConflictDialog } from './team-conflicts';
import { OrphanLayerError } from '../state/team-sync';
import { ProblemError } from '#shared/messages/problem';
import { problemText } from '../i18n/problem-text';

const DEFAULT_CONNECTION: PostgisConnection = {
  host: 'localhost',
  port: 5432,
  database: 'rumija',
  user: '',
  tls: 'verify',
};

/** A label and its field, as the two cells of the form's grid. */
const FormRow = ({ id, label, children }: { id: string; label: string; children: ReactNode }) => (
  <>
    <label htmlFor={id}>{label}</label>
    {children}
  </>
);

/**
 * The team database (PostGIS): connect, open a published layer, publish one (admins), and sync each linked layer,
 * with the conflicts of a sync waiting here for the user's choice.
 */
export function TeamPanel() {
  const { t, i18n } = useTranslation();
  const locale = (i18n.language === 'en' ? 'en' : 'id') as Locale;
  const store = useStore();
  const snapshot = useSnapshot();
  const team = useSyncExternalStore(store.team.subscribe, store.team.getSnapshot);
  const [form, setForm] = useState<PostgisConnection | null>(null);
  const connection = form ?? team.connection ?? DEFAULT_CONNECTION;
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  // A message is worded when drawn, so it follows a language switch made after the action (#31).
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; words: (t: TFunction) => string } | null>(null);
  const [publishLayerId, setPublishLayerId] = useState('');
  const [publishTable, setPublishTable] = useState('');
  const [conflictsOf, setConflictsOf] = useState<string | null>(null);
  const [tariffId, setTariffId] = useState('');
  const session = team.session;
  const busy = team.busy;
  const linkedIds = new Set(team.links.keys());
  const publishable = snapshot.layers.filter((layer) => !linkedIds.has(layer.id));
  const publishLayer = publishable.find((layer) => layer.id === publishLayerId) ?? null;
  const table = publishTable || (publishLayer ? tableNameFor(publishLayer.name) : '');
  // The fingerprints of linked layers' features are worked out in idle time (~5 s for 200 000 at once); the
  // counts of changes not sent show when they are ready, and after that an edit costs only its own features.
  const [, setWarmed] = useState(0);
  const linkedLists = useMemo(
    () => [...team.links.keys()].map((layerId) => snapshot.featuresByLayer.get(layerId) ?? []),
    [team.links, snapshot.featuresByLayer],
  );
  const ready = linkedLists.every((list) => list.every(hasFingerprint));
  useEffect(() => {
    if (ready) return;
    const slices = visitInIdleSlices(linkedLists, (feature) => void featureFingerprint(feature), 1000);
    const poll = setInterval(() => {
      if (!slices.finished) return;
      clearInterval(poll);
      setWarmed((count) => count + 1);
    }, 250);
    return () => clearInterval(poll);
  }, [linkedLists, ready]);
  // `ready` turns true on the render `setWarmed` asks for once the fingerprints are known.
  const pending = useMemo(
    () =>
      ready
        ? new Map(
            [...team.links.keys()].map((layerId) => [
              layerId,
              store.team.pendingCount(layerId, snapshot.featuresByLayer.get(layerId)),
            ]),
          )
        : null,
    [team.links, snapshot.featuresByLayer, store.team, ready],
  );

  const run = async (work: () => Promise<((t: TFunction) => string) | null>) => {
    setMessage(null);
    try {
      const words = await work();
      if (words) setMessage({ tone: 'info', words });
    } catch (error) {
      setMessage({ tone: 'error', words: (t) => teamErrorText(error, t) });
    }
  };
  const edit = (patch: Partial<PostgisConnection>) => setForm({ ...connection, ...patch });
  const parsedConnection = PostgisConnectionSchema.safeParse(connection);
  const layerName = (layerId: string, table: string) => {
    const layer = snapshot.layers.find((candidate) => candidate.id === layerId);
    return layer ? layerLabel(layer, t) : table;
  };

  return (
    <section className="panel team-panel" data-testid="team-panel" aria-label={t('team.title')}>
      <h2>{t('team.title')}</h2>
      {!session ? (
        <form
          className="export-grid team-form"
          data-testid="team-connect-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!parsedConnection.success) return;
            const typed = password;
            // The password leaves the page's state at once: the host keeps it (OS keychain), not the renderer.
            setPassword('');
            void run(async () => {
              const info = await store.team.connect(parsedConnection.data, typed || null, remember);
              return (t: TFunction) =>
                t('team.connected', { user: info.user, role: t(`team.role.${info.role ?? 'none'}`) });
            });
          }}
        >
          {(['host', 'port', 'database', 'user'] as const).map((key) => (
            <FormRow key={key} id={`team-${key}`} label={t(`team.${key}`)}>
              <input
                id={`team-${key}`}
                data-testid={`team-${key}`}
                inputMode={key === 'port' ? 'numeric' : undefined}
                spellCheck={false}
                value={String(connection[key])}
                onChange={(e) =>
                  edit(
                    key === 'port'
                      ? { port: Number(e.target.value.replace(/\D/g, '')) || 0 }
                      : { [key]: e.target.value },
                  )
                }
              />
            </FormRow>
          ))}
          <label htmlFor="team-password">{t('team.password')}</label>
          <input
            id="team-password"
            data-testid="team-password"
            type="password"
            autoComplete="off"
            placeholder={t('team.passwordKept')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <label htmlFor="team-tls">TLS</label>
          <select
            id="team-tls"
            data-testid="team-tls"
            value={connection.tls}
            onChange={(e) => edit({ tls: e.target.value as TlsMode })}
          >
            {TLS_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`team.tls.${mode}`)}
              </option>
            ))}
          </select>
          <span />
          <p className={`team-tls-note ${connection.tls}`} data-testid="team-tls-note">
            {t(`team.tlsNote.${connection.tls}`)}
          </p>
          {connection.tls === 'verify' && (
            <>
              <label htmlFor="team-tls-ca">{t('team.tlsCa')}</label>
              <span className="team-tls-ca">
                <input
                  id="team-tls-ca"
                  data-testid="team-tls-ca"
                  type="file"
                  accept=".pem,.crt,.cer"
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    if (!file) return;
                    void file.text().then((text) => {
                      if (/-----BEGIN CERTIFICATE-----/.test(text)) edit({ ca: text });
                      else setMessage({ tone: 'error', words: (t) => t('team.tlsCaBad', { file: file.name }) });
                    });
                  }}
                />
                {connection.ca && (
                  <>
                    <span className="muted" data-testid="team-tls-ca-set">
                      {t('team.tlsCaSet')}
                    </span>{' '}
                    <button type="button" className="small" onClick={() => edit({ ca: undefined })}>
                      {t('team.tlsCaClear')}
                    </button>
                  </>
                )}
              </span>
            </>
          )}
          <span />
          <label className="inline-field">
            <input
              type="checkbox"
              data-testid="team-remember"
              checked={remember}
              onChange={(e) => setRemember(e.target.checked)}
            />{' '}
            {t('team.remember')}
          </label>
          <span />
          <button
            type="submit"
            className="primary"
            data-testid="team-connect"
            disabled={!!busy || !parsedConnection.success}
          >
            {busy?.what === 'connect' ? t('team.connecting') : t('team.connect')}
          </button>
          <span />
          <button
            type="button"
            className="small"
            data-testid="team-forget-password"
            disabled={!!busy || !parsedConnection.success}
            onClick={() =>
              void run(async () => {
                if (parsedConnection.success) await store.team.forgetPassword(parsedConnection.data);
                return (t: TFunction) => t('team.passwordForgotten');
              })
            }
          >
            {t('team.forgetPassword')}
          </button>
        </form>
      ) : (
        <div className="team-session" data-testid="team-session">
          <p>
            {t('team.connectedAs', {
              user: session.user,
              role: t(`team.role.${session.role ?? 'none'}`),
              server: `${connection.host}:${connection.port}/${connection.database}`,
            })}{' '}
            <span className="muted">{session.tls ? t('team.tlsOn') : t('team.tlsOff')}</span>
          </p>
          <button
            type="button"
            className="small"
            data-testid="team-disconnect"
            onClick={() => void store.team.disconnect()}
          >
            {t('team.disconnect')}
          </button>
        </div>
      )}

      {busy && busy.what !== 'connect' && (
        <p className="panel-message info" role="status" data-testid="team-busy">
          {t(`team.busy.${busy.what}`, {
            done: formatNumber(busy.done, locale),
            total: busy.total === null ? '…' : formatNumber(busy.total, locale),
          })}
        </p>
      )}
      {message && (
        <p
          className={`panel-message ${message.tone}`}
          role={message.tone === 'error' ? 'alert' : 'status'}
          data-testid="team-message"
        >
          {message.words(t)}
        </p>
      )}

      {team.links.size > 0 && (
        <>
          <h3>{t('team.linked')}</h3>
          <ul className="team-links" data-testid="team-links">
            {[...team.links.values()].map((link) => (
              <li key={link.layerId} className="team-link" data-testid={`team-link-${link.table}`}>
                <div className="layer-row">
                  <span className="layer-name">{layerName(link.layerId, link.table)}</span>
                  <button
                    type="button"
                    className="small"
                    data-testid={`team-sync-${link.table}`}
                    disabled={!session || !!busy}
                    onClick={() =>
                      void run(async () => {
                        const report = await store.team.sync(link.layerId);
                        return () =>
                          t('team.synced', {
                            pushed: formatNumber(report.pushed + report.deleted, locale),
                            taken: formatNumber(report.taken, locale),
                            conflicts: formatNumber(report.conflicts, locale),
                          });
                      })
                    }
                  >
                    {t('team.sync')}
                  </button>
                </div>
                <div className="muted team-facts">
                  {t('team.linkFacts', {
                    table: link.table,
                    login: link.login,
                    ...(pending ? { count: pending.get(link.layerId) ?? 0 } : {}),
                    pending: pending ? formatNumber(pending.get(link.layerId) ?? 0, locale) : '…',
                    synced: link.syncedAt ? formatMoment(link.syncedAt, locale) : '—',
                  })}
                </div>
                {!snapshot.layers.some((layer) => layer.id === link.layerId) && (
                  <div className="team-orphan" data-testid={`team-orphan-${link.table}`}>
                    <span className="muted">{t('team.layerGone')}</span>{' '}
                    <button type="button" className="small" onClick={() => void store.team.unlink(link.layerId)}>
                      {t('team.unlink')}
                    </button>
                  </div>
                )}
                {link.conflicts.length > 0 && (
                  <button
                    type="button"
                    className="small warning"
                    data-testid={`team-conflicts-${link.table}`}
                    onClick={() => setConflictsOf(link.layerId)}
                  >
                    {t('team.conflicts', { count: link.conflicts.length })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}

      {session && (
        <>
          <div className="layer-row team-heading">
            <h3>{t('team.onServer')}</h3>
            <button
              type="button"
              className="small"
              data-testid="team-refresh"
              disabled={!!busy}
              onClick={() => void run(async () => (await store.team.refreshLayers(), null))}
            >
              {t('team.refresh')}
            </button>
          </div>
          {session.layers.length === 0 ? (
            <p className="muted">{t('team.noLayers')}</p>
          ) : (
            <ul className="team-server-layers" data-testid="team-server-layers">
              {session.layers.map((layer) => (
                <li key={layer.table} className="layer-row" data-testid={`team-server-${layer.table}`}>
                  <span className="layer-name">
                    {layer.name}{' '}
                    <span className="muted">
                      ({t(`model.kind.${layer.kind}`, { defaultValue: layer.kind })}, {layer.table}
                      {layer.demo ? `, ${t('team.demo')}` : ''})
                    </span>
                  </span>
                  <button
                    type="button"
                    className="small"
                    data-testid={`team-open-${layer.table}`}
                    disabled={!!busy}
                    onClick={() =>
                      void run(async () => {
                        const opened = await store.team.open(layer.table);
                        return (t: TFunction) => t('team.opened', { name: opened.name });
                      })
                    }
                  >
                    {t('team.open')}
                  </button>
                </li>
              ))}
            </ul>
          )}

          <h3>{t('team.publish')}</h3>
          {session.role !== 'admin' ? (
            <p className="muted">{t('team.publishAdminOnly')}</p>
          ) : (
            <div className="export-grid">
              <label htmlFor="team-publish-layer">{t('team.layer')}</label>
              <select
                id="team-publish-layer"
                data-testid="team-publish-layer"
                value={publishLayerId}
                onChange={(e) => {
                  setPublishLayerId(e.target.value);
                  setPublishTable('');
                }}
              >
                <option value="">—</option>
                {publishable.map((layer) => (
                  <option key={layer.id} value={layer.id}>
                    {layerLabel(layer, t)}
                  </option>
                ))}
              </select>
              <label htmlFor="team-publish-table">{t('team.table')}</label>
              <input
                id="team-publish-table"
                data-testid="team-publish-table"
                spellCheck={false}
                value={table}
                onChange={(e) => setPublishTable(e.target.value)}
              />
              <span />
              <button
                type="button"
                className="primary"
                data-testid="team-publish"
                disabled={!publishLayer || !TABLE_NAME_PATTERN.test(table) || !!busy}
                onClick={() =>
                  void run(async () => {
                    await store.team.publish(publishLayer!.id, table);
                    setPublishLayerId('');
                    setPublishTable('');
                    return (t: TFunction) => t('team.published', { name: layerLabel(publishLayer!, t), table });
                  })
                }
              >
                {t('team.publishButton')}
              </button>
            </div>
          )}
        </>
      )}
      {session && (
        <>
          <h3>{t('team.tariffs')}</h3>
          {team.tariffs.length === 0 ? (
            <p className="muted">{t('team.noTariffs')}</p>
          ) : (
            <ul className="team-server-layers" data-testid="team-tariffs">
              {team.tariffs.map((tariff) => (
                <li key={tariff.schedule.id} className="layer-row" data-testid={`team-tariff-${tariff.schedule.id}`}>
                  <span className="layer-name">
                    {scheduleName(tariff.schedule, t)}{' '}
                    <span className="muted">
                      {t('team.tariffFacts', {
                        version: tariff.schedule.version,
                        user: tariff.savedBy,
                        example: tariff.schedule.example ? t('team.example') : '',
                      })}
                    </span>
                  </span>
                  <button
                    type="button"
                    className="small"
                    data-testid={`team-take-tariff-${tariff.schedule.id}`}
                    disabled={!!busy}
                    onClick={() =>
                      void run(async () => {
                        const saved = await store.team.takeTariff(tariff);
                        return (t: TFunction) =>
                          t('team.tariffTaken', { name: scheduleName(saved, t), version: saved.version });
                      })
                    }
                  >
                    {t('team.useTariff')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {session.role === 'admin' && (
            <div className="layer-row team-publish-tariff">
              <select
                data-testid="team-publish-tariff-id"
                aria-label={t('team.tariffToPublish')}
                value={tariffId}
                onChange={(e) => setTariffId(e.target.value)}
              >
                <option value="">—</option>
                {snapshot.tariffs.map((schedule) => (
                  <option key={schedule.id} value={schedule.id}>
                    {scheduleName(schedule, t)} (v{schedule.version})
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="small"
                data-testid="team-publish-tariff"
                disabled={!tariffId || !!busy}
                onClick={() =>
                  void run(async () => {
                    const version = await store.team.publishTariff(tariffId);
                    return (t: TFunction) => t('team.tariffPublished', { version });
                  })
                }
              >
                {t('team.publishTariff')}
              </button>
            </div>
          )}
        </>
      )}
      <p className="muted team-hint">{t('team.hint')}</p>
      {conflictsOf && <ConflictDialog layerId={conflictsOf} onClose={() => setConflictsOf(null)} />}
    </section>
  );
}

/** A failure in the user's language: the server's own words, when it gave any, follow in brackets. */
function teamErrorText(error: unknown, t: TFunction): string {
  if (error instanceof OrphanLayerError) return t('team.orphanNotSynced', { table: error.table });
  if (error instanceof ProblemError) return problemText(error.problem, t);
  return messageOf(error);
}
