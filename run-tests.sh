#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds everything and runs the whole test suite,
# then builds it again with clang (warnings as errors), AddressSanitizer and
# UndefinedBehaviorSanitizer and runs it there too (a use-after-free or undefined behaviour stops the
# test that reaches it). CTest starts its own PostgreSQL 15 and PgBouncer on
# loopback, and the keychain tests their own Secret Service; nothing on the
# machine is reused.
#
# The first run takes a while on a small machine (two full builds of a Qt
# application; about 40 minutes on 2 cores, less with ccache): the builds print their progress.
#   TP_TEST_BUILD_DIR=dir   the plain build's folder (default build-tests)
#   TP_SKIP_SANITIZERS=1    only the plain build (a quicker local run)
set -euo pipefail
cd "$(dirname "$0")"
./install-deps.sh --tests

step() { printf '\n== %s (%s)\n' "$1" "$(date +%H:%M:%S)"; }
build=${TP_TEST_BUILD_DIR:-build-tests}
launcher=()
if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

step "Configuring and building the test build in $build"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTP_BUILD_TESTS=ON "${launcher[@]}" >/dev/null
cmake --build "$build" -j "$(nproc)"
step "Running the suite"
# Serial: some tests restart the shared PostgreSQL server on purpose.
ctest --test-dir "$build" --output-on-failure --timeout 600

if [[ "${TP_SKIP_SANITIZERS:-}" == 1 ]]; then
    exit 0
fi
asan=${build}-asan
# The second build uses the other compiler, clang, with every warning an error:
# code that only one of GCC and clang warns about (or that only one accepts)
# stops here, before the Windows and macOS builds (MSVC, Apple clang) meet it.
step "Configuring and building the sanitizer build (clang -Werror, ASan + UBSan) in $asan"
CC=clang CXX=clang++ cmake -S . -B "$asan" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTP_BUILD_TESTS=ON \
    -DTP_SANITIZE=ON -DTP_WERROR=ON "${launcher[@]}" >/dev/null
cmake --build "$asan" -j "$(nproc)"
step "Running the suite under the sanitizers"
# Leaks are not failures here (Qt's and fontconfig's process-lifetime caches
# would drown them out); every invalid access and undefined behaviour is.
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$asan" --output-on-failure --timeout 900
