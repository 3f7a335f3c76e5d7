import { PostgisConnectionSchema, TLS_MODES, type PostgisConnection, type TlsMode } from '#shared/postgis/postgis-api';
import { PostgisSession } from '../main/postgis/postgis-session';

/** `postgis:<table>` in place of a file name: a layer table of the team database. */
export const POSTGIS_PREFIX = 'postgis:';

/**
 * A connection from `--db postgresql://user@host:port/database` (libpq's URL form), `--tls` (verified TLS unless
 * told otherwise) and the text of `--tls-ca`. The password comes from PGPASSWORD, never from the command line (it
 * would end up in the shell history and the process list).
 */
export function connectionOf(url: string, tls = 'verify', ca?: string): PostgisConnection {
  if (!(TLS_MODES as readonly string[]).includes(tls))
    throw new Error(`--tls harus / must be ${TLS_MODES.join('|')}: ${tls}`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`--db: bukan alamat / not a URL: ${url} (postgresql://user@host:5432/database)`);
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol))
    throw new Error(`--db: harus / must be postgresql://user@host:port/database: ${url}`);
  if (parsed.password)
    throw new Error(
      '--db: jangan tulis kata sandi di alamat, pakai PGPASSWORD / put the password in PGPASSWORD, not the URL',
    );
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
      `--db: ${connection.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  return connection.data;
}

/** Opens a session with PGPASSWORD. */
export async function openFromEnvironment(connection: PostgisConnection): Promise<PostgisSession> {
  return PostgisSession.open(connection, process.env.PGPASSWORD ?? '');
}
