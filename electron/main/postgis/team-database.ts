import { randomUUID } from 'node:crypto';
import type { LayerKind } from '../../../shared/model/layer';
import type { PostgisConnection } from '../../../shared/postgis/postgis-api';
import { PostgisError } from '../../../shared/postgis/postgis-errors';
import type { ParsedTeamRequest, TeamReply, TeamValues } from '../../../shared/postgis/team-requests';
import { failureOf, PostgisSession } from './postgis-session';
import { problem } from '../../../shared/messages/problem';

/** Where logins' passwords are kept: the OS keychain in the desktop app (safeStorage), memory in the web bridge. */
export interface PasswordStore {
  get(key: string): Promise<string | null>;
  /** Keeps a password; false when it cannot be kept safely (no keychain), and then nothing is written. */
  set(key: string, password: string): Promise<boolean>;
  forget(key: string): Promise<void>;
}

const loginKey = (connection: PostgisConnection) =>
  `${connection.user}@${connection.host}:${connection.port}/${connection.database}`;

/**
 * The team database as the main process holds it: one session at a time, one publish at a time. Each request is
 * answered with a value or a failure the renderer can explain; nothing throws across the IPC boundary.
 */
export class TeamDatabase {
  private session: PostgisSession | null = null;
  private publishing: { job: string; table: string; kind: LayerKind; done: number; horizon: string } | null = null;
  /** Requests run one after another: one connection carries one statement at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly passwords: PasswordStore,
    private readonly open: typeof PostgisSession.open = PostgisSession.open,
  ) {}

  handle(request: ParsedTeamRequest): Promise<TeamReply> {
    const run = this.queue.then(() => this.answer(request));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close() {
    await this.session?.close();
    this.session = null;
  }

  private async answer(request: ParsedTeamRequest): Promise<TeamReply> {
    try {
      return { ok: true, value: await this.value(request) };
    } catch (error) {
      const failure = failureOf(error);
      // A failed publish is rolled back whole; a lost connection is gone for good (the next request connects).
      if (this.publishing && request.action.startsWith('publish')) {
        this.publishing = null;
        await this.session?.rollback();
      }
      // A connection lost, given up (no answer in time) or lost during COMMIT is ended for good: the next request
      // connects again.
      if (['connection-lost', 'timeout', 'commit-unknown'].includes(failure.failure)) {
        this.publishing = null;
        await this.close();
      }
      return { ok: false, failure: failure.failure, message: failure.message, detail: failure.detail };
    }
  }

  private connected(): PostgisSession {
    if (!this.session) throw new PostgisError('no-connection');
    return this.session;
  }

  private publishJob(job: string) {
    if (this.publishing?.job !== job) throw new PostgisError('server', `no publish under way: ${job}`);
    return this.publishing;
  }

  private async value(request: ParsedTeamRequest): Promise<TeamValues[keyof TeamValues]> {
    // The publish transaction holds the connection: anything else waits until it is committed or cancelled.
    if (this.publishing && !request.action.startsWith('publish') && request.action !== 'disconnect')
      throw new PostgisError('server', problem('team.publishing'));
    switch (request.action) {
      case 'connect': {
        const key = loginKey(request.connection);
        const password = request.password ?? (await this.passwords.get(key));
        if (password === null) throw new PostgisError('bad-login', problem('team.noKeptPassword'));
        // One connection at a time: the old one ends even if the new one fails (the page then shows the form).
        await this.close();
        const session = await this.open(request.connection, password);
        this.session = session;
        this.publishing = null;
        let remembered = false;
        if (request.remember) remembered = await this.passwords.set(key, password);
        else if (request.password !== null) await this.passwords.forget(key);
        else remembered = true;
        return {
          user: request.connection.user,
          role: await session.role(),
          layers: await session.listLayers(),
          remembered,
          tls: session.tls,
        } satisfies TeamValues['connect'];
      }
      case 'disconnect':
        await this.close();
        return null;
      case 'forget-password':
        await this.passwords.forget(loginKey(request.connection));
        return null;
      case 'layers':
        return this.connected().listLayers();
      case 'publish-begin': {
        const session = this.connected();
        if (this.publishing) await session.rollback();
        this.publishing = null;
        const horizon = await session.beginPublish(request);
        this.publishing = { job: randomUUID(), table: request.table, kind: request.kind, done: 0, horizon };
        return { job: this.publishing.job };
      }
      case 'publish-rows': {
        const job = this.publishJob(request.job);
        await this.connected().publishRows(job.table, job.kind, request.features);
        job.done += request.features.length;
        return { done: job.done };
      }
      case 'publish-commit': {
        const { horizon } = this.publishJob(request.job);
        await this.connected().commitPublish();
        this.publishing = null;
        return { horizon };
      }
      case 'publish-cancel':
        if (this.publishing?.job === request.job) await this.connected().rollback();
        this.publishing = null;
        return null;
      case 'read':
        return this.connected().readPage(request.table, request.after, request.limit);
      case 'push':
        return this.connected().push(request.table, request.kind, { puts: request.puts, deletes: request.deletes });
      case 'changes':
        return this.connected().changesSince(request.table, request.kind, request.since);
      case 'tariffs':
        return this.connected().listTariffs();
      case 'history':
        return this.connected().featureHistory(request.table, request.id, request.limit);
      case 'publish-tariff':
        return { version: await this.connected().publishTariff(request.schedule) };
    }
  }
}
