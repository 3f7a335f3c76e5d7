/**
 * rumija history: one feature's history as the team database keeps it (rumija.feature_history, written by the
 * server's triggers): each version with who, when and the fields it changed, before → after.
 */
import type { Geometry } from 'geojson';
import { layerColumns } from '#shared/postgis/layer-table';
import {
  changedFields,
  GEOMETRY_FIELD,
  HISTORY_LIMIT_DEFAULT,
  HISTORY_LIMIT_MAX,
  vertexCount,
  type FeatureHistory,
  type HistoryOperation,
} from '#shared/postgis/feature-history';
import type { LayerKind } from '#shared/model/layer';
import { PostgisError } from '#shared/postgis/postgis-errors';
import type { PostgisSession } from '../main/postgis/postgis-session';
import type { ParseArgsOptionsConfig } from 'node:util';
import { CliError, cliText, EXIT, optionsOf, requiredError, usageText } from './cli-error';
import { problem, type Problem } from '#shared/messages/problem';

export const HISTORY_USAGE = problem('cli.usage.history', { max: HISTORY_LIMIT_MAX, newest: HISTORY_LIMIT_DEFAULT });

const operationText = (operation: HistoryOperation) => cliText(problem(`cli.history.operation.${operation}`));

export interface HistorySources {
  open: (options: { url?: string; tls?: string; tlsCa?: string }) => Promise<PostgisSession>;
  databaseError: (error: unknown) => CliError;
}

const HISTORY_OPTIONS = {
  db: { type: 'string' },
  tls: { type: 'string' },
  'tls-ca': { type: 'string' },
  table: { type: 'string' },
  id: { type: 'string' },
  limit: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

/** dd/mm/yyyy hh:mm:ss UTC: the same text wherever the command runs. */
function timeText(iso: string) {
  const [date, time] = iso.split('T') as [string, string];
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year} ${time.slice(0, 8)} UTC`;
}

function valueText(key: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (key === GEOMETRY_FIELD) {
    const geometry = value as Geometry;
    return cliText(problem('cli.history.geometry', { type: geometry.type, count: vertexCount(geometry) }));
  }
  return typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value);
}

/** The lines of a history: one heading per version, then its changed fields (named as the table's columns). */
export function historyLines(history: FeatureHistory, kind: LayerKind): string[] {
  const columns = new Map(layerColumns(kind).map((column) => [column.key, column.column]));
  const name = (key: string) => (key === GEOMETRY_FIELD ? 'geom' : (columns.get(key) ?? key));
  const heading = { table: history.table, id: history.id, count: history.total };
  const lines = [
    cliText(
      history.currentVersion === null
        ? problem('cli.history.headingDeleted', heading)
        : problem('cli.history.heading', { ...heading, version: String(history.currentVersion) }),
    ),
  ];
  if (history.total > history.entries.length)
    lines.push(cliText(problem('cli.history.newestOf', { shown: history.entries.length, total: history.total })));
  if (!history.entries.length) lines.push(cliText(problem('cli.history.none')));
  for (const entry of history.entries) {
    const who = entry.changedAs
      ? cliText(problem('cli.history.changedAs', { who: entry.changedBy, role: entry.changedAs }))
      : entry.changedBy;
    lines.push(
      `v${entry.version}  ${operationText(entry.operation)}  ${who}  ${timeText(entry.changedAt)}` +
        `${entry.client ? `  ${entry.client}` : ''}  xid ${entry.transaction}`,
    );
    const changes = changedFields(entry).filter((change) => change.key !== 'kind');
    if (!changes.length) lines.push(`      ${cliText(problem('cli.history.noValuesChanged'))}`);
    for (const change of changes)
      lines.push(
        `      ${name(change.key)}: ${valueText(change.key, change.before)} → ${valueText(change.key, change.after)}`,
      );
  }
  return lines;
}

/** `rumija history`: exit 0 with the history, 2 wrong usage, 3 an unknown table or id, 6 the database failed. */
export async function runHistory(
  argv: string[],
  out: (line: string) => void,
  sources: HistorySources,
  databaseUsage: Problem,
): Promise<number> {
  const usage = usageText(HISTORY_USAGE, databaseUsage);
  const options = optionsOf(argv, HISTORY_OPTIONS, usage);
  for (const required of ['db', 'table', 'id'] as const)
    if (!options[required]) throw requiredError(`--${required}`, usage);
  const limit = options.limit === undefined ? HISTORY_LIMIT_DEFAULT : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > HISTORY_LIMIT_MAX)
    throw new CliError(
      problem('cli.history.badLimit', { max: HISTORY_LIMIT_MAX, value: options.limit ?? '' }),
      EXIT.usage,
    );
  const session = await sources.open({ url: options.db, tls: options.tls, tlsCa: options['tls-ca'] });
  try {
    const history = await session.featureHistory(options.table!, options.id!, limit);
    if (options.json) out(JSON.stringify(history, null, 1));
    else for (const line of historyLines(history, await session.kindOf(options.table!))) out(line);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof PostgisError && (error.failure === 'unknown-table' || error.failure === 'unknown-feature'))
      throw new CliError(
        problem('cli.option', {
          option: error.failure === 'unknown-table' ? `--table ${options.table}` : `--id ${options.id}`,
          problem: error.problem,
        }),
        EXIT.input,
      );
    throw sources.databaseError(error);
  } finally {
    await session.close();
  }
}
