import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clickOnMapAt, gdalNumber, identifiedPopup, openApp, screenshot, waitForMapIdle } from './helpers';
import { exiftoolRead, makeTaggedJpeg } from '../unit/exiftool-photo';

/** Drops files on the map area as a file manager would. */
async function dropFiles(page: Page, files: { name: string; bytes: Uint8Array }[]) {
  await page.evaluate(
    (list) => {
      const transfer = new DataTransfer();
      for (const { name, data } of list) {
        const bytes = Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
        transfer.items.add(new File([bytes], name, { type: name.endsWith('.jpg') ? 'image/jpeg' : '' }));
      }
      const target = document.querySelector('[data-testid="workspace"]')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    files.map(({ name, bytes }) => ({ name, data: Buffer.from(bytes).toString('base64') })),
  );
}

const photoLayerFeatures = (page: Page) =>
  page.evaluate(() => {
    const snapshot = window.rumijaStore!.getSnapshot();
    return (snapshot.featuresByLayer.get('field-photos') ?? []).map((feature) => ({
      coordinates: (feature.geometry as { coordinates: number[] }).coordinates,
      properties: feature.properties,
    }));
  });

/** The photo markers MapLibre has drawn in the view. */
const drawnPhotoMarkers = (page: Page) =>
  page.evaluate(() => window.rumijaMap!.queryRenderedFeatures({ layers: ['data:field-photos:point'] }).length);

test('three photos dropped: one repeated, one without GPS placed by hand; two points, photo in the popup after reload', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  // A phone photo beside the Kupang – Oelamasi road, the same file copied again, and a camera photo without GPS.
  const withGps = makeTaggedJpeg(
    'IMG_20260121_093015.jpg',
    {
      lat: -10.1604,
      lon: 123.6132,
      directionDeg: 45,
      dateTimeOriginal: '2026:01:21 09:30:15',
      make: 'Samsung',
      model: 'Galaxy A54',
    },
    [200, 120, 40],
    [320, 240],
  );
  const noGps = makeTaggedJpeg(
    'DSC_0042.jpg',
    { dateTimeOriginal: '2026:01:21 10:02:00', make: 'Canon' },
    [40, 110, 200],
    [320, 240],
  );
  const oracle = exiftoolRead(withGps.path);
  const repeatedBytes = new Uint8Array(readFileSync(withGps.path));
  await dropFiles(page, [
    { name: 'IMG_20260121_093015.jpg', bytes: withGps.bytes },
    { name: 'IMG_20260121_093015 (1).jpg', bytes: repeatedBytes },
    { name: 'DSC_0042.jpg', bytes: noGps.bytes },
  ]);
  await expect(page.getByTestId('photos-counts')).toHaveText(
    'Dibaca: 1 dengan GPS · 1 tanpa GPS · 1 berulang (dilewati) · 0 ditolak',
  );
  await page.getByTestId('photos-repeated').locator('summary').click();
  await expect(page.getByTestId('photos-repeated')).toContainText(
    'IMG_20260121_093015 (1).jpg: sama persis dengan IMG_20260121_093015.jpg',
  );
  await expect(page.getByTestId('photos-no-gps')).toContainText('1 foto tanpa GPS');
  await expect(page.getByTestId('photos-no-gps')).toContainText('DSC_0042.jpg');
  const ready = page.getByTestId('photo-ready');
  await expect(ready).toHaveCount(1);
  await expect(ready).toContainText('21/01/2026 09:30 · arah 45° · Samsung Galaxy A54');
  // Within 30 m of the road or a pole: proposed, not taken until the user agrees.
  await expect(ready.getByTestId('photo-attach')).not.toBeChecked();

  // The photo without GPS is placed by a click on the map.
  await page.evaluate(() => window.rumijaMap!.jumpTo({ center: [123.6145, -10.1612], zoom: 16 }));
  await waitForMapIdle(page);
  await page.getByTestId('photo-place').click();
  await expect(page.getByTestId('photos-placing')).toContainText('DSC_0042.jpg');
  const handPlace: [number, number] = [123.6158, -10.162];
  await clickOnMapAt(page, handPlace);
  await expect(page.getByTestId('photo-ready')).toHaveCount(2);
  await screenshot(page, 'field-photos-intake-id');
  await page.getByTestId('photos-save').click();
  await expect(page.getByTestId('photos-saved')).toHaveText(
    'Tersimpan: 2 titik baru di Foto lapangan, 0 dilampirkan ke fitur.',
  );

  const features = await photoLayerFeatures(page);
  expect(features).toHaveLength(2);
  const fromExif = features.find((feature) => feature.properties.fileName === 'IMG_20260121_093015.jpg')!;
  expect(fromExif.coordinates[0]).toBeCloseTo(oracle.GPSLongitude as number, 9);
  expect(fromExif.coordinates[1]).toBeCloseTo(oracle.GPSLatitude as number, 9);
  expect(fromExif.properties).toMatchObject({
    directionDeg: oracle.GPSImgDirection,
    takenAt: String(oracle.DateTimeOriginal).replace(/^(\d{4}):(\d{2}):(\d{2}) /, '$1-$2-$3T'),
    cameraMake: oracle.Make,
    cameraModel: oracle.Model,
  });
  const byHand = features.find((feature) => feature.properties.fileName === 'DSC_0042.jpg')!;
  // Placed where clicked, to the pixel (about 2 m at zoom 16).
  expect(Math.abs(byHand.coordinates[0]! - handPlace[0])).toBeLessThan(3e-5);
  expect(Math.abs(byHand.coordinates[1]! - handPlace[1])).toBeLessThan(3e-5);
  await waitForMapIdle(page);
  await expect.poll(() => drawnPhotoMarkers(page)).toBe(2);

  await page.reload();
  await waitForMapIdle(page);
  expect(await photoLayerFeatures(page)).toHaveLength(2);
  await page.evaluate(() => window.rumijaMap!.jumpTo({ center: [123.6145, -10.1612], zoom: 16 }));
  await waitForMapIdle(page);
  await expect.poll(() => drawnPhotoMarkers(page)).toBe(2);
  await clickOnMapAt(page, [oracle.GPSLongitude as number, oracle.GPSLatitude as number]);
  const popup = await identifiedPopup(page, 'IMG_20260121_093015.jpg');
  const image = popup.getByTestId('popup-photo');
  await expect(image).toHaveCount(1);
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(320);
  await expect(popup.getByTestId('popup-photos')).toContainText('21/01/2026 09:30 · arah 45° · Samsung Galaxy A54');
  await screenshot(page, 'field-photos-popup-id');

  await page.getByTestId('language-en').click();
  // Switching the language closes the popup; the next click opens it in English.
  await expect(page.getByTestId('feature-popup')).toHaveCount(0);
  await waitForMapIdle(page);
  await expect.poll(() => drawnPhotoMarkers(page)).toBe(2);
  await clickOnMapAt(page, [oracle.GPSLongitude as number, oracle.GPSLatitude as number]);
  const popupEn = await identifiedPopup(page, 'IMG_20260121_093015.jpg');
  await expect(popupEn.getByTestId('popup-photos')).toContainText('facing 45°');
  await screenshot(page, 'field-photos-popup-en');
});

