import type { TFunction } from 'i18next';
import { messageOf } from '#shared/format/message-of';
import { RetributionError } from '../../persistence/retribution-repository';
import { ValidationError } from '../../persistence/feature-validation';

/** A problem of the register, worded in the user's language from its code and values. */
export function problemText(t: TFunction, problem: { code: string } & Record<string, unknown>): string {
  return t(`retribution.problem.${problem.code}`, {
    ...problem,
    defaultValue: `${problem.code}: ${JSON.stringify(problem)}`,
  });
}

/** What went wrong with a register action, for the panel's message line. */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof RetributionError) return problemText(t, error.problem);
  if (error instanceof ValidationError) return t('retribution.problem.invalid', { detail: error.message });
  return messageOf(error);
}
