import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { MapView } from './map/map-view';
import { VisionFilters } from './components/vision-simulation';
import { connectMapToStore } from './map/map-data-controller';
import { connectRowZones } from './map/row-zone-layer';
import { LanguageSwitch } from './components/language-switch';
import { ImportMessages } from './components/import-messages';
import { ImportProgressBar } from './components/import-progress-bar';
import { ImportPreview } from './components/import-preview';
import type { ImportOutcome } from './state/app-store';
import { IMPORT_EXTENSIONS } from '#shared/io/import-file';
import { host } from './platform';
import { saveExport } from './platform/save-export';
import { useHostEvents } from './platform/use-host-events';
import { ProjectPanel, StorageRecovery } from './panels/project-panel';
import { requestPanel } from './state/panel-commands';
import { UndoRefusedError } from './state/history';
import { isStoryFileName } from '#shared/host/opened-files';
import { isProjectFileName } from '#shared/project/project-format';
import type { OpenedFile } from '#shared/host/host-api';
import type { MenuCommand } from '#shared/host/menu-commands';
import { ConfirmDialog } from './components/confirm-dialog';
import { PanelBoundary } from './components/panel-boundary';
import { UnexpectedErrors } from './components/unexpected-errors';
import { LayersPanel } from './panels/layers-panel';
import { SummaryPanel } from './panels/summary-panel';
import { AttributeTable } from './panels/attribute-table';
import { PrintDialog } from './print/print-dialog';
import { EncroachmentPanel } from './panels/encroachment-panel';
import { RetributionPanel } from './panels/retribution/retribution-panel';
import { ProgrammePanel } from './panels/programme/programme-panel';
import { useSnapshot, useStore } from './state/store-context';
import { EditSession, useEditSession } from './state/edit-session';
import { connectDrawing } from './map/draw-controller';
import { StaLayers, staLabelsWanted } from './map/sta-layers';
import { DrawToolbar } from './panels/draw-toolbar';
import { useDeleteSelection } from './components/use-delete-selection';
import { MapSearch } from './components/map-search';
import { describeChange } from './format/describe-change';
import { StaPanel } from './panels/sta-panel';
import { TeamPanel } from './panels/team-panel';
import { PhotosPanel, isPhotoFileName, readDroppedFiles } from './panels/photos-panel';
import { FeatureForm } from './components/feature-form';
import { StoryPanel, type StoryExport } from './panels/story-panel';
import { Presenter } from './present/presenter';
import { renderSlides, storyHandout, storyPngs } from './present/export-story';
import type { Locale } from '#shared/format/format-number';
import { layerLabel } from './format/layer-label';
import { ResizeHandle } from './layout/resize-handle';
import { FeatureHistoryDialog } from './panels/feature-history-dialog';
import { clampSize, readStoredSize, writeStoredSize } from './layout/stored-size';

const SIDEBAR_WIDTH_KEY = 'rumija.layout.sidebarWidth';
const SIDEBAR_MIN = 360;
/** The map keeps at least this much of the window. */
const MAP_MIN = 420;
// Wide enough at 1366 px for the summary's columns through Kemantapan and for "P-601" / "STA 5+737" on one line.
// The width the sidebar always had (34 % of the window, 400–600 px); a user widens it with the handle.
const defaultSidebarWidth = () => clampSize(window.innerWidth * 0.34, 400, 600);
const sidebarMax = () => Math.max(SIDEBAR_MIN, Math.min(1000, window.innerWidth - MAP_MIN));

type SideTab = 'layers' | 'summary' | 'sta' | 'story' | 'analysis' | 'retribution' | 'programme' | 'photos' | 'team';

