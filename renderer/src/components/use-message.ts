import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A panel's outcome message ("saved to …", "not imported: …"), shown only in the language it was worded in: after a
 * language switch it goes, instead of leaving a sentence of the other language on the screen (#31, #37).
 */
export function useMessage<M>(): [M | null, (message: M | null) => void] {
  const { i18n } = useTranslation();
  const [state, setState] = useState<{ message: M; language: string } | null>(null);
  const set = useCallback(
    (message: M | null) => setState(message === null ? null : { message, language: i18n.language }),
    [i18n],
  );
  return [state && state.language === i18n.language ? state.message : null, set];
}
