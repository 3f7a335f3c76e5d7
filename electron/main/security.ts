import type { App, Session, WebContents } from 'electron';
import { originOf } from './origin';

/** The renderer is served from this custom origin, never from file:// or the network. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'rumija';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export { CONTENT_SECURITY_POLICY } from '#shared/host/content-security-policy';

export function isAppUrl(url: string): boolean {
  return originOf(url) === APP_ORIGIN;
}

/** Blocks navigation away from the app, new windows, webviews and every permission request. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'fullscreen'));
  session.setPermissionCheckHandler((_contents, permission) => permission === 'fullscreen');
}

export function hardenApp(app: App): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
