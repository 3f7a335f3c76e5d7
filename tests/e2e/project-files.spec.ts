import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, screenshot } from './helpers';

/**
 * The workspace as a project file in the browser build: saved, opened in place of the workspace after a backup,
 * restored from that backup; files that are not a good project say what they are; a database that cannot be
 * opened offers the newest backup instead of a blank app.
 */
test.use({ viewport: { width: 1366, height: 768 } });
// Saving, backing up and opening run one after another on SwiftShader and a shared machine.
test.setTimeout(300_000);
const folder = mkdtempSync(join(tmpdir(), 'rumija-project-e2e-'));

async function saveProject(page: Page, name: string) {
  await page.getByTestId('project-save').click();
  await expect(page.getByTestId('project-save-dialog')).toBeVisible();
  await page.getByTestId('project-name').fill(name);
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId('project-save-confirm').click();
  const saved = await download;
  const path = join(folder, saved.suggestedFilename());
  await saved.saveAs(path);
  return path;
}

async function chooseProject(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('project-open').click();
  await (await chooser).setFiles(path);
}

const renameRoads = (page: Page, name: string) =>
  page.evaluate((text) => window.rumijaStore!.document.renameLayer('demo-roads', text), name);

test('a saved project opens in place of the workspace after a backup, and the backup restores it', async ({ page }) => {
  await openApp(page);
  const path = await saveProject(page, 'Sidang Kupang');
  expect(path).toMatch(/Sidang Kupang\.rumija$/);
  await expect(page.getByTestId('project-message')).toHaveText(/Proyek tersimpan: Sidang Kupang\.rumija/);
  await expect(page).toHaveTitle('Sidang Kupang — Rumija');
  // GDAL reads the saved file as a GeoPackage with the demo layers.
  const layers = execFileSync('ogrinfo', ['-ro', '-q', path], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  expect(layers).toMatch(/Ruas jalan \(demo\) \(Line String\)/);

  await renameRoads(page, 'Ruas diubah setelah simpan');
  await expect(page.getByTestId('layer-name-demo-roads')).toHaveText('Ruas diubah setelah simpan');
  await chooseProject(page, path);
  const dialog = page.getByTestId('project-open-dialog');
  await expect(dialog).toContainText('Buka proyek Sidang Kupang.rumija?');
  // Everything that is replaced is counted, the registers and photos too.
  await expect(dialog).toContainText(
    'Ruang kerja sekarang (4 lapisan, 736 fitur, 1 cerita, 1 versi tarif, 5 wajib retribusi, 10 ketetapan, ' +
      '3 pembayaran, 1 program penertiban, 0 program penanganan, 0 foto)',
  );
  await expect(dialog).toContainText(/Cadangan otomatis ruang kerja sekarang dibuat dulu/);
  await screenshot(page, 'project-open-dialog-id-1366');
  await page.getByTestId('project-open-confirm').click();
  await expect(page.getByTestId('project-message')).toContainText(
    'Proyek Sidang Kupang.rumija dibuka. Riwayat urungkan dimulai baru',
  );
  await expect(page.getByTestId('layer-name-demo-roads')).toHaveText('Ruas jalan (demo)');
  await expect(page).toHaveTitle('Sidang Kupang — Rumija');

  await page.getByTestId('project-restore').click();
  const list = page.getByTestId('project-restore-dialog');
  await expect(list.getByTestId('backup-entry').first()).toContainText('sebelum membuka proyek');
  await expect(list.getByTestId('backup-entry').first()).toContainText('4 lapisan, 736 fitur, 1 cerita, 1 versi tarif');
  await screenshot(page, 'project-restore-dialog-id-1366');
  await list.getByTestId('backup-restore').first().click();
  await expect(page.getByTestId('project-restore-confirm-dialog')).toContainText(
    'Cadangan ruang kerja sekarang dibuat dulu',
  );
  await expect(page.getByTestId('project-restore-confirm-dialog')).toContainText(
    /Ruang kerja sekarang \(4 lapisan, 736 fitur, .*5 wajib retribusi, 10 ketetapan, 3 pembayaran, .*0 foto\) akan diganti dengan cadangan .* \(4 lapisan, .*3 pembayaran, .*0 foto\)/,
  );
  await screenshot(page, 'project-restore-confirm-id-1366');
  await page.getByTestId('project-restore-confirm').click();
  await expect(page.getByTestId('project-message')).toContainText('dipulihkan');
  await expect(page.getByTestId('layer-name-demo-roads')).toHaveText('Ruas diubah setelah simpan');

  // The same dialogs in English.
  await page.getByTestId('language-en').click();
  await page.getByTestId('project-save').click();
  await expect(page.getByTestId('project-save-dialog')).toContainText(
    'The whole workspace (4 layers, 736 features, 1 story, 1 tariff version, 5 obligors, 10 assessments, 3 payments',
  );
  await screenshot(page, 'project-save-dialog-en-1366');
  await page.getByTestId('project-save-dialog').getByRole('button', { name: 'Cancel' }).click();
  await chooseProject(page, path);
  await expect(page.getByTestId('project-open-dialog')).toContainText('will be replaced entirely');
  await screenshot(page, 'project-open-dialog-en-1366');
  await page.getByTestId('project-open-dialog').getByRole('button', { name: 'Cancel' }).click();
  await page.getByTestId('project-restore').click();
  await expect(page.getByTestId('backup-entry').first()).toContainText('before restoring');
  await screenshot(page, 'project-restore-dialog-en-1366');
  await page.getByTestId('project-restore-dialog').getByRole('button', { name: 'Close' }).click();
  await page.getByTestId('language-id').click();
  await page.getByTestId('project-save').click();
  await screenshot(page, 'project-save-dialog-id-1366');
});

test('recent projects list what was saved and opened, and in the browser ask for the file again', async ({ page }) => {
  await openApp(page);
  const recent = page.getByTestId('recent-projects');
  await expect(recent).toHaveCount(0);
  const first = await saveProject(page, 'Sidang Kupang');
  await saveProject(page, 'Sidang Ende');
  await recent.locator('summary').click();
  await expect(recent.getByTestId('recent-project')).toHaveCount(2);
  await expect(recent.getByTestId('recent-project').first()).toContainText('Sidang Ende.rumija');
  // The date as the UI writes it: 07/12/2026 14.05.
  await expect(recent.getByTestId('recent-project').first()).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}\.\d{2}/);
  await expect(recent).toContainText('Di peramban, berkas tidak dapat dibuka lagi dengan sendirinya');
  await page.reload();
  await expect(recent.locator('summary')).toHaveText('Proyek terakhir (2)');
  await recent.locator('summary').click();
  await expect(recent.getByTestId('recent-project')).toHaveCount(2);
  await screenshot(page, 'project-recent-id-1366');
  // Choosing one asks for the file (the browser cannot read it again by itself) and opens it the usual way.
  const chooser = page.waitForEvent('filechooser');
  await recent.getByRole('button', { name: 'Sidang Kupang.rumija', exact: true }).click();
  await (await chooser).setFiles(first);
  await expect(page.getByTestId('project-open-dialog')).toContainText('Buka proyek Sidang Kupang.rumija?');
  await page.getByTestId('project-open-dialog').getByRole('button', { name: 'Batal' }).click();
  await expect(recent.getByTestId('recent-project').first()).toContainText('Sidang Kupang.rumija');
  await recent.getByRole('button', { name: 'Hapus Sidang Ende.rumija dari daftar (berkasnya tetap ada)' }).click();
  await expect(recent.getByTestId('recent-project')).toHaveCount(1);
  await page.getByTestId('language-en').click();
  await expect(recent).toContainText('In the browser a file cannot be opened again by itself');
  await screenshot(page, 'project-recent-en-1366');
  await page.getByTestId('language-id').click();
});

