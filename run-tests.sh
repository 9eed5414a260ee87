#!/usr/bin/env bash
# Installs what is missing, builds everything and runs the whole test suite.
# CTest starts its own PostgreSQL 15 and PgBouncer on loopback, and the
# keychain tests their own Secret Service; nothing on the machine is reused.
set -euo pipefail
cd "$(dirname "$0")"
./install-deps.sh --tests
build=${TP_TEST_BUILD_DIR:-build-tests}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTP_BUILD_TESTS=ON >/dev/null
cmake --build "$build" -j "$(nproc)"
# Serial: some tests restart the shared PostgreSQL server on purpose.
ctest --test-dir "$build" --output-on-failure --timeout 600
