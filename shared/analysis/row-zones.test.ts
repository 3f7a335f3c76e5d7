import { describe, expect, it } from 'vitest';
import { rowHalfWidths, zoneAtOffset } from './row-zones';

const segment = (overrides: Partial<Parameters<typeof rowHalfWidths>[0]>) => ({
  rumijaWidthM: null,
  roadClass: null,
  functionClass: null,
  carriagewayWidthM: null,
  ...overrides,
});

describe('ROW zone widths (PP 34/2006)', () => {
  it('takes RUMIJA from the class minimum, half on each side', () => {
    expect(rowHalfWidths(segment({ roadClass: 'raya' })).rumijaM).toBe(12.5);
    expect(rowHalfWidths(segment({ roadClass: 'sedang' })).rumijaM).toBe(7.5);
    expect(rowHalfWidths(segment({ roadClass: 'bebas_hambatan' })).rumijaM).toBe(15);
    expect(rowHalfWidths(segment({ roadClass: 'kecil' })).rumijaBasis).toBe('class');
  });

  it('lets a surveyed width win over the class', () => {
    const widths = rowHalfWidths(segment({ roadClass: 'kecil', rumijaWidthM: 30 }));
    expect(widths.rumijaM).toBe(15);
    expect(widths.rumijaBasis).toBe('survey');
  });

  it('measures RUWASJA from the carriageway edge and keeps it outside RUMIJA', () => {
    // Kolektor primer: 10 m from the edge of a 7 m carriageway → 13.5 m from the centreline.
    expect(
      rowHalfWidths(segment({ roadClass: 'sedang', functionClass: 'kolektor_primer', carriagewayWidthM: 7 })).ruwasjaM,
    ).toBe(13.5);
    // A 25 m surveyed RUMIJA is wider than edge + 2 m: RUWASJA starts where RUMIJA ends.
    expect(
      rowHalfWidths(segment({ rumijaWidthM: 25, functionClass: 'lingkungan_sekunder', carriagewayWidthM: 6 })).ruwasjaM,
    ).toBe(12.5);
  });

  it('puts RUMAJA 2 m past the carriageway edge, within RUMIJA, and marks missing data as assumed', () => {
    expect(rowHalfWidths(segment({ roadClass: 'raya', carriagewayWidthM: 14 })).rumajaM).toBe(9);
    expect(rowHalfWidths(segment({ roadClass: 'kecil', carriagewayWidthM: 10 })).rumajaM).toBe(5.5);
    const assumed = rowHalfWidths(segment({}));
    expect(assumed).toEqual({ rumajaM: 5, rumijaM: 5.5, ruwasjaM: 5.5, rumijaBasis: 'assumed' });
  });

  it('classifies offsets with boundaries in the inner zone', () => {
    const widths = rowHalfWidths(segment({ roadClass: 'raya', functionClass: 'arteri_primer', carriagewayWidthM: 7 }));
    expect(widths).toMatchObject({ rumajaM: 5.5, rumijaM: 12.5, ruwasjaM: 18.5 });
    expect(zoneAtOffset(0, widths)).toBe('rumaja');
    expect(zoneAtOffset(5.5, widths)).toBe('rumaja');
    expect(zoneAtOffset(12.5, widths)).toBe('rumija');
    expect(zoneAtOffset(12.51, widths)).toBe('ruwasja');
    expect(zoneAtOffset(18.6, widths)).toBe('luar');
  });
});
