import type { ProblemTable } from './word-problem';

/** The command line's own words in Bahasa Indonesia (usage, output, refusals): the `cli.` codes of the problem tables. */
export const cliProblemsId = {
  badLanguage: '--lang "{{value}}": pilih id atau en',
  databaseError: 'Basis data tim: {{problem}}',
  option: '{{option}}: {{problem}}',
} satisfies ProblemTable;
