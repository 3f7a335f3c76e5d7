import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf, type Problem } from '#shared/messages/problem';
import { hostsOf, TileServiceSchema, type TileServiceInput } from '#shared/background/tile-service';
import type { ServiceLayer } from '#shared/background/service-capabilities';
import type { Background } from '#shared/model/background';
import { useModalDialog } from '../components/use-modal-dialog';
import { issueText, useProblemText } from '../i18n/problem-text';
import { useStore } from '../state/store-context';

type Kind = 'xyz' | 'wms' | 'wmts';

/** The service the form describes now, or null while it is incomplete. */
function serviceOf(
  kind: Kind,
  address: string,
  tms: boolean,
  layer: ServiceLayer | null,
  attribution: string,
  maxzoom: number,
): TileServiceInput | null {
  const input: TileServiceInput | null =
    kind === 'xyz' ? { kind, template: address.trim(), scheme: tms ? 'tms' : 'xyz' } : (layer?.service ?? null);
  if (!input) return null;
  return { ...input, attribution, maxzoom: Math.min(maxzoom, 22), minzoom: Math.min(input.minzoom ?? 0, maxzoom) };
}

/**
 * Adds an online background: an XYZ/TMS template, or a WMS/WMTS layer picked from its GetCapabilities. Says which
 * hosts Rumija will contact; nothing is contacted before the user asks (reading the capabilities or adding).
 */
export function OnlineServiceDialog({ onClose, onAdded }: { onClose: () => void; onAdded: (name: string) => void }) {
  const { t } = useTranslation();
  const store = useStore();
  const cancel = () => {
    void store.backgrounds.forgetUnusedHosts().catch(() => undefined);
    onClose();
  };
  const ref = useModalDialog();
  const [kind, setKind] = useState<Kind>('xyz');
  const [address, setAddress] = useState('');
  const [tms, setTms] = useState(false);
  const [layers, setLayers] = useState<ServiceLayer[]>([]);
  const [layerId, setLayerId] = useState('');
  const [name, setName] = useState('');
  const [attribution, setAttribution] = useState('');
  const [maxzoom, setMaxzoom] = useState(19);
  const [role, setRole] = useState<Background['role']>('basemap');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const problemText = useProblemText();

  const layer = layers.find((candidate) => candidate.id === layerId) ?? null;
  const service = serviceOf(kind, address, tms, layer, attribution, maxzoom);
  const parsed = service ? TileServiceSchema.safeParse(service) : null;
  const hosts = parsed?.success ? hostsOf(parsed.data) : [];

  const chooseLayer = (id: string, offered = layers) => {
    setLayerId(id);
    const picked = offered.find((candidate) => candidate.id === id);
    if (!picked?.service) return;
    setName(picked.title);
    setAttribution(picked.service.attribution ?? '');
    setMaxzoom(picked.service.maxzoom ?? 19);
  };

  const readCapabilities = async () => {
    if (kind === 'xyz') return;
    setBusy(true);
    setProblem(null);
    try {
      const offered = await store.backgrounds.readCapabilities(kind, address);
      setLayers(offered);
      chooseLayer(offered.find((candidate) => candidate.service)?.id ?? '', offered);
    } catch (error) {
      setLayers([]);
      setProblem(problemOf(error));
    }
    setBusy(false);
  };

  const add = async () => {
    if (!service) return;
    setBusy(true);
    setProblem(null);
    try {
      const added = await store.backgrounds.addOnline(name, role, service);
      onAdded(added.name);
      onClose();
    } catch (error) {
      setProblem(problemOf(error));
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="confirm-dialog export-dialog"
      data-testid="online-service-dialog"
      onCancel={cancel}
      aria-labelledby="online-service-title"
    >
      <h2 id="online-service-title">{t('onlineService.title')}</h2>
      <div className="export-grid">
        <label htmlFor="online-kind">{t('onlineService.kind')}</label>
        <select
          id="online-kind"
          data-testid="online-kind"
          value={kind}
          onChange={(event) => {
            setKind(event.target.value as Kind);
            setLayers([]);
            setLayerId('');
            setProblem(null);
          }}
        >
          <option value="xyz">{t('onlineService.xyz')}</option>
          <option value="wms">WMS</option>
          <option value="wmts">WMTS</option>
        </select>
        <label htmlFor="online-address">{t('onlineService.address')}</label>
        <input
          id="online-address"
          data-testid="online-address"
          type="url"
          spellCheck={false}
          placeholder={kind === 'xyz' ? 'https://tiles.example.org/{z}/{x}/{y}.png' : 'https://geo.example.go.id/wms'}
          value={address}
          onChange={(event) => setAddress(event.target.value)}
        />
        {kind === 'xyz' ? (
          <>
            <span />
            <label className="inline-field">
              <input
                type="checkbox"
                data-testid="online-tms"
                checked={tms}
                onChange={(event) => setTms(event.target.checked)}
              />{' '}
              {t('onlineService.tms')}
            </label>
          </>
        ) : (
          <>
            <span />
            <button
              type="button"
              data-testid="online-read-capabilities"
              disabled={busy || !address.trim()}
              onClick={() => void readCapabilities()}
            >
              {t('onlineService.readCapabilities')}
            </button>
            {layers.length > 0 && (
              <>
                <label htmlFor="online-layer">{t('onlineService.layer')}</label>
                <select
                  id="online-layer"
                  data-testid="online-layer"
                  value={layerId}
                  onChange={(event) => chooseLayer(event.target.value)}
                >
                  {layers.map((offered) => (
                    <option key={offered.id} value={offered.id} disabled={!offered.service}>
                      {offered.title}
                      {offered.problem ? ` — ${problemText(offered.problem)}` : ''}
                    </option>
                  ))}
                </select>
              </>
            )}
          </>
        )}
        <label htmlFor="online-name">{t('onlineService.name')}</label>
        <input id="online-name" data-testid="online-name" value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="online-attribution">{t('onlineService.attribution')}</label>
        <input
          id="online-attribution"
          data-testid="online-attribution"
          value={attribution}
          onChange={(event) => setAttribution(event.target.value)}
        />
        <label htmlFor="online-maxzoom">{t('onlineService.maxzoom')}</label>
        <input
          id="online-maxzoom"
          data-testid="online-maxzoom"
          type="number"
          min={0}
          max={22}
          value={maxzoom}
          onChange={(event) => setMaxzoom(Math.max(0, Math.min(22, Math.round(Number(event.target.value) || 0))))}
        />
        <label htmlFor="online-role">{t('onlineService.role')}</label>
        <select
          id="online-role"
          data-testid="online-role"
          value={role}
          onChange={(event) => setRole(event.target.value as Background['role'])}
        >
          <option value="basemap">{t('backgrounds.asBasemap')}</option>
          <option value="overlay">{t('backgrounds.asOverlay')}</option>
        </select>
      </div>
      <p className="export-hint" data-testid="online-hosts">
        {hosts.length > 0 ? t('onlineService.hosts', { hosts: hosts.join(', ') }) : t('onlineService.nothingYet')}
      </p>
      {parsed && !parsed.success && address.trim() && (
        <p className="table-message error" role="alert" data-testid="online-invalid">
          {parsed.error.issues.map((issue) => issueText(issue.message, t)).join('; ')}
        </p>
      )}
      {problem && (
        <p className="table-message error" role="alert" data-testid="online-problem">
          {problemText(problem)}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" data-testid="online-cancel" onClick={cancel}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="online-add"
          disabled={busy || !parsed?.success}
          onClick={() => void add()}
        >
          {t('onlineService.add')}
        </button>
      </div>
    </dialog>
  );
}
