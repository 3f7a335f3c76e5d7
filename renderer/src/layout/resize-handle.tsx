import type { KeyboardEvent, PointerEvent } from 'react';

/**
 * A drag handle between two panes (WAI-ARIA window splitter): drag it with the mouse, or focus it and use the arrow
 * keys (Shift for bigger steps), Home and End. `value` is the size of the pane the handle resizes.
 */
export function ResizeHandle({
  orientation,
  value,
  min,
  max,
  label,
  grows,
  onResize,
  testId,
}: {
  /** 'vertical': a bar between left and right panes; 'horizontal': between top and bottom. */
  orientation: 'vertical' | 'horizontal';
  value: number;
  min: number;
  max: number;
  label: string;
  /** Which way the pointer moves to make the pane bigger. */
  grows: 'right' | 'up';
  onResize: (size: number) => void;
  testId: string;
}) {
  const clamp = (size: number) => Math.round(Math.min(Math.max(size, min), max));
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const start = grows === 'right' ? event.clientX : event.clientY;
    const startValue = value;
    const move = (moved: globalThis.PointerEvent) => {
      const delta = (grows === 'right' ? moved.clientX : moved.clientY) - start;
      onResize(clamp(startValue + (grows === 'right' ? delta : -delta)));
    };
    const stop = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', stop);
      handle.removeEventListener('pointercancel', stop);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', stop);
    handle.addEventListener('pointercancel', stop);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 80 : 16;
    const bigger = grows === 'right' ? 'ArrowRight' : 'ArrowUp';
    const smaller = grows === 'right' ? 'ArrowLeft' : 'ArrowDown';
    const next =
      event.key === bigger
        ? value + step
        : event.key === smaller
          ? value - step
          : event.key === 'Home'
            ? min
            : event.key === 'End'
              ? max
              : null;
    if (next === null) return;
    event.preventDefault();
    onResize(clamp(next));
  };
  return (
    <div
      className={`resize-handle ${orientation}`}
      role="separator"
      tabIndex={0}
      aria-orientation={orientation}
      aria-label={label}
      title={label}
      aria-valuenow={Math.round(value)}
      aria-valuemin={Math.round(min)}
      aria-valuemax={Math.round(max)}
      data-testid={testId}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
