# Shared by scripts/pg-ephemeral.sh and scripts/redis-ephemeral.sh (sourced, not run):
# logging, root and apt-get, a free port, quoting for `eval`, waiting for a process to end.
# The sourcing script sets EPHEMERAL_NAME first (its log prefix).

log() { printf '[%s] %s\n' "$EPHEMERAL_NAME" "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

is_root() { [ "$(id -u)" -eq 0 ]; }

as_root() {
  if is_root; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    die "need root (or passwordless sudo) to run: $*"
  fi
}

# apt-get update, then install the named Debian packages without recommends.
apt_install() {
  local apt_env=(env DEBIAN_FRONTEND=noninteractive)
  as_root "${apt_env[@]}" apt-get -o DPkg::Lock::Timeout=300 update -qq </dev/null >&2
  as_root "${apt_env[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends \
    "$@" </dev/null >&2
}

free_port() {
  node -e '
    const s = require("node:net").createServer();
    s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });
  '
}

shell_quote() { printf "'%s'" "${1//\'/\'\\\'\'}"; }

# Gone, or a zombie nobody has reaped yet (PID 1 in some containers never reaps).
is_gone() {
  local state
  kill -0 "$1" 2>/dev/null || return 0
  state=$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null || true)
  [ -z "$state" ] || [ "$state" = "Z" ]
}

# wait_gone PID TRIES [SECONDS_BETWEEN]: true once PID is gone, false after TRIES checks.
wait_gone() {
  local pid=$1 tries=$2 step=${3:-0.2}
  while [ "$tries" -gt 0 ]; do
    is_gone "$pid" && return 0
    sleep "$step"
    tries=$((tries - 1))
  done
  return 1
}
