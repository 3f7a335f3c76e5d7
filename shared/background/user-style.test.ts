import { wordProblem } from '../messages/word-problem';
import { describe, expect, it } from 'vitest';
import { adoptUserStyle } from './user-style';

const FONT = ['Noto Sans Regular'];
const style = (layers: object[], sources: object = { omt: { type: 'vector', url: 'https://x.example/tiles.json' } }) =>
  JSON.stringify({ version: 8, sources, layers });

describe('a user style JSON for a vector archive', () => {
  it('keeps layers drawn from vector sources, drops and counts the rest, and uses the shipped font', () => {
    const { style: adopted, notes } = adoptUserStyle(
      style(
        [
          { id: 'bg', type: 'background', paint: { 'background-color': '#eee' } },
          { id: 'hillshade', type: 'raster', source: 'dem' },
          { id: 'water', type: 'fill', source: 'omt', 'source-layer': 'water', paint: { 'fill-color': '#d03030' } },
          {
            id: 'poi',
            type: 'symbol',
            source: 'omt',
            'source-layer': 'poi',
            layout: { 'icon-image': 'bus', 'text-field': ['get', 'name'], 'text-font': ['Open Sans Bold'] },
          },
        ],
        {
          omt: { type: 'vector', url: 'https://x.example/tiles.json' },
          dem: { type: 'raster', tiles: ['https://x/{z}/{x}/{y}.png'] },
        },
      ),
      'gaya-kantor.json',
      ['water', 'transportation'],
      FONT,
    );
    expect(adopted.layers.map((layer) => layer.id)).toEqual(['bg', 'water', 'poi']);
    expect(adopted.layers[2]).toMatchObject({ source: '', layout: { 'text-font': FONT } });
    expect((adopted.layers[2] as { layout: object }).layout).not.toHaveProperty('icon-image');
    expect(notes.map((note) => wordProblem(note, 'id'))).toEqual([
      '1 lapisan bukan dari ubin vektor dilewati',
      '1 ikon tidak ditampilkan (tanpa sprite)',
      'tidak ada di arsip: poi',
    ]);
    expect(notes.map((note) => wordProblem(note, 'en'))).toEqual([
      '1 layer not drawn from vector tiles left out',
      '1 icon not shown (no sprite)',
      'not in the archive: poi',
    ]);
  });

  it('refuses text that is not a style, naming the file and MapLibre’s reason', () => {
    expect(() => adoptUserStyle('{"version": 8', 'rusak.json', [], FONT)).toThrow(/^rusak\.json: bukan JSON/);
    expect(() => adoptUserStyle(JSON.stringify({ version: 8, layers: [] }), 'kosong.json', [], FONT)).toThrow(
      /^kosong\.json: gaya MapLibre tidak sah: .*sources/,
    );
    expect(() => adoptUserStyle(style([{ id: 'bg', type: 'background' }]), 'latar-saja.json', ['water'], FONT)).toThrow(
      'latar-saja.json: tidak ada lapisan gaya dari sumber vektor',
    );
  });
});
