// ESLint for the whole project (run from the project root: `npm run lint`). Type-aware rules catch promises
// nobody waits for or handles; the import rules keep the layers apart (shared/ imports neither electron/ nor renderer/,
// renderer/ never imports Node or Electron, electron/ never imports renderer/: see README, Layout).
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const NODE_AND_ELECTRON = [{ name: 'electron', message: 'Only electron/ may use Electron.' }];
const nodePattern = { group: ['node:*'], message: 'Only electron/, tests and build scripts may use Node.' };
const layerPattern = (folder, message) => ({ group: [`**/${folder}/**`, `#${folder}/*`], message });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'resources/public/**', 'renderer/dist/**'] },
  {
    files: ['**/*.{ts,tsx,mts}'],
    extends: [tseslint.configs.recommended],
    languageOptions: {
      parserOptions: {
        project: [
          './tsconfig.json',
          './shared/tsconfig.json',
          './electron/tsconfig.json',
          './renderer/tsconfig.json',
          './tests/tsconfig.json',
        ],
        tsconfigRootDir: process.cwd(),
      },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...NODE_AND_ELECTRON, { name: 'react', message: 'shared/ is pure: no UI.' }],
          patterns: [
            nodePattern,
            layerPattern('electron', 'shared/ imports nothing from electron/.'),
            layerPattern('renderer', 'shared/ imports nothing from renderer/.'),
            { group: ['react-*', 'maplibre-gl', 'dexie'], message: 'shared/ is pure: no UI, map or browser storage.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_AND_ELECTRON,
          patterns: [nodePattern, layerPattern('electron', 'renderer/ reaches the desktop only through the host API.')],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [layerPattern('renderer', 'electron/ never imports the renderer.')] },
      ],
    },
  },
);
