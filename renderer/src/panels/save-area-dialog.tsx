import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { problemOf, type Problem } from '#shared/messages/problem';
import { useProblemText } from '../i18n/problem-text';
import { formatNumber } from '#shared/format/format-number';
import { estimateArea, MAX_OFFLINE_TILES, TYPICAL_TILE_BYTES } from '#shared/background/save-area';
import type { Bounds } from '#shared/geo/positions-of';
import type { Background } from '#shared/model/background';
import { useModalDialog } from '../components/use-modal-dialog';
import { useStore } from '../state/store-context';
import { averageTileBytes } from '../workers/run-background';

const megabytes = (bytes: number, locale: 'id' | 'en') =>
  bytes < 1048576
    ? `${formatNumber(Math.max(1, bytes / 1024), locale, 0)} KB`
    : `${formatNumber(bytes / 1048576, locale, 1)} MB`;

/**
 * Saves the map's current view of an online background, for a zoom range, into an archive kept in the app: the
 * tile count and size are shown before anything is fetched; the download shows its progress and can be cancelled.
 */
export function SaveAreaDialog({
  background,
  map,
  onClose,
  onDone,
}: {
  background: Background;
  map: MapLibreMap;
  onClose: () => void;
  onDone: (result: { kind: 'ok' | 'error'; text: string }) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'id';
  const store = useStore();
  const ref = useModalDialog();
  const [bounds] = useState<Bounds>(() => map.getBounds().toArray().flat() as Bounds);
  const { minzoom, maxzoom } = background.info;
  const clampZoom = (zoom: number) => Math.max(minzoom, Math.min(maxzoom, Math.round(zoom)));
  const [from, setFrom] = useState(() => clampZoom(Math.floor(map.getZoom()) - 2));
  const [to, setTo] = useState(() => clampZoom(Math.floor(map.getZoom()) + 1));
  const [progress, setProgress] = useState<{ done: number; total: number; bytes: number } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const wordProblem = useProblemText();
  const abort = useRef<AbortController | null>(null);

  const average = (background.service && averageTileBytes(background.service)) || TYPICAL_TILE_BYTES;
  const estimate = estimateArea(bounds, Math.min(from, to), Math.max(from, to), average);

  const download = async () => {
    abort.current = new AbortController();
    setProblem(null);
    setProgress({ done: 0, total: estimate.tiles, bytes: 0 });
    try {
      const saved = await store.backgrounds.saveAreaOffline(background.id, {
        bounds,
        minzoom: Math.min(from, to),
        maxzoom: Math.max(from, to),
        signal: abort.current.signal,
        onProgress: (done, total, bytes) => setProgress({ done, total, bytes }),
      });
      onDone({
        kind: 'ok',
        text: t('saveArea.saved', {
          name: saved.background.name,
          tiles: formatNumber(saved.tiles, locale),
          empty: formatNumber(saved.empty, locale),
        }),
      });
      onClose();
    } catch (error) {
      setProblem(problemOf(error));
      setProgress(null);
    }
    abort.current = null;
  };

  const cancel = () => {
    if (abort.current) abort.current.abort();
    else onClose();
  };

  const [west, south, east, north] = bounds.map((value) => formatNumber(value, locale, 4));
  return (
    <dialog
      ref={ref}
      className="confirm-dialog export-dialog"
      data-testid="save-area-dialog"
      onCancel={(event) => {
        event.preventDefault();
        cancel();
      }}
      aria-labelledby="save-area-title"
    >
      <h2 id="save-area-title">{t('saveArea.title', { name: background.name })}</h2>
      <div className="export-grid">
        <span>{t('saveArea.area')}</span>
        <span data-testid="save-area-bounds">
          {t('saveArea.view')}: {west}, {south} — {east}, {north}
        </span>
        <label htmlFor="save-area-from">{t('saveArea.from')}</label>
        <input
          id="save-area-from"
          data-testid="save-area-from"
          type="number"
          min={minzoom}
          max={maxzoom}
          value={from}
          disabled={progress !== null}
          onChange={(event) => setFrom(clampZoom(Number(event.target.value) || 0))}
        />
        <label htmlFor="save-area-to">{t('saveArea.to')}</label>
        <input
          id="save-area-to"
          data-testid="save-area-to"
          type="number"
          min={minzoom}
          max={maxzoom}
          value={to}
          disabled={progress !== null}
          onChange={(event) => setTo(clampZoom(Number(event.target.value) || 0))}
        />
      </div>
      <p className="export-hint" data-testid="save-area-estimate">
        {t('saveArea.estimate', {
          tiles: formatNumber(estimate.tiles, locale),
          size: megabytes(estimate.bytes, locale),
        })}
        {estimate.tooMany && ` ${t('saveArea.tooMany', { limit: formatNumber(MAX_OFFLINE_TILES, locale) })}`}
      </p>
      {progress && (
        <div className="import-progress" role="status" data-testid="save-area-progress">
          <span>
            {t('saveArea.progress', {
              done: formatNumber(progress.done, locale),
              total: formatNumber(progress.total, locale),
              size: megabytes(progress.bytes, locale),
            })}
          </span>
          <progress value={progress.done} max={progress.total} />
        </div>
      )}
      {problem && (
        <p className="table-message error" role="alert" data-testid="save-area-problem">
          {wordProblem(problem)}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" data-testid="save-area-cancel" onClick={cancel}>
          {progress ? t('saveArea.stop') : t('common.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="save-area-download"
          disabled={progress !== null || estimate.tooMany}
          onClick={() => void download()}
        >
          {t('saveArea.download')}
        </button>
      </div>
    </dialog>
  );
}
