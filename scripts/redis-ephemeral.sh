#!/usr/bin/env bash
# An ephemeral Redis server for tests: in a temporary directory, on a free TCP port of
# 127.0.0.1, no persistence, no password. Nothing outlives `stop`.
#
#   eval "$(scripts/redis-ephemeral.sh start [DIR])"  # exports TEST_REDIS_URL (redis://…),
#                                   # REDIS_EPHEMERAL_DIR, REDIS_EPHEMERAL_VERSION (not REDIS_URL:
#                                   # the caller decides which servers use it); logs go to
#                                   # stderr. DIR (optional) must not exist yet; default: a
#                                   # new one under /tmp.
#   scripts/redis-ephemeral.sh stop "$REDIS_EPHEMERAL_DIR"   # stops the server, removes DIR
#   scripts/redis-ephemeral.sh run CMD [ARGS…]    # start, run CMD with those variables and
#                                   # REDIS_URL, stop
#
# When `redis-server` is missing it installs Debian's `redis-server` package (apt-get;
# needs root or passwordless sudo) and keeps the distribution's own service stopped.
set -euo pipefail
export PATH="$PATH:/usr/sbin:/sbin"

STARTING_DIR=""

EPHEMERAL_NAME=redis-ephemeral
# shellcheck source=scripts/lib/ephemeral.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/ephemeral.sh"

install_redis() {
  log "redis-server not found: installing Debian's redis-server package (apt-get)…"
  command -v apt-get >/dev/null 2>&1 || die "no redis-server and no apt-get: install Redis first"
  # The package starts a service on port 6379 where there is an init system: forbid that.
  local policy=/usr/sbin/policy-rc.d made_policy=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
    as_root chmod 755 "$policy"
    made_policy=1
  fi
  apt_install redis-server || {
    [ -n "$made_policy" ] && as_root rm -f "$policy"
    die "apt-get install redis-server failed"
  }
  [ -n "$made_policy" ] && as_root rm -f "$policy"
  return 0
}

# The server's pid, if it is running (checked against /proc: never a recycled pid).
server_pid() {
  local dir=$1 pid
  [ -f "$dir/redis.pid" ] || return 1
  pid=$(head -n 1 "$dir/redis.pid" 2>/dev/null || true)
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  [ "$(readlink "/proc/$pid/cwd" 2>/dev/null || true)" = "$dir" ] || return 1
  printf '%s\n' "$pid"
}

cmd_stop() {
  local dir=${1:-${REDIS_EPHEMERAL_DIR:-}}
  [ -n "$dir" ] || return 0
  [ -d "$dir" ] || return 0
  if [ ! -e "$dir/.redis-ephemeral" ] && [ -n "$(ls -A -- "$dir")" ]; then
    die "refusing to remove $dir: not made by redis-ephemeral.sh"
  fi
  local pid
  if pid=$(server_pid "$dir"); then
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_gone "$pid" 100 0.1; then
      log "redis-server $pid ignored SIGTERM; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      wait_gone "$pid" 50 0.1 || true
    fi
    log "stopped Redis (pid $pid)"
  fi
  rm -rf -- "$dir"
}

cmd_start() {
  local bin
  bin=$(command -v redis-server || true)
  if [ -z "$bin" ]; then
    install_redis
    bin=$(command -v redis-server || true)
    [ -n "$bin" ] || die "redis-server installed but not found"
  fi
  command -v node >/dev/null 2>&1 || die "node is needed to pick a free port"

  local dir
  if [ -n "${1:-}" ]; then
    dir=$1
    mkdir -m 700 -- "$dir" 2>/dev/null || die "cannot create $dir (it must not exist yet)"
  else
    dir=$(mktemp -d "${REDIS_EPHEMERAL_BASE:-${TMPDIR:-/tmp}}/lvzhi-redis.XXXXXX")
  fi
  dir=$(cd "$dir" && pwd -P)
  STARTING_DIR=$dir
  trap 'cmd_stop "$STARTING_DIR" || true' EXIT
  touch "$dir/.redis-ephemeral"
  trap 'exit 130' INT
  trap 'exit 143' TERM

  local port attempt started="" tries
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    # No snapshots, no append-only file: a throwaway server. Daemonized, so that it does
    # not hold the caller's stdout open; its cwd is DIR (checked by `stop`).
    (cd "$dir" && "$bin" --port "$port" --bind 127.0.0.1 --protected-mode yes \
      --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" \
      --dir "$dir" --save "" --appendonly no --databases 4 </dev/null >/dev/null 2>&1) || true
    tries=100
    while [ "$tries" -gt 0 ]; do
      if server_pid "$dir" >/dev/null &&
        node -e '
          const s = require("node:net").connect(Number(process.argv[1]), "127.0.0.1");
          s.on("connect", () => s.write("PING\r\n"));
          s.on("data", (d) => process.exit(String(d).startsWith("+PONG") ? 0 : 1));
          s.on("error", () => process.exit(1));
          setTimeout(() => process.exit(1), 1000);
        ' "$port"; then
        started=1
        break
      fi
      if [ ! -f "$dir/redis.pid" ] && grep -q "Address already in use\|bind" "$dir/redis.log" 2>/dev/null; then
        break
      fi
      sleep 0.1
      tries=$((tries - 1))
    done
    [ -n "$started" ] && break
    if grep -q "Address already in use" "$dir/redis.log" 2>/dev/null; then
      log "port $port was taken (attempt $attempt); trying another"
      : >"$dir/redis.log"
      continue
    fi
    cat "$dir/redis.log" >&2 2>/dev/null || true
    die "redis-server did not start"
  done
  [ -n "$started" ] || die "could not find a free port after 5 attempts"

  local version pid
  version=$("$bin" --version | sed -n 's/.*v=\([0-9.]*\).*/\1/p')
  pid=$(server_pid "$dir") || die "server started but its pid is not readable"
  local url="redis://127.0.0.1:$port"
  log "Redis $version ready on 127.0.0.1:$port (pid $pid, dir $dir)"

  trap - EXIT INT TERM
  printf 'export TEST_REDIS_URL=%s\n' "$(shell_quote "$url")"
  printf 'export REDIS_EPHEMERAL_DIR=%s\n' "$(shell_quote "$dir")"
  printf 'export REDIS_EPHEMERAL_VERSION=%s\n' "$(shell_quote "$version")"
}

cmd_run() {
  [ $# -gt 0 ] || die "usage: $0 run CMD [ARGS…]"
  local env_lines
  env_lines=$(cmd_start)
  eval "$env_lines"
  export REDIS_URL=$TEST_REDIS_URL
  trap 'cmd_stop "$REDIS_EPHEMERAL_DIR" || true' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  "$@"
}

case "${1:-}" in
start)
  shift
  cmd_start "$@"
  ;;
stop)
  shift
  cmd_stop "$@"
  ;;
run)
  shift
  cmd_run "$@"
  ;;
*)
  echo "usage: $0 start [DIR] | stop DIR | run CMD [ARGS…]" >&2
  exit 2
  ;;
esac
