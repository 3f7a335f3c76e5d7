import { useEffect, useRef, useState } from 'react';
import { useModalDialog } from '../components/use-modal-dialog';
import { useTranslation } from 'react-i18next';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { PRINT_SCALES, type GridKind, type Orientation, type Paper } from '#shared/print/print-layout';
import { formatNumber } from '#shared/format/format-number';
import { useSnapshot } from '../state/store-context';
import { useLocale } from '../components/number-field';
import { saveExport } from '../platform/save-export';
import { safeFileName } from '#shared/format/file-name';
import { layerLabel } from '../format/layer-label';
import { currentView, PrintCancelled, printSheets, type PrintSettings } from './print-job';
import { atlasRequests, ATLAS_KINDS, type AtlasFilter } from './atlas-pages';
import { VisionSelect, visionFilter } from '../components/vision-simulation';
import type { VisionSimulation } from '#shared/style/vision-simulation';
import { useMessage } from '../components/use-message';

const STORAGE_KEY = 'rumija.print';

function storedSettings(defaults: PrintSettings): PrintSettings {
  try {
    return {
      ...defaults,
      ...(JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? '{}') as Partial<PrintSettings>),
    };
  } catch {
    return defaults;
  }
}

/**
 * Print layout and atlas: paper, orientation, texts, scale, grid and resolution (remembered), a preview drawn by
 * the same code as the PDF, then PDF or PNG; an atlas makes one sheet per ruas, bridge or corridor.
 */
