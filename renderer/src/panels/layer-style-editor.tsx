import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Layer, StoredFeature } from '#shared/model/layer';
import type { ClassMethod, LayerStyle, SavedStyle, ThematicRule } from '#shared/model/layer-style';
import { categoryRule, classRule, isMostlyNumeric } from '#shared/style/classify';
import { layerFieldNames } from '#shared/style/layer-fields';
import { PALETTE_NAMES, SEQUENTIAL_PALETTES, paletteColors, type PaletteName } from '#shared/style/palettes';
import { parseLocaleNumber } from '#shared/format/parse-number';
import { formatNumber } from '#shared/format/format-number';
import { useStore } from '../state/store-context';
import { useLocale } from '../components/number-field';
import { readField } from '#shared/model/field-value';

type Method = 'categories' | ClassMethod;
const METHODS: Method[] = ['categories', 'equal', 'quantile', 'jenks'];
const NO_LABELS = '\u0000none';

/** The method and palette a rule was made with, to show them again in the editor. */
const methodOf = (rule: ThematicRule | undefined): Method | null =>
  rule ? (rule.type === 'categories' ? 'categories' : rule.method) : null;

/**
 * A layer's style as a GIS user sets it: colours by any field (categories, or classes by equal interval, quantiles
 * or natural breaks, with a palette), line width, point size and labels; a style kept under a name and applied to
 * another layer. Each "apply" is one undoable step.
 */
