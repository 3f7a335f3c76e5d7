import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, screenshot, SURVEY_GEOJSON as survey, waitForMapIdle } from './helpers';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';
import { createLargeCsvText } from '#shared/demo/synthetic-files';
import { Geodesic } from 'geographiclib-geodesic';

function writeFixture(name: string, content: string) {
  const path = join(mkdtempSync(join(tmpdir(), 'rumija-import-')), name);
  writeFileSync(path, content);
  return path;
}

test('a GeoJSON file from the open dialog becomes a layer that survives a reload', async ({ page }) => {
  await openApp(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-files').click();
  await (await chooser).setFiles(writeFixture('tiang-survei.geojson', survey));
  await expect(page.getByTestId('import-preview')).toContainText('tiang-survei.geojson');
  await expect(page.getByTestId('preview-count')).toHaveText('12');
  await expect(page.getByTestId('preview-crs')).toHaveText('WGS 84 (EPSG:4326)');
  await screenshot(page, 'import-preview-id');
  await page.getByTestId('preview-import').click();
  await expect(page.getByTestId('import-outcome')).toContainText('12 fitur diimpor dari tiang-survei.geojson');
  const layer = page.locator('[data-testid^="layer-import-"]');
  await expect(layer).toContainText('tiang-survei');
  await expect(layer).toContainText('12 fitur');
  await waitForMapIdle(page);
  await screenshot(page, 'import-geojson-id');

  await page.reload();
  await openApp(page);
  await expect(page.locator('[data-testid^="layer-import-"]')).toContainText('12 fitur');
  await page.locator('[data-testid^="layer-table-import-"]').click();
  await expect(page.getByTestId('table-row')).toHaveCount(12);
  await expect(page.getByTestId('table-row').first()).toContainText('Berkas: tiang-survei.geojson');
});

test('a bad file is refused with a message naming the feature, and nothing is added', async ({ page }) => {
  await openApp(page);
  const before = await page
    .locator('[data-testid^="layer-"][data-testid$="-roads"], [data-testid^="layer-demo-"]')
    .count();
  const bad = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [123.6, -10.1] }, properties: {} },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [566419, 8875595] }, properties: {} },
    ],
  });
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-files').click();
  await (await chooser).setFiles(writeFixture('utm-salah.geojson', bad));
  await expect(page.getByTestId('import-messages')).toContainText(
    'Tidak diimpor, tidak ada yang berubah: utm-salah.geojson, fitur 2',
  );
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  await expect(page.locator('[data-testid^="layer-import-"]')).toHaveCount(0);
  expect(
    await page.locator('[data-testid^="layer-"][data-testid$="-roads"], [data-testid^="layer-demo-"]').count(),
  ).toBe(before);
});

