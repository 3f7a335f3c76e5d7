import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFeatures } from '../io/formats/registry';
import { createPhotoPointFeature } from './field-photos';

const photo = {
  id: 'photo-1',
  sha256: 'ab'.repeat(32),
  fileName: 'IMG_20260121_093015.jpg',
  metadata: {
    position: [123.6132, -10.1604] as [number, number],
    directionDeg: 45.5,
    takenAt: '2026-01-21T09:30:15+08:00',
    cameraMake: 'Samsung',
    cameraModel: null,
  },
};

describe('field-photo points', () => {
  it('export like any layer: GDAL reads the point, the file name, time, direction and camera from a GeoPackage', async () => {
    const point = createPhotoPointFeature(photo, 'photo-1-point', [123.6132, -10.1604]);
    const path = join(mkdtempSync(join(tmpdir(), 'rumija-photos-')), 'foto.gpkg');
    writeFileSync(path, (await writeFeatures([point], 'geopackage', 'Foto lapangan')).data);
    const info = execFileSync('ogrinfo', ['-ro', '-al', '-q', path], { encoding: 'utf8' });
    expect(info).toContain('POINT (123.6132 -10.1604)');
    expect(info).toMatch(/fileName \(String\) = IMG_20260121_093015\.jpg/);
    expect(info).toMatch(/takenAt \(String\) = 2026-01-21T09:30:15\+08:00/);
    expect(info).toMatch(/directionDeg \(Real\) = 45\.5/);
    expect(info).toMatch(/cameraMake \(String\) = Samsung/);
    // What the camera did not write is left out, not stored empty.
    expect(point.properties).not.toHaveProperty('cameraModel');
  });
});
