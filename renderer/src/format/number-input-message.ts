import type { TFunction } from 'i18next';
import type { ParsedNumber } from '#shared/format/parse-number';
import { NumberInputError } from '#shared/model/feature-fields';

/** Why a typed number was refused, in the UI language, with what was probably meant. */
export function numberInputMessage(reading: Extract<ParsedNumber, { ok: false }>, t: TFunction): string {
  return reading.reason === 'ambiguous' && reading.hint
    ? t('numberInput.ambiguousHint', { input: reading.input, hint: reading.hint })
    : t(`numberInput.${reading.reason}`, { input: reading.input });
}

/** The message for an error from reading a field's input: numbers worded in the UI language. */
export function inputErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof NumberInputError) return numberInputMessage(error.reading, t);
  return error instanceof Error ? error.message : String(error);
}
