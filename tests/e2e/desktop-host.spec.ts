import { expect, test, type Page } from '@playwright/test';
import { openApp, screenshot } from './helpers';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';
import { createDemoStory } from '#shared/demo/demo-story';
import { storyToFile } from '#shared/present/story';
import { writeProject } from '#shared/project/write-project';
import { projectFixture } from '#shared/project/project-fixture';

/**
 * The page as the desktop app runs it: a host object like the preload's (window.rumijaHost) stands in for
 * Electron, so the renderer's side of file associations, the native menu and the menu language is driven
 * exactly as main would drive it. (Main's side is tested in electron/main/index.test.ts.)
 */
async function installDesktopHost(page: Page, launchFile: { name: string; text: string }) {
  await page.addInitScript((file) => {
    type Listener = (payload: unknown) => void;
    const record = {
      languages: [] as string[],
      files: null as Listener | null,
      menu: null as Listener | null,
      presenterViews: 0,
    };
    (window as unknown as { desktop: typeof record }).desktop = record;
    (window as unknown as { rumijaHost: unknown }).rumijaHost = {
      kind: 'electron',
      openFiles: async () => [],
      saveFile: async () => ({ saved: false }),
      appInfo: async () => ({ host: 'electron', version: '0.1.0', platform: 'linux' }),
      setFullScreen: async () => undefined,
      openPresenterView: async () => void record.presenterViews++,
      setLanguage: async (language: string) => void record.languages.push(language),
      takeOpenedFiles: async () => [{ name: file.name, bytes: new TextEncoder().encode(file.text) }],
      onFilesOpened: (listener: Listener) => ((record.files = listener), () => (record.files = null)),
      onMenuCommand: (listener: Listener) => ((record.menu = listener), () => (record.menu = null)),
      setOnlineHosts: async () => undefined,
      fetchOnline: async () => ({ status: 'missing' }),
      pickBackgroundFiles: async () => [],
      readBackgroundFile: async () => new Uint8Array(0),
      forgetBackgroundFile: async () => undefined,
      // Recent projects as the preload gives them; backups stay in the browser's store here.
      recentProjects: async () => [],
      openRecentProject: async () => null,
      forgetRecentProject: async () => undefined,
      onRecentProjectChosen: () => () => undefined,
    };
  }, launchFile);
}

const survey = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Point', coordinates: [123.6, -10.16] }, properties: { pemilik: 'PLN' } },
  ],
});

test('a file the system opened reaches the import preview; a story file opens as a story', async ({ page }) => {
  await installDesktopHost(page, { name: 'tiang-dari-explorer.geojson', text: survey });
  await openApp(page);
  await expect(page.getByTestId('import-preview')).toContainText('tiang-dari-explorer.geojson');
  await expect(page.getByTestId('preview-count')).toHaveText('1');
  await page.getByTestId('preview-import').click();
  await expect(page.getByTestId('import-outcome')).toContainText('1 fitur diimpor dari tiang-dari-explorer.geojson');

  // A second launch with a story file: the running window opens it in the story tab.
  const story = storyToFile({
    ...createDemoStory(createDemoDataset(), '2026-11-26T00:00:00Z'),
    title: 'Paparan dari berkas',
  });
  await page.evaluate(
    (text) =>
      (window as unknown as { desktop: { files: (files: unknown) => void } }).desktop.files([
        { name: 'paparan.rumija-story.json', bytes: new TextEncoder().encode(text) },
      ]),
    story,
  );
  await expect(page.getByTestId('story-message')).toContainText('paparan.rumija-story.json: cerita dengan');
  await expect(page.getByTestId('story-title')).toHaveValue('Paparan dari berkas');
});

