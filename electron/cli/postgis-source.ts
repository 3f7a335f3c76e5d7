import { PostgisConnectionSchema, TLS_MODES, type PostgisConnection, type TlsMode } from '#shared/postgis/postgis-api';
import { PostgisSession } from '../main/postgis/postgis-session';
import { issueProblem, problem, ProblemError } from '#shared/messages/problem';
import { cliText } from './cli-error';

/** `postgis:<table>` in place of a file name: a layer table of the team database. */
export const POSTGIS_PREFIX = 'postgis:';

/**
 * A connection from `--db postgresql://user@host:port/database` (libpq's URL form), `--tls` (verified TLS unless
 * told otherwise) and the text of `--tls-ca`. The password comes from PGPASSWORD, never from the command line (it
 * would end up in the shell history and the process list).
 */
export function connectionOf(url: string, tls = 'verify', ca?: string): PostgisConnection {
  if (!(TLS_MODES as readonly string[]).includes(tls))
    throw new ProblemError(problem('cli.db.badTls', { modes: TLS_MODES.join('|'), value: tls }));
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ProblemError(problem('cli.db.notUrl', { url }));
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw new ProblemError(problem('cli.db.notPostgres', { url }));
  if (parsed.password) throw new ProblemError(problem('cli.db.passwordInUrl'));
  const connection = PostgisConnectionSchema.safeParse({
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port ? Number(parsed.port) : 5432,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
    user: decodeURIComponent(parsed.username),
    tls: tls as TlsMode,
    ...(ca === undefined ? {} : { ca }),
  });
  if (!connection.success)
    throw new Error(
      `--db: ${connection.error.issues.map((issue) => `${issue.path.join('.')}: ${cliText(issueProblem(issue.message))}`).join('; ')}`,
    );
  return connection.data;
}

/** Opens a session with PGPASSWORD. */
export async function openFromEnvironment(connection: PostgisConnection): Promise<PostgisSession> {
  return PostgisSession.open(connection, process.env.PGPASSWORD ?? '');
}
