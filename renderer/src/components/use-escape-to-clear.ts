import { useEffect, useRef } from 'react';

/**
 * While `active`, Esc calls `clear` wherever the focus is, unless it is in a field or a dialog, which have their own
 * Esc (a field's Esc is handled by the field itself).
 */
export function useEscapeToClear(active: boolean, clear: () => void) {
  const latest = useRef(clear);
  latest.current = clear;
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      // Esc while presenting ends the presentation; the marks, hidden on the slides, stay for after.
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('.app.presenting')) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest?.('input, textarea, select, [role="dialog"], dialog')) return;
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}
