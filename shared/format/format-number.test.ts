import { describe, expect, it } from 'vitest';
import { formatKilometres, formatLength, formatMoment, formatNumber, formatPercent, formatSta } from './format-number';

describe('number formatting', () => {
  it('uses Indonesian separators in Indonesian and English ones in English', () => {
    expect(formatNumber(1234567.891, 'id', 2)).toBe('1.234.567,89');
    expect(formatNumber(1234567.891, 'en', 2)).toBe('1,234,567.89');
    expect(formatKilometres(12_345, 'id')).toBe('12,3 km');
    expect(formatKilometres(12_345, 'en')).toBe('12.3 km');
  });
  it('picks metres or kilometres', () => {
    expect(formatLength(25, 'id')).toBe('25,0 m');
    expect(formatLength(650, 'id')).toBe('650 m');
    expect(formatLength(6_543.2, 'id')).toBe('6,54 km');
  });
  it('formats percent and STA', () => {
    expect(formatPercent(70, 'id')).toBe('70,0%');
    expect(formatPercent(null, 'en')).toBe('—');
    expect(formatSta(16_250)).toBe('STA 16+250');
    expect(formatSta(500)).toBe('STA 0+500');
    expect(formatSta(3_400.4)).toBe('STA 3+400');
  });
  it('writes a moment the way each language does, in this computer time', () => {
    // An ISO time without a zone is local time, as a stored moment is shown on this computer.
    expect(formatMoment('2026-01-21T14:05:00', 'id')).toBe('21/01/2026 14.05');
    expect(formatMoment('2026-01-21T14:05:00', 'en')).toBe('21 Jan 2026 14:05');
  });
});