const isTyping = (target: EventTarget | null) => {
  const element = target as HTMLElement | null;
  return Boolean(element && (['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName) || element.isContentEditable));
};

export function App() {
  const { t, i18n } = useTranslation();
  const store = useStore();
  const snapshot = useSnapshot();
  const { status, error, layers, importing, pendingImports } = snapshot;
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [tab, setTab] = useState<SideTab>('layers');
  const [tableLayerId, setTableLayerId] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [importOutcomes, setImportOutcomes] = useState<ImportOutcome[]>([]);
  const [dragging, setDragging] = useState(false);
  const [storedSidebarWidth, setStoredSidebarWidth] = useState(() => readStoredSize(SIDEBAR_WIDTH_KEY));
  const [windowWidth, setWindowWidth] = useState(window.innerWidth);
  useEffect(() => {
    const onResize = () => setWindowWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const sidebarWidth = clampSize(storedSidebarWidth ?? defaultSidebarWidth(), SIDEBAR_MIN, sidebarMax());
  const resizeSidebar = (width: number) => {
    setStoredSidebarWidth(width);
    writeStoredSize(SIDEBAR_WIDTH_KEY, width);
  };
  // MapLibre watches its container too; asking directly keeps the canvas in step on every move of the handle.
  useEffect(() => {
    map?.resize();
  }, [map, sidebarWidth, windowWidth]);
  const session = useMemo(() => new EditSession(), []);
  const { pending } = useEditSession(session);
  const { historyOf } = useSyncExternalStore(store.team.subscribe, store.team.getSnapshot);
  // "12 fitur diimpor" speaks of the data as imported: an undo, redo or delete makes it stale (errors stay).
  const clearImportSuccess = () => setImportOutcomes((current) => current.filter((outcome) => !outcome.ok));
  const deletion = useDeleteSelection(session, clearImportSuccess);
  /** Undo or redo, saying what was undone or redone. */
  const stepHistory = async (direction: 'undo' | 'redo') => {
    let entry;
    try {
      entry = await (direction === 'undo' ? store.history.undo() : store.history.redo());
    } catch (error) {
      if (!(error instanceof UndoRefusedError)) throw error;
      session.say('info', (t) => t('history.issuedIsFinal'));
      return;
    }
    if (entry) clearImportSuccess();
    const layers = store.getSnapshot().layers;
    session.say('info', (t) =>
      entry
        ? describeChange(entry, direction, t, layers)
        : t(direction === 'undo' ? 'history.nothingToUndo' : 'history.nothingToRedo'),
    );
  };
  // The keyboard handler is registered once; it calls the latest of these.
  const keyActions = useRef({ stepHistory, deleteSelection: deletion.request });
  keyActions.current = { stepHistory, deleteSelection: deletion.request };
  const [staLayers, setStaLayers] = useState<StaLayers | null>(null);
  const [presenting, setPresenting] = useState<{ storyId: string; startAt: number } | null>(null);
  const [exporting, setExporting] = useState<{ done: number; total: number } | null>(null);
  const [exportMessage, setExportMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const presentedStory = presenting
    ? (snapshot.stories.find((story) => story.id === presenting.storyId) ?? null)
    : null;

  /** Exports run on the full-screen layout, so every image has the same frame as the projected slide. */
  const exportStory = async (storyId: string, kind: StoryExport) => {
    const story = store.getSnapshot().stories.find((candidate) => candidate.id === storyId);
    if (!map || !story) return;
    setExportMessage(null);
    setExporting({ done: 0, total: typeof kind === 'object' ? 1 : story.slides.length });
    // Wait until the full-screen layout is on the page (a busy machine may paint before React commits), then size
    // the map to it: every slide is framed for the map as it will be captured.
    for (let frame = 0; frame < 60 && !document.querySelector('.app.presenting'); frame++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
    map.resize();
    try {
      const locale = (i18n.language === 'en' ? 'en' : 'id') as Locale;
      const only = typeof kind === 'object' ? kind.slide : undefined;
      const rendered = await renderSlides(
        map,
        store,
        story,
        t,
        locale,
        (done, total) => setExporting({ done, total }),
        kind === 'pdf' ? 'jpeg' : 'png',
        only,
      );
      const file = kind === 'pdf' ? await storyHandout(story, rendered, t) : await storyPngs(story, rendered, only);
      const extension = file.name.split('.').pop()!;
      const outcome = await saveExport(file.name, () => ({
        filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
        data: file.data,
      }));
      if (outcome.kind === 'saved')
        setExportMessage({ tone: 'info', text: t('story.exported', { name: outcome.name }) });
      if (outcome.kind === 'failed') setExportMessage({ tone: 'error', text: outcome.message });
    } catch (failure) {
      setExportMessage({
        tone: 'error',
        text: t('story.exportFailed', { message: failure instanceof Error ? failure.message : String(failure) }),
      });
    } finally {
      setExporting(null);
      requestAnimationFrame(() => map.resize());
    }
  };

  const importFiles = async (files: { name: string; bytes: Uint8Array }[]) => {
    if (files.length === 0) return;
    setImportOutcomes(await store.imports.prepare(files));
  };
  const onImportDone = (outcome: ImportOutcome | null) => {
    if (!outcome) return;
    setImportOutcomes((current) => [...current.filter((item) => item.fileName !== outcome.fileName), outcome]);
    // Show where it arrived: the imported layer framed, nothing selected (a Delete key must not remove it unasked).
    if (outcome.ok) store.selection.frameLayer(outcome.layerId);
  };
  /** Files from the system: stories open in the story tab, everything else goes to the import preview. */
  const openIncomingFiles = (files: OpenedFile[]) => {
    const stories = files.filter((file) => isStoryFileName(file.name));
    for (const story of stories) {
      setTab('story');
      requestPanel('story-file', story);
    }
    // A project replaces the workspace after its own check and warning; only the first of several is opened.
    const project = files.find((file) => isProjectFileName(file.name));
    if (project) requestPanel('project-file', project);
    void importFiles(files.filter((file) => !isStoryFileName(file.name) && !isProjectFileName(file.name)));
  };
  const onMenuCommand = (command: MenuCommand) => {
    if (command === 'import') void openImportDialog();
    else if (command === 'undo') void stepHistory('undo');
    else if (command === 'redo') void stepHistory('redo');
    else if (command === 'presenter-view') void host.openPresenterView();
    else if (command === 'export') {
      // Export lives in the attribute table: open the table of the selected feature's layer, else the first layer.
      const { selection, featureById, layers: all } = store.getSnapshot();
      const layerId = featureById.get(selection[0] ?? '')?.layerId ?? all[0]?.id;
      if (layerId) setTableLayerId(layerId);
    } else if (command === 'save-project' || command === 'open-project' || command === 'restore-backup') {
      requestPanel(command);
    } else {
      setTab('story');
      requestPanel(command);
    }
  };
  useHostEvents(i18n.language === 'en' ? 'en' : 'id', {
    files: openIncomingFiles,
    command: onMenuCommand,
    failed: (message) =>
      setImportOutcomes((current) => [...current, { fileName: 'Rumija', ok: false, error: message }]),
  });
  const openImportDialog = async () =>
    importFiles(
      await host.openFiles({
        title: t('import.dialogTitle'),
        multiple: true,
        filters: [{ name: t('import.formats'), extensions: IMPORT_EXTENSIONS }],
      }),
    );

  // Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) step through the edit log; inside a text field the browser's own undo runs.
  // Esc leaves the tool in use, Enter saves a vertex edit, Delete deletes the selection.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.defaultPrevented || document.querySelector('.app.presenting')) return;
      const { tool } = session.getSnapshot();
      if (event.key === 'Escape' && tool) {
        session.cancel();
        return;
      }
      if (event.key === 'Enter' && tool?.action === 'edit') {
        session.requestFinish();
        return;
      }
      if (event.key === 'Delete' && !tool && store.getSnapshot().selection.length > 0) {
        keyActions.current.deleteSelection(store.getSnapshot().selection);
        return;
      }
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        void keyActions.current.stepHistory('undo');
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        void keyActions.current.stepHistory('redo');
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, session, t]);

  useEffect(() => {
    if (!map) return undefined;
    const disconnectData = connectMapToStore(map, store, i18n, session);
    const disconnectZones = connectRowZones(map, store);
    const sta = new StaLayers(map, store);
    sta.setEnabled(staLabelsWanted());
    setStaLayers(sta);
    const disconnectDrawing = connectDrawing(map, store, session);
    return () => {
      disconnectDrawing();
      setStaLayers(null);
      sta.destroy();
      disconnectZones();
      disconnectData();
    };
  }, [map, store, i18n, session]);
  const onFeatureSaved = (id: string) => {
    session.setPending(null);
    const feature = store.getSnapshot().featureById.get(id);
    const layer = store.getSnapshot().layers.find((candidate) => candidate.id === feature?.layerId);
    store.selection.select([id]);
    session.say('info', (t) =>
      t('draw.saved', {
        kind: t(`model.kind.${String(feature?.properties.kind)}`),
        layer: layer ? layerLabel(layer, t) : '',
      }),
    );
  };
  const onMapReady = useCallback((ready: MapLibreMap) => setMap(ready), []);
  const hasDemo = layers.some((layer) => layer.demo && layer.visible);

  return (
    <div className={`app${presenting || exporting ? ' presenting' : ''}`}>
      <header className="app-header">
        <div className="brand">
          <span className="brand-title">{t('app.title')}</span>
          <span className="brand-subtitle" data-testid="app-subtitle">
            {t('app.subtitle')}
          </span>
        </div>
        <MapSearch map={map} />
        <span className="department">{t('app.department')}</span>
        <LanguageSwitch />
      </header>
      <VisionFilters />
      <main className="app-main">
        <aside className="sidebar" data-testid="sidebar" style={{ width: sidebarWidth }}>
          <PanelBoundary name={t('errors.panel.project')} inline>
            <ProjectPanel onImport={(files) => void importFiles(files)} />
          </PanelBoundary>
          <nav className="tabs" role="tablist">
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'layers'}
              data-testid="tab-layers"
              onClick={() => setTab('layers')}
            >
              {t('layers.title')}
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'summary'}
              data-testid="tab-summary"
              onClick={() => setTab('summary')}
            >
              {t('summary.open')}
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'sta'}
              data-testid="tab-sta"
              onClick={() => setTab('sta')}
            >
              {t('sta.tab')}
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'story'}
              data-testid="tab-story"
              onClick={() => setTab('story')}
            >
              {t('story.tab')}
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'analysis'}
              data-testid="tab-analysis"
              onClick={() => setTab('analysis')}
            >
              {t('analysis.tab')}
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'retribution'}
              data-testid="tab-retribution"
              onClick={() => setTab('retribution')}
            >
              {t('retribution.tab')}
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'programme'}
              data-testid="tab-programme"
              onClick={() => setTab('programme')}
            >
              {t('programme.tab')}
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'team'}
              data-testid="tab-team"
              onClick={() => setTab('team')}
            >
              {t('team.tab')}
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'photos'}
              data-testid="tab-photos"
              onClick={() => setTab('photos')}
            >
              {t('photos.tab')}
            </button>
          </nav>
          {status === 'error' && <StorageRecovery error={error ?? ''} errorName={snapshot.errorName} />}
          {importing && <ImportProgressBar activity={importing} onCancel={() => store.imports.stopReading()} />}
          <ImportMessages outcomes={importOutcomes} onClose={() => setImportOutcomes([])} />
          {deletion.dialog}
          <PanelBoundary key={tab} name={t(`errors.panel.${tab}`)}>
            {tab === 'layers' && <LayersPanel onOpenTable={setTableLayerId} map={map} />}
            {tab === 'summary' && <SummaryPanel />}
            {tab === 'sta' && <StaPanel map={map} staLayers={staLayers} session={session} />}
            {tab === 'story' && (
              <StoryPanel
                map={map}
                onPresent={(storyId, startAt) => setPresenting({ storyId, startAt })}
                onExport={(storyId, kind) => void exportStory(storyId, kind)}
              />
            )}
            {tab === 'analysis' && <EncroachmentPanel map={map} />}
            {tab === 'retribution' && <RetributionPanel />}
            {tab === 'programme' && <ProgrammePanel />}
            {tab === 'team' && <TeamPanel />}
            {tab === 'photos' && <PhotosPanel map={map} />}
          </PanelBoundary>
          {tab === 'story' && exportMessage && (
            <p
              className={`panel-message ${exportMessage.tone}`}
              role={exportMessage.tone === 'error' ? 'alert' : 'status'}
              data-testid="export-message"
            >
              {exportMessage.text}
            </p>
          )}
          <div className="sidebar-footer">
            <button type="button" data-testid="import-files" onClick={() => void openImportDialog()}>
              {t('import.button')}
            </button>
            <button
              type="button"
              data-testid="undo"
              title={t('history.undoHint')}
              onClick={() => void stepHistory('undo')}
            >
              {t('history.undo')}
            </button>
            <button
              type="button"
              data-testid="redo"
              title={t('history.redoHint')}
              onClick={() => void stepHistory('redo')}
            >
              {t('history.redo')}
            </button>
            <button type="button" data-testid="print-open" disabled={!map} onClick={() => setPrinting(true)}>
              {t('print.open')}
            </button>
            <button type="button" data-testid="reset-demo" onClick={() => setConfirmReset(true)}>
              {t('demo.reset')}
            </button>
          </div>
          {printing && map && (
            <PanelBoundary name={t('print.title')}>
              <PrintDialog map={map} onClose={() => setPrinting(false)} />
            </PanelBoundary>
          )}
        </aside>
        <ResizeHandle
          orientation="vertical"
          value={sidebarWidth}
          min={SIDEBAR_MIN}
          max={sidebarMax()}
          grows="right"
          label={t('layout.sidebarHandle')}
          onResize={resizeSidebar}
          testId="sidebar-resize"
        />
        <div
          className={`workspace${dragging ? ' dragging' : ''}`}
          data-testid="workspace"
          onDragOver={(event) => {
            if (!event.dataTransfer.types.includes('Files')) return;
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            event.preventDefault();
            setDragging(false);
            const dropped = Array.from(event.dataTransfer.files);
            // Photos go to the field-photo panel; everything else is a file to import as a layer.
            const photos = dropped.filter((file) => isPhotoFileName(file.name));
            const others = dropped.filter((file) => !isPhotoFileName(file.name));
            if (photos.length > 0) {
              setTab('photos');
              void readDroppedFiles(photos)
                .then((read) => store.photos.add(read))
                .catch((failure: unknown) =>
                  setExportMessage({
                    tone: 'error',
                    text: t('photos.saveFailed', {
                      message: failure instanceof Error ? failure.message : String(failure),
                    }),
                  }),
                );
            }
            if (others.length > 0) void readDroppedFiles(others).then(importFiles);
          }}
        >
          {dragging && <div className="drop-hint">{t('import.dropHint')}</div>}
          {map && (
            <PanelBoundary name={t('errors.panel.toolbar')} inline>
              <DrawToolbar session={session} onDelete={deletion.request} />
            </PanelBoundary>
          )}
          <div className="map-wrap">
            {hasDemo && (
              <div className="demo-banner" data-testid="demo-banner">
                {t('demo.banner')}
              </div>
            )}
            <MapView onMapReady={onMapReady} />
            {map && presentedStory && (
              <PanelBoundary name={t('errors.panel.presenter')}>
                <Presenter
                  key={presentedStory.id}
                  story={presentedStory}
                  map={map}
                  startAt={presenting!.startAt}
                  onExit={() => setPresenting(null)}
                />
              </PanelBoundary>
            )}
            {exporting && (
              <div className="export-progress" role="status" data-testid="export-progress">
                {t('story.exporting', { done: exporting.done, total: exporting.total })}
              </div>
            )}
          </div>
          {tableLayerId && (
            <PanelBoundary key={tableLayerId} name={t('errors.panel.table')}>
              <AttributeTable layerId={tableLayerId} map={map} onClose={() => setTableLayerId(null)} />
            </PanelBoundary>
          )}
        </div>
      </main>
      {pendingImports[0] && (
        <PanelBoundary key={pendingImports[0].prepared.layer.id} name={t('errors.panel.importPreview')}>
          <ImportPreview pending={pendingImports[0]} map={map} onDone={onImportDone} />
        </PanelBoundary>
      )}
      {pending && (
        <PanelBoundary name={t('errors.panel.form')}>
          <FeatureForm pending={pending} onSaved={onFeatureSaved} onCancel={() => session.setPending(null)} />
        </PanelBoundary>
      )}
      {historyOf && (
        <PanelBoundary key={historyOf.featureId} name={t('errors.panel.featureHistory')}>
          <FeatureHistoryDialog
            layerId={historyOf.layerId}
            featureId={historyOf.featureId}
            onClose={() => store.team.showHistory(null)}
            onRestored={(version) => session.say('info', (tr) => tr('featureHistory.restored', { version }))}
          />
        </PanelBoundary>
      )}
      <UnexpectedErrors />
      {confirmReset && (
        <ConfirmDialog
          title={t('demo.resetTitle')}
          body={t('demo.resetBody')}
          confirmLabel={t('demo.resetConfirm')}
          onCancel={() => setConfirmReset(false)}
          onConfirm={() => {
            setConfirmReset(false);
            void store.document.resetDemo();
          }}
        />
      )}
    </div>
  );
}
