import { describe, expect, it } from 'vitest';
import { formatDateInput, parseDateInput } from './date-input';

describe('dates in the UI language', () => {
  it('shows a stored date the Indonesian or the English way, never the browser’s', () => {
    expect(formatDateInput('2026-01-21', 'id')).toBe('21/01/2026');
    expect(formatDateInput('2026-01-21', 'en')).toBe('21 Jan 2026');
    expect(formatDateInput(null, 'id')).toBe('');
  });

  it('reads dates as people type them, and gives back what it showed', () => {
    for (const typed of [
      '21/01/2026',
      '21-1-2026',
      '21.01.2026',
      '21 Januari 2026',
      '21 Jan 2026',
      '21 jan. 2026',
      '2026-01-21',
    ])
      expect(parseDateInput(typed), typed).toBe('2026-01-21');
    expect(parseDateInput('17 Agustus 1945')).toBe('1945-08-17');
    for (const iso of ['2024-02-29', '2026-12-31', '2025-05-01'])
      for (const locale of ['id', 'en'] as const) expect(parseDateInput(formatDateInput(iso, locale))).toBe(iso);
  });

  it('refuses what is not a date', () => {
    for (const typed of ['31/02/2026', '2026/13/01', '01/21/2026', 'besok', '21 Smarch 2026', ''])
      expect(parseDateInput(typed), typed).toBeNull();
  });
});
