import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';

const ROOT = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('the rumija command (package bin)', () => {
  it('is a bundle that runs on plain Node, with the README exit codes', () => {
    execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT });
    const bin = join(ROOT, manifest.bin.rumija);
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);

    const folder = mkdtempSync(join(tmpdir(), 'rumija-bin-'));
    const demo = createDemoDataset();
    const collection = (kind: string) =>
      JSON.stringify({
        type: 'FeatureCollection',
        features: demo.features
          .filter((f) => f.properties.kind === kind)
          .map((f) => ({ type: 'Feature', id: f.id, geometry: f.geometry, properties: f.properties })),
      });
    writeFileSync(join(folder, 'roads.geojson'), collection('road'));
    writeFileSync(join(folder, 'assets.geojson'), collection('asset'));
    // No tsx, no TypeScript: node and the bundle only, from another folder.
    const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: folder, encoding: 'utf8' });

    const done = run(['analyze', '--roads', 'roads.geojson', '--assets', 'assets.geojson', '--out', 'r.csv']);
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toContain('Potensi retribusi');
    expect(readFileSync(join(folder, 'r.csv'), 'utf8').split('\r\n').length).toBe(
      demo.features.filter((f) => f.properties.kind === 'asset').length + 2,
    );
    // A GeoPackage from GDAL (in UTM 51S) and a FlatGeobuf: SQLite's WebAssembly comes from node_modules, not the bundle.
    execFileSync('ogr2ogr', ['-f', 'GPKG', '-t_srs', 'EPSG:32751', 'roads.gpkg', 'roads.geojson'], { cwd: folder });
    execFileSync('ogr2ogr', ['-f', 'FlatGeobuf', 'assets.fgb', 'assets.geojson'], { cwd: folder });
    const fromGis = run(['analyze', '--roads', 'roads.gpkg', '--assets', 'assets.fgb', '--out', 'g.csv']);
    expect(fromGis.status, fromGis.stderr).toBe(0);
    expect(readFileSync(join(folder, 'g.csv'), 'utf8').split('\r\n').length).toBe(
      demo.features.filter((f) => f.properties.kind === 'asset').length + 2,
    );
    expect(run(['analyze']).status).toBe(2);
    expect(run(['analyze', '--roads', 'missing.geojson', '--assets', 'assets.geojson', '--out', 'r.csv']).status).toBe(
      3,
    );
    expect(
      run(['analyze', '--roads', 'roads.geojson', '--assets', 'assets.geojson', '--out', 'no/such/folder/r.csv'])
        .status,
    ).toBe(4);
  }, 120_000);
});
