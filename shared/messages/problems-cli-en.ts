import type { ProblemTable } from './word-problem';

/** The command line's own words in English (usage, output, refusals): the `cli.` codes of the problem tables. */
export const cliProblemsEn = {
  badLanguage: '--lang "{{value}}": choose id or en',
  databaseError: 'Team database: {{problem}}',
  option: '{{option}}: {{problem}}',
} satisfies ProblemTable;
