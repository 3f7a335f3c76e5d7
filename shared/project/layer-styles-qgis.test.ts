import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeProject } from './write-project';
import { projectFixture } from './project-fixture';

/**
 * The layer_styles rows of a project as QGIS itself reads them (QGIS's Python, python3-qgis from Debian, which
 * tests/setup/ensure-system-tools.sh installs): the default style QGIS loads from the GeoPackage, and the SLD of
 * the same row loaded as an SLD file. Skipped, saying so, on a machine without QGIS.
 */
const qgis = spawnSync('/usr/bin/python3', ['-c', 'import qgis.core'], { encoding: 'utf8' }).status === 0;
const SCRIPT = resolve(__dirname, '../../tests/setup/qgis-read-styles.py');

interface QgisStyle {
  renderer: string;
  attr?: string;
  categories?: [string, string][];
  ranges?: [number, number, string][];
  rules?: [string, string][];
  color?: string;
  labels: string | null;
}
type QgisRead = Record<string, { valid: boolean; loaded: boolean; qml: QgisStyle; sldLoaded: boolean; sld: QgisStyle }>;

describe.skipIf(!qgis)("a project's styles in QGIS", () => {
  it('draws roads by status, classes, categories and single colours as Rumija does, from QML and from SLD', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rumija-qgis-'));
    const file = join(dir, 'proyek.gpkg');
    writeFileSync(file, (await writeProject(projectFixture())).bytes);
    const layers = ['Ruas jalan (demo)', 'Tiang bergaya', 'Tiang per pemilik', 'Koridor (demo)'];
    const run = spawnSync('/usr/bin/python3', [SCRIPT, file, ...layers], {
      encoding: 'utf8',
      env: { ...process.env, QT_QPA_PLATFORM: 'offscreen', XDG_RUNTIME_DIR: dir },
    });
    expect(run.status, run.stderr).toBe(0);
    const read = JSON.parse(run.stdout) as QgisRead;
    for (const name of layers) expect(read[name]).toMatchObject({ valid: true, loaded: true, sldLoaded: true });

    // Road colours of the map (map-colours.ts), written by hand: #002f55 is rgb(0, 47, 85).
    const roads = read['Ruas jalan (demo)']!;
    expect(roads.qml).toMatchObject({ renderer: 'categorizedSymbol', attr: 'status', labels: null });
    expect(roads.qml.categories!.slice(0, 3)).toEqual([
      ['nasional', '#002f55'],
      ['provinsi', '#608dbe'],
      ['kabupaten', '#f8f800'],
    ]);
    expect(roads.qml.categories!.at(-1)).toEqual(['', '#727373']);
    expect(roads.sld.rules![0]).toEqual(["status = 'nasional'", '#002f55']);

    const classes = read['Tiang bergaya']!;
    expect(classes.qml).toEqual({
      renderer: 'graduatedSymbol',
      attr: 'tinggi_m',
      ranges: [
        [9, 10, '#ffeda0'],
        [10, 11, '#feb24c'],
        [11, 12, '#f03b20'],
      ],
      labels: 'no_tiang',
    });
    expect(classes.sld.rules).toEqual([
      ['tinggi_m >= 9 AND tinggi_m < 10', '#ffeda0'],
      ['tinggi_m >= 10 AND tinggi_m < 11', '#feb24c'],
      ['tinggi_m >= 11 AND tinggi_m <= 12', '#f03b20'],
    ]);
    expect(classes.sld.labels).toBe('no_tiang');

    expect(read['Tiang per pemilik']!.qml.categories).toEqual([
      ['KPG-0000', '#e41a1c'],
      ['KPG-0001', '#377eb8'],
      ['', '#999999'],
    ]);
    expect(read['Koridor (demo)']!.qml).toEqual({ renderer: 'singleSymbol', color: '#ff6d00', labels: null });
  }, 120_000);
});
