import type { ProblemTable } from './word-problem';

/** The command line's own words in English (usage, output, refusals): the `cli.` codes of the problem tables. */
export const cliProblemsEn = {
  badLanguage: '--lang "{{value}}": choose id or en',
  databaseError: 'Team database: {{problem}}',
  option: '{{option}}: {{problem}}',
  badArgument: 'Bad argument: {{detail}}\n{{usage}}',
  required: '{{option}} is required\n{{usage}}',
  cannotRead: '{{path}}: cannot be read ({{reason}})',
  feature: '{{file}}, feature {{number}}',
  featureWithId: '{{file}}, feature {{number}} (id {{id}})',
  total: 'Total: {{total}} ({{short}})',
  badOutWorkbook: '--out must end in .xlsx or .json: {{out}}',
  cannotWrite: '{{path}}: cannot be written ({{reason}})',
  analyze: {
    unknownCommand: 'Unknown command: {{command}}\n{{usage}}',
    badOut: '--out must end in .geojson or .csv: {{out}}',
    badPeriod: '--period must be > 0: {{value}}',
    badPaying: '--paying must be 0..1: {{value}}',
    badUnknownCategory: '--unknown-category must be refuse or lainnya: {{value}}',
    warning: 'WARNING: {{warning}}',
    skipped_one: '{{file}}: {{count}} feature skipped ({{notes}})',
    skipped_other: '{{file}}: {{count}} features skipped ({{notes}})',
    roadNotLine: '{{where}}: a road must be a line, not {{type}}',
    categoryRequired: 'category is required',
    unknownCategory:
      '{{where}}: category: unknown category "{{category}}" — map it with --category-map <map.json>, or count it as "lainnya" with --unknown-category lainnya ({{categories}})',
    badCategoryMap: '{{path}}: invalid category map: "{{field}}": {{detail}} ({{categories}})',
    exampleTariff: 'the example tariff is used (not the official NTT tariff) — pass --tariff <schedule.json>',
    badJson: '{{path}}: invalid JSON: {{detail}}',
    badTariff: '{{path}}: invalid tariff schedule: {{field}}: {{detail}}',
    tariffIsExample: 'this schedule is marked as an example',
    projectTariffIsExample: "the project's tariff is marked as an example",
    summary: 'Roads: {{roads}} · assets: {{assets}} · inside RUMIJA: {{inside}} · {{seconds}} s',
    schedule: 'Tariff schedule: {{name}} (v{{version}})',
    scheduleExample: 'Tariff schedule: {{name}} (v{{version}}, EXAMPLE)',
    potential_one: 'Potential retribution ({{count}} yr): {{total}} ({{short}})',
    potential_other: 'Potential retribution ({{count}} yrs): {{total}} ({{short}})',
    paying: 'Already paying {{percent}}%: potential new {{amount}}',
    report: 'Report: {{path}}',
  },
  db: {
    required: '{{what}}: --db is required (postgresql://user@host:port/database)',
    notPem: '{{path}}: not a PEM certificate (-----BEGIN CERTIFICATE-----)',
    tlsCaNeedsVerify: '--tls-ca applies to --tls verify, not {{tls}}',
    noPassword: 'PGPASSWORD is not set: the team database password is read from it (export PGPASSWORD=…)',
    badTls: '--tls must be {{modes}}: {{value}}',
    notUrl: '--db: not a URL: {{url}} (postgresql://user@host:5432/database)',
    notPostgres: '--db: must be postgresql://user@host:port/database: {{url}}',
    passwordInUrl: '--db: put the password in PGPASSWORD, not in the URL',
  },
  usage: {
    heading: 'Usage:',
    analyze: `  rumija analyze --roads <roads> --assets <assets> --out <report.geojson|report.csv>
                 (roads, assets, corridors: GeoJSON, CSV, Excel, KML, KMZ, GPX, zipped Shapefile, GeoPackage, FlatGeobuf)
                 [--corridors <corridors.geojson>] [--tariff <schedule.json>] [--period <years>] [--paying <0..1>]
                 [--category-map <map.json>] [--unknown-category refuse|lainnya]
                 (a layer of the team database: postgis:<table> with --db postgresql://user@host:port/database)
  rumija analyze --project <project.rumija> --out <report.geojson|report.csv> [--tariff …] [--period …] [--paying …]
                 (roads, assets and corridors from the project's layers; its newest tariff version unless --tariff)`,
    payments: `  rumija payments import --project <project.rumija> --statement <bank.csv|bank.xlsx>
                 [--confirm] [--out <report.csv>]
                 (matches the statement's credits to open SKRDs by number and amount; without --confirm it only
                  reports; with --confirm it records the matched lines — exact, partial, over — in the project)`,
    project: `  rumija project info <project.rumija>
                 (layers and counts, tables, format version, checksum; exit 3 when the file is not a sound project)`,
    sync: `  rumija sync    --db postgresql://user@host:port/database --table <table> --project <layer.geojson>
                 [--take mine|theirs] [--take <feature id>=mine|theirs …]
                 [--tls verify|require|off] [--tls-ca <department-ca.pem>]
                 (first run: clones the table; then pushes the file's changes and pulls the team's;
                  changes to different fields of one feature are merged, the same field is a conflict)`,
    database: `  The password is read from PGPASSWORD. TLS: verify (default: the server's certificate checked
  against the system's CAs and --tls-ca, and its name), require (encrypted, certificate not checked), off (plain text).
  Exit: 0 done, 2 wrong usage, 3 bad input (a file, or a table or id the server does not have), 4 output not written,
  5 conflicts wait, 6 team database failed.
  Language of messages: --lang id|en on any command, else LANG (en_* → English), else Indonesian.`,
    programme: `  rumija programme (--project <project.rumija> | --roads <roads> [--bridges <bridges>])
                 --budget <rupiah> --out <programme.xlsx|programme.json>
                 [--year <2027>] [--statuses provinsi[,kabupaten…]] [--catalogue <catalogue.json>]
                 (fills the ceiling by priority; prints cost, kilometres handled and kemantapan before and after;
                  a project brings its own programme's catalogue and statuses; --budget 100.000.000.000 or 100000000000)`,
    assess: `  rumija assess  --project <project.rumija> --corridor <id|name> --period <id|label>
                 --out <assess.xlsx|assess.json> [--issue]
                 (one assessment per obligor, one line per asset, with the period's tariff version; --issue issues
                  the drafts with the next numbers and writes the project back; an issued SKRD is final)`,
    notices: `  rumija notices --project <project.rumija> --period <id|label> [--corridor <id|name>]
                 --out <notices.pdf|notices.zip|folder>
                 (the period's SKRDs: one PDF for all, or one PDF per obligor in a zip or a folder)`,
    history: `  rumija history --db postgresql://user@host:port/database --table <table> --id <feature id>
                 [--limit <1..{{max}}>] [--json] [--tls verify|require|off] [--tls-ca <department-ca.pem>]
                 (each version: who, when, the client, and the fields it changed, before → after; the newest
                  {{newest}} unless --limit; --json prints the history as JSON)`,
  },
  take: {
    bad: '--take must be mine, theirs or <id>=mine|theirs: {{value}}',
  },
  project: {
    usage: 'Usage: rumija project info <project.rumija>\n{{usage}}',
    notSqlite: '{{file}}: neither a Rumija project nor a GeoPackage',
    truncated: '{{file}}: truncated ({{actual}} of {{expected}} bytes)',
    corrupt: '{{file}}: damaged ({{detail}})',
    plainGeopackage:
      '{{file}}: a plain GeoPackage, not a Rumija project ({{layers}}); analyze --roads/--assets reads it',
    notProject: '{{file}}: an SQLite database, not a Rumija project',
    newerVersion: '{{file}}: from a newer Rumija (format {{version}}; this one reads up to {{supported}})',
    checksumMismatch: '{{file}}: checksum does not match — changed after it was saved',
    noRoadLayer: '{{file}}: no road layer',
    noAssetLayer: '{{file}}: no asset layer',
    name: 'Project: {{name}}',
    saved: 'Saved: {{savedAt}} (Rumija {{version}})',
    checksumHolds: 'Checksum (SHA-256): {{checksum}} holds',
    checksumFails: 'Checksum (SHA-256): {{checksum}} DOES NOT MATCH',
    layers: 'Layers:',
    layer_one: '  {{name}}\t{{kind}}\t{{count}} feature',
    layer_other: '  {{name}}\t{{kind}}\t{{count}} features',
    tables: 'Tables:',
  },
  internalError: 'Rumija: internal error: {{detail}}',
  sync: {
    unreadable: '{{file}}: unreadable GeoJSON: {{detail}}',
    notCollection: '{{file}}: not a FeatureCollection',
    noGeometry: '{{where}}: no geometry',
    repeatedId: '{{where}}: repeated id {{id}}',
    notOverwritten: '{{file}} exists without its sync file {{sidecar}}: not overwritten',
    cloned_one: 'Cloned: {{count}} feature from {{table}}',
    cloned_other: 'Cloned: {{count}} features from {{table}}',
    otherTable: '{{file}} is linked to table {{linked}}, not {{table}}',
    notWaiting: '--take: no conflict waits for: {{ids}}',
    notWaitingOf: '--take: no conflict waits for: {{ids}} (waiting: {{waiting}})',
    assigned_one: '{{count}} new feature given an id',
    assigned_other: '{{count}} new features given an id',
    report: 'Pushed: {{pushed}} changed/new, {{deleted}} deleted · pulled: {{pulled}} · conflicts: {{conflicts}}',
    conflict: 'CONFLICT {{id}}: {{change}}',
    conflictDeletedHere: 'CONFLICT {{id}}: {{change}}, deleted here',
    deletedBy: 'deleted by {{who}}',
    changedBy: 'changed by {{who}} (v{{version}})',
    takeHint: '→ rumija sync … --take mine|theirs, or per feature --take <id>=mine|theirs',
  },
  assess: {
    noTariffVersion: '{{file}}: period "{{period}}": tariff version {{schedule}} v{{version}} is not in the project',
    ambiguousPeriod:
      '{{file}}: "{{period}}" names a period of more than one programme ({{programmes}}); name the corridor by id',
    alreadyIssued:
      '{{file}}: period "{{period}}" ({{periodId}}) of corridor {{corridor}} was already issued: {{issued}} SKRD {{first}} … {{last}}. An issued SKRD is final; correct it with a revision',
    nothingToIssue: '{{file}}: nothing to issue for "{{period}}" (corridor assets without an obligor: {{unlinked}})',
    numberPattern: '{{file}}: number pattern "{{pattern}}": {{problems}}',
    exampleTariff: 'EXAMPLE tariff, not the adopted one',
    heading: 'Assessments: {{programme}} · {{period}} · {{schedule}} (v{{version}}) · {{seconds}} s',
    counts: 'SKRD: {{skrd}} ({{issued}} issued, {{drafts}} drafts) · asset lines: {{lines}}',
    issued: 'Issued: {{issued}} SKRD {{first}} … {{last}}',
    unchanged: '{{issued}} SKRD already issued, unchanged',
    unlinked_one: '{{count}} corridor asset without an obligor, not assessed ({{ids}})',
    unlinked_other: '{{count}} corridor assets without an obligor, not assessed ({{ids}})',
    untariffed_one: '{{count}} asset without a matching tariff item, not assessed ({{ids}})',
    untariffed_other: '{{count}} assets without a matching tariff item, not assessed ({{ids}})',
    written: 'Assessments: {{out}}',
    writtenWithProject: 'Assessments: {{out}} · project: {{project}}',
  },
  payments: {
    kind: {
      exact: 'matched',
      partial: 'partial',
      over: 'overpaid',
      'amount-only': 'amount only, to confirm',
      duplicate: 'duplicate',
      'already-recorded': 'already recorded',
      unmatched: 'unmatched',
    },
    noDateColumn: '{{file}}: no date column',
    noAmountColumn: '{{file}}: no credit/amount column',
    badDate: '{{file}}, row {{row}}, date: "{{value}}" is not a date',
    badAmount: '{{file}}, row {{row}}, amount: "{{value}}" is not whole rupiah',
    badWorkbook: '{{file}}: cannot read the Excel workbook: {{detail}}',
    noSheet: '{{file}}: no sheet holds data',
    badOut: '--out must end in .csv: {{out}}',
    badStatement: '--statement must be .csv or .xlsx: {{statement}}',
    refused: '{{problems}}\nNothing recorded.',
    refusedMore: '{{problems}}\n… {{more}} more\nNothing recorded.',
    summary: '{{file}}: credits: {{credits}} · rows skipped (debits, balances): {{skipped}}',
    kindLine: '{{kind}}: {{lines}} · {{amount}} (rows {{rows}})',
    notRecorded: 'row {{row}}: {{date}} {{amount}} "{{reference}}" — {{kind}}, not recorded',
    recorded_one: 'Recorded: {{count}} payment · {{amount}} · {{project}}',
    recorded_other: 'Recorded: {{count}} payments · {{amount}} · {{project}}',
    payment: '{{date}} {{amount}} {{obligor}} → {{allocations}}',
    paymentWithCredit: '{{date}} {{amount}} {{obligor}} → {{allocations}} · credit {{credit}}',
    ready_one: 'Not recorded yet: {{count}} line ready; run again with --confirm',
    ready_other: 'Not recorded yet: {{count}} lines ready; run again with --confirm',
  },
  programme: {
    badBudget: '--budget "{{text}}": not a whole rupiah amount',
    badBudgetHint: '--budget "{{text}}": not a whole rupiah amount ({{hint}}?)',
    unknownStatuses: '--statuses: unknown {{unknown}} ({{statuses}})',
    notJson: '{{file}}: not JSON ({{detail}})',
    projectOrRoads: '--project or --roads is required\n{{usage}}',
    notBoth: '--project or --roads, not both\n{{usage}}',
    badYear: '--year must be a year 2000–2100: {{value}}',
    exampleCosts: 'EXAMPLE unit costs, not adopted prices',
    heading: 'Programme {{year}} · {{statuses}} · {{catalogue}} (v{{version}}) · {{seconds}} s',
    ceiling: 'Ceiling: {{amount}} ({{short}})',
    funded: 'Funded: {{amount}} ({{short}})',
    remaining: 'Remaining: {{amount}}',
    needed: 'Needed: {{amount}} ({{short}})',
    candidates: 'Candidates: {{funded}} of {{total}} funded ({{roads}} roads, {{bridges}} bridges)',
    roadsHandled: 'Roads handled: {{km}} km',
    bridgesHandled: 'Bridges handled: {{m}} m',
    roadsNotReached: 'Roads not reached: {{km}} km',
    kemantapan: 'Kemantapan (steady condition): {{before}} → {{after}}',
    noCondition: 'Without a condition, skipped: {{features}}',
    noHandling: 'No handling by the rules: {{features}}',
    noPrice: 'No unit cost, skipped: {{features}}',
    written: 'Programme: {{path}}',
  },
  retribution: {
    noProgramme: '{{file}}: no enforcement programme for corridor "{{corridor}}" (there are: {{programmes}})',
    noProgrammeAtAll: '{{file}}: no enforcement programme for corridor "{{corridor}}" (the project has no programme)',
    periodNotFound: '{{file}}: period not found: "{{period}}" (there are: {{periods}})',
    projectNotWritten: '{{file}}: the project cannot be written, nothing changed ({{reason}})',
  },
  notices: {
    badOut: '--out must be .pdf, .zip or a folder: {{target}}',
    noAssessments: '{{file}}: period "{{period}}" has no assessments yet (rumija assess … --issue)',
    written: 'SKRD: {{notices}} (drafts: {{drafts}}) · files: {{files}} · average {{kilobytes}} KB · {{seconds}} s',
    writtenTo: 'Notices: {{target}}',
    writtenToFolder: 'Notices: {{target}} (folder)',
  },
  history: {
    operation: { insert: 'insert', update: 'update', delete: 'delete' },
    geometry_one: '{{type}}, {{count}} vertex',
    geometry_other: '{{type}}, {{count}} vertices',
    changedAs: '{{who}} (as {{role}})',
    heading_one: 'History: rumija.{{table}}, feature {{id}} — {{count}} change, now v{{version}}',
    heading_other: 'History: rumija.{{table}}, feature {{id}} — {{count}} changes, now v{{version}}',
    headingDeleted_one: 'History: rumija.{{table}}, feature {{id}} — {{count}} change, now deleted',
    headingDeleted_other: 'History: rumija.{{table}}, feature {{id}} — {{count}} changes, now deleted',
    newestOf: '(newest {{shown}} of {{total}}: --limit for more)',
    none: 'No history yet: the feature has not changed since history was set up',
    noValuesChanged: '(no values changed)',
    badLimit: '--limit must be 1..{{max}}: {{value}}',
  },
} satisfies ProblemTable;
