import { useState } from 'react';

const KEY = 'rumija.charts.kemantapanTarget';

/** The provincial kemantapan target the user set (percent), or null: kept across restarts, read by slides too. */
export function readKemantapanTarget(): number | null {
  const stored = localStorage.getItem(KEY);
  const value = stored === null ? Number.NaN : Number(stored);
  return Number.isFinite(value) && value >= 0 && value <= 100 ? value : null;
}

export function useKemantapanTarget(): [number | null, (value: number | null) => void] {
  const [target, setTarget] = useState(readKemantapanTarget);
  const update = (value: number | null) => {
    const valid = value !== null && Number.isFinite(value) && value >= 0 && value <= 100 ? value : null;
    if (valid === null) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, String(valid));
    setTarget(valid);
  };
  return [target, update];
}
