#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command, passes its stdout and stderr on, and fails when MARKER (the
# prefix of every secret a test uses) appears in either: no secret may ever
# reach a log.
#
#   scan-output.sh MARKER COMMAND [ARGS...]
set -euo pipefail
[[ $# -ge 2 ]] || { echo "usage: scan-output.sh MARKER COMMAND [ARGS...]" >&2; exit 2; }
marker=$1
shift
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tp-scan-output.XXXXXX")
trap 'rm -rf -- "$tmp"' EXIT
set +e
"$@" >"$tmp/stdout.log" 2>"$tmp/stderr.log"
rc=$?
set -e
cat "$tmp/stdout.log"
cat "$tmp/stderr.log" >&2
if grep -qF -- "$marker" "$tmp/stdout.log" "$tmp/stderr.log"; then
    echo "scan-output.sh: FAIL: a secret (marker '$marker') appeared in the test's output" >&2
    exit 1
fi
echo "scan-output.sh: output scanned, no secret found" >&2
exit $rc
