/** A size in pixels kept in localStorage, so the layout a user chose survives a restart. */
export const readStoredSize = (key: string): number | null => {
  const value = Number(localStorage.getItem(key));
  return Number.isFinite(value) && value > 0 ? value : null;
};

export const writeStoredSize = (key: string, size: number | null) => {
  if (size === null) localStorage.removeItem(key);
  else localStorage.setItem(key, String(Math.round(size)));
};

export const clampSize = (size: number, min: number, max: number) => Math.round(Math.min(Math.max(size, min), max));
