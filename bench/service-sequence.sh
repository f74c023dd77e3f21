#!/usr/bin/env bash
# Repeated national (or other) runs on one fresh service, as a coordinator's day repeats them:
# bench/service-e2e.bench.ts --reuse <tag> N times against the same process, with the
# process's peak and current RSS (VmHWM, VmRSS) after each, so that memory that builds up over
# runs shows, and builds can be compared in alternating sequences on the same data:
#
#   bench/service-sequence.sh <tag> [runs] [dist folder] [HTTP port] [-- node flags…]
#
# (node flags after `--` need all four arguments before it, e.g. `<tag> 5 dist 3108 --
# --max-old-space-size=2000`.)
#
# <tag>: a dataset an earlier `npm run bench:service -- --size national --keep` left in
# DATABASE_URL's database. Bench flags go in BENCH_FLAGS (e.g. "--list-connections 0
# --candidate-requests 0" for the runs alone). Prints one line per run: the RSS figures, then
# the bench's row (its columns are those of the table bench:service prints).
set -euo pipefail
tag=${1:?the tag of a dataset left by bench:service --keep}
runs=${2:-5}
dist=$(realpath "${3:-dist}")
port=${4:-3108}
shift $(($# < 4 ? $# : 4))
[[ "${1:-}" == "--" ]] && shift
: "${DATABASE_URL:?DATABASE_URL: the database holding the dataset}"
root=$(cd "$(dirname "$0")/.." && pwd)
log=$(mktemp -t chaeum-bench-sequence-XXXX.log)
PORT="$port" THROTTLE_LIMIT=100000000 node "$@" "$dist/src/main.js" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
  sleep 0.5
done
read -r -a flags <<<"${BENCH_FLAGS:-}"
for run in $(seq 1 "$runs"); do
  output=$(cd "$root" && BENCH_URL="http://127.0.0.1:$port" BENCH_SERVICE_PID=$pid npx ts-node --transpile-only bench/service-e2e.bench.ts --reuse "$tag" "${flags[@]}" 2>&1) || {
    echo "run $run failed: $output" >&2
    exit 1
  }
  row=$(grep "│ 0 " <<<"$output" | head -1)
  memory=$(awk '/VmHWM|VmRSS/ { printf "%s %d MB  ", $1, $2 / 1024 }' "/proc/$pid/status")
  echo "run $run  $memory$row"
done
