import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateInput, parseDateInput } from '#shared/format/date-input';

/**
 * A date typed and shown the UI language's way (21/01/2026, 21 Jan 2026) rather than in the browser's own
 * format; the value is the ISO date, or null when the field is empty and `optional`.
 */
export function DateField({
  value,
  onChange,
  optional = false,
  testId,
  ariaLabel,
}: {
  value: string | null;
  onChange: (iso: string | null) => void;
  optional?: boolean;
  testId?: string;
  ariaLabel?: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'id';
  const [text, setText] = useState(() => formatDateInput(value, locale));
  const [error, setError] = useState<string | null>(null);
  // A value set from outside (another version, the language switched) replaces the text, unless it is what the
  // text already says (typing "21/01/2026" must not be rewritten under the cursor).
  const shownLocale = useRef(locale);
  useEffect(() => {
    const sameLocale = shownLocale.current === locale;
    shownLocale.current = locale;
    setText((current) => (sameLocale && parseDateInput(current) === value ? current : formatDateInput(value, locale)));
    setError(null);
  }, [value, locale]);

  const commit = () => {
    if (text.trim() === '' && optional) {
      setError(null);
      onChange(null);
      return;
    }
    const iso = parseDateInput(text);
    if (!iso) {
      setError(t('dateInput.invalid', { input: text }));
      return;
    }
    setError(null);
    setText(formatDateInput(iso, locale));
    onChange(iso);
  };

  return (
    <span className="number-field">
      <input
        type="text"
        autoComplete="off"
        value={text}
        data-testid={testId}
        aria-label={ariaLabel}
        aria-invalid={error ? true : undefined}
        placeholder={t('dateInput.placeholder')}
        onChange={(event) => {
          setText(event.target.value);
          // A complete date counts at once (and clears the error before the user clicks on), not only on blur.
          const iso = parseDateInput(event.target.value);
          if (iso) {
            setError(null);
            if (iso !== value) onChange(iso);
          }
        }}
        onBlur={commit}
        onKeyDown={(event) => event.key === 'Enter' && commit()}
      />
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
