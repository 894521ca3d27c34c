#!/usr/bin/env bash
# Every test, in order: types, lint, unit, integration on PGlite, integration on a real
# PostgreSQL server, then Playwright on the production build in Chromium (on PGlite; the
# "postgres" specs on a database of the same PostgreSQL server; cluster.spec.ts on two
# servers sharing another database of it and a Redis), then a few seconds of the bench and
# the soak on that build.
# Starts what it needs itself (an ephemeral Redis and PostgreSQL cluster, installing
# Debian's `redis-server`, `postgresql` and `chromium` with a CJK font when missing) and
# stops them on exit. Integration tests that need Redis get TEST_REDIS_URL.
#
#   npm test                    # = bash scripts/test.sh
#   SKIP_E2E=1 npm test         # everything but the browser tests
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$PWD
export PATH="$repo/node_modules/.bin:$PATH"
export NEXT_TELEMETRY_DISABLED=1

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "scripts/test.sh: Node.js 20 or newer is needed (found $(node -v 2>/dev/null || echo none))" >&2
  exit 1
fi
if [ ! -x node_modules/.bin/vitest ] || [ ! -x node_modules/.bin/playwright ]; then
  echo "scripts/test.sh: dependencies are not installed: run \`npm install\` first" >&2
  exit 1
fi

# ---------------------------------------------------------------------------------------
# Bookkeeping: section banners, step timings, and cleanup whatever happens.

PG_EPHEMERAL_DIR=""
REDIS_EPHEMERAL_DIR=""
E2E_SCRATCH=""
steps=()
current=""
current_started=""
run_started=$EPOCHREALTIME

elapsed_since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

section() {
  finish_section
  current=$1
  current_started=$EPOCHREALTIME
  printf '\n%s\n' "=========================================================================="
  printf '== %s\n' "$current"
  printf '%s\n\n' "=========================================================================="
}

finish_section() {
  if [ -n "$current" ]; then
    steps+=("$(printf '%7ss  ok    %s' "$(elapsed_since "$current_started")" "$current")")
    current=""
  fi
}

stop_postgres() {
  if [ -n "$PG_EPHEMERAL_DIR" ]; then
    bash "$repo/scripts/pg-ephemeral.sh" stop "$PG_EPHEMERAL_DIR" || true
    PG_EPHEMERAL_DIR=""
  fi
  unset TEST_DATABASE_URL
}

stop_redis() {
  if [ -n "$REDIS_EPHEMERAL_DIR" ]; then
    bash "$repo/scripts/redis-ephemeral.sh" stop "$REDIS_EPHEMERAL_DIR" || true
    REDIS_EPHEMERAL_DIR=""
  fi
  unset TEST_REDIS_URL
}

