import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { rendererConfig } from './renderer/vite.config.mts';

export default defineConfig({
  main: { build: { rolldownOptions: { input: { index: resolve('electron/main/index.ts') } } } },
  preload: { build: { rolldownOptions: { input: { index: resolve('electron/preload/index.ts') } } } },
  renderer: {
    ...rendererConfig,
    build: { ...rendererConfig.build, rolldownOptions: { input: { index: resolve('renderer/index.html') } } },
  },
});
