import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, UiLanguage } from '#shared/host/menu-commands';

export interface MenuActions {
  send(command: MenuCommand): void;
  showAbout(): void;
  openRecentProject(id: string): void;
}

/** A recent project as the menu shows it. */
export interface RecentMenuItem {
  id: string;
  label: string;
  exists: boolean;
}

const LABELS = {
  id: {
    file: 'Berkas',
    saveProject: 'Simpan proyek…',
    openProject: 'Buka proyek…',
    recentProjects: 'Proyek terakhir',
    noRecentProjects: 'Belum ada',
    missing: 'tidak ada lagi',
    restoreBackup: 'Pulihkan dari cadangan…',
    import: 'Impor berkas…',
    export: 'Ekspor lapisan…',
    openStory: 'Buka cerita…',
    saveStory: 'Simpan cerita…',
    quit: 'Keluar',
    edit: 'Sunting',
    undo: 'Urungkan',
    redo: 'Ulangi',
    cut: 'Potong',
    copy: 'Salin',
    paste: 'Tempel',
    selectAll: 'Pilih semua',
    view: 'Tampilan',
    fullScreen: 'Layar penuh',
    present: 'Presentasikan cerita',
    presenterView: 'Tampilan presenter',
    zoomIn: 'Perbesar tampilan',
    zoomOut: 'Perkecil tampilan',
    resetZoom: 'Ukuran tampilan normal',
    help: 'Bantuan',
    about: 'Tentang Rumija',
  },
  en: {
    file: 'File',
    saveProject: 'Save project…',
    openProject: 'Open project…',
    recentProjects: 'Recent projects',
    noRecentProjects: 'None yet',
    missing: 'no longer there',
    restoreBackup: 'Restore from backup…',
    import: 'Import files…',
    export: 'Export layer…',
    openStory: 'Open story…',
    saveStory: 'Save story…',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: 'View',
    fullScreen: 'Full screen',
    present: 'Present story',
    presenterView: 'Presenter view',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    resetZoom: 'Actual size',
    help: 'Help',
    about: 'About Rumija',
  },
} as const;

/**
 * The native application menu in the UI's language. Undo and redo go to the app's own change log
 * (not the text field's), so they are commands like the toolbar buttons; clipboard and zoom are Electron roles.
 */
export function appMenuTemplate(
  language: UiLanguage,
  actions: MenuActions,
  recent: readonly RecentMenuItem[] = [],
): MenuItemConstructorOptions[] {
  const label = LABELS[language];
  const command = (text: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label: text,
    accelerator,
    click: () => actions.send(name),
  });
  return [
    {
      label: label.file,
      submenu: [
        command(label.openProject, 'open-project', 'CmdOrCtrl+Shift+O'),
        {
          label: label.recentProjects,
          submenu: recent.length
            ? recent.map((item) =>
                // A file that is gone is shown as such; it is removed from the list in the sidebar.
                item.exists
                  ? { label: item.label, click: () => actions.openRecentProject(item.id) }
                  : { label: `${item.label} (${label.missing})`, enabled: false },
              )
            : [{ label: label.noRecentProjects, enabled: false }],
        },
        command(label.saveProject, 'save-project', 'CmdOrCtrl+Shift+S'),
        command(label.restoreBackup, 'restore-backup'),
        { type: 'separator' },
        command(label.import, 'import', 'CmdOrCtrl+O'),
        command(label.export, 'export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        command(label.openStory, 'open-story'),
        command(label.saveStory, 'save-story', 'CmdOrCtrl+S'),
        { type: 'separator' },
        { role: 'quit', label: label.quit },
      ],
    },
    {
      label: label.edit,
      submenu: [
        // No accelerator: Ctrl+Z reaches the page, which undoes text in a field and the change log elsewhere.
        command(label.undo, 'undo'),
        command(label.redo, 'redo'),
        { type: 'separator' },
        { role: 'cut', label: label.cut },
        { role: 'copy', label: label.copy },
        { role: 'paste', label: label.paste },
        { role: 'selectAll', label: label.selectAll },
      ],
    },
    {
      label: label.view,
      submenu: [
        { role: 'togglefullscreen', label: label.fullScreen },
        command(label.present, 'present', 'F5'),
        command(label.presenterView, 'presenter-view'),
        { type: 'separator' },
        { role: 'zoomIn', label: label.zoomIn },
        { role: 'zoomOut', label: label.zoomOut },
        { role: 'resetZoom', label: label.resetZoom },
      ],
    },
    { label: label.help, submenu: [{ label: label.about, click: () => actions.showAbout() }] },
  ];
}

/** The data the app ships and its licences, in the About box's language. */
const CREDITS: Record<UiLanguage, readonly string[]> = {
  id: [
    '© OpenStreetMap contributors (ODbL) — peta dasar',
    'GeoNames (CC BY 4.0) — tempat',
    'idn-area-data — nama pulau',
    'Noto Sans (SIL OFL 1.1) — huruf',
  ],
  en: [
    '© OpenStreetMap contributors (ODbL) — basemap',
    'GeoNames (CC BY 4.0) — places',
    'idn-area-data — island names',
    'Noto Sans (SIL OFL 1.1) — font',
  ],
};

/** The About box text: version and the licences of the data the app ships. */
export function aboutText(language: UiLanguage, version: string): { title: string; message: string; detail: string } {
  const credits = CREDITS[language].join('\n');
  return language === 'en'
    ? {
        title: 'About Rumija',
        message: `Rumija ${version}`,
        detail: `Desktop GIS for the road and right-of-way assets of Dinas PUPR NTT.\n\nData licences:\n${credits}`,
      }
    : {
        title: 'Tentang Rumija',
        message: `Rumija ${version}`,
        detail: `SIG desktop aset jalan dan RUMIJA Dinas PUPR Provinsi NTT.\n\nLisensi data:\n${credits}`,
      };
}
