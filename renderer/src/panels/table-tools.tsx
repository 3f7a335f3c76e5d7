import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { parseFieldInput, type FieldDefinition } from '#shared/model/feature-fields';
import type { StoredFeature } from '#shared/model/layer';
import { compileExpression, type ExpressionProblem } from '#shared/table/field-expression';
import { layerFieldNames } from '#shared/style/layer-fields';
import { formatNumber, type Locale } from '#shared/format/format-number';
import { useStore } from '../state/store-context';
import { useLocale } from '../components/number-field';
import { ValidationError } from '../persistence/feature-validation';
import { inputErrorMessage } from '../format/number-input-message';
import { issueText } from '../i18n/problem-text';

/** A message of the table, worded when shown: it follows the UI language when that is switched. */
export type TableMessage = { kind: 'ok' | 'error'; words: (t: TFunction, locale: Locale) => string };

const fieldLabel = (key: string, t: TFunction) => t(`fields.${key}`, { defaultValue: key });

/**
 * The message of a failed save: the fields the model refused (after the feature's name when a save of many
 * features failed on one), or why the input was not read.
 */
export function saveErrorMessage(error: unknown, t: TFunction, namesFeature = false): string {
  if (error instanceof ValidationError) {
    const fields = error.issues
      .map((issue) => `${fieldLabel(issue.path, t)}: ${issueText(issue.message, t)}`)
      .join('; ');
    if (!fields) return error.message;
    return namesFeature ? `${error.message.split(':')[0]}: ${fields}` : fields;
  }
  return inputErrorMessage(error, t);
}

/** One value for a field of every selected row: one undo step; nothing is saved if any row refuses it. */
export function BulkEditForm({
  fields,
  selected,
  onMessage,
}: {
  fields: readonly FieldDefinition[];
  selected: readonly StoredFeature[];
  onMessage: (message: TableMessage) => void;
}) {
  const { t } = useTranslation();
  const store = useStore();
  const locale = useLocale();
  const editable = fields.filter((field) => field.editable);
  const [key, setKey] = useState(editable[0]?.key ?? '');
  const [input, setInput] = useState('');
  const field = editable.find((candidate) => candidate.key === key);

  const apply = async () => {
    if (!field) return;
    try {
      const value = parseFieldInput(field, input, locale);
      const changed = await store.document.editPropertiesMany(
        selected.map((feature) => ({ id: feature.id, patch: { [key]: value } })),
      );
      onMessage({
        kind: 'ok',
        words: (t) =>
          changed.length === 0
            ? t('table.bulkUnchanged', { field: fieldLabel(key, t) })
            : t('table.bulkSaved', { count: changed.length, field: fieldLabel(key, t) }),
      });
    } catch (error) {
      onMessage({ kind: 'error', words: (t) => t('table.invalid', { message: saveErrorMessage(error, t, true) }) });
    }
  };

  return (
    <span className="table-form" data-testid="bulk-edit">
      {t('table.bulkEdit', { count: selected.length })}
      <select
        aria-label={t('table.bulkField')}
        value={key}
        data-testid="bulk-field"
        onChange={(e) => setKey(e.target.value)}
      >
        {editable.map((candidate) => (
          <option key={candidate.key} value={candidate.key}>
            {fieldLabel(candidate.key, t)}
          </option>
        ))}
      </select>
      {field?.type === 'enum' ? (
        <select
          aria-label={t('table.bulkValue')}
          value={input}
          data-testid="bulk-value"
          onChange={(e) => setInput(e.target.value)}
        >
          <option value="">{t('common.none')}</option>
          {field.options.map((option) => (
            <option key={option} value={option}>
              {t(`model.${field.labels}.${option}`)}
            </option>
          ))}
        </select>
      ) : (
        <input
          type="text"
          aria-label={t('table.bulkValue')}
          value={input}
          data-testid="bulk-value"
          onChange={(event) => setInput(event.target.value)}
        />
      )}
      <button type="button" data-testid="bulk-apply" disabled={!field} onClick={() => void apply()}>
        {t('table.bulkApply')}
      </button>
    </span>
  );
}

const COLUMN_NAME = /^[\p{L}_][\p{L}\p{N}_]{0,63}$/u;

function problemText(problem: ExpressionProblem, t: TFunction) {
  return t(`table.expression.${problem.reason}`, { detail: problem.detail });
}

/**
 * A calculated column, as QGIS's field calculator: a name and an expression over the fields, computed for the
 * rows shown (or the selected ones), stored as an attribute in one undo step. Rows where it has no value are counted.
 */
export function CalculatedColumnForm({
  features,
  rows,
  selected,
  fields,
  onMessage,
}: {
  features: readonly StoredFeature[];
  rows: readonly StoredFeature[];
  selected: readonly StoredFeature[];
  fields: readonly FieldDefinition[];
  onMessage: (message: TableMessage) => void;
}) {
  const { t } = useTranslation();
  const store = useStore();
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [scope, setScope] = useState<'rows' | 'selection'>('rows');

  const calculate = async () => {
    const column = name.trim();
    const fixed = fields.find((field) => field.key === column && !field.editable);
    if (!COLUMN_NAME.test(column) || column === 'kind' || fixed)
      return onMessage({ kind: 'error', words: (t) => t('table.expression.badName', { name: column }) });
    const compiled = compileExpression(
      text,
      new Set([...fields.map((field) => field.key), ...layerFieldNames(features)]),
    );
    if (!compiled.ok) return onMessage({ kind: 'error', words: (t) => problemText(compiled.problem, t) });
    const target = scope === 'selection' ? selected : rows;
    let empty = 0;
    const changes = target.map((feature) => {
      const value = compiled.evaluate(feature.properties);
      if (value === null) empty++;
      return { id: feature.id, patch: { [column]: value } };
    });
    try {
      await store.document.editPropertiesMany(changes);
      onMessage({
        kind: 'ok',
        words: (t, locale) =>
          t('table.expression.done', {
            name: column,
            count: changes.length,
            n: formatNumber(changes.length, locale),
            empty: formatNumber(empty, locale),
          }),
      });
    } catch (error) {
      onMessage({ kind: 'error', words: (t) => t('table.invalid', { message: saveErrorMessage(error, t, true) }) });
    }
  };

  return (
    <span className="table-form" data-testid="calculated-column">
      <input
        type="text"
        className="column-name"
        placeholder={t('table.expression.name')}
        aria-label={t('table.expression.name')}
        value={name}
        data-testid="calc-name"
        onChange={(event) => setName(event.target.value)}
      />
      =
      <input
        type="text"
        className="column-expression"
        placeholder="panjang_km * 1000"
        title={t('table.expression.hint')}
        aria-label={t('table.expression.label')}
        value={text}
        data-testid="calc-expression"
        onChange={(event) => setText(event.target.value)}
      />
      <select
        aria-label={t('table.exportScope')}
        value={scope}
        data-testid="calc-scope"
        onChange={(event) => setScope(event.target.value as 'rows' | 'selection')}
      >
        <option value="rows">{t('table.scopeRows', { count: rows.length })}</option>
        <option value="selection" disabled={selected.length === 0}>
          {t('table.scopeSelection')}
        </option>
      </select>
      <button type="button" data-testid="calc-apply" onClick={() => void calculate()}>
        {t('table.expression.apply')}
      </button>
    </span>
  );
}
