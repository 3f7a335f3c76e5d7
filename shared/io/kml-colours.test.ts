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
