import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../i18n/problem-text';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { safeFileName } from '#shared/format/file-name';
import type { Camera, Slide, SlideChart, Story } from '#shared/present/story';
import { SLIDE_CHART_IDS, storyFromFile, storyToFile } from '#shared/present/story';
import { newFeatureId } from '#shared/edit/feature-edits';
import { useSnapshot, useStore } from '../state/store-context';
import { host } from '../platform';
import { saveExport } from '../platform/save-export';
import { onPanelRequest } from '../state/panel-commands';
import type { OpenedFile } from '#shared/host/host-api';
import { ConfirmDialog } from '../components/confirm-dialog';
import { layerLabel } from '../format/layer-label';
import { useMapVisionSimulation, VisionSelect } from '../components/vision-simulation';
import type { VisionSimulation } from '#shared/style/vision-simulation';
import { useMessage } from '../components/use-message';

const sameContent = (a: Story, b: Story) =>
  JSON.stringify({ ...a, updatedAt: '' }) === JSON.stringify({ ...b, updatedAt: '' });

export type StoryExport = 'png' | 'pdf' | { slide: Slide };

/** The camera, layers and selection of the map as it is now: what a new slide keeps. */
function slideFromMap(map: MapLibreMap, visibleLayerIds: string[], selection: readonly string[], title: string): Slide {
  const bounds = map.getBounds();
  const center = map.getCenter();
  const camera: Camera = {
    center: [center.lng, center.lat],
    zoom: map.getZoom(),
    bearing: map.getBearing(),
    pitch: map.getPitch(),
    bounds: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()],
  };
  return {
    id: newFeatureId('slide'),
    title,
    caption: '',
    notes: '',
    camera,
    visibleLayerIds,
    highlightIds: [...selection],
    route: null,
    estimateCorridorId: null,
  };
}

