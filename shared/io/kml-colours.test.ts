import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoDataset } from '../demo/create-demo-dataset';
import { writeFeatures } from './formats/registry';
import { CONDITION_COLORS, ZONE_COLORS } from '../style/map-colours';

const folder = mkdtempSync(join(tmpdir(), 'rumija-kml-colours-'));
const demo = createDemoDataset();

/** Each feature's name, condition or zone, and pen as GDAL's LIBKML driver reads them (styles resolved). */
function readBack(path: string, layer: string, field: string) {
  const result = spawnSync(
    'ogrinfo',
    [
      '-ro',
      '-q',
      '--config',
      'LIBKML_RESOLVE_STYLE',
      'YES',
      path,
      '-sql',
      `SELECT ${field}, OGR_STYLE FROM "${layer}"`,
    ],
    { encoding: 'utf8' },
  );
  expect(result.status, result.stderr).toBe(0);
  const values = [...result.stdout.matchAll(new RegExp(`  ${field} \\(String\\) = (.*)`, 'g'))].map((m) => m[1]!);
  const pens = [...result.stdout.matchAll(/OGR_STYLE \(String\) = PEN\(c:#([0-9A-F]{6})FF,w:([\d.]+)px\)/g)];
  expect(pens).toHaveLength(values.length);
  return values.map((value, index) => ({
    value,
    colour: `#${pens[index]![1]!.toLowerCase()}`,
    width: +pens[index]![2]!,
  }));
}

describe('KML colours read back by GDAL are the palette the map draws with (#38)', () => {
  it('every condition of the demo roads, with the rusak classes wider (KML has no dashes)', async () => {
    const roads = demo.features.filter((feature) => feature.properties.kind === 'road');
    const path = join(folder, 'kondisi.kml');
    writeFileSync(path, (await writeFeatures(roads, 'kml', { name: 'Kondisi', styleBy: 'condition' })).data);
    const read = readBack(path, 'Kondisi', 'condition');
    expect(new Set(read.map((row) => row.value))).toEqual(new Set(['baik', 'sedang', 'rusak_ringan', 'rusak_berat']));
    for (const row of read) expect(row.colour, row.value).toBe(CONDITION_COLORS[row.value]);
    const width = (condition: string) => read.find((row) => row.value === condition)!.width;
    expect(width('rusak_berat')).toBeGreaterThan(width('rusak_ringan'));
    expect(width('rusak_ringan')).toBeGreaterThan(width('baik'));
  });

  it('assets in their zone colour', async () => {
    const assets = demo.features
      .filter((feature) => feature.properties.kind === 'asset' && feature.geometry.type !== 'Point')
      .slice(0, 4)
      .map((asset, index) => ({
        ...asset,
        properties: { ...asset.properties, zone: ['rumaja', 'rumija', 'ruwasja', 'luar'][index]! },
      }));
    const path = join(folder, 'aset.kml');
    writeFileSync(path, (await writeFeatures(assets, 'kml', 'Aset')).data);
    const read = readBack(path, 'Aset', 'zone');
    expect(read.map((row) => row.value)).toEqual(['rumaja', 'rumija', 'ruwasja', 'luar'].slice(0, assets.length));
    for (const row of read) expect(row.colour, row.value).toBe(ZONE_COLORS[row.value]);
  });
});

describe('KMZ: assets in their zone’s colour and shape, as on the map (#38)', () => {
  const zones = ['rumaja', 'rumija', 'ruwasja', 'luar', 'unanalysed'];
  const path = join(folder, 'aset.kmz');

  /** A pixel of a picture inside the KMZ as GDAL's PNG driver reads it: [r, g, b, alpha]. */
  function pixelsOf(member: string, points: [number, number][]): number[][] {
    const vsi = `/vsizip/${path}/${member}`;
    const input = points.map(([x, y]) => `${x} ${y}`).join('\n');
    const result = spawnSync('gdallocationinfo', ['-valonly', vsi], { input, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const values = result.stdout.trim().split(/\s+/).map(Number);
    return points.map((_, index) => values.slice(index * 4, index * 4 + 4));
  }

  it('GDAL reads each zone’s picture and colour; the pictures have the map’s shapes', async () => {
    const assets = demo.features
      .filter((feature) => feature.properties.kind === 'asset' && feature.geometry.type === 'Point')
      .slice(0, zones.length)
      .map((asset, index) => ({ ...asset, properties: { ...asset.properties, zone: zones[index]! } }));
    writeFileSync(path, (await writeFeatures(assets, 'kmz', 'Aset')).data);
    const result = spawnSync(
      'ogrinfo',
      ['-ro', '-q', '--config', 'LIBKML_RESOLVE_STYLE', 'YES', path, '-sql', 'SELECT zone, OGR_STYLE FROM "Aset"'],
      { encoding: 'utf8' },
    );
    expect(result.status, result.stderr).toBe(0);
    const symbols = [
      ...result.stdout.matchAll(/OGR_STYLE \(String\) = .*SYMBOL\(id:"([^"]+)",c:#([0-9A-F]{6})FF/g),
    ].map((m) => [m[1], `#${m[2]!.toLowerCase()}`]);
    expect(symbols).toEqual([
      ['files/square.png', ZONE_COLORS.rumaja],
      ['files/diamond.png', ZONE_COLORS.rumija],
      ['files/triangle.png', ZONE_COLORS.ruwasja],
      ['files/triangle-down.png', ZONE_COLORS.luar],
      ['files/cross.png', ZONE_COLORS.unanalysed],
    ]);

    // Each picture is 34 px with its centre at 17, 17 and a radius of 12 px: points where each shape, as its name
    // says, is filled (white, for Google Earth to colour) or empty (transparent), worked out by hand.
    const at = (u: number, v: number): [number, number] => [Math.floor(17 + u * 12), Math.floor(17 + v * 12)];
    const filled: Record<string, [number, number][]> = {
      square: [at(0, 0), at(0.6, 0.6), at(-0.6, -0.6)],
      diamond: [at(0, 0), at(0, 0.85), at(0.85, 0)],
      triangle: [at(0, 0), at(0.85, 0.6), at(-0.85, 0.6)],
      'triangle-down': [at(0, 0), at(0.85, -0.6), at(-0.85, -0.6)],
      cross: [at(0, 0), at(0.8, 0), at(0, -0.8)],
    };
    const empty: Record<string, [number, number][]> = {
      square: [at(0, 1.2), at(1.2, 0)],
      diamond: [at(0.75, 0.75), at(-0.75, -0.75)],
      triangle: [at(0.85, -0.75), at(-0.85, -0.75)],
      'triangle-down': [at(0.85, 0.75), at(-0.85, 0.75)],
      cross: [at(0.75, 0.75), at(-0.75, -0.75)],
    };
    for (const shape of Object.keys(filled)) {
      for (const pixel of pixelsOf(`files/${shape}.png`, filled[shape]!))
        expect(pixel, `${shape} filled`).toEqual([255, 255, 255, 255]);
      for (const pixel of pixelsOf(`files/${shape}.png`, empty[shape]!)) expect(pixel[3], `${shape} empty`).toBe(0);
    }
  });
});

describe('KML: the analysed zone colours an asset without touching its own columns (#38)', () => {
  it('a layer with its own "zone" column keeps it; the colour is the analysis’s, or its own when not analysed', async () => {
    const assets = demo.features
      .filter((feature) => feature.properties.kind === 'asset' && feature.geometry.type === 'Point')
      .slice(0, 3)
      // A file from another office with a column of its own named zone: one value looks like a zone name.
      .map((asset, index) => ({
        ...asset,
        properties: { ...asset.properties, zone: ['Zona A', 'luar', 'B-2'][index]! },
      }));
    const zones = { [assets[0]!.id]: 'rumaja', [assets[2]!.id]: 'rumija' };
    const path = join(folder, 'aset-zona-sendiri.kml');
    writeFileSync(path, (await writeFeatures(assets, 'kml', { name: 'Aset', zones })).data);
    const read = readBack(path, 'Aset', 'zone');
    expect(read.map((row) => row.value)).toEqual(['Zona A', 'luar', 'B-2']);
    expect(read.map((row) => row.colour)).toEqual([ZONE_COLORS.rumaja, ZONE_COLORS.luar, ZONE_COLORS.rumija]);
  });
});