test('a project file the system hands over opens after the same check and warning as "Buka proyek…"', async ({
  page,
}) => {
  await installDesktopHost(page, { name: 'kosong.geojson', text: '{"type":"FeatureCollection","features":[]}' });
  await openApp(page);
  await expect(page.getByTestId('import-outcome')).toContainText('kosong.geojson');
  const { bytes } = await writeProject({ ...projectFixture(), name: 'Sidang DPRD' });
  // A double-click in the file manager while Rumija runs: main reads the file and hands it to the page.
  await page.evaluate(
    (numbers) =>
      (window as unknown as { desktop: { files: (files: unknown) => void } }).desktop.files([
        { name: 'Sidang DPRD.rumija', bytes: new Uint8Array(numbers) },
      ]),
    Array.from(bytes),
  );
  const dialog = page.getByTestId('project-open-dialog');
  await expect(dialog).toContainText('Buka proyek Sidang DPRD.rumija?');
  await expect(dialog).toContainText(/Cadangan otomatis ruang kerja sekarang dibuat dulu/);
  // Not imported as a layer.
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  await screenshot(page, 'desktop-project-handed-id-1366');
  await page.getByTestId('project-open-confirm').click();
  await expect(page.getByTestId('project-message')).toContainText('Proyek Sidang DPRD.rumija dibuka.');
  await expect(page.getByText('Tiang PLN Kupang (impor)')).toBeVisible();
});

test('the native menu drives the same actions as the buttons and speaks the UI language', async ({ page }) => {
  await installDesktopHost(page, { name: 'kosong.geojson', text: '{"type":"FeatureCollection","features":[]}' });
  await openApp(page);
  await expect(page.getByTestId('import-outcome')).toContainText('kosong.geojson');
  const menu = (command: string) =>
    page.evaluate(
      (name) => (window as unknown as { desktop: { menu: (c: string) => void } }).desktop.menu(name),
      command,
    );
  const languages = () =>
    page.evaluate(() => (window as unknown as { desktop: { languages: string[] } }).desktop.languages);
  await expect.poll(languages).toEqual(['id']);

  // Edit → Undo / Redo step through the change log: hide a layer, undo shows it again, redo hides it.
  const checkbox = page.getByTestId('layer-visible-demo-bridges');
  await checkbox.uncheck();
  await menu('undo');
  await expect(checkbox).toBeChecked();
  await menu('redo');
  await expect(checkbox).not.toBeChecked();

  // File → Export opens the attribute table, where the export controls are.
  await menu('export');
  await expect(page.getByTestId('attribute-table')).toBeVisible();

  // View → Present starts the story of the story tab; the presenter view goes to the host.
  await menu('present');
  await expect(page.getByTestId('presenter')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presenter')).toHaveCount(0);
  await menu('presenter-view');
  await expect
    .poll(() =>
      page.evaluate(() => (window as unknown as { desktop: { presenterViews: number } }).desktop.presenterViews),
    )
    .toBe(1);

  await page.getByTestId('language-en').click();
  await expect.poll(languages).toEqual(['id', 'en']);
});

test('a project panel that fails (a host without the recent-project calls) leaves the rest of the app working', async ({
  page,
}) => {
  await installDesktopHost(page, { name: 'kosong.geojson', text: '{"type":"FeatureCollection","features":[]}' });
  // As an older preload would be: the page asks for calls it does not have.
  await page.addInitScript(() => {
    const host = (window as unknown as { rumijaHost: Record<string, unknown> }).rumijaHost;
    delete host.recentProjects;
    delete host.onRecentProjectChosen;
  });
  await openApp(page);
  await expect(page.getByRole('alert').filter({ hasText: 'Panel proyek' })).toContainText('mengalami galat');
  await expect(page.getByTestId('tab-layers')).toBeVisible();
  await expect(page.getByTestId('layer-visible-demo-roads')).toBeChecked();
  await screenshot(page, 'project-panel-failed-id-1366');
  await page.getByTestId('language-en').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Project panel' })).toBeVisible();
  await screenshot(page, 'project-panel-failed-en-1366');
});
