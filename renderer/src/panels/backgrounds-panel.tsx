import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { hostsOf } from '#shared/background/tile-service';
import { SHIPPED_VECTOR_STYLES, type Background, type ShippedVectorStyle } from '#shared/model/background';
import { schemaOf } from '../map/vector-background-style';
import { useSnapshot, useStore } from '../state/store-context';
import { host } from '../platform';
import { OpacitySlider } from '../components/opacity-slider';
import { OnlineServiceDialog } from './online-service-dialog';
import { saveExport } from '../platform/save-export';
import { SaveAreaDialog } from './save-area-dialog';
import { useMessage } from '../components/use-message';
import { useProblemText } from '../i18n/problem-text';
import { problem, problemOf, ProblemError } from '#shared/messages/problem';

const ACCEPTED = '.tif,.tiff,.pmtiles,.mbtiles';

/**
 * The map's background: the basemap (the shipped offline NTT map, an added street-map archive or online service, or
 * none) and overlays such as a drone orthophoto, each with its opacity and brightness. Files are read on this
 * computer; an online service is contacted only once the user adds it.
 */
export function BackgroundsPanel({ map }: { map: MapLibreMap | null }) {
  const { t } = useTranslation();
  const store = useStore();
  const { backgrounds, basemap, backgroundProblems, onlineTileErrors } = useSnapshot();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useMessage<{ kind: 'ok' | 'error'; text: string }>();
  const wordProblem = useProblemText();
  const [addingOnline, setAddingOnline] = useState(false);
  const [savingArea, setSavingArea] = useState<Background | null>(null);
  const styleInput = useRef<HTMLInputElement>(null);
  const [styling, setStyling] = useState<Background | null>(null);

  const chooseStyle = async (file: File | undefined) => {
    if (styleInput.current) styleInput.current.value = '';
    if (!file || !styling) return;
    try {
      const notes = await store.backgrounds.setStyle(styling.id, file);
      setMessage({
        kind: 'ok',
        text: [t('backgrounds.styled', { name: styling.name, style: file.name }), ...notes.map(wordProblem)].join(
          ' — ',
        ),
      });
    } catch (error) {
      setMessage({ kind: 'error', text: t('backgrounds.styleFailed', { message: wordProblem(problemOf(error)) }) });
    }
  };

  const add = async (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      setBusy(file.name);
      try {
        const added = await store.backgrounds.add(file);
        setMessage({ kind: 'ok', text: t('backgrounds.added', { name: added.name }) });
      } catch (error) {
        setMessage({ kind: 'error', text: t('backgrounds.failed', { message: wordProblem(problemOf(error)) }) });
      }
    }
    setBusy(null);
    if (input.current) input.current.value = '';
  };

  /** The desktop app keeps picked files where they are; the browser picks a File through the input. */
  const addFromHost = async () => {
    // The page's file picker must open within the click (no await first).
    if (host.kind !== 'electron') return input.current?.click();
    setBusy('…');
    try {
      const result = await store.backgrounds.addFromHost();
      if (!result) input.current?.click();
      else if (result.added.length > 0 || result.failed.length > 0) {
        const names = result.added.map((background) => background.name).join(', ');
        const texts = [
          ...(names ? [t('backgrounds.added', { name: names })] : []),
          ...(result.failed.length > 0
            ? [t('backgrounds.failed', { message: result.failed.map(wordProblem).join('; ') })]
            : []),
        ];
        setMessage({ kind: result.failed.length > 0 ? 'error' : 'ok', text: texts.join(' — ') });
      }
    } catch (error) {
      setMessage({ kind: 'error', text: t('backgrounds.failed', { message: wordProblem(problemOf(error)) }) });
    }
    setBusy(null);
  };

  /** A copy of a kept file (a saved area for the hearing-room laptop, say) where the user chooses. */
  const saveCopy = async (background: Background) => {
    const outcome = await saveExport(background.name, async () => {
      const file = await store.backgrounds.keptFile(background.id);
      if (!file) throw new ProblemError(problem('background.notKept'));
      const extension = background.name.split('.').pop() ?? 'bin';
      return {
        filters: [{ name: background.info.kind, extensions: [extension] }],
        data: new Uint8Array(await file.arrayBuffer()),
      };
    });
    if (outcome.kind === 'saved') setMessage({ kind: 'ok', text: t('backgrounds.copySaved', { name: outcome.name }) });
    if (outcome.kind === 'failed') setMessage({ kind: 'error', text: outcome.message });
  };

  const basemaps = backgrounds.filter((background) => background.role === 'basemap');
  return (
    <section className="backgrounds" data-testid="backgrounds" aria-label={t('backgrounds.title')}>
      <h3>{t('backgrounds.title')}</h3>
      <label className="inline-field">
        {t('backgrounds.basemap')}{' '}
        <select
          data-testid="basemap-choice"
          value={basemap}
          onChange={(event) => void store.backgrounds.setBasemap(event.target.value)}
        >
          <option value="ntt">{t('backgrounds.ntt')}</option>
          {basemaps.map((background) => (
            <option key={background.id} value={background.id}>
              {background.name}
            </option>
          ))}
          <option value="none">{t('backgrounds.none')}</option>
        </select>
      </label>
      <ul className="background-list">
        {backgrounds.map((background) => (
          <li key={background.id} className="background-item" data-testid={`background-${background.name}`}>
            <div className="layer-row">
              <label className="layer-toggle">
                {background.role === 'overlay' && (
                  <input
                    type="checkbox"
                    checked={background.visible}
                    data-testid={`background-visible-${background.name}`}
                    aria-label={`${t('layers.visible')}: ${background.name}`}
                    onChange={(event) =>
                      void store.backgrounds.update(background.id, { visible: event.target.checked })
                    }
                  />
                )}
                <span className="layer-name">{background.name}</span>
              </label>
              <button
                type="button"
                className="small"
                aria-label={t('backgrounds.remove', { name: background.name })}
                data-testid={`background-remove-${background.name}`}
                onClick={() => void store.backgrounds.remove(background.id)}
              >
                ✕
              </button>
            </div>
            <div className="muted background-facts">
              {t(`backgrounds.kind.${background.info.kind}`)} ·{' '}
              {t(background.role === 'basemap' ? 'backgrounds.asBasemap' : 'backgrounds.asOverlay')} · z
              {background.info.minzoom}–{background.info.maxzoom}
              {background.info.attribution ? ` · ${background.info.attribution}` : ''}
              {background.service && ` · ${t('backgrounds.online', { hosts: hostsOf(background.service).join(', ') })}`}
            </div>
            {onlineTileErrors[background.id] && (
              <p className="table-message error" role="alert" data-testid={`background-error-${background.name}`}>
                {t('backgrounds.tileFailed', { message: onlineTileErrors[background.id] })}
              </p>
            )}
            {background.info.tileType === 'vector' && (
              <div className="background-style-row">
                <label className="inline-field">
                  {t('backgrounds.styleLabel')}{' '}
                  <select
                    data-testid={`background-style-${background.name}`}
                    value={
                      background.style ? 'user' : (background.shippedStyle ?? schemaOf(background.info.vectorLayers))
                    }
                    onChange={(event) =>
                      void store.backgrounds.setShippedStyle(background.id, event.target.value as ShippedVectorStyle)
                    }
                  >
                    {background.style && <option value="user">{background.style.name}</option>}
                    {SHIPPED_VECTOR_STYLES.map((style) => (
                      <option key={style} value={style}>
                        {t(`backgrounds.shipped.${style}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <button
                  type="button"
                  className="small"
                  data-testid={`background-style-pick-${background.name}`}
                  onClick={() => {
                    setStyling(background);
                    styleInput.current?.click();
                  }}
                >
                  {t('backgrounds.pickStyle')}
                </button>
              </div>
            )}
            {!background.service && !background.hostFile && (
              <button
                type="button"
                className="small"
                data-testid={`background-save-copy-${background.name}`}
                onClick={() => void saveCopy(background)}
              >
                {t('backgrounds.saveCopy')}
              </button>
            )}
            {background.service && map && (
              <button
                type="button"
                className="small"
                data-testid={`background-save-area-${background.name}`}
                onClick={() => setSavingArea(background)}
              >
                {t('saveArea.open')}
              </button>
            )}
            <OpacitySlider
              value={background.opacity}
              testId={`background-opacity-${background.name}`}
              onCommit={(opacity) => void store.backgrounds.update(background.id, { opacity })}
            />
            {background.info.tileType === 'raster' && (
              <OpacitySlider
                label={t('backgrounds.brightness')}
                value={background.brightness}
                testId={`background-brightness-${background.name}`}
                onCommit={(brightness) => void store.backgrounds.update(background.id, { brightness })}
              />
            )}
          </li>
        ))}
      </ul>
      <button type="button" data-testid="background-add" disabled={busy !== null} onClick={() => void addFromHost()}>
        {busy ? t('backgrounds.opening', { name: busy }) : t('backgrounds.add')}
      </button>{' '}
      <button type="button" data-testid="background-add-online" onClick={() => setAddingOnline(true)}>
        {t('onlineService.open')}
      </button>
      <input
        ref={styleInput}
        type="file"
        accept=".json"
        hidden
        data-testid="background-style-file"
        onChange={(event) => void chooseStyle(event.target.files?.[0])}
      />
      {addingOnline && (
        <OnlineServiceDialog
          onClose={() => setAddingOnline(false)}
          onAdded={(name) => setMessage({ kind: 'ok', text: t('backgrounds.added', { name }) })}
        />
      )}
      {savingArea && map && (
        <SaveAreaDialog background={savingArea} map={map} onClose={() => setSavingArea(null)} onDone={setMessage} />
      )}
      <input
        ref={input}
        type="file"
        accept={ACCEPTED}
        multiple
        hidden
        data-testid="background-file"
        onChange={(event) => void add(event.target.files)}
      />
      {message && (
        <p
          className={`table-message ${message.kind}`}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="background-message"
        >
          {message.text}
        </p>
      )}
      {backgroundProblems.map((problem, index) => (
        <p key={index} className="table-message error" role="alert">
          {t('backgrounds.notOpened', { problem: wordProblem(problem) })}
        </p>
      ))}
      <p className="muted background-hint">{t('backgrounds.hint')}</p>
    </section>
  );
}
