import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.(test|bench)\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (match) => match[1] ?? match[2] ?? '',
  );
}

function violations(layer: string, isForbidden: (specifier: string, file: string) => boolean) {
  return sourceFiles(join(ROOT, layer))
    .filter((file) => !file.endsWith('vite.config.mts'))
    .flatMap((file) =>
      importsOf(file)
        .filter((specifier) => isForbidden(specifier, file))
        .map((s) => `${relative(ROOT, file)} → ${s}`),
    );
}

const resolvesInto = (specifier: string, file: string, folder: string) =>
  specifier.startsWith('.') && resolve(file, '..', specifier).startsWith(join(ROOT, folder));

describe('layer rule (DESIGN.md)', () => {
  it('shared imports nothing from electron, renderer, Node or the DOM world', () => {
    expect(
      violations(
        'shared',
        (s, file) =>
          s === 'electron' ||
          s.startsWith('node:') ||
          resolvesInto(s, file, 'electron') ||
          resolvesInto(s, file, 'renderer') ||
          /^react/.test(s),
      ),
    ).toEqual([]);
  });

  it('renderer never imports Node or Electron', () => {
    expect(
      violations(
        'renderer',
        (s, file) => s === 'electron' || s.startsWith('node:') || resolvesInto(s, file, 'electron'),
      ),
    ).toEqual([]);
  });

  it('electron never imports the renderer', () => {
    expect(violations('electron', (s, file) => resolvesInto(s, file, 'renderer'))).toEqual([]);
  });
});