test('a truncated project, one from a newer Rumija and a plain GeoPackage each say what they are', async ({ page }) => {
  await openApp(page);
  const path = await saveProject(page, 'Utuh');
  const bytes = readFileSync(path);
  const truncated = join(folder, 'terpotong.rumija');
  writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
  const newer = join(folder, 'baru.rumija');
  writeFileSync(newer, bytes);
  execFileSync(
    'ogrinfo',
    ['-q', newer, '-sql', "UPDATE rumija_project SET value = '99' WHERE key = 'format_version'"],
    {
      stdio: 'ignore',
    },
  );
  const plain = join(folder, 'jalan.gpkg');
  execFileSync('ogr2ogr', ['-f', 'GPKG', plain, path, 'Ruas jalan (demo)', '-nln', 'jalan_kabupaten']);

  await chooseProject(page, truncated);
  await expect(page.getByTestId('project-message')).toHaveText(
    new RegExp(
      `terpotong\\.rumija terpotong: [\\d.]+ dari ${bytes.length.toLocaleString('id-ID').replace(/\./g, '\\.')} bita`,
    ),
  );
  await screenshot(page, 'project-truncated-id-1366');
  await chooseProject(page, newer);
  await expect(page.getByTestId('project-message')).toContainText(
    'baru.rumija dibuat oleh Rumija yang lebih baru (format 99; versi ini membaca sampai format 3)',
  );
  await chooseProject(page, plain);
  await expect(page.getByTestId('project-message')).toContainText(
    'jalan.gpkg adalah GeoPackage biasa, bukan proyek Rumija (lapisan: jalan_kabupaten)',
  );
  await page.getByTestId('project-import-layers').click();
  await expect(
    page
      .getByTestId('import-preview')
      .or(page.locator('[data-testid^="layer-"]').filter({ hasText: 'jalan' }))
      .first(),
  ).toBeVisible({ timeout: 30_000 });
  // Nothing was replaced by any of them.
  await expect(page.getByTestId('layer-name-demo-roads')).toHaveText('Ruas jalan (demo)');
});

