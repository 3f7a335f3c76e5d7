import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { registerHostHandlers } from './ipc/host-handlers';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { APP_ORIGIN, hardenApp, hardenSession } from './security';

registerAppScheme();
hardenApp(app);

let mainWindow: BrowserWindow | null = null;

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Rumija',
    backgroundColor: '#dbe9f4',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
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
