import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  fieldsOfKind,
  fieldsOfPlainFeatures,
  parseFieldInput,
  REGENCY_CODES,
  type FieldDefinition,
} from '#shared/model/feature-fields';
import { formatNumber, type Locale } from '#shared/format/format-number';
import type { FeatureKind } from '#shared/model/road-network';
import type { StoredFeature } from '#shared/model/layer';
import { regencyName } from '#shared/model/regencies';
import { formatFieldValue, sortValueOf } from '../format/field-format';
import { sortKeyOf } from '#shared/format/sort-key';
import { useSnapshot, useStore } from '../state/store-context';
import { ExportDialog } from './export-dialog';
import { patchRows } from '#shared/table/patch-rows';
import { layerLabel } from '../format/layer-label';
import { numberInputMessage } from '../format/number-input-message';
import { parseColumnFilter, type RowTest } from '#shared/table/column-filter';
import { toTsv } from '#shared/format/spreadsheet-text';
import { boundsOverlap, geometryBounds } from '#shared/geo/positions-of';
import { useMapBounds } from '../map/use-map-bounds';
import { BulkEditForm, CalculatedColumnForm, saveErrorMessage, type TableMessage } from './table-tools';
import { readField } from '#shared/model/field-value';
import { ResizeHandle } from '../layout/resize-handle';
import { clampSize, readStoredSize, writeStoredSize } from '../layout/stored-size';

const TABLE_HEIGHT_KEY = 'rumija.layout.tableHeight';
const TABLE_MAXIMISED_KEY = 'rumija.layout.tableMaximised';
const TABLE_MIN = 160;
/** The map keeps a strip this high (with its toolbar) however big the table gets. */
const MAP_STRIP = 120;
const tableMax = (workspace: HTMLElement | null | undefined) =>
  Math.max(TABLE_MIN, (workspace?.clientHeight ?? window.innerHeight) - MAP_STRIP);

const ROW_HEIGHT = 30;
type Sort = { key: string; direction: 1 | -1 } | null;
type Editing = { featureId: string; key: string } | null;

function columnWidth(field: FieldDefinition): number {
  if (field.key === 'name' || field.key === 'note' || field.key === 'owner') return 260;
  if (field.type === 'regency' || field.type === 'source') return 200;
  if (field.type === 'enum') return 150;
  return 120;
}

/**
 * Formats cells, each distinct plain value of a field once: 200 000 rows repeat the same statuses, conditions and
 * regencies, and each formatting is a translation lookup (~40 µs).
 */
function cachedFormatter(t: TFunction, locale: Locale) {
  const byField = new Map<string, Map<unknown, string>>();
  return (field: FieldDefinition, value: unknown) => {
    if (typeof value === 'object' && value !== null) return formatFieldValue(field, value, t, locale);
    let known = byField.get(field.key);
    if (!known) byField.set(field.key, (known = new Map()));
    let text = known.get(value);
    if (text === undefined) known.set(value, (text = formatFieldValue(field, value, t, locale)));
    return text;
  };
}

/** One lower-case string per feature with every formatted value, for the search box. */
function searchTextOf(
  feature: StoredFeature,
  fields: FieldDefinition[],
  format: (field: FieldDefinition, value: unknown) => string,
) {
  return fields
    .map((field) => format(field, readField(feature.properties, field.key)))
    .join('\u0001')
    .toLowerCase();
}

