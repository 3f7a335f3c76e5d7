import { z } from 'zod';

/** What the native menu asks the page to do; each is the same action as a button in the app. */
export const MENU_COMMANDS = [
  'import',
  'export',
  'open-story',
  'save-story',
  'undo',
  'redo',
  'present',
  'presenter-view',
  'save-project',
  'open-project',
  'restore-backup',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const UiLanguageSchema = z.enum(['id', 'en']);
export type UiLanguage = z.infer<typeof UiLanguageSchema>;
