import { z } from 'zod';

/** Where and how big the main window was when it was last closed, kept in the user data folder. */
const WindowStateSchema = z.object({
  version: z.literal(1),
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(32_000),
  height: z.number().int().min(300).max(32_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

const DEFAULT_WINDOW_SIZE = { width: 1440, height: 900 };

/** A saved state, or null when there is none or it cannot be read (a damaged file is ignored, not fatal). */
export function parseWindowState(text: string | null): WindowState | null {
  if (!text) return null;
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/**
 * The bounds to open the window with: the saved ones when enough of the window (its title bar) lands
 * on a screen that is still there, else the default size centred on the primary screen, never larger
 * than that screen.
 */
export function windowPlacement(saved: WindowState | null, workAreas: Rectangle[]): Rectangle & { maximized: boolean } {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: DEFAULT_WINDOW_SIZE.width, height: DEFAULT_WINDOW_SIZE.height };
  if (saved) {
    const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: 40 };
    const visible = workAreas.some((area) => {
      const shared = overlap(titleBar, area);
      return shared.width >= 120 && shared.height >= 20;
    });
    if (visible)
      return { x: saved.x, y: saved.y, width: saved.width, height: saved.height, maximized: saved.maximized };
  }
  const width = Math.min(DEFAULT_WINDOW_SIZE.width, primary.width);
  const height = Math.min(DEFAULT_WINDOW_SIZE.height, primary.height);
  return {
    x: Math.round(primary.x + (primary.width - width) / 2),
    y: Math.round(primary.y + (primary.height - height) / 2),
    width,
    height,
    maximized: saved?.maximized ?? false,
  };
}

export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): void;
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
}

/** Saves the window's normal bounds and maximised state as they change (debounced) and when it closes. */
export function trackWindowState(window: TrackedWindow, save: (state: WindowState) => void, delayMs = 500): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const bounds = window.getNormalBounds();
    save({ version: 1, ...bounds, maximized: window.isMaximized() });
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, later);
  window.on('close', write);
}
