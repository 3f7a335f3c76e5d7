import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import i18next, { type TFunction } from 'i18next';
import { isProblem, issueProblem, type Problem } from '#shared/messages/problem';
import { problemKey, problemValuesText, type ProblemLanguage } from '#shared/messages/word-problem';

/**
 * A Problem from `shared/` or `electron/` in the UI language, through i18next (`problems.<code>`), so a shown
 * message is worded again when the language is switched. Numbers take the language's style and plurals the
 * form `wordProblem` picks for the same key.
 */
export function problemText(problem: Problem, t: TFunction, language: string = i18next.language): string {
  const lang: ProblemLanguage = language === 'en' ? 'en' : 'id';
  const values = problemValuesText(problem, lang, (nested) => problemText(nested, t, language));
  return t(`problems.${problemKey(problem, lang)}`, { ...values, defaultValue: problem.code });
}

/** `problemText` bound to the current language; anything that is not a Problem is shown as it is. */
export function useProblemText() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (message: Problem | string) => (isProblem(message) ? problemText(message, t, language) : message),
    [t, language],
  );
}

/** A validation (Zod) issue's message in the UI language: a `validation.*` code is worded, other text kept. */
export function issueText(message: string, t: TFunction, language: string = i18next.language): string {
  return problemText(issueProblem(message), t, language);
}
