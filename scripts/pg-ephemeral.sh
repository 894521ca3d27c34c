#!/usr/bin/env bash
# An ephemeral PostgreSQL server for tests: a fresh cluster in a temporary directory,
# on a free TCP port of 127.0.0.1, trust auth, fsync off. Nothing outlives `stop`.
#
#   eval "$(scripts/pg-ephemeral.sh start [DIR])"  # exports TEST_DATABASE_URL, PG_EPHEMERAL_DIR,
#                                   # PG_EPHEMERAL_VERSION; logs go to stderr. DIR (optional)
#                                   # must not exist yet; default: a new one under /tmp.
#   scripts/pg-ephemeral.sh stop "$PG_EPHEMERAL_DIR"   # stops the server, removes DIR
#   scripts/pg-ephemeral.sh run CMD [ARGS…]    # start, run CMD with those variables, stop
#
# When `initdb` is missing it installs Debian's `postgresql` package (apt-get; needs root or
# passwordless sudo) without creating or starting the distribution's default cluster.
# As root, the cluster is created and run by the `postgres` user (initdb refuses root).
set -euo pipefail
# runuser and useradd live in sbin, which a non-login root shell may lack.
export PATH="$PATH:/usr/sbin:/sbin"

STARTING_DIR=""

EPHEMERAL_NAME=pg-ephemeral
# shellcheck source=scripts/lib/ephemeral.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/ephemeral.sh"

# Prints the directory holding initdb, pg_ctl and postgres, or nothing.
find_pg_bin() {
  local candidate dir
  if candidate=$(command -v initdb 2>/dev/null); then
    dir=$(dirname "$(readlink -f "$candidate")")
    if [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then
      printf '%s\n' "$dir"
      return 0
    fi
  fi
  # Debian keeps the server binaries out of PATH; take the newest major version.
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then
      printf '%s\n' "$dir"
      return 0
    fi
  done
  return 0
}

install_postgresql() {
  log "initdb not found: installing Debian's postgresql package (apt-get)…"
  command -v apt-get >/dev/null 2>&1 || die "no initdb and no apt-get: install PostgreSQL server binaries first"
  # Only the binaries are wanted: no default cluster, no service on port 5432. Debian's
  # createcluster.conf includes this directory (no dpkg conffile is touched).
  as_root mkdir -p /etc/postgresql-common/createcluster.d
  printf 'create_main_cluster = off\n' |
    as_root tee /etc/postgresql-common/createcluster.d/00-no-main-cluster.conf >/dev/null
  apt_install postgresql
}

# Runs a command as the owner of the cluster: `postgres` when we are root, else ourselves.
as_owner() {
  if is_root; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

ensure_postgres_user() {
  is_root || return 0
  if ! id -u postgres >/dev/null 2>&1; then
    log "creating system user postgres"
    useradd --system --user-group --no-create-home --shell /usr/sbin/nologin postgres
  fi
}

# The postmaster pid of the cluster in DIR, if it is running (checked against /proc).
postmaster_pid() {
  local dir=$1 pid
  [ -f "$dir/data/postmaster.pid" ] || return 1
  pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  # Never signal a recycled pid: it must be a postgres whose data directory is ours.
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$dir/data" || return 1
  printf '%s\n' "$pid"
}

cmd_stop() {
  local dir=${1:-${PG_EPHEMERAL_DIR:-}}
  [ -n "$dir" ] || return 0
  [ -d "$dir" ] || return 0
  if [ ! -e "$dir/.pg-ephemeral" ] && [ -n "$(ls -A -- "$dir")" ]; then
    die "refusing to remove $dir: not made by pg-ephemeral.sh"
  fi
  local pid
  if pid=$(postmaster_pid "$dir"); then
    # SIGINT = fast shutdown; SIGQUIT = immediate; SIGKILL as a last resort.
    kill -INT "$pid" 2>/dev/null || true
    if ! wait_gone "$pid" 100; then
      log "postmaster $pid ignored fast shutdown; sending SIGQUIT"
      kill -QUIT "$pid" 2>/dev/null || true
      if ! wait_gone "$pid" 50; then
        kill -KILL "$pid" 2>/dev/null || true
        wait_gone "$pid" 50 || true
      fi
    fi
    log "stopped PostgreSQL (pid $pid)"
  fi
  rm -rf -- "$dir"
}

cmd_start() {
  local bin
  bin=$(find_pg_bin)
  if [ -z "$bin" ]; then
    install_postgresql
    bin=$(find_pg_bin)
    [ -n "$bin" ] || die "postgresql installed but initdb/pg_ctl/postgres not found"
  fi
  ensure_postgres_user
  command -v node >/dev/null 2>&1 || die "node is needed to pick a free port"

  local base
  if is_root; then
    # The postgres user must be able to reach the directory: /tmp is world-traversable.
    base=${PG_EPHEMERAL_BASE:-/tmp}
  else
    base=${PG_EPHEMERAL_BASE:-${TMPDIR:-/tmp}}
  fi
  local dir
  if [ -n "${1:-}" ]; then
    # The caller chose the path (so that it can clean up even if interrupted mid-start).
    dir=$1
    mkdir -m 700 -- "$dir" 2>/dev/null || die "cannot create $dir (it must not exist yet)"
  else
    dir=$(mktemp -d "$base/lvzhi-pg.XXXXXX")
  fi
  STARTING_DIR=$dir
  # From here on, any failure or interruption removes what was made.
  trap 'cmd_stop "$STARTING_DIR" || true' EXIT
  touch "$dir/.pg-ephemeral"
  trap 'exit 130' INT
  trap 'exit 143' TERM

  mkdir -p "$dir/data" "$dir/sock"
  chmod 700 "$dir" "$dir/data"
  if is_root; then
    chown -R postgres:postgres "$dir"
    runuser -u postgres -- test -w "$dir" ||
      die "user postgres cannot write to $dir (use a directory it can reach, e.g. under /tmp)"
  fi
  # The server binaries need a current directory their user can read.
  cd /

  if ! as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 --no-sync </dev/null >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    die "initdb failed"
  fi

  local port attempt started=""
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    # -l sends the server's output to a file: it must not hold our stdout open.
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir/sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start </dev/null >"$dir/pg_ctl.log" 2>&1; then
      started=1
      break
    fi
    if grep -q "could not bind\|already in use" "$dir/server.log" 2>/dev/null; then
      log "port $port was taken (attempt $attempt); trying another"
      continue
    fi
    cat "$dir/pg_ctl.log" "$dir/server.log" >&2 2>/dev/null || true
    die "pg_ctl start failed"
  done
  [ -n "$started" ] || die "could not find a free port after 5 attempts"

  local version pid
  version=$("$bin/postgres" --version | awk '{ print $3 }')
  pid=$(postmaster_pid "$dir") || die "server started but its postmaster pid is not readable"
  local url="postgres://postgres@127.0.0.1:$port/postgres"
  log "PostgreSQL $version ready on 127.0.0.1:$port (pid $pid, dir $dir)"

  trap - EXIT INT TERM
  printf 'export TEST_DATABASE_URL=%s\n' "$(shell_quote "$url")"
  printf 'export PG_EPHEMERAL_DIR=%s\n' "$(shell_quote "$dir")"
  printf 'export PG_EPHEMERAL_VERSION=%s\n' "$(shell_quote "$version")"
}

cmd_run() {
  [ $# -gt 0 ] || die "usage: $0 run CMD [ARGS…]"
  local env_lines
  env_lines=$(cmd_start)
  eval "$env_lines"
  trap 'cmd_stop "$PG_EPHEMERAL_DIR" || true' EXIT
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
