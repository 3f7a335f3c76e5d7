import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { formatNumber, formatSta, type Locale } from '#shared/format/format-number';
import { messageOf } from '#shared/format/message-of';
import { useSnapshot, useStore } from '../state/store-context';
import type { PhotoCandidate } from '../state/field-photos';
import { featureTitle } from '../format/feature-title';
import { describePhotoMetadata } from '../format/photo-text';
import { useEscapeToClear } from '../components/use-escape-to-clear';
import { useMessage } from '../components/use-message';

/** Files a user means as photos when dropped or picked: JPEG, and HEIC so it is refused with how to convert. */
export const isPhotoFileName = (name: string) => /\.(jpe?g|heic|heif)$/i.test(name);

export async function readDroppedFiles(files: readonly File[]) {
  return Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}

function Thumbnail({ blob, alt }: { blob: Blob; alt: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [blob]);
  return url ? <img className="photo-thumb" src={url} alt={alt} /> : <span className="photo-thumb" />;
}

/** Field photos in: pick or drop JPEGs, see what was read, repeated and refused, confirm where each goes, save. */
export function PhotosPanel({ map }: { map: MapLibreMap | null }) {
  const { t, i18n } = useTranslation();
  const locale = (i18n.language === 'en' ? 'en' : 'id') as Locale;
  const store = useStore();
  const { featureById } = useSnapshot();
  const intake = useSyncExternalStore(store.photos.subscribe, store.photos.getSnapshot);
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useMessage<string>();
  const [distanceText, setDistanceText] = useState(String(intake.maxDistanceM));
  const placed = intake.candidates.filter((candidate) => candidate.position !== null);
  const unplaced = intake.candidates.filter((candidate) => candidate.position === null);
  const placing = intake.candidates.find((candidate) => candidate.id === intake.placing);

  useEscapeToClear(Boolean(intake.placing), () => store.photos.startPlacing(null));
  useEffect(() => {
    if (!map) return;
    map.getCanvas().style.cursor = intake.placing ? 'crosshair' : '';
  }, [map, intake.placing]);
  useEffect(() => () => store.photos.startPlacing(null), [store]);

  const add = (files: readonly File[]) => {
    setError(null);
    void readDroppedFiles(files)
      .then((read) => store.photos.add(read))
      .catch((reason: unknown) => setError(messageOf(reason)));
  };
  const save = () => {
    setError(null);
    store.photos.save().catch((reason: unknown) => setError(t('photos.saveFailed', { message: messageOf(reason) })));
  };

  const proposalText = (candidate: PhotoCandidate) => {
    const proposal = candidate.proposal!;
    const feature = featureById.get(proposal.featureId);
    const values = {
      kind: t(`model.kind.${proposal.featureKind}`).toLowerCase(),
      name: feature ? featureTitle(feature, t) : '',
      distance: formatNumber(proposal.distanceM, locale, 0),
      sta: proposal.staM !== undefined ? formatSta(proposal.staM) : '',
    };
    return t(proposal.staM !== undefined ? 'photos.proposeSta' : 'photos.propose', values);
  };

  const counted = intake.tally.withGps + intake.tally.withoutGps + intake.repeated.length + intake.refused.length > 0;
  return (
    <section className="panel photos-panel" data-testid="photos-panel" aria-label={t('photos.title')}>
      <h2>{t('photos.title')}</h2>
      <p className="hint">{t('photos.intro')}</p>
      <div
        className={`photo-drop${dragging ? ' dragging' : ''}`}
        data-testid="photos-drop"
        onDragOver={(event) => {
          if (!event.dataTransfer.types.includes('Files')) return;
          event.preventDefault();
          event.stopPropagation();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          event.stopPropagation();
          setDragging(false);
          add(Array.from(event.dataTransfer.files));
        }}
      >
        <label className="button-like">
          {t('photos.pick')}
          <input
            type="file"
            multiple
            accept=".jpg,.jpeg,.heic,.heif,image/jpeg,image/heic"
            data-testid="photos-input"
            hidden
            onChange={(event) => {
              add(Array.from(event.target.files ?? []));
              event.target.value = '';
            }}
          />
        </label>
        <span>{t('photos.dropHere')}</span>
      </div>
      <label className="photo-distance">
        {t('photos.distance')}
        <input
          type="number"
          min={0}
          max={5000}
          step={1}
          value={distanceText}
          data-testid="photos-distance"
          onChange={(event) => {
            setDistanceText(event.target.value);
            const value = Number(event.target.value);
            if (event.target.value !== '' && Number.isFinite(value)) store.photos.setMaxDistance(value);
          }}
        />
      </label>
      <p className="hint">{t('photos.distanceHint')}</p>
      {intake.reading && (
        <p className="panel-message info" role="status">
          {t('photos.reading', { done: intake.reading.done, total: intake.reading.total })}
        </p>
      )}
      {counted && (
        <p className="photo-counts" data-testid="photos-counts">
          {t('photos.counts', {
            withGps: intake.tally.withGps,
            withoutGps: intake.tally.withoutGps,
            repeated: intake.repeated.length,
            refused: intake.refused.length,
          })}
        </p>
      )}
      {intake.refused.length > 0 && (
        <div className="panel-message error" role="alert" data-testid="photos-refused">
          <strong>{t('photos.refusedTitle', { count: intake.refused.length })}</strong>
          <ul>
            {intake.refused.map((item, index) => (
              <li key={`${item.fileName}-${index}`}>{t(`photos.problem.${item.problem}`, { file: item.fileName })}</li>
            ))}
          </ul>
        </div>
      )}
      {intake.repeated.length > 0 && (
        <details className="photo-repeated" data-testid="photos-repeated">
          <summary>{t('photos.repeatedTitle', { count: intake.repeated.length })}</summary>
          <ul>
            {intake.repeated.map((item, index) => (
              <li key={`${item.fileName}-${index}`}>
                {t('photos.repeatedItem', { file: item.fileName, sameAs: item.sameAs })}
              </li>
            ))}
          </ul>
        </details>
      )}
      {unplaced.length > 0 && (
        <div className="photo-unplaced" data-testid="photos-no-gps">
          <strong>{t('photos.noGpsTitle', { count: unplaced.length })}</strong>
          <p className="hint">{t('photos.noGpsHint')}</p>
          <ul className="photo-list">
            {unplaced.map((candidate) => (
              <li key={candidate.id} data-testid="photo-unplaced">
                <Thumbnail blob={candidate.thumbnail} alt={candidate.fileName} />
                <div>
                  <div className="photo-name">{candidate.fileName}</div>
                  <div className="hint">{describePhotoMetadata(candidate.metadata, t, locale)}</div>
                  <button
                    type="button"
                    disabled={!map}
                    data-testid="photo-place"
                    onClick={() => store.photos.startPlacing(candidate.id)}
                  >
                    {t('photos.placeByHand')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
      {placing && (
        <p className="panel-message info" role="status" data-testid="photos-placing">
          {t('photos.placing', { file: placing.fileName })}{' '}
          <button type="button" onClick={() => store.photos.startPlacing(null)}>
            {t('photos.cancelPlacing')}
          </button>
        </p>
      )}
      {placed.length > 0 && (
        <div className="photo-ready" data-testid="photos-ready">
          <strong>{t('photos.ready', { count: placed.length })}</strong>
          {placed.some((candidate) => candidate.proposal) && (
            <button type="button" data-testid="photos-attach-all" onClick={() => store.photos.attachAll()}>
              {t('photos.attachAll')}
            </button>
          )}
          <ul className="photo-list">
            {placed.map((candidate) => (
              <li key={candidate.id} data-testid="photo-ready">
                <Thumbnail blob={candidate.thumbnail} alt={candidate.fileName} />
                <div>
                  <div className="photo-name">{candidate.fileName}</div>
                  <div className="hint">
                    {[
                      describePhotoMetadata(candidate.metadata, t, locale),
                      candidate.placedBy === 'hand' ? t('photos.placedByHand') : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </div>
                  {candidate.proposal ? (
                    <label className="photo-proposal">
                      <input
                        type="checkbox"
                        checked={candidate.attach}
                        data-testid="photo-attach"
                        onChange={(event) => store.photos.setAttach(candidate.id, event.target.checked)}
                      />
                      {proposalText(candidate)}
                    </label>
                  ) : (
                    <div className="hint">{t('photos.asPoint')}</div>
                  )}
                </div>
              </li>
            ))}
          </ul>
          <button type="button" className="primary" data-testid="photos-save" onClick={save}>
            {t('photos.save', { count: placed.length })}
          </button>
        </div>
      )}
      {intake.saved && (
        <p className="panel-message info" role="status" data-testid="photos-saved">
          {t('photos.saved', intake.saved)}
        </p>
      )}
      {error && (
        <p className="panel-message error" role="alert">
          {error}
        </p>
      )}
      {counted && (
        <button type="button" data-testid="photos-clear" onClick={() => store.photos.clear()}>
          {t('photos.clear')}
        </button>
      )}
    </section>
  );
}
