import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Story } from '#shared/present/story';
import { RumijaDatabase } from '../persistence/database';
import { LanguageSwitch } from '../components/language-switch';
import { openPresenterChannel, type PresenterMessage } from './presenter-channel';

const clock = (ms: number) => {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/**
 * The presenter's own window: the notes of the slide on the projector, what comes next, the time
 * since the start, and buttons that drive the slides. It reads the story from the same store.
 */
export function PresenterView() {
  const { t } = useTranslation();
  const [state, setState] = useState<Extract<PresenterMessage, { type: 'state' }> | null>(null);
  const [ended, setEnded] = useState(false);
  const [story, setStory] = useState<Story | null>(null);
  const [now, setNow] = useState(Date.now());
  const channel = useRef<ReturnType<typeof openPresenterChannel> | null>(null);

  useEffect(() => {
    const db = new RumijaDatabase();
    const opened = openPresenterChannel((message) => {
      if (message.type === 'state') {
        setEnded(false);
        setState(message);
        void db.stories.get(message.storyId).then((found) => setStory(found ?? null));
      } else if (message.type === 'ended') {
        setEnded(true);
        setState(null);
      }
    });
    opened.post({ type: 'hello' });
    channel.current = opened;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearInterval(timer);
      opened.close();
      db.close();
    };
  }, []);

  const send = (command: 'next' | 'previous' | 'exit') => channel.current?.post({ type: 'command', command });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (['ArrowRight', 'PageDown', ' '].includes(event.key)) send('next');
      if (['ArrowLeft', 'PageUp'].includes(event.key)) send('previous');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const frameTitle = (position: number) => {
    if (!story) return '';
    if (position <= 0) return `${t('present.opening')}: ${story.title}`;
    if (position > story.slides.length) return t('present.closing');
    return `${position}. ${story.slides[position - 1]!.title}`;
  };
  const slide =
    story && state && state.position >= 1 && state.position <= story.slides.length
      ? story.slides[state.position - 1]
      : null;

  return (
    <div className="presenter-view" data-testid="presenter-view">
      <header>
        <strong>{t('present.viewTitle')}</strong>
        <LanguageSwitch />
      </header>
      {!state || !story ? (
        <p className="presenter-view-wait" data-testid="presenter-view-wait">
          {ended ? t('present.ended') : t('present.waiting')}
        </p>
      ) : (
        <main>
          <div className="presenter-view-times">
            <span data-testid="presenter-view-counter">
              {state.position === 0
                ? t('present.opening')
                : state.position > story.slides.length
                  ? t('present.closing')
                  : `${t('present.slide')} ${state.position} / ${story.slides.length}`}
            </span>
            <span>
              {t('present.elapsed')}: {clock(now - state.startedAt)}
            </span>
            <span>{new Date(now).toLocaleTimeString('id-ID', { hour: '2-digit', minute: '2-digit' })}</span>
          </div>
          <h1 data-testid="presenter-view-current">{frameTitle(state.position)}</h1>
          <section className="presenter-view-notes" data-testid="presenter-view-notes">
            <h2>{t('story.notes')}</h2>
            <p>{slide?.notes || t('present.noNotes')}</p>
          </section>
          <p className="presenter-view-next" data-testid="presenter-view-next">
            {t('present.next')}: {state.position < story.slides.length + 1 ? frameTitle(state.position + 1) : '—'}
          </p>
          <div className="button-row">
            <button type="button" data-testid="presenter-view-previous" onClick={() => send('previous')}>
              ◀ {t('present.previous')}
            </button>
            <button
              type="button"
              className="primary"
              data-testid="presenter-view-next-button"
              onClick={() => send('next')}
            >
              {t('present.nextButton')} ▶
            </button>
            <button type="button" data-testid="presenter-view-exit" onClick={() => send('exit')}>
              {t('present.exit')}
            </button>
          </div>
        </main>
      )}
    </div>
  );
}
