#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds Trip Planner and starts it on the embedded
# SQLite database (set DATABASE_URL to use PostgreSQL/Neon instead).
set -euo pipefail
cd "$(dirname "$0")"
./install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTP_BUILD_TESTS=OFF >/dev/null
cmake --build build --target tripplanner tripplanner-cli
exec build/app/gui/tripplanner "$@"
