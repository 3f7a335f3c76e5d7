import pg from 'pg';
import { rootCertificates } from 'node:tls';
import type { Geometry } from 'geojson';
import { geojsonToWKT } from '@terraformer/wkt';
import { LayerKindSchema, type LayerKind, type StoredFeature } from '../../../shared/model/layer';
import {
  TABLE_NAME_PATTERN,
  columnProblem,
  createTableSql,
  layerColumns,
  modelColumnList,
  propertiesOfRow,
  rowOf,
} from '../../../shared/postgis/layer-table';
import type { OutgoingChanges, ServerDeletion, ServerFeature, ServerState } from '../../../shared/postgis/sync-plan';
import type { PushResult } from '../../../shared/postgis/sync-layer';
import { PostgisError } from '../../../shared/postgis/postgis-errors';
import {
  HISTORY_LIMIT_DEFAULT,
  HISTORY_LIMIT_MAX,
  type FeatureHistory,
  type FeatureSnapshot,
  type HistoryOperation,
} from '../../../shared/postgis/feature-history';
import type { PostgisConnection, PostgisRole, PublishedLayer, TeamTariff } from '../../../shared/postgis/postgis-api';
import { TariffScheduleSchema, type TariffSchedule } from '../../../shared/tariff/tariff-schedule';
import { problem, type Problem } from '../../../shared/messages/problem';

/** Rows sent in one statement: a JSON array of this many features. */
const BATCH = 1000;

/** Drops a third coordinate: a PostGIS geometry has one dimension throughout, survey files mix them. */
function flat(geometry: Geometry): Geometry {
  const strip = (value: unknown): unknown =>
    Array.isArray(value) && typeof value[0] === 'number' ? value.slice(0, 2) : (value as unknown[]).map(strip);
  if (geometry.type === 'GeometryCollection') return { ...geometry, geometries: geometry.geometries.map(flat) };
  return { ...geometry, coordinates: strip(geometry.coordinates) } as Geometry;
}
const wkt = (geometry: Geometry) => geojsonToWKT(flat(geometry));

/** A row as the history keeps it (its columns as JSON, the geometry as GeoJSON), as the feature's values. */
function snapshotOf(kind: LayerKind, row: Record<string, unknown> | null): FeatureSnapshot | null {
  if (!row) return null;
  return { geometry: row.geom as Geometry, properties: propertiesOfRow(kind, row) };
}

/**
 * Refuses features with values their columns would not take, naming each feature and field (the server would refuse
 * the whole statement with a constraint name and no feature).
 */
export function checkValues(kind: LayerKind, features: Iterable<{ id: string; properties: Record<string, unknown> }>) {
  const columns = layerColumns(kind);
  const problems: Problem[] = [];
  let count = 0;
  for (const feature of features)
    for (const column of columns) {
      const refused = columnProblem(column, feature.properties[column.key]);
      if (refused && count++ < 5)
        problems.push(problem('teamValue.feature', { id: feature.id, column: column.key, problem: refused }));
    }
  if (count)
    throw new PostgisError(
      'bad-value',
      count > problems.length
        ? problem('teamValue.listMore', { list: problems, more: count - problems.length })
        : problem('teamValue.list', { list: problems }),
    );
}

/** What went wrong, as one of the failures the UI explains. */
export function failureOf(error: unknown): PostgisError {
  if (error instanceof PostgisError) return error;
  const code = (error as { code?: string }).code;
  const message = (error as Error).message ?? String(error);
  switch (code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ETIMEDOUT':
    case 'EAI_AGAIN':
      return new PostgisError('unreachable', message);
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'CERT_HAS_EXPIRED':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return new PostgisError('tls-untrusted', message);
    case 'ECONNRESET':
    case 'EPIPE':
    case '57P01':
    case '57P02':
    case '57P03':
      return new PostgisError('connection-lost', message);
    case '57014': // statement_timeout
    case '55P03': // lock_timeout
    case '25P03': // idle_in_transaction_session_timeout
      return new PostgisError('timeout', message);
    case '28P01':
    case '28000':
      return /no pg_hba.conf entry.*SSL off/i.test(message)
        ? new PostgisError('tls-required', message)
        : new PostgisError('bad-login', message);
    case '3D000':
      return new PostgisError('no-database', message);
    case '42501':
      return new PostgisError('no-rights', message);
    case '42P07':
      return new PostgisError('table-exists', message);
    case '42P01':
      return new PostgisError('no-table', message);
  }
  // pg's own words when the connect timeout ends a connection attempt that got no answer.
  if (/^timeout expired$|Connection terminated due to connection timeout/i.test(message))
    return new PostgisError('unreachable', message);
  if (/does not support SSL/i.test(message)) return new PostgisError('tls-unavailable', message);
  if (/Connection terminated|connection.*(closed|ended)|Client has encountered a connection error/i.test(message))
    return new PostgisError('connection-lost', message);
  return new PostgisError('server', message);
}

