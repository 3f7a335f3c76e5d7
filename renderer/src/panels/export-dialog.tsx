import { useState } from 'react';
import { useModalDialog } from '../components/use-modal-dialog';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { StoredFeature } from '#shared/model/layer';
import type { ExportLayer, FileFormat, FormatId } from '#shared/io/formats/file-format';
import type { CsvLayout } from '#shared/io/export-layer';
import { EXPORT_FORMATS, PROJECT_FORMATS, formatById } from '#shared/io/formats/registry';
import { safeFileName } from '#shared/format/file-name';
import { formatNumber } from '#shared/format/format-number';
import { saveExport } from '../platform/save-export';
import { exportColumnSpec, type ColumnNaming } from '../format/export-columns';
import type { LayerKind } from '#shared/model/layer';
import { exportLayerInWorker, exportProjectInWorker } from '../workers/run-export';
import { useSnapshot } from '../state/store-context';
import type { Problem } from '#shared/messages/problem';
import { problemText } from '../i18n/problem-text';

interface ExportScope {
  id: string;
  label: string;
  features: readonly StoredFeature[];
}

/** What is exported: one layer (a scope picked from its rows, filtered view or selection) or the whole project. */
export type ExportSubject =
  | {
      kind: 'layer';
      /** The stored name, which names the file; `label` is what the user reads in the title. */
      name: string;
      label: string;
      layerKind: LayerKind;
      styleBy: 'status' | 'condition';
      scopes: ExportScope[];
    }
  | { kind: 'project'; name: string; layers: ExportLayer[] };

/** Worded when drawn, so the sentence follows a language switch made after the export (#31). */
export type ExportResult = { kind: 'ok' | 'error'; words: (t: TFunction) => string };

/**
 * The export dialog: format, what to export, column names (labels in the UI language or field codes) and, for CSV,
 * the separator and decimal mark (Indonesian Excel: `;` and `,`). Ends in one message: saved with notes, or why not.
 */