export function LayerStyleEditor({ layer, features }: { layer: Layer; features: readonly StoredFeature[] }) {
  const { t } = useTranslation();
  const store = useStore();
  const locale = useLocale();
  const style = layer.style;
  const fields = useMemo(() => layerFieldNames(features), [features]);
  const [field, setField] = useState(style?.rule?.field ?? '');
  const values = useMemo(
    () => (field ? features.map((feature) => readField(feature.properties, field)) : []),
    [features, field],
  );
  const numeric = useMemo(() => isMostlyNumeric(values), [values]);
  const [method, setMethod] = useState<Method>(methodOf(style?.rule) ?? 'categories');
  const [classes, setClasses] = useState(style?.rule?.type === 'classes' ? style.rule.colors.length : 5);
  const [palette, setPalette] = useState<PaletteName>(style?.rule?.palette ?? 'Set1');
  const widthText = (value: number | undefined) => (value === undefined ? '' : formatNumber(value, locale, 1));
  const [lineWidth, setLineWidth] = useState(widthText(style?.lineWidth));
  const [pointSize, setPointSize] = useState(widthText(style?.pointSize));
  const [label, setLabel] = useState(style?.label === false ? NO_LABELS : (style?.label ?? ''));
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState<SavedStyle[]>([]);
  const [saveName, setSaveName] = useState('');
  const [chosenSaved, setChosenSaved] = useState('');

  // The layer's style changed elsewhere (undo, a saved style applied): the form shows it (React's "adjust state
  // when a prop changes", done while rendering).
  const [shownStyle, setShownStyle] = useState(style);
  if (style !== shownStyle) {
    setShownStyle(style);
    setField(style?.rule?.field ?? '');
    if (style?.rule) {
      setMethod(methodOf(style.rule)!);
      setPalette(style.rule.palette);
      if (style.rule.type === 'classes') setClasses(style.rule.colors.length);
    }
    setLineWidth(widthText(style?.lineWidth));
    setPointSize(widthText(style?.pointSize));
    setLabel(style?.label === false ? NO_LABELS : (style?.label ?? ''));
  }

  useEffect(() => {
    let live = true;
    void store.document.savedStyles().then((list) => live && setSaved(list));
    return () => {
      live = false;
    };
  }, [store]);

  const chooseField = (next: string) => {
    setField(next);
    const nextNumeric = next ? isMostlyNumeric(features.map((feature) => readField(feature.properties, next))) : false;
    setMethod(nextNumeric ? 'jenks' : 'categories');
    setPalette(nextNumeric ? 'YlOrRd' : 'Set1');
  };

  const size = (text: string, name: string, min: number, max: number) => {
    if (text.trim() === '') return { ok: true as const, value: undefined };
    const reading = parseLocaleNumber(text, locale);
    if (!reading.ok || reading.value < min || reading.value > max)
      return {
        ok: false as const,
        message: t('style.badSize', { name, text, min: formatNumber(min, locale, min % 1 ? 1 : 0), max }),
      };
    return { ok: true as const, value: reading.value };
  };

  const apply = () => {
    setMessage(null);
    const width = size(lineWidth, t('style.lineWidth'), 0.5, 20);
    const radius = size(pointSize, t('style.pointSize'), 1, 30);
    if (!width.ok) return setMessage(width.message);
    if (!radius.ok) return setMessage(radius.message);
    let rule: ThematicRule | undefined;
    if (field) {
      rule =
        method === 'categories'
          ? categoryRule(field, values, palette)
          : (classRule(field, values, method, classes, palette) ?? undefined);
      if (!rule) return setMessage(t('style.noNumbers', { field }));
    }
    const next: LayerStyle = {
      rule,
      lineWidth: width.value,
      pointSize: radius.value,
      label: label === NO_LABELS ? false : label || undefined,
    };
    void store.document.setLayerUserStyle(layer.id, next).catch((error: unknown) => setMessage(String(error)));
  };

  const saveCurrent = async () => {
    if (!style || !saveName.trim()) return;
    const { saved: entry, replaced } = await store.document.saveStyle(saveName, style);
    setSaved(await store.document.savedStyles());
    setSaveName('');
    setMessage(t(replaced ? 'style.replaced' : 'style.saved', { name: entry.name }));
  };

  const applySaved = () => {
    const entry = saved.find((candidate) => candidate.name === chosenSaved);
    if (!entry) return;
    const missing = entry.style.rule && !fields.includes(entry.style.rule.field);
    setMessage(missing ? t('style.fieldMissing', { name: entry.name, field: entry.style.rule!.field }) : null);
    void store.document.setLayerUserStyle(layer.id, entry.style);
  };

  const palettes = method === 'categories' ? PALETTE_NAMES : SEQUENTIAL_PALETTES;
  const testId = (name: string) => `style-${name}-${layer.id}`;
  const fieldOptions = fields.map((name) => (
    <option key={name} value={name}>
      {t(`fields.${name}`, { defaultValue: name })}
    </option>
  ));
  return (
    <div className="style-editor" data-testid={testId('editor')}>
      <label>
        {t('style.field')}
        <select value={field} data-testid={testId('field')} onChange={(event) => chooseField(event.target.value)}>
          <option value="">{t('style.kindDefault')}</option>
          {fieldOptions}
        </select>
      </label>
      {field && (
        <>
          <label>
            {t('style.method')}
            <select
              value={method}
              data-testid={testId('method')}
              onChange={(event) => {
                const next = event.target.value as Method;
                setMethod(next);
                if (next !== 'categories' && !SEQUENTIAL_PALETTES.includes(palette)) setPalette('YlOrRd');
              }}
            >
              {METHODS.map((name) => (
                <option key={name} value={name} disabled={name !== 'categories' && !numeric}>
                  {t(`style.methods.${name}`)}
                </option>
              ))}
            </select>
          </label>
          {method !== 'categories' && (
            <label>
              {t('style.classes')}
              <select
                value={classes}
                data-testid={testId('classes')}
                onChange={(event) => setClasses(Number(event.target.value))}
              >
                {[2, 3, 4, 5, 6, 7, 8, 9].map((count) => (
                  <option key={count} value={count}>
                    {count}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            {t('style.palette')}
            <select
              value={palette}
              data-testid={testId('palette')}
              onChange={(event) => setPalette(event.target.value as PaletteName)}
            >
              {palettes.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
            <span className="palette-preview" aria-hidden>
              {paletteColors(palette, method === 'categories' ? 6 : classes).map((color, index) => (
                <span key={index} style={{ background: color }} />
              ))}
            </span>
          </label>
        </>
      )}
      {(
        [
          ['lineWidth', 'line-width', lineWidth, setLineWidth],
          ['pointSize', 'point-size', pointSize, setPointSize],
        ] as const
      ).map(([name, id, value, set]) => (
        <label key={name}>
          {t(`style.${name}`)}
          <input
            type="text"
            inputMode="decimal"
            placeholder={t('style.default')}
            value={value}
            data-testid={testId(id)}
            onChange={(event) => set(event.target.value)}
          />
        </label>
      ))}
      <label>
        {t('style.label')}
        <select value={label} data-testid={testId('label')} onChange={(event) => setLabel(event.target.value)}>
          <option value="">{t('style.kindDefault')}</option>
          <option value={NO_LABELS}>{t('style.noLabels')}</option>
          {fieldOptions}
        </select>
      </label>
      <div className="style-actions">
        <button type="button" className="primary" data-testid={testId('apply')} onClick={apply}>
          {t('style.apply')}
        </button>
        {style && (
          <button
            type="button"
            data-testid={testId('reset')}
            onClick={() => void store.document.setLayerUserStyle(layer.id, undefined)}
          >
            {t('style.reset')}
          </button>
        )}
      </div>
      {style && (
        <div className="style-actions">
          <input
            type="text"
            value={saveName}
            placeholder={t('style.saveName')}
            aria-label={t('style.saveName')}
            data-testid={testId('save-name')}
            onChange={(event) => setSaveName(event.target.value)}
          />
          <button
            type="button"
            disabled={!saveName.trim()}
            data-testid={testId('save')}
            onClick={() => void saveCurrent()}
          >
            {t('style.save')}
          </button>
        </div>
      )}
      {saved.length > 0 && (
        <div className="style-actions">
          <select
            value={chosenSaved}
            aria-label={t('style.savedStyles')}
            data-testid={testId('saved')}
            onChange={(event) => setChosenSaved(event.target.value)}
          >
            <option value="">{t('style.savedStyles')}</option>
            {saved.map((entry) => (
              <option key={entry.name} value={entry.name}>
                {entry.name}
              </option>
            ))}
          </select>
          <button type="button" disabled={!chosenSaved} data-testid={testId('apply-saved')} onClick={applySaved}>
            {t('style.applySaved')}
          </button>
        </div>
      )}
      {message && (
        <p className="style-message" role="status" data-testid={testId('message')}>
          {message}
        </p>
      )}
    </div>
  );
}