export function PrintDialog({ map, onClose }: { map: MapLibreMap; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { layers, featuresByLayer, featureById, analysis, selection, backgrounds, basemap, standingMap } =
    useSnapshot();
  const ref = useModalDialog();
  const [settings, setSettings] = useState<PrintSettings>(() =>
    storedSettings({
      paper: 'A4',
      orientation: 'landscape',
      title: t('print.defaultTitle'),
      subtitle: t('print.defaultSubtitle'),
      author: '',
      scale: 'view',
      grid: 'utm',
      dpi: 150,
    }),
  );
  const [preview, setPreview] = useState<string | null>(null);
  // A check before the hearing: the preview as a viewer with a colour-vision deficiency sees it (preview only).
  const [vision, setVision] = useState<VisionSimulation | ''>('');
  const [busy, setBusy] = useState<{ done: number; total: number } | null>(null);
  const [message, setMessage] = useMessage<{ kind: 'ok' | 'error'; text: string }>();
  const abort = useRef<AbortController | null>(null);
  const atlasLayers = layers.filter((layer) => ATLAS_KINDS.includes(layer.kind));
  const [atlas, setAtlas] = useState<AtlasFilter>({ layerId: atlasLayers[0]?.id ?? '', status: '', regency: '' });

  useEffect(() => {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(settings));
  }, [settings]);

  const update = (patch: Partial<PrintSettings>) => setSettings((current) => ({ ...current, ...patch }));
  const data = {
    layers,
    featuresByLayer,
    standing: standingMap.on,
    backgrounds: {
      shippedBasemap: basemap === 'ntt',
      shown: backgrounds
        .filter((background) => (background.role === 'basemap' ? basemap === background.id : background.visible))
        .map((background) => ({ name: background.name, attribution: background.info.attribution })),
    },
  };
  const selected = selection.map((id) => featureById.get(id)).filter((feature) => feature !== undefined);
  const single = () => [
    { view: currentView(map, settings.scale, selected), title: settings.title, subtitle: settings.subtitle },
  ];

  const run = async (job: (signal: AbortSignal) => Promise<void>) => {
    abort.current = new AbortController();
    setMessage(null);
    setBusy({ done: 0, total: 1 });
    try {
      await job(abort.current.signal);
    } catch (error) {
      setMessage({
        kind: 'error',
        text: error instanceof PrintCancelled ? t('print.cancelled') : t('print.failed', { message: String(error) }),
      });
    } finally {
      setBusy(null);
    }
  };

  const progress = (done: number, total: number) => setBusy({ done, total });

  const showPreview = () =>
    run(async (signal) => {
      const { canvas } = await printSheets(
        map,
        data,
        settings,
        single(),
        { kind: 'preview', widthPx: 720 },
        t,
        locale,
        progress,
        signal,
      );
      setPreview(canvas!.toDataURL('image/png'));
    });

  /** Prints first (a cancel or failure ends here, as a message), then hands the file to the host to save. */
  const printAndSave = async (name: string, kind: 'pdf' | 'png', print: () => Promise<Uint8Array<ArrayBuffer>>) => {
    const bytes = await print();
    const outcome = await saveExport(name, () => ({
      filters: [{ name: kind.toUpperCase(), extensions: [kind] }],
      data: bytes,
    }));
    if (outcome.kind === 'failed') setMessage({ kind: 'error', text: outcome.message });
    return outcome.kind === 'saved' ? outcome.name : null;
  };

  const save = (kind: 'pdf' | 'png') =>
    run(async (signal) => {
      const saved = await printAndSave(`${safeFileName(settings.title, 'peta')}.${kind}`, kind, async () => {
        return (await printSheets(map, data, settings, single(), { kind }, t, locale, progress, signal)).bytes;
      });
      if (saved) setMessage({ kind: 'ok', text: t('print.saved', { name: saved }) });
    });

  const saveAtlas = () =>
    run(async (signal) => {
      const layer = layers.find((candidate) => candidate.id === atlas.layerId);
      if (!layer) return;
      const features = featuresByLayer.get(layer.id) ?? [];
      const requests = atlasRequests(layer, features, atlas, analysis, layers, featuresByLayer, t, locale);
      if (requests.length === 0) {
        setMessage({ kind: 'error', text: t('print.atlasEmpty') });
        return;
      }
      const title = t('print.atlasTitle', { layer: layerLabel(layer, t) });
      const contents = { title, heading: t('print.heading'), label: t('print.contents') };
      const started = performance.now();
      const saved = await printAndSave(`${safeFileName(title, 'atlas')}.pdf`, 'pdf', async () => {
        const output = { kind: 'pdf' as const, contents };
        return (await printSheets(map, data, settings, requests, output, t, locale, progress, signal)).bytes;
      });
      const seconds = formatNumber((performance.now() - started) / 1000, locale, 1);
      if (saved)
        setMessage({ kind: 'ok', text: t('print.atlasSaved', { name: saved, count: requests.length, seconds }) });
    });

  const atlasLayer = atlasLayers.find((layer) => layer.id === atlas.layerId);
  return (
    <dialog
      ref={ref}
      className="print-dialog"
      data-testid="print-dialog"
      onCancel={onClose}
      aria-labelledby="print-title"
    >
      <div className="print-settings">
        <h2 id="print-title">{t('print.title')}</h2>
        <label>
          {t('print.paper')}
          <select
            value={settings.paper}
            data-testid="print-paper"
            onChange={(e) => update({ paper: e.target.value as Paper })}
          >
            <option value="A4">A4</option>
            <option value="A3">A3</option>
          </select>
        </label>
        <label>
          {t('print.orientation')}
          <select
            value={settings.orientation}
            data-testid="print-orientation"
            onChange={(e) => update({ orientation: e.target.value as Orientation })}
          >
            <option value="landscape">{t('print.landscape')}</option>
            <option value="portrait">{t('print.portrait')}</option>
          </select>
        </label>
        {(
          [
            ['title', 'print.mapTitle', 'print-map-title'],
            ['subtitle', 'print.subtitle', 'print-subtitle'],
            ['author', 'print.author', 'print-author'],
          ] as const
        ).map(([key, label, testId]) => (
          <label key={key} className="wide">
            {t(label)}
            <input value={settings[key]} data-testid={testId} onChange={(e) => update({ [key]: e.target.value })} />
          </label>
        ))}
        <label>
          {t('print.scale')}
          <select
            value={String(settings.scale)}
            data-testid="print-scale"
            onChange={(e) => {
              const value = e.target.value;
              update({ scale: value === 'view' || value === 'selection' ? value : Number(value) });
            }}
          >
            <option value="view">{t('print.fitView')}</option>
            <option value="selection" disabled={selected.length === 0}>
              {t('print.fitSelection', { count: selected.length })}
            </option>
            {PRINT_SCALES.map((scale) => (
              <option key={scale} value={scale}>
                1:{formatNumber(scale, locale)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('print.grid')}
          <select
            value={settings.grid}
            data-testid="print-grid"
            onChange={(e) => update({ grid: e.target.value as GridKind })}
          >
            <option value="utm">{t('print.gridUtm')}</option>
            <option value="degrees">{t('print.gridDegrees')}</option>
            <option value="none">{t('print.gridNone')}</option>
          </select>
        </label>
        <label>
          {t('print.resolution')}
          <select
            value={settings.dpi}
            data-testid="print-dpi"
            onChange={(e) => update({ dpi: Number(e.target.value) as 150 | 300 })}
          >
            <option value={150}>150 dpi</option>
            <option value={300}>300 dpi</option>
          </select>
        </label>
        <label className="inline-field wide">
          <input
            type="checkbox"
            checked={settings.marks === true}
            data-testid="print-marks"
            onChange={(e) => update({ marks: e.target.checked })}
          />{' '}
          {t('print.marks')}
        </label>
        <div className="dialog-buttons wide">
          <button type="button" disabled={Boolean(busy)} data-testid="print-preview" onClick={() => void showPreview()}>
            {t('print.preview')}
          </button>
          <button type="button" disabled={Boolean(busy)} data-testid="print-pdf" onClick={() => void save('pdf')}>
            {t('print.savePdf')}
          </button>
          <button type="button" disabled={Boolean(busy)} data-testid="print-png" onClick={() => void save('png')}>
            {t('print.savePng')}
          </button>
        </div>
        <VisionSelect value={vision} onChange={setVision} testId="print-vision" />
        <h3 className="wide">{t('print.atlas')}</h3>
        <label className="wide">
          {t('print.atlasLayer')}
          <select
            value={atlas.layerId}
            data-testid="atlas-layer"
            onChange={(e) => setAtlas({ ...atlas, layerId: e.target.value })}
          >
            {atlasLayers.map((layer) => (
              <option key={layer.id} value={layer.id}>
                {layerLabel(layer, t)}
              </option>
            ))}
          </select>
        </label>
        {atlasLayer?.kind === 'road' && (
          <>
            <label>
              {t('fields.status')}
              <select
                value={atlas.status}
                data-testid="atlas-status"
                onChange={(e) => setAtlas({ ...atlas, status: e.target.value })}
              >
                <option value="">{t('common.all')}</option>
                {['nasional', 'provinsi', 'kabupaten', 'kota', 'desa'].map((status) => (
                  <option key={status} value={status}>
                    {t(`model.status.${status}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('fields.regencyCode')}
              <input
                value={atlas.regency}
                placeholder={t('print.regencyFilter')}
                data-testid="atlas-regency"
                onChange={(e) => setAtlas({ ...atlas, regency: e.target.value })}
              />
            </label>
          </>
        )}
        <div className="dialog-buttons wide">
          <button
            type="button"
            disabled={Boolean(busy) || !atlasLayer}
            data-testid="atlas-pdf"
            onClick={() => void saveAtlas()}
          >
            {t('print.atlasPdf')}
          </button>
        </div>
        {busy && (
          <div className="print-progress wide" role="status" data-testid="print-progress">
            <progress max={busy.total} value={busy.done} />
            {t('print.progress', { done: busy.done, total: busy.total })}
            <button type="button" data-testid="print-cancel" onClick={() => abort.current?.abort()}>
              {t('common.cancel')}
            </button>
          </div>
        )}
        {message && (
          <p
            className={`table-message ${message.kind} wide`}
            role={message.kind === 'error' ? 'alert' : 'status'}
            data-testid="print-message"
          >
            {message.text}
          </p>
        )}
        <div className="dialog-buttons wide">
          <button type="button" data-testid="print-close" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
      <div className="print-preview">
        {preview ? (
          <img
            src={preview}
            alt={t('print.preview')}
            data-testid="print-preview-image"
            style={{ filter: visionFilter(vision) }}
          />
        ) : (
          <p className="muted">{t('print.previewHint')}</p>
        )}
      </div>
    </dialog>
  );
}
