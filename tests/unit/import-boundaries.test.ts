import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { resolve } from 'node:path';

/** The layer rule of DESIGN.md lives in the lint config; these prove it bites (and stays quiet when it should). */
const ROOT = resolve(__dirname, '../..');
// With CI=true typescript-eslint assumes a one-off run and type-checks the file as it is on disk, ignoring the
// text given here; this test lints made-up text under real paths, so it needs the per-text program.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: resolve(ROOT, 'eslint.config.mjs'),
  overrideConfig: { languageOptions: { parserOptions: { disallowAutomaticSingleRunInference: true } } },
});

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) });
  const fatal = result?.messages.find((message) => message.fatal);
  if (fatal) throw new Error(`ESLint could not lint ${filePath}: ${fatal.message}`);
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('import boundaries (lint)', () => {
  it('keep shared/ free of Node, Electron, the renderer and UI libraries', async () => {
    const errors = await boundaryErrors(
      'shared/format/format-number.ts',
      [
        "import { readFileSync } from 'node:fs';",
        "import { app } from 'electron';",
        "import { App } from '../../renderer/src/app';",
        "import { registerHostHandlers } from '../../electron/main/ipc/host-handlers';",
        "import { useState } from 'react';",
        "import { Map } from 'maplibre-gl';",
        'export const all = [readFileSync, app, App, registerHostHandlers, useState, Map];',
      ].join('\n'),
    );
    expect(errors).toHaveLength(6);
  }, 120_000);

  it('keep Node and Electron out of the renderer', async () => {
    const errors = await boundaryErrors(
      'renderer/src/platform/index.ts',
      "import { ipcRenderer } from 'electron';\nimport { join } from 'node:path';\nimport '../../../electron/main/security';\nexport const all = [ipcRenderer, join];",
    );
    expect(errors).toHaveLength(3);
  }, 120_000);

  it('keep the renderer out of electron/, and allow what each layer may use', async () => {
    expect(
      await boundaryErrors(
        'electron/main/origin.ts',
        "import { host } from '../../renderer/src/platform';\nexport const h = host;",
      ),
    ).toHaveLength(1);
    expect(
      await boundaryErrors(
        'electron/main/origin.ts',
        "import { join } from 'node:path';\nimport { z } from 'zod';\nimport { HOST_CHANNELS } from '#shared/host/channels';\nexport const all = [join, z, HOST_CHANNELS];",
      ),
    ).toEqual([]);
    expect(
      await boundaryErrors(
        'shared/format/format-number.ts',
        "import { z } from 'zod';\nimport { area } from '@turf/turf';\nexport const all = [z, area];",
      ),
    ).toEqual([]);
  }, 120_000);
});
