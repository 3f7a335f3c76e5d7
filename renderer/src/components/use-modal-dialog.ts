import { useEffect, useRef } from 'react';

/** A `<dialog>` opened as a modal when it mounts (focus stays inside, Esc cancels); give the ref to the element. */
export function useModalDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return ref;
}
