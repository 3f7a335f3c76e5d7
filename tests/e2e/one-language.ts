import { expect, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDemoDataset } from '#shared/demo/create-demo-dataset';
import { createDemoStory } from '#shared/demo/demo-story';

type Table = { [key: string]: string | Table };
const LOCALES = resolve(__dirname, '../../renderer/src/i18n/locales');

function stringsOf(language: 'id' | 'en'): Set<string> {
  const out = new Set<string>();
  const walk = (table: Table) => {
    for (const value of Object.values(table))
      if (typeof value === 'string') out.add(value);
      else walk(value);
  };
  for (const file of readdirSync(join(LOCALES, language)))
    walk(JSON.parse(readFileSync(join(LOCALES, language, file), 'utf8')) as Table);
  return out;
}

/** The literal runs of a UI string between its placeholders that a reader would recognise as that language. */
function fragmentsOf(text: string): string[] {
  return text
    .split(/\{\{[^}]*\}\}|\$t\([^)]*\)|\n/)
    .map((part) => part.trim().replace(/^[\s:·,.–—(/-]+|[\s:·,.–—(/-]+$/g, ''))
    .filter((part) => part.length >= 6 && /\p{L}{3}/u.test(part) && /\s/.test(part));
}

let foreignByLanguage: Record<'id' | 'en', string[]> | null = null;

/** The demo's own words (owner names such as "Penyedia internet (contoh)", its story's titles): data, not UI text. */
const DEMO_DATA_TEXT = JSON.stringify([createDemoDataset(), createDemoStory(createDemoDataset(), '2026-01-21')]);

/**
 * The strings only the other language's table has: fragments of its UI strings (two words or more, placeholders
 * cut out) that appear in no string of this language's table.
 */
function foreignFragments(language: 'id' | 'en'): string[] {
  if (!foreignByLanguage) {
    const id = stringsOf('id');
    const en = stringsOf('en');
    const only = (mine: Set<string>, theirs: Set<string>) => {
      const own = [...mine].join('\n');
      return [...new Set([...theirs].filter((text) => !mine.has(text)).flatMap(fragmentsOf))].filter(
        (fragment) => !own.includes(fragment) && !DEMO_DATA_TEXT.includes(fragment),
      );
    };
    foreignByLanguage = { id: only(id, en), en: only(en, id) };
  }
  return foreignByLanguage[language];
}

/**
 * Reads what the screen says (text, tooltips, labels, placeholders) and fails when a UI string of the other language
 * appears on it: an English label on an Indonesian hearing slide, or the reverse. Data (the attribute table's cells,
 * words the demo data itself uses) is not the UI and is left out.
 */
export async function expectOneLanguage(page: Page, where: string) {
  const { language, text } = await page.evaluate(() => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.currentNode as Element | null; node; node = walker.nextNode() as Element | null) {
      if (node.closest('[role="gridcell"], td, .maplibregl-canvas-container')) continue;
      for (const attribute of ['title', 'aria-label', 'placeholder']) {
        const value = node.getAttribute(attribute);
        if (value) parts.push(value);
      }
      for (const child of node.childNodes) if (child.nodeType === Node.TEXT_NODE) parts.push(child.textContent ?? '');
    }
    return { language: document.documentElement.lang, text: parts.join('\n') };
  });
  if (language !== 'id' && language !== 'en') return;
  const found = foreignFragments(language).filter((fragment) => {
    const escaped = fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
  });
  expect(found, `${where}: ${language === 'id' ? 'English' : 'Indonesian'} UI text on a ${language} screen`).toEqual(
    [],
  );
}
