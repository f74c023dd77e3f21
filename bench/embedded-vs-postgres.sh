#!/usr/bin/env bash
# The regional flow of bench/service-e2e.bench.ts on a fresh service, once per database, so that
# the embedded database and PostgreSQL are compared on the same data in the same session:
#
#   bench/embedded-vs-postgres.sh embedded|postgres [dist folder] [HTTP port] [size] [bench flags…]
#
# embedded: a service without DATABASE_URL on a new EMBEDDED_DB_DIR (deleted afterwards) under
#           BENCH_EMBEDDED_PARENT (default: the temporary folder), its database served at
#           HTTP port + 10 (or BENCH_EMBEDDED_PORT);
# postgres: a service on a new database BENCH_PG_DATABASE (default bench_embedded_vs_pg_test) at
#           127.0.0.1:5432 (dropped afterwards).
# Set both when others run this script on the same machine, so that runs cannot collide.
# The dist folder (default dist) is a build of the service (npm run build), e.g. a copy of main's.
set -euo pipefail
mode=${1:?embedded or postgres}
dist=$(realpath "${2:-dist}")
port=${3:-3500}
size=${4:-regional}
root=$(cd "$(dirname "$0")/.." && pwd)
log=$(mktemp -t chaeum-bench-service-XXXX.log)
env=(PORT="$port" THROTTLE_LIMIT=100000000 LOG_LEVEL=info)
case "$mode" in
  embedded)
    parent=${BENCH_EMBEDDED_PARENT:-${TMPDIR:-/tmp}}
    mkdir -p "$parent"
    data=$(mktemp -d "$parent/chaeum-bench-embedded-XXXX")
    database_port=${BENCH_EMBEDDED_PORT:-$((port + 10))}
    env+=(EMBEDDED_DB_DIR="$data/pglite" EMBEDDED_DB_PORT="$database_port")
    bench=(--embedded-port "$database_port")
    url=
    cleanup() { rm -rf "$data"; }
    ;;
  postgres)
    database=${BENCH_PG_DATABASE:-bench_embedded_vs_pg_test}
    dropdb -h 127.0.0.1 -U postgres --if-exists "$database"
    createdb -h 127.0.0.1 -U postgres "$database"
    url="postgres://postgres@127.0.0.1:5432/$database"
    env+=(DATABASE_URL="$url")
    bench=()
    cleanup() { dropdb -h 127.0.0.1 -U postgres --if-exists "$database"; }
    ;;
  *) echo "mode must be embedded or postgres" >&2; exit 2 ;;
esac

env -u DATABASE_URL "${env[@]}" node "$dist/src/main.js" >"$log" 2>&1 &
service=$!
stop() {
  kill -TERM "$service" 2>/dev/null || true
  wait "$service" 2>/dev/null || true
  cleanup
}
trap stop EXIT
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null && break
  kill -0 "$service" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done

echo "$mode, $dist, $(git -C "$root" rev-parse --short HEAD), $(date -u +%FT%TZ), uptime:$(uptime | sed 's/.*load average//')"
cd "$root"
DATABASE_URL=$url BENCH_URL="http://127.0.0.1:$port" \
  npx ts-node --transpile-only bench/service-e2e.bench.ts --size "$size" --service-pid "$service" "${bench[@]}" "${@:5}"
echo "uptime after:$(uptime | sed 's/.*load average//')"
grep -o '"msg":"[^"]*built in[^"]*"' "$log" || true