function CellEditor({
  field,
  initial,
  onCommit,
  onCancel,
}: {
  field: FieldDefinition;
  initial: unknown;
  onCommit: (input: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLSelectElement>) => {
    if (event.key === 'Enter') onCommit((event.target as HTMLInputElement).value);
    if (event.key === 'Escape') onCancel();
  };
  const common = {
    autoFocus: true,
    className: 'cell-editor',
    'data-testid': 'cell-editor',
    onKeyDown,
    onBlur: onCancel,
  };
  if (field.type === 'enum' || field.type === 'regency' || field.type === 'boolean') {
    const options =
      field.type === 'enum'
        ? field.options.map((value) => [value, t(`model.${field.labels}.${value}`)])
        : field.type === 'regency'
          ? REGENCY_CODES.map((code) => [code, regencyName(code)])
          : [
              ['true', t('common.yes')],
              ['false', t('common.no')],
            ];
    const nullable = field.type !== 'boolean' && (field.nullable ?? false);
    return (
      <select
        {...common}
        defaultValue={initial === null || initial === undefined ? '' : String(initial)}
        onChange={(event) => onCommit(event.target.value)}
      >
        {nullable && <option value="">{t('common.none')}</option>}
        {options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input {...common} type="text" defaultValue={initial === null || initial === undefined ? '' : String(initial)} />
  );
}

const NO_FEATURES: readonly StoredFeature[] = [];

/** Extra columns whose values are all numbers (a calculated column, a number column of a file). */
function numberColumns(features: readonly StoredFeature[], fields: readonly FieldDefinition[]): Set<string> {
  const sample = features.slice(0, 1000);
  return new Set(
    fields
      .filter((field) => field.type === 'number' || field.type === 'count' || field.type === 'text')
      .filter(
        (field) =>
          field.type !== 'text' ||
          (sample.some((feature) => typeof readField(feature.properties, field.key) === 'number') &&
            sample.every((feature) => {
              const value = readField(feature.properties, field.key);
              return value === null || value === undefined || typeof value === 'number';
            })),
      )
      .map((field) => field.key),
  );
}

/** A cell as a spreadsheet should get it: numbers as numbers, everything else as the text the table shows. */
function spreadsheetValue(field: FieldDefinition, value: unknown, t: TFunction, locale: Locale) {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return value;
  return formatFieldValue(field, value, t, locale);
}

/** Empty and text keys before numbers, numbers by value, texts as made by `sortKeyOf` (no allocation: 200 000 rows). */
function compareSortKeys(x: string | number, y: string | number): number {
  if (typeof x === 'number') return typeof y === 'number' ? x - y : 1;
  if (typeof y === 'number') return -1;
  return x < y ? -1 : x > y ? 1 : 0;
}

export function AttributeTable({
  layerId,
  map,
  onClose,
}: {
  layerId: string;
  map: MapLibreMap | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'id';
  const store = useStore();
  const { layers, featuresByLayer, featureById, selection, featurePatch } = useSnapshot();
  const layer = layers.find((candidate) => candidate.id === layerId);
  const features = useMemo(() => featuresByLayer.get(layerId) ?? NO_FEATURES, [featuresByLayer, layerId]);
  const fields = useMemo(() => {
    const kind = layer?.kind as FeatureKind | 'plain' | undefined;
    return kind && kind !== 'plain'
      ? fieldsOfKind(
          kind,
          features.slice(0, 1000).map((f) => f.properties),
        )
      : fieldsOfPlainFeatures(features.slice(0, 1000).map((f) => f.properties));
  }, [layer?.kind, features]);

  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [sort, setSort] = useState<Sort>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState<TableMessage | null>(null);
  const numeric = useMemo(() => numberColumns(features, fields), [features, fields]);
  const isNumeric = (field: FieldDefinition) => numeric.has(field.key);
  // Keyed by field name in a Map: a file's column may be called `constructor`.
  const [columnFilters, setColumnFilters] = useState<ReadonlyMap<string, string>>(new Map());
  const [onlyInView, setOnlyInView] = useState(false);
  const [tool, setTool] = useState<'bulk' | 'calculate' | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const [storedHeight, setStoredHeight] = useState(() => readStoredSize(TABLE_HEIGHT_KEY));
  const [maximised, setMaximised] = useState(() => localStorage.getItem(TABLE_MAXIMISED_KEY) === 'on');
  const maxHeight = tableMax(sectionRef.current?.parentElement);
  const height = storedHeight === null ? null : clampSize(storedHeight, TABLE_MIN, maxHeight);
  const resizeTable = (next: number) => {
    setMaximised(false);
    localStorage.removeItem(TABLE_MAXIMISED_KEY);
    setStoredHeight(next);
    writeStoredSize(TABLE_HEIGHT_KEY, next);
  };
  const toggleMaximised = () => {
    const next = !maximised;
    setMaximised(next);
    if (next) localStorage.setItem(TABLE_MAXIMISED_KEY, 'on');
    else localStorage.removeItem(TABLE_MAXIMISED_KEY);
  };
  // The map shares the column with the table: keep its canvas the size of what is left.
  useEffect(() => {
    map?.resize();
  }, [map, height, maximised]);
  const view = useMapBounds(map, onlyInView);
  // The row a shift-click extends a selection from.
  const anchor = useRef<string | null>(null);

  // Each typed column filter, read once per change: a test for the rows, or why it cannot be read.
  const parsedFilters = useMemo(() => {
    const tests: [FieldDefinition, RowTest][] = [];
    const problems = new Map<string, string>();
    for (const field of fields) {
      const filter = parseColumnFilter(columnFilters.get(field.key) ?? '', numeric.has(field.key), locale);
      if (filter?.ok) tests.push([field, filter.test]);
      else if (filter) problems.set(field.key, numberInputMessage(filter.reading, t));
    }
    return { tests, problems };
  }, [fields, columnFilters, numeric, locale, t]);
  const [exporting, setExporting] = useState(false);

  // Search texts per properties object, per columns and language: made when first searched, and after an edit
  // only the edited feature's again (formatting every cell of 200 000 rows took seconds at each keystroke and edit).
  const searchTexts = useRef(new Map<string, WeakMap<object, string>>());
  const searchTextOfFeature = useMemo(() => {
    const cacheKey = `${fields.map((field) => field.key).join('\u0001')}|${locale}`;
    let cache = searchTexts.current.get(cacheKey);
    if (!cache) searchTexts.current.set(cacheKey, (cache = new WeakMap()));
    const known = cache;
    const format = cachedFormatter(t, locale);
    return (feature: StoredFeature) => {
      let text = known.get(feature.properties);
      if (text === undefined) known.set(feature.properties, (text = searchTextOf(feature, fields, format)));
      return text;
    };
  }, [fields, t, locale]);

  // Sort keys per field and language, kept per properties object: after an edit one key is made again, not 200 000.
  const sortKeys = useRef(new Map<string, WeakMap<object, string | number>>());
  // The last rows worked out and what they were worked out from: an edit of a few features patches them.
  const lastRows = useRef<{ features: readonly StoredFeature[]; rows: StoredFeature[]; query: unknown[] } | null>(null);
  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const activeFilters = Object.entries(filters).filter(([, value]) => value !== '');
    const passes = (feature: StoredFeature) => {
      if (needle && !searchTextOfFeature(feature).includes(needle)) return false;
      const properties = feature.properties;
      if (activeFilters.some(([key, value]) => String(readField(properties, key) ?? '') !== value)) return false;
      if (
        parsedFilters.tests.some(
          ([field, test]) =>
            !test(readField(properties, field.key), () =>
              formatFieldValue(field, readField(properties, field.key), t, locale),
            ),
        )
      )
        return false;
      return !view || boundsOverlap(geometryBounds(feature.geometry), view);
    };
    let keyOf: ((properties: StoredFeature['properties']) => string | number) | null = null;
    if (sort) {
      const field = fields.find((candidate) => candidate.key === sort.key)!;
      const cacheKey = `${sort.key}|${locale}`;
      const cached = sortKeys.current.get(cacheKey) ?? new WeakMap<object, string | number>();
      sortKeys.current.set(cacheKey, cached);
      keyOf = (properties) => {
        let key = cached.get(properties);
        if (key === undefined) {
          key = sortKeyOf(sortValueOf(field, readField(properties, sort.key), t, locale));
          cached.set(properties, key);
        }
        return key;
      };
    }
    const query = [searchTextOfFeature, search, filters, parsedFilters, view, sort, fields, t, locale];
    const last = lastRows.current;
    const direction = sort?.direction ?? 1;
    if (
      last &&
      featurePatch &&
      featurePatch.ids.size <= 256 &&
      featurePatch.base.get(layerId) === last.features &&
      query.every((value, index) => value === last.query[index])
    ) {
      const patched = patchRows(
        last.rows,
        featurePatch.ids,
        (id) => {
          const feature = featureById.get(id);
          return feature?.layerId === layerId ? feature : undefined;
        },
        passes,
        keyOf ? (a, b) => compareSortKeys(keyOf(a.properties), keyOf(b.properties)) * direction : null,
      );
      if (patched) {
        lastRows.current = { features, rows: patched, query };
        return patched;
      }
    }
    const indices: number[] = [];
    for (let i = 0; i < features.length; i++) if (passes(features[i]!)) indices.push(i);
    if (keyOf) {
      const keys: (string | number)[] = new Array(features.length);
      for (const i of indices) keys[i] = keyOf(features[i]!.properties);
      indices.sort((a, b) => compareSortKeys(keys[a]!, keys[b]!) * direction);
    }
    const worked = indices.map((i) => features[i]!);
    lastRows.current = { features, rows: worked, query };
    return worked;
    // featurePatch and featureById come with `features` (one snapshot); they are read, not reasons to work again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [features, searchTextOfFeature, search, filters, parsedFilters, view, sort, fields, t, locale]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const selected = useMemo(() => new Set(selection), [selection]);
  // From the selection, not by scanning the layer: a click on a row of 200 000 stays cheap.
  const selectedHere = useMemo(
    () =>
      selection.flatMap((id) => {
        const feature = featureById.get(id);
        return feature?.layerId === layerId ? [feature] : [];
      }),
    [selection, featureById, layerId],
  );

  /** A click selects the row; Ctrl+click adds or takes it away, Shift+click selects the rows in between. */
  const clickRow = (event: MouseEvent, feature: StoredFeature) => {
    if (event.ctrlKey || event.metaKey) {
      store.selection.select(
        selected.has(feature.id) ? selection.filter((id) => id !== feature.id) : [...selection, feature.id],
      );
    } else if (event.shiftKey && anchor.current) {
      const from = rows.findIndex((row) => row.id === anchor.current);
      const to = rows.indexOf(feature);
      if (from >= 0) {
        store.selection.select(rows.slice(Math.min(from, to), Math.max(from, to) + 1).map((row) => row.id));
        return;
      }
    } else store.selection.select([feature.id], { zoom: true });
    anchor.current = feature.id;
  };

  const copyRows = async () => {
    const ordered = rows.filter((feature) => selected.has(feature.id));
    const text = toTsv(
      [
        fields.map((field) => t(`fields.${field.key}`, { defaultValue: field.key })),
        ...ordered.map((feature) =>
          fields.map((field) => spreadsheetValue(field, readField(feature.properties, field.key), t, locale)),
        ),
      ],
      locale,
    );
    try {
      await navigator.clipboard.writeText(text);
      setMessage({ kind: 'ok', words: (t) => t('table.copied', { count: ordered.length }) });
    } catch (error) {
      setMessage({ kind: 'error', words: (t) => t('table.copyFailed', { message: String(error) }) });
    }
  };
  const gridTemplate = fields.map((field) => `${columnWidth(field)}px`).join(' ');
  const totalWidth = fields.reduce((sum, field) => sum + columnWidth(field), 0);

  const toggleSort = (key: string) =>
    setSort((current) =>
      current?.key !== key ? { key, direction: 1 } : current.direction === 1 ? { key, direction: -1 } : null,
    );

  const commit = async (feature: StoredFeature, field: FieldDefinition, input: string) => {
    try {
      const value = parseFieldInput(field, input, locale);
      if (value === readField(feature.properties, field.key)) {
        setEditing(null);
        return;
      }
      await store.document.editProperties(feature.id, { [field.key]: value });
      setEditing(null);
      setMessage({ kind: 'ok', words: (t) => t('table.saved') });
    } catch (error) {
      setMessage({ kind: 'error', words: (t) => t('table.invalid', { message: saveErrorMessage(error, t) }) });
    }
  };

  if (!layer) return null;
  const countText =
    t('table.rows', { shown: formatNumber(rows.length, locale), total: formatNumber(features.length, locale) }) +
    // Only this layer's selection: features selected on another layer are not rows here.
    (selectedHere.length > 0 ? ` · ${t('table.selected', { count: selectedHere.length })}` : '');
  return (
    <section
      ref={sectionRef}
      className={`attribute-table${maximised ? ' maximised' : ''}`}
      data-testid="attribute-table"
      aria-label={t('table.title', { layer: layerLabel(layer, t) })}
      style={maximised || height === null ? undefined : { height }}
    >
      <ResizeHandle
        orientation="horizontal"
        value={maximised ? maxHeight : (height ?? sectionRef.current?.offsetHeight ?? TABLE_MIN)}
        min={TABLE_MIN}
        max={maxHeight}
        grows="up"
        label={t('layout.tableHandle')}
        onResize={resizeTable}
        testId="table-resize"
      />
      <header className="table-toolbar">
        <h2 title={t('table.title', { layer: layerLabel(layer, t) })}>
          {t('table.title', { layer: layerLabel(layer, t) })}
        </h2>
        <input
          type="search"
          placeholder={t('table.search')}
          value={search}
          data-testid="table-search"
          onChange={(event) => setSearch(event.target.value)}
        />
        <span className="table-count" data-testid="table-count" title={countText}>
          {countText}
        </span>
        <button
          type="button"
          data-testid="table-zoom-filtered"
          disabled={rows.length === 0}
          onClick={() =>
            store.selection.select(
              rows.map((feature) => feature!.id),
              { zoom: true },
            )
          }
        >
          {t('table.zoomToFiltered')}
        </button>
        <button type="button" data-testid="table-export" onClick={() => setExporting(true)}>
          {t('table.export')}
        </button>
        <button
          type="button"
          className="maximise"
          aria-pressed={maximised}
          aria-label={t(maximised ? 'layout.restoreTable' : 'layout.maximiseTable')}
          title={t(maximised ? 'layout.restoreTable' : 'layout.maximiseTable')}
          data-testid="table-maximise"
          onClick={toggleMaximised}
        >
          {maximised ? '▼' : '▲'}
        </button>
        <button
          type="button"
          className="close"
          aria-label={t('common.close')}
          data-testid="table-close"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      {/* Floats over the rows: a message that comes or goes must not move the rows under a double click. */}
      {message && (
        <p
          className={`table-message ${message.kind}`}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="table-message"
        >
          {message.words(t, locale)}
        </p>
      )}
      <div className="table-tools">
        <label className="inline-check">
          <input
            type="checkbox"
            checked={onlyInView}
            data-testid="table-only-in-view"
            disabled={!map}
            onChange={(event) => setOnlyInView(event.target.checked)}
          />
          {t('table.onlyInView')}
        </label>
        <button
          type="button"
          data-testid="table-copy"
          disabled={selectedHere.length === 0}
          onClick={() => void copyRows()}
        >
          {t('table.copy', { count: selectedHere.length })}
        </button>
        <button
          type="button"
          aria-pressed={tool === 'bulk'}
          data-testid="table-bulk"
          disabled={selectedHere.length === 0}
          onClick={() => setTool(tool === 'bulk' ? null : 'bulk')}
        >
          {t('table.bulkButton')}
        </button>
        <button
          type="button"
          aria-pressed={tool === 'calculate'}
          data-testid="table-calculate"
          onClick={() => setTool(tool === 'calculate' ? null : 'calculate')}
        >
          {t('table.expression.button')}
        </button>
        {tool === 'bulk' && selectedHere.length > 0 && (
          <BulkEditForm fields={fields} selected={selectedHere} onMessage={setMessage} />
        )}
        {tool === 'calculate' && (
          <CalculatedColumnForm
            features={features}
            rows={rows}
            selected={selectedHere}
            fields={fields}
            onMessage={setMessage}
          />
        )}
        <span className="table-hint">{t('table.editHint')}</span>
      </div>
      <div
        className="table-scroll"
        ref={scrollRef}
        data-testid="table-scroll"
        role="grid"
        aria-rowcount={rows.length + 1}
      >
        <div className="table-head" style={{ gridTemplateColumns: gridTemplate, width: totalWidth }} role="row">
          {fields.map((field) => (
            <div
              key={field.key}
              className="table-header-cell"
              role="columnheader"
              aria-sort={sort?.key === field.key ? (sort.direction === 1 ? 'ascending' : 'descending') : 'none'}
            >
              <button
                type="button"
                title={t('table.sortBy', { field: t(`fields.${field.key}`, { defaultValue: field.key }) })}
                data-testid={`sort-${field.key}`}
                onClick={() => toggleSort(field.key)}
              >
                {t(`fields.${field.key}`, { defaultValue: field.key })}
                {sort?.key === field.key ? (sort.direction === 1 ? ' ▲' : ' ▼') : ''}
              </button>
              {field.type !== 'enum' && (
                <input
                  type="text"
                  className={`column-filter${parsedFilters.problems.has(field.key) ? ' invalid' : ''}`}
                  placeholder={isNumeric(field) ? t('table.numberFilter') : t('table.textFilter')}
                  title={parsedFilters.problems.get(field.key) ?? t('table.filterHint')}
                  aria-label={t('table.filterBy', { field: t(`fields.${field.key}`, { defaultValue: field.key }) })}
                  aria-invalid={parsedFilters.problems.has(field.key)}
                  data-testid={`filter-text-${field.key}`}
                  value={columnFilters.get(field.key) ?? ''}
                  onChange={(event) => setColumnFilters(new Map(columnFilters).set(field.key, event.target.value))}
                />
              )}
              {field.type === 'enum' && (
                <select
                  aria-label={t('table.filterBy', { field: t(`fields.${field.key}`) })}
                  data-testid={`filter-${field.key}`}
                  value={String(readField(filters, field.key) ?? '')}
                  onChange={(event) => setFilters({ ...filters, [field.key]: event.target.value })}
                >
                  <option value="">{t('common.all')}</option>
                  {field.options.map((value) => (
                    <option key={value} value={value}>
                      {t(`model.${field.labels}.${value}`)}
                    </option>
                  ))}
                </select>
              )}
            </div>
          ))}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), width: totalWidth, position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const feature = rows[item.index];
            return (
              <div
                key={feature!.id}
                role="row"
                data-testid="table-row"
                data-feature-id={feature!.id}
                className={`table-row${selected.has(feature!.id) ? ' selected' : ''}${item.index % 2 ? ' odd' : ''}`}
                style={{
                  transform: `translateY(${item.start}px)`,
                  gridTemplateColumns: gridTemplate,
                  height: ROW_HEIGHT,
                }}
                onClick={(event) => clickRow(event, feature!)}
              >
                {fields.map((field) => {
                  const isEditing = editing?.featureId === feature!.id && editing.key === field.key;
                  return (
                    <div
                      key={field.key}
                      role="gridcell"
                      data-field={field.key}
                      className={`table-cell${isNumeric(field) ? ' number' : ''}${field.editable ? ' editable' : ''}`}
                      onDoubleClick={() => field.editable && setEditing({ featureId: feature!.id, key: field.key })}
                    >
                      {isEditing ? (
                        <CellEditor
                          field={field}
                          initial={readField(feature!.properties, field.key)}
                          onCommit={(input) => void commit(feature!, field, input)}
                          onCancel={() => setEditing(null)}
                        />
                      ) : (
                        formatFieldValue(field, readField(feature!.properties, field.key), t, locale)
                      )}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
      {exporting && (
        <ExportDialog
          subject={{
            kind: 'layer',
            name: layer.name,
            label: layerLabel(layer, t),
            layerKind: layer.kind,
            styleBy: layer.styleBy === 'condition' ? 'condition' : 'status',
            scopes: [
              {
                id: 'rows',
                label: rows.length < features.length ? t('table.scopeFiltered') : t('table.scopeLayer'),
                features: rows,
              },
              {
                id: 'selection',
                label: t('table.scopeSelection'),
                features: features.filter((feature) => selected.has(feature.id)),
              },
            ],
          }}
          onClose={() => setExporting(false)}
          onDone={(result) => setMessage({ kind: result.kind, words: result.words })}
        />
      )}
    </section>
  );
}