test('a database that cannot be opened says so and offers the newest backup, not a blank app', async ({ page }) => {
  await openApp(page);
  // The daily backup is made a few seconds after the start.
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          // Opened only once it exists, and closed at once: an open connection would hold up the app's own.
          if (!(await indexedDB.databases()).some((db) => db.name === 'rumija-backups')) return 0;
          return new Promise<number>((resolve) => {
            const open = indexedDB.open('rumija-backups');
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('backups')) {
                db.close();
                return resolve(0);
              }
              const count = db.transaction('backups').objectStore('backups').count();
              count.onsuccess = () => {
                db.close();
                resolve(count.result);
              };
            };
          });
        }),
      { timeout: 120_000 },
    )
    .toBe(1);
  // Break the workspace database: a version far beyond the app's, as a corrupted or foreign profile would leave it.
  await page.evaluate(async () => {
    window.rumijaStore!.db.close();
    await new Promise((resolve) => (indexedDB.deleteDatabase('rumija').onsuccess = resolve));
    await new Promise<void>((resolve) => {
      const open = indexedDB.open('rumija', 9990);
      // Stores of the app's names with other keys: Dexie cannot change a primary key, so it cannot open this.
      open.onupgradeneeded = () => {
        open.result.createObjectStore('layers', { keyPath: 'rusak' });
        open.result.createObjectStore('featureBlocks', { keyPath: 'rusak' });
      };
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
    });
  });
  await page.reload();
  const recovery = page.getByTestId('storage-recovery');
  await expect(recovery).toContainText(
    'Basis data aplikasi di komputer ini tidak dapat dibuka. Basis data ini ditulis oleh versi Rumija lain',
  );
  await expect(recovery).toContainText('4 lapisan, 736 fitur, 1 cerita, 1 versi tarif');
  // IndexedDB's own English text is there for whoever needs it, behind "Pesan teknis".
  const details = recovery.getByTestId('storage-recovery-details');
  await expect(details.locator('code')).toBeHidden();
  await screenshot(page, 'project-storage-recovery-id-1366');
  await details.locator('summary').click();
  await expect(details.locator('code')).toContainText('DataError');
  await page.getByTestId('language-en').click();
  await expect(recovery).toContainText(
    "The app's database on this computer cannot be opened. This database was written by another version of Rumija",
  );
  await screenshot(page, 'project-storage-recovery-en-1366');
  await page.getByTestId('language-id').click();
  await page.getByTestId('storage-restore-newest').click();
  await expect(page.getByTestId('layer-name-demo-roads')).toHaveText('Ruas jalan (demo)', { timeout: 30_000 });
  await expect(recovery).toHaveCount(0);
});
