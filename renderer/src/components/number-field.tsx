import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, type Locale } from '#shared/format/format-number';
import { parseLocaleNumber, type ParseNumberOptions } from '#shared/format/parse-number';
import { numberInputMessage } from '../format/number-input-message';

interface NumberFieldProps extends ParseNumberOptions {
  /** NaN while the text is not a number. */
  value: number;
  onChange: (value: number) => void;
  /** Digits shown after the decimal mark once the field is left (the number itself keeps all of them). */
  digits?: number;
  className?: string;
  testId?: string;
  ariaLabel?: string;
}

export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'id';
}

const display = (value: number, locale: Locale, digits: number) =>
  Number.isFinite(value) ? formatNumber(value, locale, Number.isInteger(value) ? 0 : digits) : '';

/**
 * A number typed the way the UI language writes it (`175.000` / `20,5` in Indonesian), shown grouped once
 * the field is left; text that cannot be read unambiguously is refused with a message saying why.
 */
export function NumberField({
  value,
  onChange,
  digits = 2,
  className,
  testId,
  ariaLabel,
  ...options
}: NumberFieldProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [text, setText] = useState(() => display(value, locale, digits));
  const parsed = parseLocaleNumber(text, locale, options);

  // A value set from outside (another version loaded, a reset, the language switched) replaces the text.
  const { integer, allowNegative } = options;
  useEffect(() => {
    setText((current) => {
      const reading = parseLocaleNumber(current, locale, { integer, allowNegative });
      if (reading.ok && reading.value === value) return current;
      if (!reading.ok && Number.isNaN(value)) return current;
      return display(value, locale, digits);
    });
  }, [value, locale, digits, integer, allowNegative]);

  const error = parsed.ok ? null : numberInputMessage(parsed, t);

  return (
    <span className="number-field">
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        className={className}
        data-testid={testId}
        aria-label={ariaLabel}
        aria-invalid={error ? true : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          const reading = parseLocaleNumber(event.target.value, locale, options);
          onChange(reading.ok ? reading.value : Number.NaN);
        }}
        onBlur={() => {
          if (parsed.ok) setText(display(parsed.value, locale, digits));
        }}
      />
      {error && (
        <span className="field-error" role="alert" data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </span>
      )}
    </span>
  );
}
