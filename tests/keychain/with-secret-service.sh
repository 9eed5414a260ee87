#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command against a real, private Secret Service: a fresh D-Bus session
# bus with gnome-keyring-daemon (secrets component) unlocked, everything kept
# in a temporary HOME / XDG tree so that the user's own keyring and settings
# are never touched.
#
#   with-secret-service.sh [--scan-output MARKER] COMMAND [ARGS...]
#
# With --scan-output, the command's stdout and stderr are collected, then
# printed and searched for MARKER (the prefix of every secret a test uses): finding
# it fails the run, because no secret may ever reach a log.
# Needs the Debian packages dbus and gnome-keyring.
set -euo pipefail

marker=""
if [[ ${1:-} == --scan-output ]]; then
    marker=${2:?--scan-output needs a marker}
    shift 2
fi
[[ $# -ge 1 ]] || { echo "usage: with-secret-service.sh [--scan-output MARKER] COMMAND [ARGS...]" >&2; exit 2; }
command -v dbus-run-session >/dev/null || { echo "with-secret-service.sh: dbus-run-session not found (apt-get install dbus)" >&2; exit 1; }
command -v gnome-keyring-daemon >/dev/null || { echo "with-secret-service.sh: gnome-keyring-daemon not found (apt-get install gnome-keyring)" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tp-secret-service.XXXXXX")
cleanup() { rm -rf -- "$tmp"; }
trap cleanup EXIT
mkdir -p "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/cache"
mkdir -m 700 "$tmp/run"
export HOME=$tmp/home XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache \
       XDG_RUNTIME_DIR=$tmp/run
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL

# The keyring password only unlocks this throwaway keyring.
inner='echo -n tp-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 97; exec "$@"'

if [[ -z $marker ]]; then
    dbus-run-session -- bash -c "$inner" bash "$@"
    exit $?
fi

set +e
dbus-run-session -- bash -c "$inner" bash "$@" >"$tmp/stdout.log" 2>"$tmp/stderr.log"
rc=$?
set -e
cat "$tmp/stdout.log"
grep -v 'Failed to set fd limit' "$tmp/stderr.log" >&2 || true
if grep -qF -- "$marker" "$tmp/stdout.log" "$tmp/stderr.log"; then
    echo "with-secret-service.sh: FAIL: a secret (marker '$marker') appeared in the test's output" >&2
    exit 1
fi
echo "with-secret-service.sh: output scanned, no secret found" >&2
exit $rc