/**
 * How long each network wait may last. The server gives up first (statement, lock, idle in a transaction: it rolls
 * back and frees the rows), then the client (an answer that never comes: a cut network where nothing tells TCP).
 */
export interface SessionTimeouts {
  connectMs: number;
  /** A statement running on the server (a push sends 1 000 features per statement). */
  statementMs: number;
  /** Waiting for a row a colleague's transaction holds. */
  lockMs: number;
  /** A transaction left open with nothing asked (the client went silent): the server rolls it back. */
  idleInTransactionMs: number;
  /** Waiting for the server's answer to one statement, on this side. */
  answerMs: number;
  /** TCP keepalive: a silent, idle connection is found dead after this plus a few probes. */
  keepAliveMs: number;
}

export const DEFAULT_TIMEOUTS: SessionTimeouts = {
  connectMs: 15_000,
  statementMs: 120_000,
  lockMs: 15_000,
  idleInTransactionMs: 120_000,
  answerMs: 135_000,
  keepAliveMs: 30_000,
};

async function connectClient(connection: PostgisConnection, password: string, ssl: boolean, timeouts: SessionTimeouts) {
  const client = new pg.Client({
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    password,
    ssl: ssl ? tlsOptions(connection) : false,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    lock_timeout: timeouts.lockMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: timeouts.keepAliveMs,
    application_name: 'rumija',
  });
  // An error after connecting (the server went away) must not crash the process; the next query reports it.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** TLS as the connection asks: verified against the system's CAs and the department's (verify-full), or not. */
function tlsOptions(connection: PostgisConnection) {
  if (connection.tls !== 'verify') return { rejectUnauthorized: false };
  // Node's `ca` replaces the system's list: the department's CA is added to it, not put in its place.
  return { rejectUnauthorized: true, ...(connection.ca ? { ca: [...rootCertificates, connection.ca] } : {}) };
}

/** Connects with TLS unless the user chose plain text: a server that declines TLS gets no password. */
async function connectWithTls(connection: PostgisConnection, password: string, timeouts: SessionTimeouts) {
  const tls = connection.tls !== 'off';
  return { client: await connectClient(connection, password, tls, timeouts), tls };
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
const tableOf = (table: string) => {
  if (!TABLE_NAME_PATTERN.test(table)) throw new PostgisError('no-table', table);
  return `rumija.${quoted(table)}`;
};

interface FeatureRow {
  fid: string;
  version: number;
  updated_by: string;
  updated_at: Date;
  geojson: string;
  [column: string]: unknown;
}

function serverFeatureOf(kind: LayerKind, row: FeatureRow): ServerFeature {
  return {
    id: row.fid,
    geometry: JSON.parse(row.geojson) as Geometry,
    properties: propertiesOfRow(kind, row),
    version: row.version,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Hooks for tests: called between the statements of a push, before it commits. */
export interface PushHooks {
  afterBatch?: (done: number) => Promise<void>;
}

/**
 * One connection to the team database, made by the main process (or the CLI). Every write is one transaction; a
 * connection lost halfway leaves the server as it was (PostgreSQL rolls the transaction back).
 */
export class PostgisSession {
  /** Set once the connection is given up (an answer that never came): every later call fails at once. */
  private broken: PostgisError | null = null;

  private constructor(
    private readonly client: pg.Client,
    /** The connection is encrypted (TLS). */
    readonly tls: boolean,
    private readonly timeouts: SessionTimeouts,
  ) {}

  /** Connects and checks: reachable, login, PostGIS, the Rumija schema. */
  static async open(
    connection: PostgisConnection,
    password: string,
    timeouts: Partial<SessionTimeouts> = {},
  ): Promise<PostgisSession> {
    const bounded = { ...DEFAULT_TIMEOUTS, ...timeouts };
    let connected: { client: pg.Client; tls: boolean };
    try {
      connected = await connectWithTls(connection, password, bounded);
    } catch (error) {
      throw failureOf(error);
    }
    const { client } = connected;
    const session = new PostgisSession(client, connected.tls, bounded);
    try {
      const { rows } = await client.query<{ postgis: string | null; schema: string | null }>(
        `SELECT (SELECT extversion FROM pg_extension WHERE extname = 'postgis') AS postgis,
                to_regclass('rumija.layers')::text AS schema`,
      );
      if (!rows[0]?.postgis) throw new PostgisError('no-postgis');
      if (!rows[0].schema) throw new PostgisError('not-set-up');
      return session;
    } catch (error) {
      await session.close();
      throw failureOf(error);
    }
  }

  /** The strongest Rumija role the login has (through membership), or null. */
  async role(): Promise<PostgisRole | null> {
    const { rows } = await this.query<Record<PostgisRole, boolean>>(
      `SELECT pg_has_role(current_user, 'rumija_admin', 'MEMBER') AS admin,
              pg_has_role(current_user, 'rumija_editor', 'MEMBER') AS editor,
              pg_has_role(current_user, 'rumija_viewer', 'MEMBER') AS viewer`,
    );
    const row = rows[0]!;
    return row.admin ? 'admin' : row.editor ? 'editor' : row.viewer ? 'viewer' : null;
  }

  async listLayers(): Promise<PublishedLayer[]> {
    const { rows } = await this.query<{
      table_name: string;
      name: string;
      kind: string;
      demo: boolean;
      published_by: string;
      published_at: Date;
      features: string | null;
    }>(
      `SELECT l.table_name, l.name, l.kind, l.demo, l.published_by, l.published_at,
              (SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass('rumija.' || quote_ident(l.table_name)))::text AS features
         FROM rumija.layers l ORDER BY l.name`,
    );
    return rows.map((row) => ({
      table: row.table_name,
      name: row.name,
      kind: LayerKindSchema.catch('plain').parse(row.kind),
      demo: row.demo,
      publishedBy: row.published_by,
      publishedAt: row.published_at.toISOString(),
      approximateFeatures: row.features === null ? null : Math.max(0, Number(row.features)),
    }));
  }

  /** The newest version of each tariff schedule on the server, with who saved it and when. */
  async listTariffs(): Promise<TeamTariff[]> {
    const { rows } = await this.query<{ schedule: unknown; version: number; saved_by: string; saved_at: Date }>(
      `SELECT DISTINCT ON (id) schedule, version, saved_by, saved_at FROM rumija.tariffs ORDER BY id, version DESC`,
    );
    const tariffs: TeamTariff[] = [];
    for (const row of rows) {
      // A schedule written by hand that the model does not accept is left out rather than shown wrong.
      const parsed = TariffScheduleSchema.safeParse({ ...(row.schedule as object), version: row.version });
      if (parsed.success)
        tariffs.push({ schedule: parsed.data, savedBy: row.saved_by, savedAt: row.saved_at.toISOString() });
    }
    return tariffs;
  }

  /** Saves a schedule as the next server version of its id (admins only: the server refuses others). */
  async publishTariff(schedule: TariffSchedule): Promise<number> {
    const { rows } = await this.query<{ version: number }>(
      `INSERT INTO rumija.tariffs (id, version, schedule)
       SELECT $1, coalesce(max(version), 0) + 1, $2::jsonb FROM rumija.tariffs WHERE id = $1 RETURNING version`,
      [schedule.id, JSON.stringify(schedule)],
    );
    return rows[0]!.version;
  }

  /** The kind of a published layer table. */
  async kindOf(table: string): Promise<LayerKind> {
    const { rows } = await this.query<{ kind: string }>('SELECT kind FROM rumija.layers WHERE table_name = $1', [
      table,
    ]);
    if (!rows[0]) throw new PostgisError('no-table', table);
    return LayerKindSchema.catch('plain').parse(rows[0].kind);
  }

  /**
   * Publishes a layer as a new table, in one transaction (admins only: the server refuses others). Returns the sync
   * horizon: changes from then on are what the next sync reads.
   */
  async publishLayer(
    layer: { table: string; name: string; kind: LayerKind; demo: boolean },
    features: readonly StoredFeature[],
    onProgress: (done: number, total: number) => void = () => undefined,
  ): Promise<{ horizon: string }> {
    const horizon = await this.beginPublish(layer);
    try {
      for (let start = 0; start < features.length; start += BATCH) {
        const batch = features.slice(start, start + BATCH);
        await this.publishRows(layer.table, layer.kind, batch);
        onProgress(start + batch.length, features.length);
      }
    } catch (error) {
      await this.rollback();
      throw failureOf(error);
    }
    await this.commit();
    return { horizon };
  }

  /**
   * Starts publishing: opens a transaction that stays open until `commitPublish` (or `rollback`), creates the
   * table and registers the layer. Returns the horizon to sync from.
   */
  async beginPublish(layer: { table: string; name: string; kind: LayerKind; demo: boolean }): Promise<string> {
    await this.query('BEGIN');
    try {
      const horizon = await this.horizon();
      await this.query(createTableSql(layer.table, layer.kind));
      await this.query('SELECT rumija.prepare_layer_table($1)', [layer.table]);
      await this.query('INSERT INTO rumija.layers (table_name, name, kind, demo) VALUES ($1, $2, $3, $4)', [
        layer.table,
        layer.name,
        layer.kind,
        layer.demo,
      ]);
      return horizon;
    } catch (error) {
      await this.rollback();
      throw failureOf(error);
    }
  }

  /** Adds features to the table being published (inside the transaction `beginPublish` opened). */
  async publishRows(table: string, kind: LayerKind, features: readonly StoredFeature[]) {
    checkValues(kind, features);
    for (let start = 0; start < features.length; start += BATCH)
      await this.insertRows(table, kind, features.slice(start, start + BATCH), false);
  }

  async commitPublish() {
    await this.commit();
  }

  async rollback() {
    if (this.broken) return;
    await this.query('ROLLBACK').catch(() => undefined);
  }

  /** Every feature of a layer table, and the horizon to sync from. */
  async readLayer(
    table: string,
    onProgress: (done: number) => void = () => undefined,
  ): Promise<{ kind: LayerKind; name: string; demo: boolean; features: ServerFeature[]; horizon: string }> {
    const first = await this.readPage(table, null, BATCH * 10).catch(async (error: unknown) => {
      // Asked for by name (a clone, `postgis:<table>`), not a linked layer: a table never published is not "gone".
      if (!(error instanceof PostgisError) || error.failure !== 'no-table') throw error;
      throw await this.unknownTable(table);
    });
    const features = [...first.features];
    onProgress(features.length);
    for (let after = first.next; after !== null;) {
      const page = await this.readPage(table, after, BATCH * 10);
      features.push(...page.features);
      onProgress(features.length);
      after = page.next;
    }
    return { kind: first.kind, name: first.name, demo: first.demo, features, horizon: first.horizon! };
  }

  /**
   * One page of a layer table, in the order of its ids. The first page (after = null) also gives the horizon,
   * taken before anything is read: a feature changed while the pages are read is read again at the next sync.
   */
  async readPage(
    table: string,
    after: string | null,
    limit: number,
  ): Promise<{
    kind: LayerKind;
    name: string;
    demo: boolean;
    features: ServerFeature[];
    horizon: string | null;
    next: string | null;
  }> {
    const horizon = after === null ? await this.horizon() : null;
    const { rows: layers } = await this.query<{ kind: string; name: string; demo: boolean }>(
      'SELECT kind, name, demo FROM rumija.layers WHERE table_name = $1',
      [table],
    );
    if (!layers[0]) throw new PostgisError('no-table', table);
    const kind = LayerKindSchema.catch('plain').parse(layers[0].kind);
    const { rows } = await this.query<FeatureRow>(
      `${this.selectRows(table, kind)} WHERE fid > $1 ORDER BY fid LIMIT ${Math.max(1, Math.floor(limit))}`,
      [after ?? ''],
    );
    return {
      kind,
      name: layers[0].name,
      demo: layers[0].demo,
      features: rows.map((row) => serverFeatureOf(kind, row)),
      horizon,
      next: rows.length < limit ? null : rows[rows.length - 1]!.fid,
    };
  }

  /**
   * Pushes changes in one transaction, each only if the server still has the version it was made from
   * (optimistic concurrency). What the server does not take comes back as `refused`, with the server's state.
   */
  async push(table: string, kind: LayerKind, changes: OutgoingChanges, hooks: PushHooks = {}): Promise<PushResult> {
    checkValues(
      kind,
      changes.puts.map((put) => put.feature),
    );
    return this.transaction(async () => {
      const result: PushResult = { written: [], deleted: [], refused: [] };
      const notTaken: string[] = [];
      let done = 0;
      const inserts = changes.puts.filter((put) => put.baseVersion === null).map((put) => put.feature);
      for (let start = 0; start < inserts.length; start += BATCH) {
        const batch = inserts.slice(start, start + BATCH);
        const written = await this.insertRows(table, kind, batch, true);
        result.written.push(...written);
        const taken = new Set(written.map((row) => row.id));
        for (const feature of batch) if (!taken.has(feature.id)) notTaken.push(feature.id);
        await hooks.afterBatch?.((done += batch.length));
      }
      const updates = changes.puts.filter((put) => put.baseVersion !== null);
      for (let start = 0; start < updates.length; start += BATCH) {
        const batch = updates.slice(start, start + BATCH);
        const written = await this.updateRows(table, kind, batch);
        result.written.push(...written);
        const taken = new Set(written.map((row) => row.id));
        for (const put of batch) if (!taken.has(put.feature.id)) notTaken.push(put.feature.id);
        await hooks.afterBatch?.((done += batch.length));
      }
      for (let start = 0; start < changes.deletes.length; start += BATCH) {
        const batch = changes.deletes.slice(start, start + BATCH);
        const { rows } = await this.query<{ fid: string }>(
          `DELETE FROM ${tableOf(table)} AS t USING json_to_recordset($1::json) AS c(fid text, version integer)
            WHERE t.fid = c.fid AND t.version = c.version RETURNING t.fid`,
          [JSON.stringify(batch.map((item) => ({ fid: item.id, version: item.baseVersion })))],
        );
        const taken = new Set(rows.map((row) => row.fid));
        result.deleted.push(...taken);
        for (const item of batch) if (!taken.has(item.id)) notTaken.push(item.id);
        await hooks.afterBatch?.((done += batch.length));
      }
      const deletedHere = new Set(changes.deletes.map((item) => item.id));
      for (const state of await this.statesOf(table, kind, notTaken)) {
        // Deleted here and already deleted there: both sides agree.
        if ('deleted' in state && deletedHere.has(state.id)) result.deleted.push(state.id);
        else result.refused.push(state);
      }
      return result;
    });
  }

  /**
   * The server's history of one feature: its newest `limit` changes, oldest first, with how many there are in all
   * and the version the table has now. Read in one snapshot, so the three agree.
   */
  async featureHistory(table: string, id: string, limit = HISTORY_LIMIT_DEFAULT): Promise<FeatureHistory> {
    const bounded = Math.min(HISTORY_LIMIT_MAX, Math.max(1, Math.floor(limit)));
    const kind = await this.kindOf(table).catch(async (error: unknown) => {
      if (!(error instanceof PostgisError) || error.failure !== 'no-table') throw error;
      throw await this.unknownTable(table);
    });
    return this.transaction(async () => {
      const { rows } = await this.query<{
        version: number;
        operation: HistoryOperation;
        changed_by: string;
        changed_as: string | null;
        changed_at: Date;
        change_xid: string;
        client: string | null;
        before: Record<string, unknown> | null;
        after: Record<string, unknown> | null;
      }>(
        `SELECT version, operation, changed_by, changed_as, changed_at, change_xid::text, client, before, after
           FROM rumija.feature_history WHERE table_name = $1 AND fid = $2
          ORDER BY version DESC, id DESC LIMIT ${bounded}`,
        [table, id],
      );
      const { rows: counts } = await this.query<{ total: number; current: number | null }>(
        `SELECT (SELECT count(*)::int FROM rumija.feature_history WHERE table_name = $1 AND fid = $2) AS total,
                (SELECT version FROM ${tableOf(table)} WHERE fid = $2) AS current`,
        [table, id],
      );
      const { total, current } = counts[0]!;
      if (total === 0 && current === null) throw new PostgisError('unknown-feature', `${table}: ${id}`);
      return {
        table,
        id,
        total,
        currentVersion: current,
        entries: rows.reverse().map((row) => ({
          version: row.version,
          operation: row.operation,
          changedBy: row.changed_by,
          changedAs: row.changed_as,
          changedAt: row.changed_at.toISOString(),
          transaction: row.change_xid,
          client: row.client,
          before: snapshotOf(kind, row.before),
          after: snapshotOf(kind, row.after),
        })),
      };
    }, 'REPEATABLE READ READ ONLY');
  }

  /** What changed on a layer table since a horizon (features written, features deleted), and the next horizon. */
  async changesSince(
    table: string,
    kind: LayerKind,
    since: string,
  ): Promise<{ changes: ServerState[]; horizon: string }> {
    return this.transaction(async () => {
      const horizon = await this.horizon();
      const { rows } = await this.query<FeatureRow>(`${this.selectRows(table, kind)} WHERE change_xid >= $1::xid8`, [
        since,
      ]);
      const changes: ServerState[] = rows.map((row) => serverFeatureOf(kind, row));
      changes.push(...(await this.deletions(table, 'change_xid >= $2::xid8', since)));
      return { changes, horizon };
    }, 'REPEATABLE READ READ ONLY');
  }

  /** A table asked for by name that is not published, said with the tables that are. */
  private async unknownTable(table: string): Promise<PostgisError> {
    const published = (await this.listLayers()).map((layer) => layer.table);
    return new PostgisError(
      'unknown-table',
      published.length
        ? problem('postgis.publishedTables', { table, tables: published.join(', ') })
        : problem('postgis.noneYet', { table }),
    );
  }

  async close() {
    if (this.broken) return;
    await this.client.end().catch(() => undefined);
  }

  /** The backend's process id (tests cut the connection from the server side with it). */
  async backendPid(): Promise<number> {
    const { rows } = await this.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    return rows[0]!.pid;
  }

  /**
   * One statement, its answer awaited at most `answerMs`. When no answer comes the connection is given up (the
   * socket destroyed: a statement half sent cannot be taken back); the server rolls back the open transaction when
   * its own timeouts end it, and the caller connects again.
   */
  private async query<Row extends pg.QueryResultRow>(text: string, values?: unknown[]) {
    if (this.broken) throw this.broken;
    let timer: NodeJS.Timeout | undefined;
    const silent = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const seconds = Math.round(this.timeouts.answerMs / 1000);
        this.broken = new PostgisError('timeout', `${seconds} s`);
        (this.client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
        reject(this.broken);
      }, this.timeouts.answerMs);
    });
    try {
      return await Promise.race([this.client.query<Row>(text, values), silent]);
    } catch (error) {
      throw failureOf(error);
    } finally {
      clearTimeout(timer);
    }
  }

  private async transaction<T>(work: () => Promise<T>, mode = ''): Promise<T> {
    await this.query(`BEGIN ${mode ? `ISOLATION LEVEL ${mode}` : ''}`);
    let result: T;
    try {
      result = await work();
    } catch (error) {
      await this.rollback();
      throw failureOf(error);
    }
    await this.commit();
    return result;
  }

  private async commit() {
    try {
      await this.query('COMMIT');
    } catch (error) {
      const failure = failureOf(error);
      // Lost on the way back from COMMIT: the server may have committed. Saying "nothing changed" could be false.
      if (failure.failure === 'connection-lost' || failure.failure === 'timeout')
        throw new PostgisError('commit-unknown', failure.detail);
      throw failure;
    }
  }

  /**
   * The oldest transaction still running as of now: every change of a transaction before it is visible, so reading
   * "changed by a transaction at or after it" next time misses nothing (a change read twice is passed over by
   * version).
   */
  private async horizon(): Promise<string> {
    const { rows } = await this.query<{ horizon: string }>(
      'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon',
    );
    return rows[0]!.horizon;
  }

  private selectRows(table: string, kind: LayerKind) {
    const model = modelColumnList(kind);
    return `SELECT fid, version, updated_by, updated_at, extra, ${model.length ? `${model.join(', ')}, ` : ''}ST_AsGeoJSON(geom, 15) AS geojson
              FROM ${tableOf(table)}`;
  }

  private rowsJson(kind: LayerKind, features: readonly StoredFeature[], versions?: readonly (number | null)[]) {
    return JSON.stringify(
      features.map((feature, index) => {
        const row = rowOf(kind, feature, wkt);
        if (versions) row.version = versions[index];
        return row;
      }),
    );
  }

  private async insertRows(table: string, kind: LayerKind, features: readonly StoredFeature[], skipTaken: boolean) {
    const columns = ['fid', 'geom', ...modelColumnList(kind), 'extra'];
    const { rows } = await this.query<{ fid: string; version: number }>(
      `INSERT INTO ${tableOf(table)} (${columns.join(', ')})
       SELECT ${columns.map((column) => `c.${column}`).join(', ')} FROM json_populate_recordset(NULL::${tableOf(table)}, $1::json) AS c
       ${skipTaken ? 'ON CONFLICT (fid) DO NOTHING' : ''} RETURNING fid, version`,
      [this.rowsJson(kind, features)],
    );
    return rows.map((row) => ({ id: row.fid, version: row.version }));
  }

  private async updateRows(
    table: string,
    kind: LayerKind,
    puts: readonly { feature: StoredFeature; baseVersion: number | null }[],
  ) {
    const columns = ['geom', ...modelColumnList(kind), 'extra'];
    const { rows } = await this.query<{ fid: string; version: number }>(
      `UPDATE ${tableOf(table)} AS t SET ${columns.map((column) => `${column} = c.${column}`).join(', ')}
         FROM json_populate_recordset(NULL::${tableOf(table)}, $1::json) AS c
        WHERE t.fid = c.fid AND t.version = c.version RETURNING t.fid, t.version`,
      [
        this.rowsJson(
          kind,
          puts.map((put) => put.feature),
          puts.map((put) => put.baseVersion),
        ),
      ],
    );
    return rows.map((row) => ({ id: row.fid, version: row.version }));
  }

  /** The notes of deletions from a layer table that meet a condition on `$2`. */
  private async deletions(table: string, condition: string, value: unknown): Promise<ServerDeletion[]> {
    const { rows } = await this.query<{ fid: string; version: number; deleted_by: string; deleted_at: Date }>(
      `SELECT fid, version, deleted_by, deleted_at FROM rumija.deleted_features WHERE table_name = $1 AND ${condition}`,
      [table, value],
    );
    return rows.map((row) => ({
      id: row.fid,
      deleted: true,
      version: row.version,
      deletedBy: row.deleted_by,
      deletedAt: row.deleted_at.toISOString(),
    }));
  }

  /** The server's state of some features: the row, or the note of its deletion. */
  private async statesOf(table: string, kind: LayerKind, ids: readonly string[]): Promise<ServerState[]> {
    if (!ids.length) return [];
    const { rows } = await this.query<FeatureRow>(`${this.selectRows(table, kind)} WHERE fid = ANY($1::text[])`, [ids]);
    const states: ServerState[] = rows.map((row) => serverFeatureOf(kind, row));
    const found = new Set(rows.map((row) => row.fid));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) {
      const noted = new Map(
        (await this.deletions(table, 'fid = ANY($2::text[])', missing)).map((deletion) => [deletion.id, deletion]),
      );
      // Not there and no note of a deletion (removed by hand): gone all the same.
      for (const id of missing)
        states.push(
          noted.get(id) ?? { id, deleted: true, version: 0, deletedBy: '', deletedAt: new Date(0).toISOString() },
        );
    }
    return states;
  }
}
