import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Story } from '#shared/present/story';
import { formatDate, formatKilometres, type Locale } from '#shared/format/format-number';
import { useSnapshot, useStore } from '../state/store-context';
import { host } from '../platform';
import { Swatch } from '../panels/legend';
import { SlideShow, type ShownSlide } from './slide-show';
import { labelledFigures, slideLegends } from './slide-plan';
import { openPresenterChannel } from './presenter-channel';
import { SlideChartBlock } from '../charts/slide-chart';

const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter', 'n']);
const PREVIOUS_KEYS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace', 'p']);

/**
 * Hearing mode: full screen, panels hidden, one slide at a time with large type, legend, scale bar
 * and north arrow; an opening and a closing slide around the story. Keyboard and clicker driven.
 */
export function Presenter({
  story,
  map,
  startAt,
  onExit,
}: {
  story: Story;
  map: MapLibreMap;
  startAt: number;
  onExit: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = (i18n.language === 'en' ? 'en' : 'id') as Locale;
  const store = useStore();
  const snapshot = useSnapshot();
  const last = story.slides.length + 1;
  const [position, setPosition] = useState(Math.min(Math.max(0, startAt), last));
  const [shown, setShown] = useState<ShownSlide | null>(null);
  const [distance, setDistance] = useState<number | null>(null);
  const [bearing, setBearing] = useState(map.getBearing());
  const [show, setShow] = useState<SlideShow | null>(null);
  const startedAt = useRef(Date.now());
  const slide = position >= 1 && position <= story.slides.length ? story.slides[position - 1] : null;
  const move = (step: number | 'first' | 'last') =>
    setPosition((current) =>
      step === 'first' ? 0 : step === 'last' ? last : Math.min(last, Math.max(0, current + step)),
    );
  // Listeners made once (channel, full screen) reach the current handlers through this.
  const latest = useRef({ move, onExit });
  latest.current = { move, onExit };

  // Made and removed by an effect: it adds sources to the map, which must not happen twice.
  useEffect(() => {
    const created = new SlideShow(map, store, t, locale);
    setShow(created);
    return () => created.destroy();
  }, [map, store, t, locale]);

  useEffect(() => {
    void host.setFullScreen(true).catch(() => undefined);
    // The panels are gone: the map takes the whole screen.
    requestAnimationFrame(() => map.resize());
    const onRotate = () => setBearing(map.getBearing());
    map.on('rotate', onRotate);
    // In a browser Esc first leaves full screen and the page never sees the key: leave the presentation with it.
    let wasFullScreen = false;
    const onFullScreen = () => {
      if (document.fullscreenElement) wasFullScreen = true;
      else if (wasFullScreen) latest.current.onExit();
    };
    document.addEventListener('fullscreenchange', onFullScreen);
    return () => {
      document.removeEventListener('fullscreenchange', onFullScreen);
      map.off('rotate', onRotate);
      void host.setFullScreen(false).catch(() => undefined);
      requestAnimationFrame(() => map.resize());
    };
  }, [map]);

  useEffect(() => {
    setShown(null);
    setDistance(null);
    if (!show) return;
    if (slide)
      void show
        .showSlide(slide, { animate: true, onDistance: setDistance })
        .then((result) => result && setShown(result));
    else void show.showOverview(story, true);
  }, [position, slide, show, story]);

  // The presenter view in another window follows and can drive the slides.
  const channel = useRef<ReturnType<typeof openPresenterChannel> | null>(null);
  const positionRef = useRef(position);
  useEffect(() => {
    const opened = openPresenterChannel((message) => {
      if (message.type === 'hello')
        opened.post({ type: 'state', storyId: story.id, position: positionRef.current, startedAt: startedAt.current });
      if (message.type === 'command' && message.command === 'next') latest.current.move(1);
      if (message.type === 'command' && message.command === 'previous') latest.current.move(-1);
      if (message.type === 'command' && message.command === 'exit') latest.current.onExit();
    });
    channel.current = opened;
    return () => {
      opened.post({ type: 'ended' });
      opened.close();
    };
  }, [story.id]);
  useEffect(() => {
    positionRef.current = position;
    channel.current?.post({ type: 'state', storyId: story.id, position, startedAt: startedAt.current });
  }, [position, story.id]);

  // Listening before the first paint: once the presenter shows, its keys work (a key pressed between paint and an
  // effect went to nobody — Esc then left the presenter open).
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      let handled = true;
      if (NEXT_KEYS.has(event.key)) latest.current.move(1);
      else if (PREVIOUS_KEYS.has(event.key)) latest.current.move(-1);
      else if (event.key === 'Home') latest.current.move('first');
      else if (event.key === 'End') latest.current.move('last');
      else if (event.key === 'Escape') latest.current.onExit();
      else handled = false;
      if (handled) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    };
    // Capture phase: the presenter owns the keyboard; the editor's shortcuts must not fire underneath.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  const figures = slide
    ? labelledFigures(slide, snapshot, shown?.marks ?? null, shown?.estimate ?? null, t, locale)
    : [];
  const legends = useMemo(
    () => slideLegends(slide!, snapshot.layers, snapshot.featuresByLayer, t, snapshot.standingMap.on),
    [slide, snapshot.layers, snapshot.featuresByLayer, t, snapshot.standingMap.on],
  );

  return (
    <div className="presenter" data-testid="presenter" data-position={position}>
      {story.demo && (
        <div className="presenter-demo" data-testid="presenter-demo">
          {t('present.demoBadge')}
        </div>
      )}
      {position === 0 && (
        <div className="presenter-cover" data-testid="presenter-opening">
          <h1>{story.title}</h1>
          <p className="presenter-subtitle">{story.subtitle}</p>
          <p className="presenter-date">
            {t('app.department')} · {formatDate(new Date(), i18n.language === 'en' ? 'en' : 'id')}
          </p>
          <p className="presenter-keys">{t('present.keysHint')}</p>
        </div>
      )}
      {position === last && (
        <div className="presenter-cover" data-testid="presenter-closing">
          <h1>{t('present.thanks')}</h1>
          {story.closing && <p className="presenter-subtitle">{story.closing}</p>}
          <p className="presenter-date">{story.title}</p>
        </div>
      )}
      {slide && (
        <section className="presenter-card" data-testid="presenter-slide" aria-live="polite">
          <h1 data-testid="presenter-title">{slide.title}</h1>
          {slide.caption && <p data-testid="presenter-caption">{slide.caption}</p>}
          {distance !== null && shown === null && (
            <div className="presenter-distance" data-testid="presenter-distance">
              {formatKilometres(distance, locale, 1)}
            </div>
          )}
          {figures.length > 0 && (
            <dl className="presenter-figures" data-testid="presenter-figures">
              {figures.map((figure) => (
                <div key={figure.id} data-figure={figure.id}>
                  <dt>{figure.label}</dt>
                  <dd>{figure.value}</dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      )}
      {slide?.chart && (
        <SlideChartBlock
          key={slide.id}
          slide={slide}
          chart={slide.chart}
          estimate={shown?.estimate ?? (snapshot.analysis.status === 'done' ? snapshot.analysis.estimate : null)}
        />
      )}
      {legends.length > 0 && (
        <aside className="presenter-legend" data-testid="presenter-legend">
          {legends.map(({ layerId, entries }) => (
            <ul key={layerId} className="legend">
              {entries.map((entry) => (
                <Swatch
                  key={entry.key}
                  color={entry.color}
                  shape={entry.shape}
                  {...(entry.dash ? { dash: entry.dash } : {})}
                  testId={`presenter-legend-${layerId}-${entry.key}`}
                  label={entry.label}
                />
              ))}
            </ul>
          ))}
        </aside>
      )}
      <div
        className="presenter-north"
        data-testid="presenter-north"
        title={t('present.north')}
        style={{ transform: `rotate(${-bearing}deg)` }}
      >
        <svg viewBox="0 0 40 40" aria-hidden="true">
          <path d="M20 4 L28 24 L20 20 L12 24 Z" fill="#c62828" />
          <text x="20" y="36" textAnchor="middle" fontSize="10" fontWeight="700">
            U
          </text>
        </svg>
      </div>
      <div className="presenter-counter" data-testid="presenter-counter">
        {position === 0
          ? t('present.opening')
          : position === last
            ? t('present.closing')
            : `${position} / ${story.slides.length}`}
      </div>
      <button
        type="button"
        className="presenter-exit"
        data-testid="presenter-exit"
        onClick={onExit}
        title={t('present.exitHint')}
      >
        ×
      </button>
    </div>
  );
}
