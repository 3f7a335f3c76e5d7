/** IPC channel names of the host API, namespaced by area. Kept apart so the preload bundles no zod. */
export const HOST_CHANNELS = {
  openFiles: 'host:files:open',
  saveFile: 'host:file:save',
  appInfo: 'host:app:info',
  setFullScreen: 'host:window:fullscreen',
  openPresenterView: 'host:window:presenter-view',
  setLanguage: 'host:ui:language',
  takeOpenedFiles: 'host:files:take-opened',
  setOnlineHosts: 'host:online:hosts',
  fetchOnline: 'host:online:fetch',
  pickBackgroundFiles: 'host:background:pick',
  readBackgroundFile: 'host:background:read',
  forgetBackgroundFile: 'host:background:forget',
  team: 'host:team:call',
  recentProjects: 'host:recent:list',
  openRecentProject: 'host:recent:open',
  forgetRecentProject: 'host:recent:forget',
  writeBackup: 'host:backup:write',
  listBackups: 'host:backup:list',
  readBackup: 'host:backup:read',
  backupFolder: 'host:backup:folder',
  chooseBackupFolder: 'host:backup:choose-folder',
} as const;

/** Messages from main to the page (no reply). */
export const HOST_EVENTS = {
  menuCommand: 'host:menu:command',
  filesOpened: 'host:files:opened',
  recentProjectChosen: 'host:menu:recent-project',
} as const;