export function ExportDialog({
  subject,
  onClose,
  onDone,
}: {
  subject: ExportSubject;
  onClose: () => void;
  onDone: (result: ExportResult) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'id';
  const ref = useModalDialog();
  const formats: readonly FileFormat[] = subject.kind === 'layer' ? EXPORT_FORMATS : PROJECT_FORMATS;
  const [formatId, setFormatId] = useState<FormatId>(formats[0]!.id);
  const [scopeId, setScopeId] = useState(subject.kind === 'layer' ? subject.scopes[0]!.id : '');
  const [naming, setNaming] = useState<ColumnNaming>('labels');
  // Rumija's feature id and kind mean nothing to another agency's GIS: they leave only when asked.
  const [internal, setInternal] = useState(false);
  const [lonLat, setLonLat] = useState(false);
  const [csv, setCsv] = useState<CsvLayout>(
    locale === 'id' ? { separator: ';', decimal: ',' } : { separator: ',', decimal: '.' },
  );
  const [busy, setBusy] = useState(false);
  const kind = subject.kind === 'layer' ? subject.layerKind : 'road';
  const zones = useSnapshot().analysis.resultByAsset;
  const format = formatById(formatId);
  // Google Earth draws assets by their analysed zone, as the map does (#38); only its formats need the zones.
  const zonesFor = () =>
    format.id === 'kml' || format.id === 'kmz'
      ? Object.fromEntries([...zones].map(([id, result]) => [id, result.zone]))
      : undefined;
  const scope = subject.kind === 'layer' ? subject.scopes.find((s) => s.id === scopeId)! : null;
  const count = scope
    ? scope.features.length
    : subject.kind === 'project'
      ? subject.layers.reduce((n, l) => n + l.features.length, 0)
      : 0;

  const save = async () => {
    setBusy(true);
    const extension = format.extensions[0]!;
    let notes: Problem[] = [];
    const options = {
      name: subject.name,
      columns: exportColumnSpec(naming, t, { internal, lonLat: lonLat && hasLonLat(formatId) }),
      csv,
      styleBy: subject.kind === 'layer' ? subject.styleBy : undefined,
      zones: zonesFor(),
    };
    const outcome = await saveExport(`${safeFileName(subject.name)}.${extension}`, async () => {
      const output =
        subject.kind === 'layer'
          ? await exportLayerInWorker(format.id, scope!.features, options)
          : await exportProjectInWorker(format.id, subject.layers, options);
      notes = output.notes;
      return { filters: [{ name: format.label, extensions: [extension] }], data: output.data };
    });
    setBusy(false);
    if (outcome.kind === 'cancelled') return;
    if (outcome.kind === 'failed') onDone({ kind: 'error', words: () => outcome.message });
    else
      onDone({
        kind: 'ok',
        words: (t) =>
          [t('exportDialog.saved', { count, name: outcome.name }), ...notes.map((note) => problemText(note, t))].join(
            ' — ',
          ),
      });
    onClose();
  };

  return (
    <dialog
      ref={ref}
      className="confirm-dialog export-dialog"
      data-testid="export-dialog"
      onCancel={onClose}
      aria-labelledby="export-title"
    >
      <h2 id="export-title">
        {subject.kind === 'layer'
          ? t('exportDialog.titleLayer', { name: subject.label })
          : t('exportDialog.titleProject')}
      </h2>
      <div className="export-grid">
        <label htmlFor="export-format">{t('exportDialog.format')}</label>
        <select
          id="export-format"
          data-testid="export-format"
          value={formatId}
          onChange={(event) => setFormatId(event.target.value as FormatId)}
        >
          {formats.map((option) => (
            <option key={option.id} value={option.id}>
              {option.exportLabel ?? option.label} (.{option.extensions[0]})
            </option>
          ))}
        </select>
        {subject.kind === 'layer' && (
          <>
            <label htmlFor="export-scope">{t('exportDialog.scope')}</label>
            <select
              id="export-scope"
              data-testid="export-scope"
              value={scopeId}
              onChange={(event) => setScopeId(event.target.value)}
            >
              {subject.scopes.map((option) => (
                <option key={option.id} value={option.id} disabled={option.features.length === 0}>
                  {option.label} ({formatNumber(option.features.length, locale)})
                </option>
              ))}
            </select>
          </>
        )}
        <label htmlFor="export-columns">{t('exportDialog.columns')}</label>
        <select
          id="export-columns"
          data-testid="export-columns"
          value={naming}
          onChange={(event) => setNaming(event.target.value as ColumnNaming)}
        >
          <option value="labels">{t('exportDialog.labels', { examples: namingExamples(t, kind, 'labels') })}</option>
          <option value="codes">{t('exportDialog.codes', { examples: namingExamples(t, kind, 'codes') })}</option>
        </select>
        <span />
        <label className="export-internal">
          <input
            type="checkbox"
            data-testid="export-internal"
            checked={internal}
            onChange={(event) => setInternal(event.target.checked)}
          />
          {t('exportDialog.internal')}
        </label>
        {hasLonLat(formatId) && (
          <>
            <span />
            <label className="export-internal">
              <input
                type="checkbox"
                data-testid="export-lonlat"
                checked={lonLat}
                onChange={(event) => setLonLat(event.target.checked)}
              />
              {t('exportDialog.lonLat')}
            </label>
          </>
        )}
        {formatId === 'csv' && (
          <>
            <label htmlFor="export-separator">{t('exportDialog.separator')}</label>
            <select
              id="export-separator"
              data-testid="export-csv-separator"
              value={csv.separator}
              onChange={(event) => setCsv({ ...csv, separator: event.target.value as CsvLayout['separator'] })}
            >
              <option value=";">{t('exportDialog.semicolon')}</option>
              <option value=",">{t('exportDialog.comma')}</option>
              <option value={'\t'}>{t('exportDialog.tab')}</option>
            </select>
            <label htmlFor="export-decimal">{t('exportDialog.decimal')}</label>
            <select
              id="export-decimal"
              data-testid="export-csv-decimal"
              value={csv.decimal}
              onChange={(event) => setCsv({ ...csv, decimal: event.target.value as CsvLayout['decimal'] })}
            >
              <option value=",">{t('exportDialog.decimalComma')}</option>
              <option value=".">{t('exportDialog.decimalPoint')}</option>
            </select>
          </>
        )}
      </div>
      <p className="export-hint" data-testid="export-hint">
        {t(`exportDialog.hint.${formatId}`, { defaultValue: '' })}
        {formatId === 'csv' && csv.separator === csv.decimal && ` ${t('exportDialog.sameMarks')}`}
      </p>
      <div className="dialog-buttons">
        <button type="button" data-testid="export-cancel" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="export-save"
          disabled={busy || count === 0 || (formatId === 'csv' && csv.separator === csv.decimal)}
          onClick={() => void save()}
        >
          {busy ? t('exportDialog.saving') : t('exportDialog.save', { count })}
        </button>
      </div>
    </dialog>
  );
}

/** Spreadsheet formats, where a reader wants a point's place as numbers beside the WKT. */
const hasLonLat = (formatId: FormatId) => formatId === 'csv' || formatId === 'xlsx';

/** A field and a value of the layer's own kind, so the naming choice shows what its columns will look like. */
const NAMING_EXAMPLES: Partial<Record<LayerKind, [field: string, group: string, value: string]>> = {
  road: ['ruasNumber', 'condition', 'rusak_berat'],
  bridge: ['lengthM', 'condition', 'rusak_berat'],
  asset: ['category', 'category', 'tiang_listrik'],
};

function namingExamples(t: TFunction, kind: LayerKind, naming: ColumnNaming): string {
  const example = NAMING_EXAMPLES[kind];
  // Plain and corridor layers keep the columns their file brought: only the app's own fields are renamed.
  if (!example) return naming === 'labels' ? `"${t('fields.name')}"` : 'name';
  const [field, group, value] = example;
  return naming === 'labels' ? `"${t(`fields.${field}`)}", "${t(`model.${group}.${value}`)}"` : `${field}, ${value}`;
}
