#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian/Ubuntu packages Trip Planner needs that are not there yet.
#   ./install-deps.sh          to build and run the app
#   ./install-deps.sh --tests  also what the test suite needs (PostgreSQL 15,
#                              PgBouncer, Django for the web app's schema,
#                              a Secret Service, Xvfb)
set -euo pipefail

packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql
    qtkeychain-qt6-dev qt6-l10n-tools qt6-tools-dev qt6-httpserver-dev
    libgl-dev
    libpq-dev libsqlite3-dev
    # Qt's own texts (dialog buttons, context menus) in German, French and Spanish.
    qt6-translations-l10n
)
if [[ "${1:-}" == "--tests" ]]; then
    packages+=(
        postgresql postgresql-client pgbouncer
        python3 python3-django python3-psycopg2
        dbus dbus-x11 gnome-keyring libsecret-tools
        xvfb xauth imagemagick openssl sqlite3
    )
    # The trip plan's iCalendar files are read back by an independent parser.
    packages+=(python3-icalendar python3-tz)
    # The itinerary PDF's pages are counted by poppler's pdfinfo (tst_plan_pdf).
    packages+=(poppler-utils)
    # Packaging checks: the .deb's lint, the desktop file and the AppStream metainfo.
    packages+=(lintian desktop-file-utils appstream)
    # The .rpm is built by CPack with rpmbuild; the CLI's completions run in real shells.
    packages+=(rpm zsh fish xdotool x11-utils)
    # The second build is made with clang (warnings as errors, the sanitizers' runtime with it).
    packages+=(clang)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
    exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then
    sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}" >&2
$sudo apt-get update -qq
# The PostgreSQL package would start a system server; the tests start their own.
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
