#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL and Redis for tests or local runs (no systemd here).
#   source scripts/services.sh && services_start   # exports DATABASE_URL and REDIS_URL
#   services_stop
# Needs Debian's postgresql and redis-server packages; runs PostgreSQL as the postgres user.

SERVICES_DIR="${SERVICES_DIR:-/tmp/accord-services}"
PG_PORT="${PG_PORT:-55432}"
REDIS_PORT="${REDIS_PORT:-56379}"

_pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; return 1; }
  echo "$dir"
}

_as_postgres() {
  if [ "$(id -u)" = "0" ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi
}

services_start() {
  local bin
  bin=$(_pg_bin) || return 1
  services_stop >/dev/null 2>&1 || true
  rm -rf "$SERVICES_DIR"
  mkdir -p "$SERVICES_DIR/pg" "$SERVICES_DIR/redis"
  if [ "$(id -u)" = "0" ]; then chown -R postgres:postgres "$SERVICES_DIR/pg"; fi
  _as_postgres "$bin/initdb -D $SERVICES_DIR/pg/data -A trust -U postgres --no-sync -E UTF8 >$SERVICES_DIR/pg/initdb.log"
  # -l is required: without a log file pg_ctl keeps the pipe open and the shell hangs.
  _as_postgres "$bin/pg_ctl -D $SERVICES_DIR/pg/data -l $SERVICES_DIR/pg/server.log -w \
    -o '-c listen_addresses=127.0.0.1 -p $PG_PORT -k $SERVICES_DIR/pg -c fsync=off' start >/dev/null"
  _as_postgres "$bin/createdb -h 127.0.0.1 -p $PG_PORT -U postgres accord"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes \
    --pidfile "$SERVICES_DIR/redis/redis.pid" --logfile "$SERVICES_DIR/redis/redis.log" \
    --dir "$SERVICES_DIR/redis"
  for _ in $(seq 50); do
    redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/accord"
  export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
  echo "PostgreSQL on $PG_PORT and Redis on $REDIS_PORT are up."
}

services_stop() {
  local bin pid
  if [ -f "$SERVICES_DIR/redis/redis.pid" ]; then
    pid=$(cat "$SERVICES_DIR/redis/redis.pid")
    kill "$pid" 2>/dev/null || true
    # PID 1 does not reap here: wait until the process is gone or a zombie.
    for _ in $(seq 50); do
      state=$(ps -o stat= -p "$pid" 2>/dev/null || true)
      { [ -z "$state" ] || [[ "$state" == Z* ]]; } && break
      sleep 0.1
    done
  fi
  if [ -d "$SERVICES_DIR/pg/data" ]; then
    bin=$(_pg_bin) && _as_postgres "$bin/pg_ctl -D $SERVICES_DIR/pg/data -m fast -w stop >/dev/null" || true
  fi
  unset DATABASE_URL REDIS_URL
}