on_exit() {
  local status=$?
  set +e
  stop_postgres
  stop_redis
  if [ -n "$E2E_SCRATCH" ]; then rm -rf -- "$E2E_SCRATCH"; fi
  if [ -n "$current" ]; then
    steps+=("$(printf '%7ss  FAIL  %s' "$(elapsed_since "$current_started")" "$current")")
  fi
  printf '\n%s\n' "=========================================================================="
  printf '== summary\n'
  printf '%s\n' "${steps[@]}"
  if [ "$status" -eq 0 ]; then
    printf '== all tests passed in %ss\n' "$(elapsed_since "$run_started")"
  else
    printf '== FAILED (exit %s) after %ss\n' "$status" "$(elapsed_since "$run_started")"
  fi
  exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------

section "1/10 typecheck (tsc --noEmit)"
npm run --silent typecheck

section "2/10 lint (Biome; dependency-cruiser floors and cycles; page and file sizes)"
npm run --silent lint

section "3/10 unit tests (vitest project unit)"
vitest run --project unit --passWithNoTests

section "4/10 start an ephemeral Redis; integration tests on PGlite (in-memory, no TEST_DATABASE_URL)"
# Redis for the integration tests that need one (TEST_REDIS_URL) and, later, for the e2e
# "cluster" project. REDIS_URL itself stays unset: only the servers meant to share state
# use Redis. The path is fixed first, so that the exit trap can stop it whatever happens.
REDIS_EPHEMERAL_DIR="/tmp/lvzhi-redis.$$-$RANDOM"
redis_env=$(bash scripts/redis-ephemeral.sh start "$REDIS_EPHEMERAL_DIR")
eval "$redis_env"
echo "TEST_REDIS_URL=$TEST_REDIS_URL"
env -u TEST_DATABASE_URL -u DATABASE_URL -u REDIS_URL vitest run --project integration --reporter=verbose

section "5/10 start an ephemeral PostgreSQL server"
# The path is fixed here first, so that the exit trap can stop the server even if this
# script is interrupted while the server starts.
PG_EPHEMERAL_DIR="/tmp/lvzhi-pg.$$-$RANDOM"
pg_env=$(bash scripts/pg-ephemeral.sh start "$PG_EPHEMERAL_DIR")
eval "$pg_env"
echo "TEST_DATABASE_URL=$TEST_DATABASE_URL"

section "6/10 integration tests on PostgreSQL ${PG_EPHEMERAL_VERSION} (TEST_DATABASE_URL)"
env -u DATABASE_URL -u REDIS_URL vitest run --project integration --reporter=verbose
# The server keeps running: the e2e step creates a database on it for the "postgres"
# project (auth.spec.ts runs the account CLI beside a running server). The exit trap
# stops it.

if [ "${SKIP_E2E:-}" = "1" ]; then
  finish_section
  echo
  echo "SKIP_E2E=1: end-to-end tests skipped"
  exit 0
fi

section "7/10 Chromium and a CJK font (Debian packages)"
bash scripts/ensure-chromium.sh

section "8/10 next build (production)"
E2E_SCRATCH="${TMPDIR:-/tmp}/lvzhi-e2e.$$-$RANDOM"
mkdir -m 700 "$E2E_SCRATCH"
# The build gets a throwaway database directory: should anything open the database at
# build time, the server under test still starts on an empty one.
env -u DATABASE_URL -u REDIS_URL PGLITE_DIR="$E2E_SCRATCH/build-pglite" next build

section "9/10 end-to-end tests (Playwright, next start, Chromium)"
export E2E_SKIP_BUILD=1
export E2E_PGLITE_DIR="$E2E_SCRATCH/pglite"
echo "server data directory (empty, PGlite): $E2E_PGLITE_DIR"
echo "PostgreSQL for the \"postgres\" and \"cluster\" projects: $TEST_DATABASE_URL (fresh databases on it)"
echo "Redis for the \"cluster\" project: $TEST_REDIS_URL (database 1)"
TEST_DATABASE_URL="$TEST_DATABASE_URL" TEST_REDIS_URL="$TEST_REDIS_URL" playwright test

section "10/10 smoke runs of npm run bench and npm run soak (so they cannot rot unnoticed)"
# A few seconds of each on the build above: every page answers on both databases beside
# the static baseline (figures written to a scratch directory, the checkout unchanged),
# and a short soak with its faults loses, doubles and overfills nothing. Each on its own
# throwaway PostgreSQL server, as `npm run bench` and `npm run soak` run them.
env -u DATABASE_URL -u REDIS_URL BENCH_SMOKE=1 BENCH_RESULTS_DIR="$E2E_SCRATCH/bench-results" \
  bash scripts/pg-ephemeral.sh run tsx scripts/bench.ts
env -u DATABASE_URL -u REDIS_URL SOAK_BUILD=skip SOAK_SECONDS=24 SOAK_MEMBERS=4 SOAK_READERS=6 \
  SOAK_REGISTER_CHANCE=0.2 bash scripts/pg-ephemeral.sh run tsx scripts/soak.ts
finish_section
