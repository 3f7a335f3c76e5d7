import { defineConfig, type Plugin, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../shared/host/content-security-policy';
import { onlineBridge } from '../electron/main/online/web-online-bridge';
import { teamBridge } from '../electron/main/postgis/web-team-bridge';

/** Puts the strict CSP into the built page (the dev server needs inline scripts for hot reload). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'rumija-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      ),
  };
}

/** Shared by `npm run web` (this file) and the Electron build (electron.vite.config.ts). */
export const rendererConfig: UserConfig = {
  root: import.meta.dirname,
  base: './',
  publicDir: resolve(import.meta.dirname, '../resources/public'),
  plugins: [react(), contentSecurityPolicy()],
  build: { minify: true, chunkSizeWarningLimit: 2000 },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
};

// The browser build only: the desktop app's main process does this itself.
export default defineConfig({
  ...rendererConfig,
  plugins: [...(rendererConfig.plugins ?? []), onlineBridge(), teamBridge()],
  build: { ...rendererConfig.build, outDir: resolve(import.meta.dirname, '../out/web'), emptyOutDir: true },
});
