import { app, BrowserWindow, dialog, ipcMain, screen, session } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { registerHostHandlers } from './ipc/host-handlers';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { APP_ORIGIN, hardenApp, hardenSession } from './security';
import { PRESENTER_VIEW_HASH } from '../../shared/host/host-api';

registerAppScheme();
hardenApp(app);

let mainWindow: BrowserWindow | null = null;
let presenterWindow: BrowserWindow | null = null;

/** Every window of the app runs isolated and sandboxed, with the preload as its only bridge. */
const secureWebPreferences = () => ({
  preload: join(__dirname, '../preload/index.js'),
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  spellcheck: false,
});

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Rumija',
    backgroundColor: '#dbe9f4',
    show: false,
    webPreferences: secureWebPreferences(),
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
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

app.whenReady().then(() => {
  hardenSession(session.defaultSession);
  serveRenderer(join(__dirname, '../renderer'));
  registerHostHandlers({
    ipc: ipcMain,
    dialog: {
      showOpenDialog: (options) => (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options)),
      showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
    },
    files: {
      size: async (path) => (await stat(path)).size,
      read: async (path) => new Uint8Array(await readFile(path)),
      writeAtomic: writeFileAtomic,
    },
    window: () => mainWindow,
    openPresenterView,
    appVersion: app.getVersion(),
    platform: process.platform,
    trustedOrigin: APP_ORIGIN,
  });
  mainWindow = createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
