import { useState } from 'react';
import { useModalDialog } from './use-modal-dialog';
import { useTranslation } from 'react-i18next';
import { FIELDS_BY_KIND, parseFieldInput, REGENCY_CODES, type FieldDefinition } from '#shared/model/feature-fields';
import { regencyName } from '#shared/model/regencies';
import { formatMeasuredArea, formatMeasuredLength, formatSta, type Locale } from '#shared/format/format-number';
import { ValidationError } from '../persistence/feature-validation';
import { useStore } from '../state/store-context';
import type { PendingFeature } from '../state/edit-session';
import { measureGeometry } from '../map/draw-controller';
import { inputErrorMessage } from '../format/number-input-message';
import { issueText } from '../i18n/problem-text';

const initialText = (field: FieldDefinition, value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (field.type === 'number' && field.unit === 'sta') return formatSta(Number(value)).replace(/^STA /, '');
  return String(value);
};

/**
 * Attributes of a newly drawn feature, checked by the model before anything is stored. Esc or
 * Cancel drops the drawing; a refused save names each field at fault and keeps what was typed.
 */
export function FeatureForm({
  pending,
  onSaved,
  onCancel,
}: {
  pending: PendingFeature;
  onSaved: (id: string) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = (i18n.language === 'en' ? 'en' : 'id') as Locale;
  const store = useStore();
  const ref = useModalDialog();
  const fields = FIELDS_BY_KIND[pending.kind].filter((field) => field.editable && field.type !== 'source');
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((field) => [field.key, initialText(field, pending.initial[field.key])])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const measure = pending.geometry.type === 'Point' ? null : measureGeometry(pending.geometry);

  const save = async () => {
    const properties: Record<string, unknown> = { ...pending.initial };
    const found: Record<string, string> = {};
    for (const field of fields) {
      if (!field.nullable && field.type !== 'boolean' && (values[field.key] ?? '').trim() === '') {
        found[field.key] = t('draw.required');
        continue;
      }
      try {
        properties[field.key] = parseFieldInput(field, values[field.key] ?? '', locale);
      } catch (error) {
        found[field.key] = inputErrorMessage(error, t);
      }
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      onSaved(await store.document.addDrawnFeature(pending.kind, pending.geometry, properties));
    } catch (error) {
      if (error instanceof ValidationError) {
        const byField: Record<string, string> = {};
        for (const issue of error.issues) byField[issue.path.split('.')[0] || 'geometry'] = issueText(issue.message, t);
        setErrors(byField);
      } else setErrors({ geometry: error instanceof Error ? error.message : String(error) });
    } finally {
      setSaving(false);
    }
  };

  const input = (field: FieldDefinition) => {
    const common = {
      id: `new-${field.key}`,
      'data-testid': `new-${field.key}`,
      'aria-invalid': Boolean(errors[field.key]),
    };
    const set = (value: string) => {
      setValues((current) => ({ ...current, [field.key]: value }));
      setErrors(({ [field.key]: _fixed, ...rest }) => rest);
    };
    switch (field.type) {
      case 'enum':
        return (
          <select {...common} value={values[field.key]} onChange={(event) => set(event.target.value)}>
            {field.nullable && <option value="">{t('common.none')}</option>}
            {field.options.map((option) => (
              <option key={option} value={option}>
                {t(`model.${field.labels}.${option}`, { defaultValue: option })}
              </option>
            ))}
          </select>
        );
      case 'regency':
        return (
          <select {...common} value={values[field.key]} onChange={(event) => set(event.target.value)}>
            <option value="">{t('common.none')}</option>
            {REGENCY_CODES.map((code) => (
              <option key={code} value={code}>
                {regencyName(code)}
              </option>
            ))}
          </select>
        );
      case 'boolean':
        return (
          <input
            {...common}
            type="checkbox"
            checked={values[field.key] === 'true'}
            onChange={(event) => set(String(event.target.checked))}
          />
        );
      default:
        return (
          <input
            {...common}
            type="text"
            value={values[field.key]}
            placeholder={field.type === 'number' && field.unit === 'sta' ? '0+500' : undefined}
            onChange={(event) => set(event.target.value)}
          />
        );
    }
  };

  return (
    <dialog
      ref={ref}
      className="feature-form"
      data-testid="feature-form"
      aria-labelledby="feature-form-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h2 id="feature-form-title">{t('draw.formTitle', { kind: t(`model.kind.${pending.kind}`) })}</h2>
        {measure && (
          <p className="form-measure" data-testid="form-measure">
            {measure.areaM2 === null
              ? formatMeasuredLength(measure.lengthM, locale)
              : formatMeasuredArea(measure.areaM2, locale)}
          </p>
        )}
        <div className="form-grid">
          {fields.map((field) => (
            <div key={field.key} className={`form-row${errors[field.key] ? ' invalid' : ''}`}>
              <label htmlFor={`new-${field.key}`}>
                {t(`fields.${field.key}`, { defaultValue: field.key })}
                {!field.nullable && field.type !== 'boolean' ? ' *' : ''}
              </label>
              {input(field)}
              {errors[field.key] && (
                <span className="field-error" role="alert" data-testid={`error-${field.key}`}>
                  {errors[field.key]}
                </span>
              )}
            </div>
          ))}
        </div>
        {errors.geometry && (
          <p className="field-error" role="alert">
            {errors.geometry}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" data-testid="feature-form-cancel" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" data-testid="feature-form-save" disabled={saving}>
            {t('draw.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
