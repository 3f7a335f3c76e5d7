import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { HOST_CHANNELS, HOST_EVENTS } from '#shared/host/channels';
import type { HostApi, OpenedFile } from '#shared/host/host-api';
import type { MenuCommand } from '#shared/host/menu-commands';

/** Subscribes to one main-process event; the page gets the payload only, never the IPC event. */
function subscribe<T>(channel: string, listener: (payload: T) => void): () => void {
  const relay = (_event: IpcRendererEvent, payload: T) => listener(payload);
  ipcRenderer.on(channel, relay);
  return () => {
    ipcRenderer.removeListener(channel, relay);
  };
}

/** The single object the renderer sees; ipcRenderer itself never leaves this file. */
const host: HostApi = {
  kind: 'electron',
  openFiles: (request) => ipcRenderer.invoke(HOST_CHANNELS.openFiles, request),
  saveFile: (request) => ipcRenderer.invoke(HOST_CHANNELS.saveFile, request),
  appInfo: () => ipcRenderer.invoke(HOST_CHANNELS.appInfo),
  setFullScreen: (on) => ipcRenderer.invoke(HOST_CHANNELS.setFullScreen, on),
  openPresenterView: () => ipcRenderer.invoke(HOST_CHANNELS.openPresenterView),
  setLanguage: (language) => ipcRenderer.invoke(HOST_CHANNELS.setLanguage, language),
  takeOpenedFiles: () => ipcRenderer.invoke(HOST_CHANNELS.takeOpenedFiles),
  setOnlineHosts: (hosts) => ipcRenderer.invoke(HOST_CHANNELS.setOnlineHosts, hosts),
  fetchOnline: (request) => ipcRenderer.invoke(HOST_CHANNELS.fetchOnline, request),
  pickBackgroundFiles: () => ipcRenderer.invoke(HOST_CHANNELS.pickBackgroundFiles),
  readBackgroundFile: (request) => ipcRenderer.invoke(HOST_CHANNELS.readBackgroundFile, request),
  forgetBackgroundFile: (token) => ipcRenderer.invoke(HOST_CHANNELS.forgetBackgroundFile, token),
  team: (request) => ipcRenderer.invoke(HOST_CHANNELS.team, request),
  recentProjects: () => ipcRenderer.invoke(HOST_CHANNELS.recentProjects),
  openRecentProject: (id) => ipcRenderer.invoke(HOST_CHANNELS.openRecentProject, id),
  forgetRecentProject: (id) => ipcRenderer.invoke(HOST_CHANNELS.forgetRecentProject, id),
  onRecentProjectChosen: (listener) => subscribe<string>(HOST_EVENTS.recentProjectChosen, listener),
  backups: {
    write: (request) => ipcRenderer.invoke(HOST_CHANNELS.writeBackup, request),
    list: () => ipcRenderer.invoke(HOST_CHANNELS.listBackups),
    read: (id) => ipcRenderer.invoke(HOST_CHANNELS.readBackup, id),
    folder: () => ipcRenderer.invoke(HOST_CHANNELS.backupFolder),
    chooseFolder: () => ipcRenderer.invoke(HOST_CHANNELS.chooseBackupFolder),
  },
  onFilesOpened: (listener) => subscribe<OpenedFile[]>(HOST_EVENTS.filesOpened, listener),
  onMenuCommand: (listener) => subscribe<MenuCommand>(HOST_EVENTS.menuCommand, listener),
};

contextBridge.exposeInMainWorld('rumijaHost', host);
