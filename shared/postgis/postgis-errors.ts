import { problem, ProblemError, type Problem } from '../messages/problem';

/** Why a team-database call failed: worded for the user from `problems.postgis.<failure>`. */
export type PostgisFailure =
  | 'unreachable'
  | 'bad-login'
  | 'no-database'
  | 'no-postgis'
  | 'not-set-up'
  | 'no-rights'
  | 'tls-required'
  | 'tls-untrusted'
  | 'tls-unavailable'
  | 'bad-value'
  | 'unknown-table'
  | 'unknown-feature'
  | 'table-exists'
  | 'no-table'
  | 'connection-lost'
  | 'timeout'
  | 'commit-unknown'
  | 'no-connection'
  | 'server';

/** The failure as a Problem (`postgis.<failure>`), with the server's own words after it when there are any. */
export function postgisProblem(failure: PostgisFailure, detail: string | Problem | null = null): Problem {
  const worded = problem(`postgis.${failure}`);
  return detail ? problem('postgis.withDetail', { problem: worded, detail }) : worded;
}

/** An error that says which failure it is, with the server's own words when there are any. */
export class PostgisError extends ProblemError {
  constructor(
    readonly failure: PostgisFailure,
    /** The server's own words, or what Rumija adds (the tables that are published). */
    readonly detail: string | Problem | null = null,
  ) {
    super(postgisProblem(failure, detail));
    this.name = 'PostgisError';
  }
}
