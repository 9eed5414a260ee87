#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the benchmarks against a throwaway PostgreSQL 15 (started and stopped
# here) and an embedded SQLite file, and prints their figures.
#   tests/bench/run-benchmarks.sh [BUILD_DIR]     (default: build-tests)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build-tests}
cmake --build "$build" --target bench_data_layer bench_gui bench_plan_gui bench_stream bench_turn >/dev/null
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
cluster=$(mktemp -d)
chmod 755 "$cluster" # the server runs as the postgres user when we are root
trap '"$root/tests/support/pgcluster.sh" stop "$cluster/pg" >/dev/null 2>&1; rm -rf "$cluster"' EXIT
"$root/tests/support/pgcluster.sh" start "$cluster/pg" >/dev/null
# shellcheck disable=SC1091
source "$cluster/pg/env"
"$root/tests/support/pgcluster.sh" createdb "$cluster/pg" tp_bench >/dev/null
TP_BENCH_PG_URL="${TP_TEST_PG_URL%/*}/tp_bench" "$build/tests/bench/bench_data_layer"
for extra in "$build"/tests/bench/bench_*; do
    [[ -f "$extra" && -x "$extra" && "$(basename "$extra")" != bench_data_layer ]] || continue
    echo; echo "== $(basename "$extra")"; TP_BENCH_PG_URL="${TP_TEST_PG_URL%/*}/tp_bench" "$extra"
done
