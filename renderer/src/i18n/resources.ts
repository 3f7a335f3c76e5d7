/**
 * The UI strings, one JSON file per language and area (`locales/<language>/<area>.json`), Bahasa Indonesia first.
 * Each area file is one top-level key of the `translation` namespace, so `t('team.connect')` reads
 * `locales/<language>/team.json`. A new screen adds its own pair of files: nobody edits a shared table.
 */
import { problemsEn } from '#shared/messages/problems-en';
import { problemsId } from '#shared/messages/problems-id';

type Table = { [key: string]: string | Table };

const files = import.meta.glob<Table>('./locales/*/*.json', { eager: true, import: 'default' });

function tableOf(language: string): Table {
  const table: Table = {};
  for (const [path, content] of Object.entries(files)) {
    const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (match && match[1] === language) table[match[2]!] = content;
  }
  return table;
}

// Problems from shared/ and electron/ are worded from the same tables the CLI uses: `t('problems.<code>')`.
export const id: Table = { ...tableOf('id'), problems: problemsId };
export const en: Table = { ...tableOf('en'), problems: problemsEn };
