import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ProjectProblem } from '#shared/project/read-project';
import { PROJECT_EXTENSION } from '#shared/project/project-format';
import { formatMoment } from '#shared/format/format-number';
import type { Locale } from '#shared/format/format-number';
import { messageOf } from '#shared/format/message-of';
import type { BackupFolderInfo, OpenedFile, RecentProject } from '#shared/host/host-api';
import { useModalDialog } from '../components/use-modal-dialog';
import { useStore } from '../state/store-context';
import { ProjectFiles, projectName, showProjectName, type OpenedProject } from '../state/project-files';
import { KEPT_BACKUPS, type BackupEntry } from '../persistence/backup-store';
import { projectCounts, type PhotoImages, type ProjectCounts } from '../persistence/project-workspace';
import { onPanelRequest } from '../state/panel-commands';
import { host } from '../platform';
import { useMessage } from '../components/use-message';
import { issueText, useProblemText } from '../i18n/problem-text';

type Counts = ProjectCounts;

const COUNTED = [
  'layers',
  'features',
  'stories',
  'tariffs',
  'obligors',
  'assessments',
  'payments',
  'programmes',
  'workProgrammes',
  'photos',
] as const satisfies readonly (keyof ProjectCounts)[];

/** "4 lapisan, 719 fitur, …, 2 foto": what a workspace, project or backup holds (a count an old backup lacks is left out). */
export function countsText(t: TFunction, counts: ProjectCounts): string {
  return COUNTED.flatMap((key) =>
    counts[key] === undefined ? [] : [t(`project.count.${key}`, { count: counts[key] })],
  ).join(', ');
}
type Message = { tone: 'info' | 'error'; text: string; importable?: OpenedFile };

