import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../vitest.config';

/**
 * The unit tests Stryker runs against each mutant: those of the folders it mutates. Suites that drive outside
 * programs (PostGIS, GDAL, Chromium) stay in npm test; a mutant there is judged by the pure tests that cover it.
 * The print PDF suite (a 60-sheet atlas, a GDAL JPEG per sheet) outlasts its budget under coverage on a shared
 * 2-core machine and stops the whole run, so it is left to npm test too.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: ['shared/**/*.test.ts', 'electron/main/**/*.test.ts', 'renderer/src/state/**/*.test.ts'],
      exclude: ['**/node_modules/**', '**/postgis/**', 'electron/main/index.test.ts', 'shared/print/print-pdf.test.ts'],
    },
  }),
);
