import { contextBridge, ipcRenderer } from 'electron';
import { HOST_CHANNELS } from '../../shared/host/channels';
import type { HostApi } from '../../shared/host/host-api';

/** The single object the renderer sees; ipcRenderer itself never leaves this file. */
const host: HostApi = {
  kind: 'electron',
  openFiles: (request) => ipcRenderer.invoke(HOST_CHANNELS.openFiles, request),
  saveFile: (request) => ipcRenderer.invoke(HOST_CHANNELS.saveFile, request),
  appInfo: () => ipcRenderer.invoke(HOST_CHANNELS.appInfo),
  setFullScreen: (on) => ipcRenderer.invoke(HOST_CHANNELS.setFullScreen, on),
  openPresenterView: () => ipcRenderer.invoke(HOST_CHANNELS.openPresenterView),
};

contextBridge.exposeInMainWorld('rumijaHost', host);
