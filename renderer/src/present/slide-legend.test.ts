import { describe, expect, it } from 'vitest';
import { slideLegendGroups } from './slide-legend';

const entry = (label: string, color: string, shape: 'line' | 'circle' | 'band' = 'line') => ({
  key: label,
  label,
  color,
  shape,
});

describe('slide legend', () => {
  it('groups by layer, shows each symbol once, drops groups left empty', () => {
    const zones = [
      entry('RUMAJA', '#ff0000', 'band'),
      entry('RUMIJA', '#ffaa00', 'band'),
      entry('RUWASJA', '#ffee00', 'band'),
    ];
    const groups = slideLegendGroups([
      { title: 'Ruas jalan (demo)', entries: [entry('Provinsi', '#1e88e5'), entry('Nasional', '#283593')] },
      { title: 'Koridor Kupang', entries: zones },
      { title: 'Koridor Soe', entries: zones },
      { title: 'Ruas kabupaten', entries: [entry('Provinsi', '#1E88E5'), entry('Kabupaten', '#8d6e63')] },
      // Same words, another symbol: both are kept, they mean different things on the map.
      { title: 'Jembatan (demo)', entries: [entry('Rusak berat', '#c62828', 'circle')] },
      { title: 'Kondisi per STA', entries: [entry('Rusak berat', '#c62828', 'line')] },
    ]);
    expect(groups.map((group) => [group.title, group.entries.map((e) => e.label)])).toEqual([
      ['Ruas jalan (demo)', ['Provinsi', 'Nasional']],
      ['Koridor Kupang', ['RUMAJA', 'RUMIJA', 'RUWASJA']],
      ['Ruas kabupaten', ['Kabupaten']],
      ['Jembatan (demo)', ['Rusak berat']],
      ['Kondisi per STA', ['Rusak berat']],
    ]);
  });
});
