#!/usr/bin/env bash
# A private PostgreSQL + PostGIS server for the tests: `start` makes a fresh cluster in a temporary folder, owned by an
# unprivileged user (postgres when run as root), listening on 127.0.0.1 only at RUMIJA_PG_PORT (default 55432), with
# password (SCRAM) logins, and TLS with a self-signed certificate for 127.0.0.1 when openssl is there; prints the variables the
# tests read. `stop` stops it and removes the folder.
set -euo pipefail

PORT="${RUMIJA_PG_PORT:-55432}"
ROOT="${RUMIJA_PG_DIR:-${TMPDIR:-/tmp}/rumija-pg-$PORT}"
BIN="${RUMIJA_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
SUPERUSER=rumija_test_super
PASSWORD="${RUMIJA_PG_SUPER_PASSWORD:-rumija-test-only}"

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
      echo "PostgreSQL server programs not found (apt-get install postgresql-15 postgresql-15-postgis-3)" >&2
      exit 1
    fi
    if [ -f "$ROOT/data/postmaster.pid" ]; then as_owner "$BIN/pg_ctl" -D "$ROOT/data" -m immediate stop >/dev/null 2>&1 || true; fi
    rm -rf "$ROOT"
    mkdir -p "$ROOT"
    printf '%s\n' "$PASSWORD" > "$ROOT/pwfile"
    if [ "$(id -u)" -eq 0 ]; then chown -R postgres "$ROOT"; fi
    as_owner "$BIN/initdb" -D "$ROOT/data" -U "$SUPERUSER" --pwfile="$ROOT/pwfile" --auth-host=scram-sha-256 \
      --auth-local=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$ROOT/initdb.log" 2>&1 ||
      { cat "$ROOT/initdb.log" >&2; exit 1; }
    TLS=0
    TLS_OPTIONS=""
    if command -v openssl >/dev/null 2>&1 &&
      openssl req -new -x509 -days 2 -nodes -subj "/CN=127.0.0.1" \
        -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout "$ROOT/server.key" \
        -out "$ROOT/server.crt" >/dev/null 2>&1; then
      chmod 600 "$ROOT/server.key"
      if [ "$(id -u)" -eq 0 ]; then chown postgres "$ROOT/server.key" "$ROOT/server.crt"; fi
      TLS=1
      TLS_OPTIONS="-c ssl=on -c ssl_cert_file=$ROOT/server.crt -c ssl_key_file=$ROOT/server.key"
    fi
    as_owner "$BIN/pg_ctl" -D "$ROOT/data" -l "$ROOT/server.log" -w -t 60 \
      -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$ROOT -c max_connections=60 -c fsync=off $TLS_OPTIONS" \
      start >/dev/null || { cat "$ROOT/server.log" >&2; exit 1; }
    echo "RUMIJA_PG_HOST=127.0.0.1"
    echo "RUMIJA_PG_PORT=$PORT"
    echo "RUMIJA_PG_SUPERUSER=$SUPERUSER"
    echo "RUMIJA_PG_SUPER_PASSWORD=$PASSWORD"
    echo "RUMIJA_PG_TLS=$TLS"
    # The certificate doubles as its own CA: the tests connect with verified TLS (verify-full) trusting this file.
    if [ "$TLS" = 1 ]; then echo "RUMIJA_PG_CA=$ROOT/server.crt"; fi
    ;;
  stop)
    if [ -f "$ROOT/data/postmaster.pid" ]; then as_owner "$BIN/pg_ctl" -D "$ROOT/data" -m fast -w stop >/dev/null || true; fi
    rm -rf "$ROOT"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
