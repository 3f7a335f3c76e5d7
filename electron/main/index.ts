import { app, BrowserWindow, dialog, ipcMain, Menu, net, safeStorage, screen, session } from 'electron';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { registerHostHandlers } from './ipc/host-handlers';
import { OnlineFetcher } from './online/online-fetcher';
import { manualRedirectFetch } from './online/manual-redirect-fetch';
import { BackgroundFiles } from './background-files';
import { TeamDatabase } from './postgis/team-database';
import { KeychainPasswords } from './postgis/keychain-passwords';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { APP_ORIGIN, hardenApp, hardenSession } from './security';
import { aboutText, appMenuTemplate, type RecentMenuItem } from './app-menu';
import { RecentProjects } from './recent-projects';
import { BackupFolder } from './backup-folder';
import { OpenedFileQueue } from './opened-files';
import { parseWindowState, trackWindowState, windowPlacement } from './window-state';
import { HOST_EVENTS, PRESENTER_VIEW_HASH } from '#shared/host/host-api';
import { filePathsFromArgv, isOpenableFileName } from '#shared/host/opened-files';
import type { MenuCommand, UiLanguage } from '#shared/host/menu-commands';
import { wordProblem } from '#shared/messages/word-problem';

// One Rumija at a time: a second launch (double-clicking a .geojson) hands its files to this one and quits.
if (!app.requestSingleInstanceLock()) app.quit();

registerAppScheme();
hardenApp(app);

let mainWindow: BrowserWindow | null = null;
let presenterWindow: BrowserWindow | null = null;
let language: UiLanguage = 'id';

// Made once the app is ready (userData is known then); the menu reads it.
let recentProjects: RecentProjects;
let recentProjectsCreated: (recent: RecentProjects) => void = () => undefined;
const recentProjectsReady = new Promise<RecentProjects>((resolve) => (recentProjectsCreated = resolve));
const windowStateFile = () => join(app.getPath('userData'), 'window-state.json');

const openedFiles = new OpenedFileQueue({
  size: async (path) => (await stat(path)).size,
  read: async (path) => new Uint8Array(await readFile(path)),
  deliver: (files) => mainWindow?.webContents.send(HOST_EVENTS.filesOpened, files),
  report: (problem) =>
    void dialog.showMessageBox({ type: 'warning', title: 'Rumija', message: wordProblem(problem, language) }),
  // A project opened from the file manager goes on the recent list once the list is there (files can come before).
  opened: (path) =>
    void recentProjectsReady
      .then((recent) => recent.note(path))
      .then(() => refreshRecentMenu())
      .catch((error: unknown) => console.warn('recent projects', error)),
});

/** Every window of the app runs isolated and sandboxed, with the preload as its only bridge. */
const secureWebPreferences = () => ({
  preload: join(__dirname, '../preload/index.js'),
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  spellcheck: false,
});

function readSavedWindowState() {
  try {
    return parseWindowState(readFileSync(windowStateFile(), 'utf8'));
  } catch {
    return null;
  }
}

function createMainWindow(): BrowserWindow {
  const placement = windowPlacement(
    readSavedWindowState(),
    // Primary first: it is where a window that fits nowhere else opens.
    [
      screen.getPrimaryDisplay(),
      ...screen.getAllDisplays().filter((display) => display.id !== screen.getPrimaryDisplay().id),
    ].map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    x: placement.x,
    y: placement.y,
    width: placement.width,
    height: placement.height,
    minWidth: 900,
    minHeight: 600,
    title: 'Rumija',
    backgroundColor: '#dbe9f4',
    show: false,
    webPreferences: secureWebPreferences(),
  });
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  trackWindowState(
    window,
    (state) => void writeFileAtomic(windowStateFile(), JSON.stringify(state)).catch(() => undefined),
  );
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  // A reloaded page asks for opened files again; until then new ones wait.
  window.webContents.on('did-start-loading', () => openedFiles.reset());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

/** The presenter view (notes, next slide, timer) on the screen the main window is not on, if there is one. */
function openPresenterView() {
  if (presenterWindow && !presenterWindow.isDestroyed()) {
    presenterWindow.focus();
    return;
  }
  const mainDisplay = mainWindow ? screen.getDisplayMatching(mainWindow.getBounds()) : screen.getPrimaryDisplay();
  const display = screen.getAllDisplays().find((candidate) => candidate.id !== mainDisplay.id) ?? mainDisplay;
  const window = new BrowserWindow({
    x: display.workArea.x + 40,
    y: display.workArea.y + 40,
    width: 960,
    height: 640,
    title: 'Rumija — presenter',
    backgroundColor: '#12355b',
    show: false,
    webPreferences: secureWebPreferences(),
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (presenterWindow === window) presenterWindow = null;
  });
  void window.loadURL(`${APP_ORIGIN}/index.html${PRESENTER_VIEW_HASH}`);
  presenterWindow = window;
}