function Modal({
  title,
  testId,
  onClose,
  children,
}: {
  title: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useModalDialog();
  return (
    <dialog
      ref={ref}
      className="confirm-dialog project-dialog"
      data-testid={testId}
      onCancel={onClose}
      aria-label={title}
    >
      <h2>{title}</h2>
      {children}
    </dialog>
  );
}

/** A project file's problem in the user's words, naming the file. */
export function problemText(t: TFunction, file: string, problem: ProjectProblem): string {
  switch (problem.code) {
    case 'truncated':
      return t('project.problem.truncated', { file, actual: problem.actualBytes, expected: problem.expectedBytes });
    case 'plain-geopackage':
      return t('project.problem.plain-geopackage', { file, layers: problem.layers.join(', ') });
    case 'newer-version':
      return t('project.problem.newer-version', { file, version: problem.version, supported: problem.supported });
    case 'corrupt':
      return t('project.problem.corrupt', { file, detail: problem.detail });
    case 'invalid-content':
      return t('project.problem.invalid-content', { file, ...problem, detail: issueText(problem.detail, t) });
    default:
      return t(`project.problem.${problem.code}`, { file });
  }
}

/** The last projects saved or opened: name and date; a gone file is shown as such; each can be removed. */
function RecentProjects({
  entries,
  locale,
  disabled,
  onOpen,
  onForget,
}: {
  entries: RecentProject[];
  locale: Locale;
  disabled: boolean;
  onOpen: (entry: RecentProject) => void;
  onForget: (entry: RecentProject) => void;
}) {
  const { t } = useTranslation();
  if (entries.length === 0) return null;
  const inBrowser = entries.some((entry) => !entry.reopenable);
  return (
    // Folded by default: the sidebar's height belongs to the tabs below; the count says what is inside.
    <details className="recent-projects" data-testid="recent-projects">
      <summary>{t('project.recentCount', { count: entries.length })}</summary>
      {inBrowser && <p className="hint">{t('project.recentBrowserHint')}</p>}
      <ul>
        {entries.map((entry) => (
          <li key={entry.id} data-testid="recent-project" className={entry.exists === false ? 'missing' : undefined}>
            <button
              type="button"
              className="link"
              disabled={disabled || entry.exists === false}
              title={entry.folder ?? undefined}
              onClick={() => onOpen(entry)}
            >
              {entry.name}
            </button>
            <span className="hint">
              {formatMoment(entry.at, locale)}
              {entry.exists === false && ` — ${t('project.recentMissing')}`}
            </span>
            <button
              type="button"
              className="small icon"
              data-testid="recent-project-forget"
              aria-label={t('project.recentForget', { name: entry.name })}
              title={t('project.recentForget', { name: entry.name })}
              disabled={disabled}
              onClick={() => onForget(entry)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * Save, open and restore the workspace as project files, from the sidebar and the File menu. Opening and
 * restoring say what will be replaced and keep a backup first; a file that is not a project says what it is.
 */
export function ProjectPanel({ onImport }: { onImport: (files: OpenedFile[]) => void }) {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'id';
  const wordProblem = useProblemText();
  const store = useStore();
  const files = useMemo(() => new ProjectFiles(store), [store]);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useMessage<Message>();
  const [saving, setSaving] = useState<{ name: string; counts: Counts } | null>(null);
  const [opening, setOpening] = useState<{ file: string; project: OpenedProject; counts: Counts } | null>(null);
  const [backups, setBackups] = useState<BackupEntry[] | null>(null);
  const [restoring, setRestoring] = useState<{ entry: BackupEntry; counts: Counts } | null>(null);
  const [recent, setRecent] = useState<RecentProject[]>([]);
  const refreshRecent = () =>
    host
      .recentProjects()
      .then(setRecent)
      .catch((error: unknown) => console.warn('recent projects', error));

  const run = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setMessage(null);
    try {
      await work();
    } catch (error) {
      setMessage({ tone: 'error', text: t('project.failed', { message: messageOf(error) }) });
    } finally {
      setBusy(null);
    }
  };

  const startSave = () =>
    void run(t('project.saving'), async () =>
      setSaving({ name: projectName() ?? t('project.defaultName'), counts: await files.current() }),
    );
  const save = (name: string, photoImages: PhotoImages) => {
    setSaving(null);
    void run(t('project.saving'), async () => {
      const result = await files.save(name.trim() || t('project.defaultName'), photoImages);
      await refreshRecent();
      if (result.saved) setMessage({ tone: 'info', text: t('project.saved', { name: result.name }) });
      else if (result.error) setMessage({ tone: 'error', text: wordProblem(result.error) });
    });
  };
  const checkOpened = async (file: OpenedFile) => {
    setBusy(t('project.checking', { name: file.name }));
    const checked = await files.check(new Uint8Array(file.bytes));
    if (!checked.ok) {
      const importable = ['plain-geopackage', 'checksum-mismatch'].includes(checked.problem.code) ? file : undefined;
      setMessage({ tone: 'error', text: problemText(t, file.name, checked.problem), importable });
      return;
    }
    setOpening({ file: file.name, project: checked.project, counts: await files.current() });
  };
  const startOpen = () =>
    void run(t('project.checking', { name: '…' }), async () => {
      const [file] = await host.openFiles({
        title: t('project.open'),
        filters: [{ name: 'Rumija', extensions: [PROJECT_EXTENSION, 'gpkg'] }],
      });
      await refreshRecent();
      if (file) await checkOpened(file);
    });
  /** A recent project opens through the same check, warning and backup as "Open project…". */
  const openRecent = (entry: RecentProject) => {
    // The browser cannot read a file again by itself: the picker asks for it, as the list says.
    if (!entry.reopenable) return startOpen();
    void run(t('project.checking', { name: entry.name }), async () => {
      const file = await host.openRecentProject(entry.id);
      await refreshRecent();
      if (!file) {
        setMessage({ tone: 'error', text: t('project.recentGone', { name: entry.name, folder: entry.folder ?? '' }) });
        return;
      }
      await checkOpened(file);
    });
  };
  const forgetRecent = (entry: RecentProject) =>
    void run(t('project.recentForgetting'), async () => {
      await host.forgetRecentProject(entry.id);
      await refreshRecent();
    });
  const open = () => {
    const chosen = opening!;
    setOpening(null);
    void run(t('project.opening'), async () => {
      await files.open(chosen.project, chosen.file);
      setMessage({ tone: 'info', text: t('project.opened', { name: chosen.file }) });
    });
  };
  const [backupFolder, setBackupFolder] = useState<BackupFolderInfo | null>(null);
  const startRestore = () =>
    void run(t('project.restoring'), async () => {
      setBackupFolder((await host.backups?.folder()) ?? null);
      setBackups(await files.backups.list());
    });
  const chooseBackupFolder = () =>
    void run(t('project.restoring'), async () => {
      const chosen = await host.backups?.chooseFolder();
      if (!chosen) return;
      setBackupFolder(chosen);
      setBackups(await files.backups.list());
    });
  const restore = () => {
    const chosen = restoring!;
    setRestoring(null);
    setBackups(null);
    void run(t('project.restoring'), async () => {
      await files.restore(chosen.entry);
      setMessage({ tone: 'info', text: t('project.restored', { date: formatMoment(chosen.entry.at, locale) }) });
    });
  };

  // The menu's requests are registered once; they call the latest handlers.
  const openHanded = (file: OpenedFile) =>
    void run(t('project.checking', { name: file.name }), async () => {
      await refreshRecent();
      await checkOpened(file);
    });
  const latest = useRef({ startSave, startOpen, startRestore, openRecent, refreshRecent, openHanded });
  latest.current = { startSave, startOpen, startRestore, openRecent, refreshRecent, openHanded };
  useEffect(() => {
    showProjectName(projectName());
    void latest.current.refreshRecent();
    const offs = [
      host.onRecentProjectChosen(
        (id) =>
          void host.recentProjects().then((list) => {
            const entry = list.find((candidate) => candidate.id === id);
            if (entry) latest.current.openRecent(entry);
          }),
      ),
      onPanelRequest('save-project', () => latest.current.startSave()),
      onPanelRequest('open-project', () => latest.current.startOpen()),
      onPanelRequest('project-file', (file) => latest.current.openHanded(file)),
      onPanelRequest('restore-backup', () => latest.current.startRestore()),
    ];
    // A daily backup once the workspace is shown (a start on a busy machine takes a while), checked again each
    // minute so a session left open for days keeps one a day.
    const daily = () => {
      if (store.getSnapshot().status !== 'ready') return;
      void files.dailyBackup().catch((error: unknown) => console.warn('daily backup', error));
    };
    const first = setTimeout(daily, 3000);
    const timer = setInterval(daily, 60_000);
    const offReady = store.subscribe(() => {
      if (store.getSnapshot().status === 'ready') {
        offReady();
        setTimeout(daily, 2000);
      }
    });
    return () => {
      offs.forEach((off) => off());
      offReady();
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [files, latest, store]);

  const contents = (counts: Counts) => countsText(t, counts);
  return (
    <section className="project-panel" aria-label={t('project.heading')}>
      <div className="project-buttons">
        <button type="button" className="small" data-testid="project-save" disabled={!!busy} onClick={startSave}>
          {t('project.save')}
        </button>
        <button type="button" className="small" data-testid="project-open" disabled={!!busy} onClick={startOpen}>
          {t('project.open')}
        </button>
        <button type="button" className="small" data-testid="project-restore" disabled={!!busy} onClick={startRestore}>
          {t('project.restore')}
        </button>
      </div>
      <RecentProjects entries={recent} locale={locale} disabled={!!busy} onOpen={openRecent} onForget={forgetRecent} />
      {busy && (
        <p className="hint" role="status" data-testid="project-busy">
          {busy}
        </p>
      )}
      {message && (
        <div
          className={message.tone === 'error' ? 'error-box' : 'info-box'}
          role={message.tone === 'error' ? 'alert' : 'status'}
          data-testid="project-message"
        >
          <p>{message.text}</p>
          {message.importable && (
            <button
              type="button"
              className="small"
              data-testid="project-import-layers"
              onClick={() => {
                onImport([message.importable!]);
                setMessage(null);
              }}
            >
              {t('project.importLayers')}
            </button>
          )}
          <button type="button" className="small" onClick={() => setMessage(null)}>
            {t('project.close')}
          </button>
        </div>
      )}
      {saving && (
        <Modal title={t('project.saveTitle')} testId="project-save-dialog" onClose={() => setSaving(null)}>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              save(String(form.get('name') ?? ''), form.get('photoImages') === 'reference' ? 'reference' : 'embed');
            }}
          >
            <label>
              {t('project.nameLabel')}
              <input name="name" defaultValue={saving.name} maxLength={120} data-testid="project-name" autoFocus />
            </label>
            <p>{t('project.saveBody', { contents: contents(saving.counts) })}</p>
            {(saving.counts.photos ?? 0) > 0 && (
              <fieldset className="project-photo-images" data-testid="project-photo-images">
                <legend>{t('project.photoImages.legend', { count: saving.counts.photos })}</legend>
                <label>
                  <input type="radio" name="photoImages" value="embed" defaultChecked />
                  {t('project.photoImages.embed')}
                </label>
                <label>
                  <input type="radio" name="photoImages" value="reference" data-testid="project-photo-reference" />
                  {t('project.photoImages.reference')}
                </label>
              </fieldset>
            )}
            <div className="dialog-buttons">
              <button type="button" onClick={() => setSaving(null)}>
                {t('common.cancel')}
              </button>
              <button type="submit" data-testid="project-save-confirm">
                {t('project.saveConfirm')}
              </button>
            </div>
          </form>
        </Modal>
      )}
      {opening && (
        <Modal
          title={t('project.openTitle', { name: opening.file })}
          testId="project-open-dialog"
          onClose={() => setOpening(null)}
        >
          <p>
            {t('project.openBody', {
              current: contents(opening.counts),
              incoming: contents(projectCounts(opening.project)),
            })}
          </p>
          <div className="dialog-buttons">
            <button type="button" onClick={() => setOpening(null)}>
              {t('common.cancel')}
            </button>
            <button type="button" className="danger" data-testid="project-open-confirm" onClick={open}>
              {t('project.openConfirm')}
            </button>
          </div>
        </Modal>
      )}
      {backups && !restoring && (
        <Modal title={t('project.restoreTitle')} testId="project-restore-dialog" onClose={() => setBackups(null)}>
          {backupFolder ? (
            <p>
              {t('project.restoreIntroFolder', { count: backupFolder.kept, folder: backupFolder.folder })}{' '}
              <button type="button" className="small" data-testid="backup-folder-choose" onClick={chooseBackupFolder}>
                {t('project.backupFolderChoose')}
              </button>
            </p>
          ) : (
            <p>{t('project.restoreIntro', { count: KEPT_BACKUPS })}</p>
          )}
          {backups.length === 0 && <p>{t('project.restoreEmpty')}</p>}
          <ul className="backup-list">
            {backups.map((entry) => (
              <li key={entry.id} data-testid="backup-entry">
                <span>
                  <strong>{formatMoment(entry.at, locale)}</strong> — {t(`project.reason.${entry.reason}`)}
                  {entry.name ? ` — ${entry.name}` : ''}
                  <br />
                  {contents(entry.counts)}
                </span>
                <button
                  type="button"
                  className="small"
                  data-testid="backup-restore"
                  onClick={() => void files.current().then((counts) => setRestoring({ entry, counts }))}
                >
                  {t('project.restoreButton')}
                </button>
              </li>
            ))}
          </ul>
          <div className="dialog-buttons">
            <button type="button" onClick={() => setBackups(null)}>
              {t('project.close')}
            </button>
          </div>
        </Modal>
      )}
      {restoring && (
        <Modal
          title={t('project.restoreConfirmTitle', { date: formatMoment(restoring.entry.at, locale) })}
          testId="project-restore-confirm-dialog"
          onClose={() => setRestoring(null)}
        >
          <p>
            {t('project.restoreConfirmBody', {
              current: contents(restoring.counts),
              date: formatMoment(restoring.entry.at, locale),
              contents: contents(restoring.entry.counts),
            })}
          </p>
          <div className="dialog-buttons">
            <button type="button" onClick={() => setRestoring(null)}>
              {t('common.cancel')}
            </button>
            <button type="button" className="danger" data-testid="project-restore-confirm" onClick={restore}>
              {t('project.restoreButton')}
            </button>
          </div>
        </Modal>
      )}
    </section>
  );
}

/** What the error's name says about the cause, in words a user can act on; the raw text stays in the details. */
export function storageCause(errorName: string | undefined): 'quota' | 'version' | 'other' {
  if (errorName === 'QuotaExceededError') return 'quota';
  // Dexie's UpgradeError and VersionError, IndexedDB's VersionError, and a DataError from stores whose keys are not the
  // app's: the database has another schema than this app's.
  if (['UpgradeError', 'VersionError', 'DataError'].includes(errorName ?? '')) return 'version';
  return 'other';
}

/**
 * Shown instead of an empty workspace when the app's database cannot be opened: the message, and the newest
 * backup to restore (backups are kept in a database of their own).
 */
export function StorageRecovery({ error, errorName }: { error: string; errorName?: string }) {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'id';
  const store = useStore();
  const files = useMemo(() => new ProjectFiles(store), [store]);
  const [newest, setNewest] = useState<BackupEntry | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    void files.backups
      .list()
      .then((list) => setNewest(list[0] ?? null))
      .catch(() => setNewest(null));
  }, [files]);
  return (
    <div className="error-box" role="alert" data-testid="storage-recovery">
      <p>
        {t('project.storageFailed')} {t(`project.storageCause.${storageCause(errorName)}`)}
      </p>
      {error && (
        <details data-testid="storage-recovery-details">
          <summary>{t('project.storageDetails')}</summary>
          <code>
            {errorName && !error.startsWith(errorName) ? `${errorName}: ` : ''}
            {error}
          </code>
        </details>
      )}
      {newest === null && <p>{t('project.storageNoBackup')}</p>}
      {newest && (
        <>
          <p>
            {t('project.storageOffer', {
              date: formatMoment(newest.at, locale),
              contents: countsText(t, newest.counts),
            })}
          </p>
          <button
            type="button"
            data-testid="storage-restore-newest"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              files
                .restore(newest, false)
                .catch((error: unknown) => setFailure(t('project.failed', { message: messageOf(error) })))
                .finally(() => setBusy(false));
            }}
          >
            {t('project.restoreNewest')}
          </button>
        </>
      )}
      {failure && <p>{failure}</p>}
    </div>
  );
}
