import { describe, expect, it, vi } from 'vitest';

vi.mock('maplibre-gl', () => ({ addProtocol: () => undefined }));
vi.mock('../workers/run-background', () => ({
  BACKGROUND_PROTOCOL: 'rumija-bg',
  ensureBackgroundProtocol: () => undefined,
}));

describe('background attribution', () => {
  it('shows only the text of an archive or service credit, never its markup', async () => {
    const { attributionText } = await import('./background-layers');
    expect(attributionText('<a href="https://openmaptiles.org/">&copy; OpenMapTiles</a> <a href="x">© OSM</a>')).toBe(
      '© OpenMapTiles © OSM',
    );
    expect(attributionText('<img src=x onerror="alert(1)">Dinas PUPR & BIG')).toBe('Dinas PUPR &amp; BIG');
    expect(attributionText('a < b')).toBe('a &lt; b');
  });
});
