import { describe, expect, it, vi } from 'vitest';
import { parseWindowState, trackWindowState, windowPlacement, type WindowState } from './window-state';

const laptop = { x: 0, y: 0, width: 1366, height: 728 };
const projector = { x: 1366, y: 0, width: 1920, height: 1050 };
const saved: WindowState = { version: 1, x: 1500, y: 60, width: 1600, height: 900, maximized: false };

describe('window state', () => {
  it('reopens where it was when that screen is still there', () => {
    expect(windowPlacement(saved, [laptop, projector])).toEqual({
      x: 1500,
      y: 60,
      width: 1600,
      height: 900,
      maximized: false,
    });
  });

  it('comes back onto the primary screen when the projector is gone, at a size that fits', () => {
    expect(windowPlacement({ ...saved, maximized: true }, [laptop])).toEqual({
      x: 0,
      y: 0,
      width: 1366,
      height: 728,
      maximized: true,
    });
  });

  it('opens centred at the default size the first time', () => {
    expect(windowPlacement(null, [projector])).toEqual({ x: 1606, y: 75, width: 1440, height: 900, maximized: false });
  });

  it('ignores a damaged or foreign state file', () => {
    expect(parseWindowState('{"x":')).toBeNull();
    expect(parseWindowState(JSON.stringify({ ...saved, width: 'wide' }))).toBeNull();
    expect(parseWindowState(null)).toBeNull();
    expect(parseWindowState(JSON.stringify(saved))).toEqual(saved);
  });

  it('saves the normal bounds and maximised state after moves settle and on close', () => {
    vi.useFakeTimers();
    const listeners = new Map<string, () => void>();
    let maximized = false;
    const window = {
      on: (event: string, listener: () => void) => listeners.set(event, listener),
      getNormalBounds: () => ({ x: 10, y: 20, width: 1200, height: 800 }),
      isMaximized: () => maximized,
    };
    const save = vi.fn();
    trackWindowState(window, save, 500);
    listeners.get('move')!();
    listeners.get('resize')!();
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(save).toHaveBeenCalledTimes(1);
    maximized = true;
    listeners.get('maximize')!();
    listeners.get('close')!();
    expect(save).toHaveBeenLastCalledWith({ version: 1, x: 10, y: 20, width: 1200, height: 800, maximized: true });
    vi.advanceTimersByTime(1000);
    expect(save).toHaveBeenCalledTimes(2);
    vi.useRealTimers();
  });
});
