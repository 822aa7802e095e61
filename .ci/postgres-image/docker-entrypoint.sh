#!/bin/sh
# tradeoff-bench: entrypoint of the locally built PostgreSQL 15 image.
#
# Our CI machine cannot reach Docker Hub, so .ci/docker-setup.sh builds the
# image offline from Debian's postgresql-15 package (debootstrap + docker
# import) instead of pulling the official `postgres` image. This script stands
# in for the official entrypoint and covers what Testcontainers'
# PostgreSQLContainer relies on:
#   - POSTGRES_USER (default postgres), POSTGRES_PASSWORD (required unless
#     POSTGRES_HOST_AUTH_METHOD=trust), POSTGRES_DB (default: the user name;
#     created when it is not "postgres"), POSTGRES_INITDB_ARGS;
#   - password (scram-sha-256) authentication over TCP from any address;
#   - a command made of options means "postgres <options>", e.g.
#     `postgres -c fsync=off` or `-c fsync=on -c synchronous_commit=on`;
#     any other command (psql, bash, ...) is run as given;
#   - on a fresh data directory "database system is ready to accept
#     connections" is logged twice: once by a temporary unix-socket-only server
#     used for initialisation, then by the real server listening on '*'.
# The server runs as user postgres and replaces this shell (exec), so signals
# sent to the container reach postgres. Not supported (unneeded here):
# /docker-entrypoint-initdb.d scripts, POSTGRES_*_FILE secrets.
set -eu

export PATH="/usr/lib/postgresql/15/bin:$PATH"
export PGDATA="${PGDATA:-/var/lib/postgresql/data}"
# initdb takes its encoding from the locale: C.UTF-8 gives UTF8, like the
# official image (which uses en_US.utf8).
export LANG="${LANG:-C.UTF-8}"

log() { printf 'tradeoff-bench entrypoint: %s\n' "$*"; }

case "${1:-}" in
  '' | -*) set -- postgres "$@" ;;
esac
if [ "$1" != postgres ]; then
  exec "$@"
fi

# Started as root (the default): prepare the directories, then start this
# script again as user postgres.
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  chmod 2775 /var/run/postgresql
  HOME=/var/lib/postgresql
  export HOME
  exec setpriv --reuid=postgres --regid=postgres --init-groups -- "$0" "$@"
fi

POSTGRES_USER="${POSTGRES_USER:-postgres}"
POSTGRES_DB="${POSTGRES_DB:-$POSTGRES_USER}"
auth="${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$auth" != trust ]; then
    log "error: POSTGRES_PASSWORD is not set (set it, or POSTGRES_HOST_AUTH_METHOD=trust)" >&2
    exit 1
  fi
  log "initialising $PGDATA (user $POSTGRES_USER, database $POSTGRES_DB, auth $auth)"
  # The password reaches initdb through a pipe, never through a file.
  pwfile=
  if [ -n "${POSTGRES_PASSWORD:-}" ]; then pwfile=--pwfile=/dev/stdin; fi
  # $pwfile and POSTGRES_INITDB_ARGS are word-split on purpose.
  # shellcheck disable=SC2086
  printf '%s\n' "${POSTGRES_PASSWORD:-}" |
    initdb -D "$PGDATA" -U "$POSTGRES_USER" $pwfile \
      --auth-local=trust --auth-host="$auth" ${POSTGRES_INITDB_ARGS:-} > /dev/null
  printf '\n# tradeoff-bench: clients may connect from anywhere, with a password\nhost all all all %s\n' \
    "$auth" >> "$PGDATA/pg_hba.conf"

  # Temporary server, unix socket only: first "ready to accept connections".
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
  if [ "$POSTGRES_DB" != postgres ]; then
    createdb -U "$POSTGRES_USER" -- "$POSTGRES_DB"
  fi
  pg_ctl -D "$PGDATA" -m fast -w stop
  log "initialisation complete; starting the server"
fi

# Real server on TCP: second "ready to accept connections". Options given by
# the caller come last, so they win over ours (even listen_addresses).
shift
exec postgres -D "$PGDATA" -c listen_addresses='*' "$@"
