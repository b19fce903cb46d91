#!/usr/bin/env bash
# Starts a PostgreSQL server for the store's tests and prints its address on standard output
# (postgres://user:password@127.0.0.1:PORT/database), for ANNALIST_TEST_POSTGRES.
# Installs PostgreSQL when missing, keeps its own cluster in $ANNALIST_PG_DIR (default
# /tmp/annalist-postgres) on $ANNALIST_PG_PORT (default 54329), and can be run again: a running server
# is reused, a stopped one restarted. Everything else it says goes to standard error.
# Stop it with: su postgres -c "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pg_ctl -D /tmp/annalist-postgres stop"
set -euo pipefail
data_dir=${ANNALIST_PG_DIR:-/tmp/annalist-postgres}
port=${ANNALIST_PG_PORT:-54329}
database=annalist_test
user=annalist
password=annalist_test
log() { echo "postgres.sh: $*" >&2; }

find_bin() { { ls -d /usr/lib/postgresql/*/bin 2>/dev/null || true; } | sort -V | tail -1; }
bin=$(find_bin)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  log "installing PostgreSQL"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  bin=$(find_bin)
fi
[ -x "$bin/pg_ctl" ] || { log "no pg_ctl found after installing"; exit 1; }
id postgres >/dev/null 2>&1 || { log "the postgres system user is missing"; exit 1; }
as_postgres() { su postgres -s /bin/sh -c "$*"; }

if [ ! -s "$data_dir/PG_VERSION" ]; then
  log "creating a cluster in $data_dir"
  mkdir -p "$data_dir"
  chown postgres:postgres "$data_dir"
  chmod 700 "$data_dir"
  as_postgres "'$bin/initdb' -D '$data_dir' -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8" >&2
fi

if as_postgres "'$bin/pg_ctl' -D '$data_dir' status" >/dev/null 2>&1; then
  log "server already running in $data_dir"
else
  log "starting the server on port $port"
  as_postgres "'$bin/pg_ctl' -D '$data_dir' -l '$data_dir/server.log' -w -t 60 \
    -o \"-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start" >&2
fi

psql_admin() { as_postgres "'$bin/psql' -h /tmp -p $port -U postgres -v ON_ERROR_STOP=1 -qtA $*"; }
if [ "$(psql_admin "-c \"SELECT 1 FROM pg_roles WHERE rolname = '$user'\"")" != 1 ]; then
  psql_admin "-c \"CREATE ROLE $user LOGIN PASSWORD '$password' CREATEDB\"" >&2
fi
if [ "$(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname = '$database'\"")" != 1 ]; then
  psql_admin "-c \"CREATE DATABASE $database OWNER $user ENCODING 'UTF8'\"" >&2
fi
echo "postgres://$user:$password@127.0.0.1:$port/$database"
