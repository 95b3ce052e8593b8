#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for the collector tests and print the
# line that points them at it:
#
#   eval "$(bash scripts/start-postgres.sh)"   # sets SOGLASIE_PG_URL
#
# Installs Debian's postgresql when missing (needs root), keeps the cluster in
# a temp dir owned by the postgres user, listens on 127.0.0.1 only (trust
# auth: test use only). Safe to run again: a running cluster is reused.
# Every step is time-bounded so CI never hangs. Logs go to stderr.
set -euo pipefail

PORT="${SOGLASIE_PG_PORT:-54329}"
DIR="${SOGLASIE_PG_DIR:-${TMPDIR:-/tmp}/soglasie-pg-$PORT}"
DB="${SOGLASIE_PG_DB:-soglasie_test}"
# Extra server settings, appended last so they win (the fault tests want synchronous_commit=on).
EXTRA="${SOGLASIE_PG_EXTRA:-}"
log() { echo "start-postgres: $*" >&2; }

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

BIN="$(find_bin)"
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  if [ "$(id -u)" != 0 ]; then
    log "PostgreSQL is not installed and this is not root: apt-get install -y postgresql"
    exit 1
  fi
  log "installing Debian's postgresql"
  export DEBIAN_FRONTEND=noninteractive
  timeout 300 apt-get update -qq >&2
  timeout 600 apt-get install -y -qq postgresql >&2
  BIN="$(find_bin)"
fi

# initdb and postgres refuse to run as root: use the postgres user then.
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

export PGCONNECT_TIMEOUT=5
URL="postgres://postgres@127.0.0.1:$PORT/$DB"

if ! "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -t 2; then
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres: "$DIR"
  chmod 700 "$DIR"
  if [ ! -f "$DIR/data/PG_VERSION" ]; then
    log "initialising a cluster in $DIR/data"
    as_pg timeout 120 "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$DIR/initdb.log" 2>&1 \
      || { cat "$DIR/initdb.log" >&2; exit 1; }
  fi
  log "starting PostgreSQL on 127.0.0.1:$PORT"
  # Durability is pointless for a throwaway test cluster; speed is not.
  as_pg timeout 60 "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off $EXTRA" \
    start >&2 || { tail -n 30 "$DIR/server.log" >&2 || true; exit 1; }
fi

if ! as_pg timeout 20 "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  as_pg timeout 20 "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB" >&2
fi

log "ready (stop with: runuser -u postgres -- $BIN/pg_ctl -D $DIR/data stop)"
echo "export SOGLASIE_PG_URL=$URL"