test('bad files are refused by name and reason; a photo by a road is attached at its STA only when confirmed', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  await page.getByTestId('language-en').click();
  await page.getByTestId('tab-photos').click();
  const road: [number, number][] = [
    [123.60694, -10.17083],
    [123.6194, -10.1499],
  ];
  const byRoad = makeTaggedJpeg(
    'pole-by-road.jpg',
    { lat: -10.1604, lon: 123.6132, directionDeg: 300, dateTimeOriginal: '2026:02:03 14:05:00', make: 'Xiaomi' },
    [120, 160, 60],
    [320, 240],
  );
  const oracle = exiftoolRead(byRoad.path);
  const photo: [number, number] = [oracle.GPSLongitude as number, oracle.GPSLatitude as number];
  const cut = makeTaggedJpeg('cut-short.jpg', { lat: -10.16, lon: 123.61 }).bytes;
  const heic = new Uint8Array([0, 0, 0, 24, ...Buffer.from('ftypheic'), 0, 0, 0, 0, 0, 0, 0, 0]);
  await page.getByTestId('photos-input').setInputFiles([
    { name: 'IMG_0001.HEIC', mimeType: 'image/heic', buffer: Buffer.from(heic) },
    { name: 'cut-short.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(cut.subarray(0, cut.length - 60)) },
    { name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('field notes, not a photo') },
    { name: 'pole-by-road.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(byRoad.bytes) },
  ]);
  await expect(page.getByTestId('photos-counts')).toHaveText(
    'Read: 1 with GPS · 0 without GPS · 0 repeated (skipped) · 3 refused',
  );
  const refused = page.getByTestId('photos-refused');
  await expect(refused).toContainText('3 files refused');
  await expect(refused).toContainText('IMG_0001.HEIC: HEIC (iPhone) photos cannot be read. Convert to JPEG first');
  await expect(refused).toContainText('Most Compatible');
  await expect(refused).toContainText('cut-short.jpg: the JPEG file is damaged or cut short');
  await expect(refused).toContainText('notes.jpg: not a JPEG photo');

  // The road's STA at the photo's foot, from SpatiaLite on the ellipsoid (GDAL), rounded as the panel shows it.
  const sta = gdalNumber(
    'ruas',
    [{ geometry: { type: 'LineString', coordinates: road }, properties: {} }],
    `SELECT ST_Distance(MakePoint(${road[0]![0]}, ${road[0]![1]}, 4326), ` +
      `ST_ClosestPoint(geometry, MakePoint(${photo[0]}, ${photo[1]}, 4326)), 1) AS v FROM ruas`,
  );
  const staText = `STA ${Math.floor(sta / 1000)}+${String(Math.round(sta % 1000)).padStart(3, '0')}`;
  // No proposal at 0 m: the photo would become a point.
  await page.getByTestId('photos-distance').fill('0');
  await expect(page.getByTestId('photo-ready')).toContainText('New point in Field photos');
  await page.getByTestId('photos-distance').fill('30');
  const proposal = page.getByTestId('photo-ready').locator('.photo-proposal');
  await expect(proposal).toContainText(`Attach to road segment N-01 · Kupang – Oelamasi (1/3), ${staText}`);
  await page.getByTestId('photo-attach').check();
  await screenshot(page, 'field-photos-intake-en');
  await page.getByTestId('photos-save').click();
  await expect(page.getByTestId('photos-saved')).toHaveText(
    'Saved: 0 new points in Field photos, 1 attached to features.',
  );
  // No evidence point was made: the photo belongs to the road.
  expect(await photoLayerFeatures(page)).toHaveLength(0);

  await page.reload();
  await waitForMapIdle(page);
  await page.evaluate((center) => window.rumijaMap!.jumpTo({ center, zoom: 16 }), photo);
  await waitForMapIdle(page);
  // The foot of the photo on the road, where the road is drawn.
  await clickOnMapAt(page, [123.61316, -10.16038]);
  const popup = await identifiedPopup(page, 'N-01');
  await expect(popup.getByTestId('popup-photos')).toContainText('pole-by-road.jpg');
  await expect(popup.getByTestId('popup-photos')).toContainText(`attached at ${staText}`);
  await expect
    .poll(() => popup.getByTestId('popup-photo').evaluate((element: HTMLImageElement) => element.naturalWidth))
    .toBe(320);
  await screenshot(page, 'field-photos-road-popup-en');
});

test('photos travel in a project file: saved with their images, gone from the workspace, back in the popup after open', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  await page.getByTestId('tab-photos').click();
  const byRoad = makeTaggedJpeg(
    'tiang-di-ruas.jpg',
    { lat: -10.1604, lon: 123.6132, directionDeg: 300, dateTimeOriginal: '2026:02:03 14:05:00', make: 'Xiaomi' },
    [120, 160, 60],
    [320, 240],
  );
  const photoSha = createHash('sha256').update(byRoad.bytes).digest('hex');
  await page
    .getByTestId('photos-input')
    .setInputFiles([{ name: 'tiang-di-ruas.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(byRoad.bytes) }]);
  await page.getByTestId('photos-distance').fill('30');
  await page.getByTestId('photo-attach').check();
  await page.getByTestId('photos-save').click();
  await expect(page.getByTestId('photos-saved')).toContainText('1');

  // Saved with the images embedded (the dialog's default).
  await page.getByTestId('project-save').click();
  const saveDialog = page.getByTestId('project-save-dialog');
  await expect(saveDialog).toContainText('1 foto');
  await expect(saveDialog.getByTestId('project-photo-images')).toContainText('Sertakan gambar');
  await screenshot(page, 'project-save-dialog-photos-id-1366');
  await page.getByTestId('project-name').fill('Foto Kupang');
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId('project-save-confirm').click();
  const path = join(mkdtempSync(join(tmpdir(), 'rumija-photo-project-')), 'Foto Kupang.rumija');
  await (await download).saveAs(path);
  // sqlite3 reads the photo's record and writes its original out: the very file that was imported.
  const sqlite = (sql: string) => execFileSync('sqlite3', [path, sql], { encoding: 'utf8' }).trim();
  expect(sqlite('SELECT file_name || "|" || image_carried FROM rumija_photos')).toBe('tiang-di-ruas.jpg|1');
  expect(sqlite('SELECT group_concat(role || ":" || length(data)) FROM rumija_photo_images ORDER BY id')).toMatch(
    new RegExp(`^original:${byRoad.bytes.byteLength},thumbnail:\\d+$`),
  );
  const out = `${path}.jpg`;
  sqlite(`SELECT writefile('${out}', data) FROM rumija_photo_images WHERE role = 'original'`);
  expect(createHash('sha256').update(readFileSync(out)).digest('hex')).toBe(photoSha);

  await page.getByTestId('language-en').click();
  await page.getByTestId('project-save').click();
  await expect(saveDialog.getByTestId('project-photo-images')).toContainText('Field photo images (1 photo)');
  await expect(saveDialog.getByTestId('project-photo-images')).toContainText('Photo records only');
  await screenshot(page, 'project-save-dialog-photos-en-1366');
  await saveDialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByTestId('language-id').click();

  // The workspace loses its photos (as a broken database would).
  await page.evaluate(async () => {
    const { db } = window.rumijaStore!;
    await db.photos.clear();
    await db.photoImages.clear();
  });
  const chooseProject = async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('project-open').click();
    await (await chooser).setFiles(path);
  };
  await chooseProject();
  const dialog = page.getByTestId('project-open-dialog');
  await expect(dialog).toContainText(/Ruang kerja sekarang \(4 lapisan, 736 fitur, .*, 0 foto\)/);
  await expect(dialog).toContainText(/isi proyek \(4 lapisan, 736 fitur, .*wajib retribusi.*pembayaran.*, 1 foto\)/);
  await screenshot(page, 'project-open-dialog-photos-id-1366');
  await dialog.getByRole('button', { name: 'Batal' }).click();
  await page.getByTestId('language-en').click();
  await chooseProject();
  await expect(dialog).toContainText(/by the project \(4 layers, 736 features, .*obligors.*payments.*, 1 photo\)/);
  await screenshot(page, 'project-open-dialog-photos-en-1366');
  await page.getByTestId('project-open-confirm').click();
  await expect(page.getByTestId('project-message')).toContainText('Foto Kupang.rumija');

  await page.reload();
  await waitForMapIdle(page);
  await page.evaluate(() => window.rumijaMap!.jumpTo({ center: [123.6132, -10.1604], zoom: 16 }));
  await waitForMapIdle(page);
  await clickOnMapAt(page, [123.61316, -10.16038]);
  const popup = await identifiedPopup(page, 'N-01');
  await expect(popup.getByTestId('popup-photos')).toContainText('tiang-di-ruas.jpg');
  await expect
    .poll(() => popup.getByTestId('popup-photo').evaluate((element: HTMLImageElement) => element.naturalWidth))
    .toBe(320);
  await screenshot(page, 'field-photos-popup-after-open-en');

  // Saved with records only, opened where the image is not: the photo is listed, its image said to be not carried.
  await page.keyboard.press('Escape');
  await page.getByTestId('project-save').click();
  await page.getByTestId('project-photo-reference').check();
  const referencedDownload = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId('project-save-confirm').click();
  const referenced = join(mkdtempSync(join(tmpdir(), 'rumija-photo-project-')), 'Catatan foto.rumija');
  await (await referencedDownload).saveAs(referenced);
  expect(execFileSync('sqlite3', [referenced, 'SELECT count(*) FROM rumija_photo_images'], { encoding: 'utf8' })).toBe(
    '0\n',
  );
  await page.evaluate(() => window.rumijaStore!.db.photoImages.clear());
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('project-open').click();
  await (await chooser).setFiles(referenced);
  await page.getByTestId('project-open-confirm').click();
  await expect(page.getByTestId('project-message')).toContainText('Catatan foto.rumija');
  await page.reload();
  await waitForMapIdle(page);
  await page.evaluate(() => window.rumijaMap!.jumpTo({ center: [123.6132, -10.1604], zoom: 16 }));
  await waitForMapIdle(page);
  await clickOnMapAt(page, [123.61316, -10.16038]);
  const notCarried = await identifiedPopup(page, 'N-01');
  await expect(notCarried.getByTestId('popup-photos')).toContainText('tiang-di-ruas.jpg');
  await expect(notCarried.getByTestId('popup-photos')).toContainText('Image not carried by the project file');
  await expect(notCarried.getByTestId('popup-photo')).toHaveCount(0);
  await screenshot(page, 'field-photos-popup-not-carried-en');
});
