import { describe, expect, it, vi } from 'vitest';
import { differenceCiede2000 } from 'culori';
import { OTHER_COLOR, PALETTES } from '#shared/style/palettes';

vi.mock('maplibre-gl', () => ({}));
const style = await import('./thematic-style');

const difference = differenceCiede2000();

/** Every colour that can be on the map at once, by what it means. */
const meanings: [string, string][] = [
  ...Object.entries(style.STATUS_COLORS).map(([key, colour]): [string, string] => [`status ${key}`, colour]),
  ...Object.entries(style.CONDITION_COLORS).map(([key, colour]): [string, string] => [`condition ${key}`, colour]),
  ...Object.entries(style.ZONE_COLORS).map(([key, colour]): [string, string] => [`zone ${key}`, colour]),
  ...Object.entries(style.HIGHLIGHT_COLORS).map(([key, colour]): [string, string] => [`highlight ${key}`, colour]),
  ['border route', style.BORDER_ROUTE_CASING],
  ['corridor', style.CORRIDOR_COLOR],
  ['plain layer', style.FALLBACK_COLOR],
  ['note', style.ANNOTATION_COLOR],
  ['styled: other', OTHER_COLOR],
];

describe('the colours of the map', () => {
  it('no two meanings share a colour or one that is hard to tell apart (CIEDE2000 ≥ 10)', () => {
    const clashes: string[] = [];
    for (let i = 0; i < meanings.length; i++)
      for (let j = i + 1; j < meanings.length; j++) {
        const [a, colourA] = meanings[i]!;
        const [b, colourB] = meanings[j]!;
        const distance = difference(colourA, colourB);
        if (distance < 10) clashes.push(`${a} ${colourA} ~ ${b} ${colourB}: ${distance.toFixed(1)}`);
      }
    expect(clashes).toEqual([]);
  });

  it('no palette a user styles with holds the selection colour', () => {
    for (const colours of Object.values(PALETTES))
      for (const colour of colours) expect(difference(colour, style.SELECTION_COLOR)).toBeGreaterThan(10);
  });
});