test('a CSV in UTM 51S dropped on the map is imported at the right place', async ({ page }) => {
  await openApp(page);
  await page.evaluate(async () => {
    const transfer = new DataTransfer();
    transfer.items.add(
      new File(['nama,easting,northing\nKantor PUPR,566490.57,8875595\n'], 'kantor.csv', { type: 'text/csv' }),
    );
    const target = document.querySelector('[data-testid="workspace"]')!;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId('preview-crs')).toHaveText('WGS 84 / UTM zone 51S (EPSG:32751)');
  // The user can override the detected zone and datum; the file is read again.
  await page.getByTestId('preview-zone').selectOption('50');
  await expect(page.getByTestId('preview-crs')).toHaveText('WGS 84 / UTM zone 50S (EPSG:32750)');
  await page.getByTestId('preview-zone').selectOption('51');
  await page.getByTestId('preview-datum').selectOption('SRGI2013');
  await expect(page.getByTestId('preview-crs')).toContainText('SRGI2013 / UTM zone 51S (EPSG:9491)');
  await page.getByTestId('preview-datum').selectOption('WGS 84');
  await expect(page.getByTestId('preview-crs')).toHaveText('WGS 84 / UTM zone 51S (EPSG:32751)');
  await page.getByTestId('preview-import').click();
  await expect(page.getByTestId('import-outcome')).toContainText(
    '1 fitur diimpor dari kantor.csv (WGS 84 / UTM zone 51S (EPSG:32751))',
  );
  const position = await page.evaluate(() => {
    const snapshot = window.rumijaStore!.getSnapshot();
    const layer = snapshot.layers.find((l) => l.name === 'kantor')!;
    return (snapshot.featuresByLayer.get(layer.id)![0]!.geometry as { coordinates: number[] }).coordinates;
  });
  // GDAL (PROJ) as the outside judge, to 1e-7° (about 1 cm).
  const [gdalLon, gdalLat] = execFileSync(
    'gdaltransform',
    ['-s_srs', 'EPSG:32751', '-t_srs', 'EPSG:4326', '-output_xy'],
    {
      input: '566490.57 8875595\n',
      encoding: 'utf8',
    },
  )
    .trim()
    .split(/\s+/)
    .map(Number);
  expect(Math.abs(position[0]! - gdalLon!)).toBeLessThan(1e-7);
  expect(Math.abs(position[1]! - gdalLat!)).toBeLessThan(1e-7);
});

const badBridges = createDemoDataset().features.filter(
  (feature) => feature.properties.kind === 'bridge' && feature.properties.condition === 'rusak_berat',
);

test('a filtered view of a layer exports as GeoJSON, CSV and KML that GDAL reads', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('layer-table-demo-bridges').click();
  await page.getByTestId('filter-condition').selectOption('rusak_berat');
  await expect(page.getByTestId('table-row')).toHaveCount(4);
  for (const format of ['geojson', 'csv', 'kml'] as const) {
    await page.getByTestId('table-export').click();
    await page.getByTestId('export-format').selectOption(format);
    // The title names the layer as the layer list does, not by its stored name.
    await expect(page.getByTestId('export-dialog').locator('h2')).toHaveText('Ekspor Jembatan (demo)');
    await expect(page.getByTestId('export-internal')).not.toBeChecked();
    // The naming choice shows a bridge's own field and value, not a road's.
    await expect(page.getByTestId('export-columns').locator('option')).toHaveText([
      'Label: "Panjang", "Rusak berat"',
      'Kode field: lengthM, rusak_berat',
    ]);
    // Field codes, and for CSV the comma and decimal point GDAL reads without options.
    await page.getByTestId('export-columns').selectOption('codes');
    if (format === 'csv') {
      await page.getByTestId('export-csv-separator').selectOption(',');
      await page.getByTestId('export-csv-decimal').selectOption('.');
      // Each bridge's place as numbers beside the WKT, for a spreadsheet reader.
      await page.getByTestId('export-lonlat').check();
    } else await expect(page.getByTestId('export-lonlat')).toHaveCount(0);
    const download = page.waitForEvent('download');
    await page.getByTestId('export-save').click();
    const file = join(mkdtempSync(join(tmpdir(), 'rumija-layer-export-')), (await download).suggestedFilename());
    await (await download).saveAs(file);
    const result = spawnSync('ogrinfo', ['-ro', '-al', '-so', file], { encoding: 'utf8' });
    expect(result.stderr, format).not.toMatch(/Warning|ERROR/);
    expect(result.stdout, format).toContain('Feature Count: 4');
    // Rumija's own id and kind stay home unless asked for.
    expect(result.stdout, format).not.toMatch(/^(id|kind|ID): /m);
    expect(result.stdout, format).toMatch(/^lengthM: /m);
    // Field by field, as GDAL reads the file back: the same bridges, names, lengths and places as the source.
    const read = JSON.parse(execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', file], { encoding: 'utf8' })) as {
      features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[];
    };
    const got = read.features
      .map((feature) => ({
        name: String(feature.properties.name ?? feature.properties.Name),
        lengthM: Number(feature.properties.lengthM),
        condition: feature.properties.condition,
        lon: feature.geometry.coordinates[0]!,
        lat: feature.geometry.coordinates[1]!,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const expected = badBridges
      .map((bridge) => ({
        name: String(bridge.properties.name),
        lengthM: Number(bridge.properties.lengthM),
        condition: 'rusak_berat',
        lon: (bridge.geometry as { coordinates: number[] }).coordinates[0]!,
        lat: (bridge.geometry as { coordinates: number[] }).coordinates[1]!,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(
      got.map(({ name, lengthM, condition }) => ({ name, lengthM, condition })),
      format,
    ).toEqual(expected.map(({ name, lengthM, condition }) => ({ name, lengthM, condition })));
    if (format === 'csv')
      for (const feature of read.features) {
        const [lon, lat] = feature.geometry.coordinates;
        expect(Math.abs(Number(feature.properties.lon) - lon!), 'lon column').toBeLessThan(1e-7);
        expect(Math.abs(Number(feature.properties.lat) - lat!), 'lat column').toBeLessThan(1e-7);
      }
    got.forEach((bridge, i) => {
      expect(Math.abs(bridge.lon - expected[i]!.lon), `${format} ${bridge.name}`).toBeLessThan(1e-7);
      expect(Math.abs(bridge.lat - expected[i]!.lat), `${format} ${bridge.name}`).toBeLessThan(1e-7);
    });
  }
  await expect(page.getByTestId('table-message')).toContainText('4 fitur diekspor');

  // Asked for, they leave under readable names, the kind in words.
  await page.getByTestId('table-export').click();
  await page.getByTestId('export-format').selectOption('geojson');
  await page.getByTestId('export-internal').check();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-save').click();
  const file = join(mkdtempSync(join(tmpdir(), 'rumija-layer-export-')), (await download).suggestedFilename());
  await (await download).saveAs(file);
  const read = JSON.parse(execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', file], { encoding: 'utf8' })) as {
    features: { properties: Record<string, unknown> }[];
  };
  expect(read.features.map((feature) => feature.properties['ID Rumija']).sort()).toEqual(
    badBridges.map((bridge) => bridge.id).sort(),
  );
  expect(new Set(read.features.map((feature) => feature.properties['Jenis fitur Rumija']))).toEqual(
    new Set(['Jembatan']),
  );
});

test('KML from Google Earth imports through the worker with its folders', async ({ page }) => {
  await openApp(page);
  const kml = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder><name>Survei Jl. El Tari</name>
<Placemark><name>Tiang A</name><Point><coordinates>123.64,-10.1625,0</coordinates></Point></Placemark>
<Placemark><name>Kabel B</name><LineString><coordinates>123.64,-10.1625 123.645,-10.163</coordinates></LineString></Placemark>
</Folder></Document></kml>`;
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-files').click();
  await (await chooser).setFiles(writeFixture('earth.kml', kml));
  await page.getByTestId('preview-import').click();
  await expect(page.getByTestId('import-outcome')).toContainText('2 fitur diimpor dari earth.kml');
  const folders = await page.evaluate(() => {
    const snapshot = window.rumijaStore!.getSnapshot();
    const layer = snapshot.layers.find((l) => l.name === 'earth')!;
    return snapshot.featuresByLayer.get(layer.id)!.map((f) => f.properties.folder);
  });
  expect(folders).toEqual(['Survei Jl. El Tari', 'Survei Jl. El Tari']);
});

test('survey lines map onto road segments, all or nothing, and the mapping is remembered', async ({ page }) => {
  // Three imports through the preview: more than the default minute on a loaded 2-core machine.
  test.setTimeout(150_000);
  await openApp(page);
  const roads = (condition: string) =>
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [123.62, -10.16],
              [123.63, -10.165],
            ],
          },
          properties: { no_ruas: 'P-777', nama: 'Jl. Survei 1', kondisi: 'Rusak Berat' },
        },
        {
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [123.63, -10.165],
              [123.64, -10.166],
            ],
          },
          properties: { no_ruas: 'P-777', nama: 'Jl. Survei 2', kondisi: condition },
        },
      ],
    });
  const importFile = async (name: string, content: string) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-files').click();
    await (await chooser).setFiles(writeFixture(name, content));
    await expect(page.getByTestId('import-preview')).toBeVisible();
  };

  await importFile('ruas-salah.geojson', roads('hancur'));
  await page.getByTestId('preview-kind').selectOption('road');
  await expect(page.getByTestId('map-ruasNumber')).toHaveValue('no_ruas');
  await expect(page.getByTestId('map-condition')).toHaveValue('kondisi');
  // A required field with no column and no default is marked before Impor, which waits for it.
  await expect(page.getByTestId('gap-status')).toHaveText(
    'wajib: 2 fitur kosong — pilih kolom lain atau isi nilai bila kosong',
  );
  await expect(page.getByTestId('preview-required')).toHaveText(
    'Belum dapat diimpor: Status wajib diisi untuk setiap fitur. Pilih kolomnya atau isi “Nilai bila kosong”.',
  );
  await expect(page.getByTestId('preview-import')).toBeDisabled();
  await page.setViewportSize({ width: 1366, height: 768 });
  await screenshot(page, 'import-required-gap-id-1366');
  await page.getByTestId('default-status').selectOption('provinsi');
  await expect(page.getByTestId('preview-required')).toHaveCount(0);
  // A condition the model does not know is asked about before Impor (value by value), not refused after it.
  await expect(page.getByTestId('value-row')).toHaveText([/^Kondisi“hancur” \(1 fitur\)/]);
  await expect(page.getByTestId('preview-values-pending')).toHaveText(
    'Belum dapat diimpor: 1 nilai belum dipetakan (lihat “Nilai yang perlu dipetakan”).',
  );
  await expect(page.getByTestId('preview-import')).toBeDisabled();
  await page.getByTestId('preview-cancel').click();
  await expect(page.locator('[data-testid^="layer-import-"]')).toHaveCount(0);

  await importFile('ruas.geojson', roads('baik'));
  await page.getByTestId('preview-kind').selectOption('road');
  await page.getByTestId('default-status').selectOption('provinsi');
  await page.getByTestId('preview-import').click();
  await expect(page.getByTestId('import-outcome')).toContainText('2 fitur diimpor dari ruas.geojson');
  const stored = await page.evaluate(() => {
    const snapshot = window.rumijaStore!.getSnapshot();
    const layer = snapshot.layers.find((l) => l.name === 'ruas')!;
    return { kind: layer.kind, first: snapshot.featuresByLayer.get(layer.id)![0]!.properties };
  });
  expect(stored.kind).toBe('road');
  expect(stored.first).toMatchObject({
    kind: 'road',
    ruasNumber: 'P-777',
    status: 'provinsi',
    condition: 'rusak_berat',
  });
  // The stored length is the geodesic one (GeographicLib, WGS 84) of the first line, kept to the decimetre.
  const expectedM = Geodesic.WGS84.Inverse(-10.16, 123.62, -10.165, 123.63).s12!;
  expect(Math.abs(Number(stored.first.lengthM) - expectedM)).toBeLessThanOrEqual(0.05);

  // A second file with the same columns opens with the same mapping.
  await importFile('ruas-2.geojson', roads('sedang'));
  await expect(page.getByTestId('preview-remembered')).toBeVisible();
  await expect(page.getByTestId('preview-kind')).toHaveValue('road');
  await expect(page.getByTestId('default-status')).toHaveValue('provinsi');
});

test('a large file shows how far reading has come, and Batal stops it leaving nothing behind', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page);
  const file = writeFixture('tiang-setahun.csv', createLargeCsvText(1_000_000));
  const choose = async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-files').click();
    await (await chooser).setFiles(file);
  };
  // Every label the progress bar shows, with the bar's value and maximum, recorded as the page draws them.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const label = document.querySelector('[data-testid="import-progress-label"]')?.textContent;
      const bar = document.querySelector('[data-testid="import-progress"] progress');
      if (label) seen.push(`${label} | ${bar?.getAttribute('value') ?? ''}/${bar?.getAttribute('max') ?? ''}`);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });

  // Read to the end: the bar went through the bytes and then the rows, counted against the file's totals.
  await choose();
  await expect(page.getByTestId('preview-count')).toHaveText('1.000.000', { timeout: 120_000 });
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(seen.some((entry) => /^Membaca tiang-setahun\.csv: \d+ % dari [\d,]+ MB \| \d+\/\d+$/.test(entry))).toBe(true);
  const checking = seen.filter((entry) =>
    /^Memeriksa tiang-setahun\.csv: [\d.]+ dari 1\.000\.000 fitur \| \d+\/1000000$/.test(entry),
  );
  expect(checking.length).toBeGreaterThan(0);
  await page.getByTestId('preview-cancel').click();

  // Read again and stop it while the file is parsed: a message, no preview, no layer, and the next file reads.
  await choose();
  await expect(page.getByTestId('import-progress-label')).toContainText(/Mengurai|Memeriksa/, { timeout: 60_000 });
  await screenshot(page, 'import-progress-id');
  await page.getByTestId('import-stop').click();
  await expect(page.getByTestId('import-outcome')).toContainText('tiang-setahun.csv: Pembaca berkas: dibatalkan');
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  await expect(page.locator('[data-testid^="layer-import-"]')).toHaveCount(0);
  const next = page.waitForEvent('filechooser');
  await page.getByTestId('import-files').click();
  await (await next).setFiles(writeFixture('tiang-survei.geojson', survey));
  await expect(page.getByTestId('preview-count')).toHaveText('12');
});