let recentMenu: RecentMenuItem[] = [];

/** The recent projects are read (their files checked) before the menu is built, which Electron does at once. */
function refreshRecentMenu() {
  void recentProjects
    .menuItems()
    .then((items) => {
      recentMenu = items;
      installMenu();
    })
    .catch((error: unknown) => console.warn('recent projects', error));
}

function installMenu() {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate(
        language,
        {
          send: (command: MenuCommand) => mainWindow?.webContents.send(HOST_EVENTS.menuCommand, command),
          openRecentProject: (id) => mainWindow?.webContents.send(HOST_EVENTS.recentProjectChosen, id),
          showAbout: () => {
            const about = aboutText(language, app.getVersion());
            void (mainWindow
              ? dialog.showMessageBox(mainWindow, { type: 'info', ...about })
              : dialog.showMessageBox({ type: 'info', ...about }));
          },
        },
        recentMenu,
      ),
    ),
  );
}

function focusMainWindow() {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

app.on('second-instance', (_event, argv) => {
  focusMainWindow();
  void openedFiles.add(filePathsFromArgv(argv, app.isPackaged));
});

// macOS hands files over by event, also before the app is ready.
app.on('open-file', (event, path) => {
  event.preventDefault();
  if (isOpenableFileName(path)) void openedFiles.add([path]);
});

void app.whenReady().then(() => {
  hardenSession(session.defaultSession);
  serveRenderer(join(__dirname, '../renderer'));
  // net.fetch goes through the system's proxy settings, as offices often need.
  const online = new OnlineFetcher({
    cacheFolder: join(app.getPath('userData'), 'tile-cache'),
    maxCacheBytes: 1024 * 1024 * 1024,
    fetch: manualRedirectFetch((input, init) => net.fetch(input as string, init)),
  });
  recentProjects = new RecentProjects(join(app.getPath('userData'), 'recent-projects.json'), {
    readText: (path) => readFile(path, 'utf8'),
    writeAtomic: writeFileAtomic,
    exists: (path) =>
      stat(path).then(
        (found) => found.isFile(),
        () => false,
      ),
    size: async (path) => (await stat(path)).size,
    read: async (path) => new Uint8Array(await readFile(path)),
  });
  recentProjectsCreated(recentProjects);
  registerHostHandlers({
    ipc: ipcMain,
    dialog: {
      showOpenDialog: (options) =>
        mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options),
      showSaveDialog: (options) =>
        mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
    },
    files: {
      size: async (path) => (await stat(path)).size,
      read: async (path) => new Uint8Array(await readFile(path)),
      writeAtomic: writeFileAtomic,
    },
    window: () => mainWindow,
    openPresenterView,
    setLanguage: (next) => {
      language = next;
      installMenu();
    },
    takeOpenedFiles: () => openedFiles.take(),
    online,
    recentProjects: {
      note: (path) => recentProjects.note(path),
      list: () => recentProjects.list(),
      open: (id) => recentProjects.open(id),
      forget: (id) => recentProjects.forget(id),
      changed: refreshRecentMenu,
    },
    backups: new BackupFolder(
      join(app.getPath('userData'), 'backups'),
      join(app.getPath('userData'), 'backup-folder.json'),
      {
        readText: (path) => readFile(path, 'utf8'),
        read: async (path) => new Uint8Array(await readFile(path)),
        size: async (path) => (await stat(path)).size,
        writeAtomic: writeFileAtomic,
        list: (folder) => readdir(folder),
        remove: (path) => rm(path, { force: true }),
        makeFolder: async (folder) => {
          await mkdir(folder, { recursive: true });
        },
      },
    ),
    backgroundFiles: new BackgroundFiles(join(app.getPath('userData'), 'background-files.json')),
    team: new TeamDatabase(
      new KeychainPasswords(join(app.getPath('userData'), 'team-logins.json'), safeStorage, writeFileAtomic),
    ),
    appVersion: app.getVersion(),
    platform: process.platform,
    trustedOrigin: APP_ORIGIN,
  });
  installMenu();
  refreshRecentMenu();
  void openedFiles.add(filePathsFromArgv(process.argv, app.isPackaged));
  mainWindow = createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