/** Stories for hearings: slides made from the map, edited, reordered, presented and exported. */
export function StoryPanel({
  map,
  onPresent,
  onExport,
}: {
  map: MapLibreMap | null;
  onPresent: (storyId: string, startAt: number) => void;
  onExport: (storyId: string, kind: StoryExport) => void;
}) {
  const { t } = useTranslation();
  const store = useStore();
  const { stories, layers, selection, featuresByLayer } = useSnapshot();
  const [storyId, setStoryId] = useState<string | null>(null);
  const story = stories.find((candidate) => candidate.id === storyId) ?? stories[0] ?? null;
  const [draft, setDraft] = useState<Story | null>(story);
  const [message, setMessage] = useMessage<{ tone: 'error' | 'info'; text: string }>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  // The map, and a slide presented from here, as a viewer with a colour-vision deficiency sees it (screen only).
  const [vision, setVision] = useState<VisionSimulation | ''>('');
  useMapVisionSimulation(vision);
  // What this panel last saved, and how many of its saves the store has not confirmed yet: the store echoing an
  // earlier save back (a slow disk, a loaded machine) must not wipe what was typed since.
  const saved = useRef<Story | null>(null);
  const inFlight = useRef(0);
  useEffect(() => {
    setDraft((current) => {
      if (!story || !current || current.id !== story.id) return story;
      if (inFlight.current > 0) return current;
      if (saved.current?.id === story.id && sameContent(saved.current, story)) return current;
      return story;
    });
  }, [story]);

  const roadLayers = layers.filter((layer) => layer.kind === 'road');
  const corridors = useMemo(
    () => layers.filter((layer) => layer.kind === 'corridor').flatMap((layer) => featuresByLayer.get(layer.id) ?? []),
    [layers, featuresByLayer],
  );

  const save = async (next: Story, info?: string) => {
    setDraft(next);
    // Leaving a field that did not change is not a change (and not an undo step).
    if (story && story.id === next.id && sameContent(story, next) && !info) return;
    saved.current = next;
    inFlight.current += 1;
    try {
      await store.stories.save(next);
      setMessage(info ? { tone: 'info', text: info } : null);
    } catch (error) {
      setMessage({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      inFlight.current -= 1;
    }
  };
  const saveSlide = (index: number, patch: Partial<Slide>) =>
    draft && save({ ...draft, slides: draft.slides.map((slide, i) => (i === index ? { ...slide, ...patch } : slide)) });
  const editSlide = (index: number, patch: Partial<Slide>) =>
    draft &&
    setDraft({ ...draft, slides: draft.slides.map((slide, i) => (i === index ? { ...slide, ...patch } : slide)) });
  const moveSlide = (index: number, step: -1 | 1) => {
    if (!draft) return;
    const slides = [...draft.slides];
    [slides[index], slides[index + step]] = [slides[index + step]!, slides[index]!];
    void save({ ...draft, slides });
  };
  const visibleLayerIds = () => layers.filter((layer) => layer.visible).map((layer) => layer.id);

  const newStory = () =>
    void save(
      {
        id: newFeatureId('story'),
        title: t('story.untitled'),
        subtitle: '',
        closing: '',
        slides: [],
        demo: false,
        updatedAt: new Date().toISOString(),
      },
      t('story.created'),
    ).then(() => setStoryId(null));
  const addSlide = () => {
    if (!draft || !map) return;
    void save(
      {
        ...draft,
        slides: [
          ...draft.slides,
          slideFromMap(map, visibleLayerIds(), selection, t('story.slideTitle', { number: draft.slides.length + 1 })),
        ],
      },
      t('story.slideAdded'),
    );
  };
  const ruasOf = (ruasText: string) =>
    ruasText
      .split(/[,;]/)
      .map((ruas) => ruas.trim())
      .filter(Boolean);
  const ruasIn = (layerId: string) =>
    new Set((featuresByLayer.get(layerId) ?? []).map((feature) => String(feature.properties.ruasNumber)));
  // Ruas typed before a layer was picked: the road layer that has them all, not simply the first one.
  const roadLayerHolding = (ruasText: string) => {
    const wanted = ruasOf(ruasText);
    return roadLayers.find((layer) => wanted.length > 0 && wanted.every((ruas) => ruasIn(layer.id).has(ruas)))?.id;
  };
  const setRoute = (index: number, layerId: string, ruasText: string) => {
    const ruasNumbers = ruasOf(ruasText);
    if (!layerId || ruasNumbers.length === 0) return saveSlide(index, { route: null });
    const known = ruasIn(layerId);
    const unknown = ruasNumbers.filter((ruas) => !known.has(ruas));
    if (unknown.length > 0) {
      setMessage({ tone: 'error', text: t('story.unknownRuas', { ruas: unknown.join(', ') }) });
      return undefined;
    }
    return saveSlide(index, { route: { layerId, ruasNumbers } });
  };
  const exportFile = async () => {
    if (!draft) return;
    const outcome = await saveExport(`${safeFileName(draft.title, 'cerita')}.rumija-story.json`, () => ({
      filters: [{ name: 'Rumija story', extensions: ['json'] }],
      data: storyToFile(draft),
    }));
    if (outcome.kind === 'saved') setMessage({ tone: 'info', text: t('story.saved', { name: outcome.name }) });
    if (outcome.kind === 'failed') setMessage({ tone: 'error', text: outcome.message });
  };
  const importFile = async () => {
    const [file] = await host.openFiles({
      title: t('story.import'),
      filters: [{ name: 'Rumija story', extensions: ['json'] }],
    });
    if (file) await openStoryFile(file);
  };
  const openStoryFile = async (file: OpenedFile) => {
    const parsed = storyFromFile(file.name, new TextDecoder().decode(file.bytes));
    if (!parsed.ok) {
      setMessage({ tone: 'error', text: problemText(parsed.error, t) });
      return;
    }
    // An imported story never overwrites one already here.
    const imported = stories.some((candidate) => candidate.id === parsed.story.id)
      ? { ...parsed.story, id: newFeatureId('story') }
      : parsed.story;
    await save(imported, t('story.imported', { name: file.name, count: imported.slides.length }));
    setStoryId(imported.id);
  };

  // The native menu and files opened from the system reach the panel through these requests.
  const latest = useRef({
    importFile,
    exportFile,
    openStoryFile,
    present: () => draft && draft.slides.length > 0 && onPresent(draft.id, 0),
  });
  latest.current = {
    importFile,
    exportFile,
    openStoryFile,
    present: () => draft && draft.slides.length > 0 && onPresent(draft.id, 0),
  };
  useEffect(() => {
    const offs = [
      onPanelRequest('open-story', () => void latest.current.importFile()),
      onPanelRequest('save-story', () => void latest.current.exportFile()),
      onPanelRequest('present', () => latest.current.present()),
      onPanelRequest('story-file', (file) => void latest.current.openStoryFile(file)),
    ];
    return () => offs.forEach((off) => off());
  }, []);

  return (
    <section className="panel story-panel" data-testid="story-panel">
      <h2>{t('story.title')}</h2>
      <div className="button-row">
        <select
          value={story?.id ?? ''}
          data-testid="story-select"
          aria-label={t('story.choose')}
          onChange={(event) => setStoryId(event.target.value)}
        >
          {stories.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.title}
              {candidate.demo ? ' (demo)' : ''}
            </option>
          ))}
        </select>
        <button type="button" data-testid="story-new" onClick={newStory}>
          {t('story.new')}
        </button>
        <button type="button" data-testid="story-import" onClick={() => void importFile()}>
          {t('story.import')}
        </button>
      </div>
      {message && (
        <p
          className={`panel-message ${message.tone}`}
          role={message.tone === 'error' ? 'alert' : 'status'}
          data-testid="story-message"
        >
          {message.text}
        </p>
      )}
      {draft && (
        <>
          {draft.demo && (
            <p className="demo-badge" data-testid="story-demo">
              {t('present.demoBadge')}
            </p>
          )}
          <label className="stacked-field">
            {t('story.storyTitle')}
            <input
              type="text"
              value={draft.title}
              data-testid="story-title"
              onChange={(event) => setDraft({ ...draft, title: event.target.value })}
              onBlur={() => void save(draft)}
            />
          </label>
          <label className="stacked-field">
            {t('story.subtitle')}
            <input
              type="text"
              value={draft.subtitle}
              data-testid="story-subtitle"
              onChange={(event) => setDraft({ ...draft, subtitle: event.target.value })}
              onBlur={() => void save(draft)}
            />
          </label>
          <label className="stacked-field">
            {t('story.closing')}
            <textarea
              rows={2}
              value={draft.closing}
              data-testid="story-closing"
              onChange={(event) => setDraft({ ...draft, closing: event.target.value })}
              onBlur={() => void save(draft)}
            />
          </label>
          <div className="button-row">
            <button
              type="button"
              className="primary"
              data-testid="story-present"
              disabled={draft.slides.length === 0}
              onClick={() => onPresent(draft.id, 0)}
            >
              ▶ {t('story.present')}
            </button>
            <button
              type="button"
              data-testid="story-export-png"
              disabled={draft.slides.length === 0}
              onClick={() => onExport(draft.id, 'png')}
            >
              {t('story.exportPng')}
            </button>
            <button
              type="button"
              data-testid="story-export-pdf"
              disabled={draft.slides.length === 0}
              onClick={() => onExport(draft.id, 'pdf')}
            >
              {t('story.exportPdf')}
            </button>
            <button type="button" data-testid="story-export-file" onClick={() => void exportFile()}>
              {t('story.exportFile')}
            </button>
            <button type="button" data-testid="story-presenter-view" onClick={() => void host.openPresenterView()}>
              {t('story.presenterView')}
            </button>
            <button type="button" data-testid="story-delete" onClick={() => setConfirmDelete(true)}>
              {t('story.delete')}
            </button>
          </div>
          <div className="stacked-field">
            <VisionSelect value={vision} onChange={setVision} testId="story-vision" />
            <span className="muted">{t('vision.hint')}</span>
          </div>
          <ol className="slide-list">
            {draft.slides.map((slide, index) => (
              <li key={slide.id} className="slide-item" data-testid={`slide-${index}`}>
                <div className="slide-head">
                  <span className="slide-number">{index + 1}</span>
                  <input
                    type="text"
                    value={slide.title}
                    aria-label={t('story.slideTitleLabel')}
                    data-testid={`slide-title-${index}`}
                    onChange={(event) => editSlide(index, { title: event.target.value })}
                    onBlur={() => void save(draft)}
                  />
                </div>
                <textarea
                  rows={2}
                  value={slide.caption}
                  placeholder={t('story.caption')}
                  aria-label={t('story.caption')}
                  data-testid={`slide-caption-${index}`}
                  onChange={(event) => editSlide(index, { caption: event.target.value })}
                  onBlur={() => void save(draft)}
                />
                <textarea
                  rows={1}
                  value={slide.notes}
                  placeholder={t('story.notes')}
                  aria-label={t('story.notes')}
                  data-testid={`slide-notes-${index}`}
                  onChange={(event) => editSlide(index, { notes: event.target.value })}
                  onBlur={() => void save(draft)}
                />
                <div className="slide-options">
                  <label>
                    {t('story.route')}
                    <select
                      value={slide.route?.layerId ?? ''}
                      data-testid={`slide-route-layer-${index}`}
                      onChange={(event) =>
                        void setRoute(index, event.target.value, slide.route?.ruasNumbers.join(', ') ?? '')
                      }
                    >
                      <option value="">{t('story.noRoute')}</option>
                      {roadLayers.map((layer) => (
                        <option key={layer.id} value={layer.id}>
                          {layerLabel(layer, t)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <input
                    type="text"
                    defaultValue={slide.route?.ruasNumbers.join(', ') ?? ''}
                    key={slide.route?.ruasNumbers.join(',') ?? 'none'}
                    placeholder="P-101, RDTL-1"
                    aria-label={t('story.routeRuas')}
                    data-testid={`slide-route-ruas-${index}`}
                    onBlur={(event) =>
                      void setRoute(
                        index,
                        slide.route?.layerId ?? roadLayerHolding(event.target.value) ?? roadLayers[0]?.id ?? '',
                        event.target.value,
                      )
                    }
                  />
                  <label>
                    {t('story.estimate')}
                    <select
                      value={slide.estimateCorridorId ?? ''}
                      data-testid={`slide-estimate-${index}`}
                      onChange={(event) => void saveSlide(index, { estimateCorridorId: event.target.value || null })}
                    >
                      <option value="">{t('story.noEstimate')}</option>
                      {corridors.map((corridor) => (
                        <option key={corridor.id} value={corridor.id}>
                          {String(corridor.properties.name)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    {t('charts.slideChart')}
                    <select
                      value={slide.chart ? `${slide.chart.id}:${slide.chart.layout}` : ''}
                      data-testid={`slide-chart-${index}`}
                      onChange={(event) => {
                        const [id, layout] = event.target.value.split(':') as [SlideChart['id'], SlideChart['layout']];
                        void saveSlide(index, { chart: event.target.value ? { id, layout } : null });
                      }}
                    >
                      <option value="">{t('charts.noSlideChart')}</option>
                      {SLIDE_CHART_IDS.flatMap((id) =>
                        (['beside', 'alone'] as const).map((layout) => (
                          <option key={`${id}:${layout}`} value={`${id}:${layout}`}>
                            {t(`charts.slideLayout.${layout}`, { title: t(`charts.slideChartName.${id}`) })}
                          </option>
                        )),
                      )}
                    </select>
                  </label>
                </div>
                <div className="slide-meta">
                  {t('story.slideMeta', {
                    layers: slide.visibleLayerIds.length,
                    highlights: slide.highlightIds.length,
                  })}
                </div>
                <div className="button-row">
                  <button
                    type="button"
                    data-testid={`slide-present-${index}`}
                    onClick={() => onPresent(draft.id, index + 1)}
                    title={t('story.presentFrom')}
                  >
                    ▶
                  </button>
                  <button
                    type="button"
                    data-testid={`slide-up-${index}`}
                    disabled={index === 0}
                    onClick={() => moveSlide(index, -1)}
                    aria-label={t('story.up')}
                  >
                    ▲
                  </button>
                  <button
                    type="button"
                    data-testid={`slide-down-${index}`}
                    disabled={index === draft.slides.length - 1}
                    onClick={() => moveSlide(index, 1)}
                    aria-label={t('story.down')}
                  >
                    ▼
                  </button>
                  <button
                    type="button"
                    data-testid={`slide-capture-${index}`}
                    disabled={!map}
                    title={t('story.captureHint')}
                    onClick={() =>
                      map &&
                      void saveSlide(index, {
                        ...slideFromMap(map, visibleLayerIds(), selection, slide.title),
                        id: slide.id,
                        title: slide.title,
                        caption: slide.caption,
                        notes: slide.notes,
                        route: slide.route,
                        estimateCorridorId: slide.estimateCorridorId,
                        chart: slide.chart ?? null,
                      })
                    }
                  >
                    {t('story.capture')}
                  </button>
                  <button
                    type="button"
                    data-testid={`slide-png-${index}`}
                    onClick={() => onExport(draft.id, { slide })}
                  >
                    PNG
                  </button>
                  <button
                    type="button"
                    data-testid={`slide-delete-${index}`}
                    onClick={() =>
                      void save(
                        { ...draft, slides: draft.slides.filter((_, i) => i !== index) },
                        t('story.slideDeleted'),
                      )
                    }
                  >
                    {t('story.deleteSlide')}
                  </button>
                </div>
              </li>
            ))}
          </ol>
          <button type="button" className="primary" data-testid="slide-add" disabled={!map} onClick={addSlide}>
            {t('story.addSlide')}
          </button>
          <p className="hint">{t('story.addHint')}</p>
        </>
      )}
      {confirmDelete && draft && (
        <ConfirmDialog
          title={t('story.deleteTitle')}
          body={t('story.deleteBody', { title: draft.title })}
          confirmLabel={t('story.delete')}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => {
            setConfirmDelete(false);
            void store.stories.remove(draft.id).then(() => setStoryId(null));
          }}
        />
      )}
    </section>
  );
}
