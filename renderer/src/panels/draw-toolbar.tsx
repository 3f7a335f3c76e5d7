import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMeasuredArea, formatMeasuredLength, type Locale } from '#shared/format/format-number';
import { useEditSession, type DrawTool, type EditSession } from '../state/edit-session';
import { useSnapshot } from '../state/store-context';

const DRAW_TOOLS: { id: string; tool: DrawTool }[] = [
  { id: 'road', tool: { action: 'draw', kind: 'road', geometry: 'LineString' } },
  { id: 'bridge', tool: { action: 'draw', kind: 'bridge', geometry: 'Point' } },
];
/** Tools of one kind in three shapes, behind one button so the toolbar fits on one row at 1366 px. */
const TOOL_MENUS: { id: string; tools: { id: string; tool: DrawTool }[] }[] = [
  {
    id: 'asset',
    tools: [
      { id: 'asset-point', tool: { action: 'draw', kind: 'asset', geometry: 'Point' } },
      { id: 'asset-line', tool: { action: 'draw', kind: 'asset', geometry: 'LineString' } },
      { id: 'asset-area', tool: { action: 'draw', kind: 'asset', geometry: 'Polygon' } },
    ],
  },
  {
    id: 'note',
    tools: [
      { id: 'note-point', tool: { action: 'draw', kind: 'annotation', geometry: 'Point' } },
      { id: 'note-line', tool: { action: 'draw', kind: 'annotation', geometry: 'LineString' } },
      { id: 'note-area', tool: { action: 'draw', kind: 'annotation', geometry: 'Polygon' } },
    ],
  },
];
const MEASURE_TOOLS: { id: string; tool: DrawTool }[] = [
  { id: 'measure-line', tool: { action: 'measure', geometry: 'LineString' } },
  { id: 'measure-area', tool: { action: 'measure', geometry: 'Polygon' } },
];

/** How long a message stays when nobody closes it. */
const INFO_SHOWN_MS = 10_000;
const ERROR_SHOWN_MS = 30_000;

const toolKey = (tool: DrawTool | null) => (tool ? JSON.stringify(tool) : '');

/** The hint for the tool in use: what a click does and how to finish or leave. */
function hintKey(tool: DrawTool): string {
  if (tool.action === 'draw' || tool.action === 'measure') return `draw.hint.${tool.geometry}`;
  return `draw.hint.${tool.action}`;
}

/** Drawing, measuring and editing tools over the map, with the live measurement and the hint of the tool in use. */
export function DrawToolbar({
  session,
  onDelete,
}: {
  session: EditSession;
  /** Deletes the selection, asking first when it holds more than a few features. */
  onDelete: (ids: readonly string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = (i18n.language === 'en' ? 'en' : 'id') as Locale;
  const { selection } = useSnapshot();
  const { tool, measurement, message } = useEditSession(session);
  // A message that needs no answer leaves by itself: news after a while, a problem after time to read it.
  useEffect(() => {
    if (!message) return;
    const timer = window.setTimeout(
      () => session.dismiss(message.serial),
      message.tone === 'info' ? INFO_SHOWN_MS : ERROR_SHOWN_MS,
    );
    return () => window.clearTimeout(timer);
  }, [message, session]);
  const active = toolKey(tool);

  const [openMenu, setOpenMenu] = useState<string | null>(null);
  const toggle = (next: DrawTool) => {
    setOpenMenu(null);
    session.setTool(active === toolKey(next) ? null : next);
  };
  const menu = ({ id, tools }: (typeof TOOL_MENUS)[number]) => {
    const chosen = tools.find((candidate) => active === toolKey(candidate.tool));
    return (
      <span key={id} className="tool-menu">
        <button
          type="button"
          data-testid={`tool-menu-${id}`}
          aria-haspopup="menu"
          aria-expanded={openMenu === id}
          aria-pressed={Boolean(chosen)}
          onClick={() => setOpenMenu(openMenu === id ? null : id)}
        >
          {chosen ? t(`draw.tool.${chosen.id}`) : t(`draw.menu.${id}`)} ▾
        </button>
        {openMenu === id && (
          <span className="tool-menu-list" role="menu">
            {tools.map(button)}
          </span>
        )}
      </span>
    );
  };
  const button = ({ id, tool: candidate }: { id: string; tool: DrawTool }) => (
    <button
      key={id}
      type="button"
      data-testid={`tool-${id}`}
      aria-pressed={active === toolKey(candidate)}
      onClick={() => toggle(candidate)}
    >
      {t(`draw.tool.${id}`)}
    </button>
  );

  return (
    <div className="draw-toolbar" data-testid="draw-toolbar">
      <div className="tool-row" role="toolbar" aria-label={t('draw.title')}>
        <span className="tool-group-label">{t('draw.drawLabel')}</span>
        {DRAW_TOOLS.map(button)}
        {TOOL_MENUS.map(menu)}
        <span className="tool-group-label">{t('draw.measureLabel')}</span>
        {MEASURE_TOOLS.map(button)}
        <span className="tool-group-label">{t('draw.editLabel')}</span>
        <button
          type="button"
          data-testid="tool-edit"
          disabled={selection.length !== 1 && tool?.action !== 'edit'}
          aria-pressed={tool?.action === 'edit'}
          onClick={() =>
            tool?.action === 'edit'
              ? session.setTool(null)
              : selection[0] && session.setTool({ action: 'edit', featureId: selection[0] })
          }
        >
          {t('draw.tool.edit')}
        </button>
        {button({ id: 'split', tool: { action: 'split' } })}
        <button
          type="button"
          data-testid="tool-delete"
          disabled={selection.length === 0}
          title={t('draw.deleteHint')}
          onClick={() => onDelete(selection)}
        >
          {t('draw.tool.delete', { count: selection.length })}
        </button>
      </div>
      {/* Hangs over the map, so the map does not move under the pointer while drawing. */}
      <div className="tool-overlay">
        {tool && (
          <div className="tool-status" role="status" data-testid="tool-status">
            <span>{t(hintKey(tool))}</span>
            {measurement && (
              <strong className="measure-readout" data-testid="measure-readout">
                {measurement.areaM2 === null
                  ? t('draw.length', { value: formatMeasuredLength(measurement.lengthM, locale) })
                  : `${t('draw.area', { value: formatMeasuredArea(measurement.areaM2, locale) })} · ${t('draw.perimeter', { value: formatMeasuredLength(measurement.lengthM, locale) })}`}
              </strong>
            )}
            {tool.action === 'edit' && (
              <button type="button" className="primary" data-testid="edit-done" onClick={() => session.requestFinish()}>
                {t('draw.done')}
              </button>
            )}
            <button type="button" data-testid="tool-cancel" onClick={() => session.setTool(null)}>
              {t('draw.close')}
            </button>
          </div>
        )}
        {message && (
          <div className={`tool-message ${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
            <span data-testid="tool-message">{message.words(t)}</span>
            <button
              type="button"
              className="message-close"
              aria-label={t('draw.closeMessage')}
              data-testid="tool-message-close"
              onClick={() => session.dismiss(message.serial)}
            >
              ×
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
