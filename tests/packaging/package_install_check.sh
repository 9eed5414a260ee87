#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The .deb as a user gets it: installed with apt-get, the installed CLI run
# (migrate, add, list) without a display, the installed window started under
# Xvfb, and the package removed again. Then the .rpm, built by CPack from the
# same tree and inspected with rpm (this machine cannot install it).
#   package_install_check.sh BUILD_DIR
# Needs root (apt-get install): run by the test command, which runs as root;
# elsewhere the test reports itself skipped (exit 77) rather than passing.
set -euo pipefail
build=$1
if [[ $(id -u) -ne 0 ]]; then
    echo "package_install_check: needs root to install the package; skipped"
    exit 77
fi
out=$(mktemp -d)
xvfb_pid=""
cleanup() {
    [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$out"
}
trap cleanup EXIT
fail=0
step() { printf '\n== %s\n' "$1"; }

step "Building the .deb"
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out" >"$out/cpack.log" 2>&1 || { cat "$out/cpack.log"; exit 1; }
deb=$(ls "$out"/*.deb)

step "apt-get install ./$(basename "$deb")"
# The file's dependencies come from the archive; the package itself from the file.
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --reinstall "$deb" >"$out/apt.log" 2>&1 ||
    { cat "$out/apt.log"; echo "FAIL: apt-get install"; exit 1; }
dpkg -s tripplanner | grep -q "^Status: install ok installed" || { echo "FAIL: not installed"; exit 1; }

step "The installed CLI, without a display"
home="$out/home"
mkdir -p "$home"
cli() {
    env -i HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" USER=traveller \
        PATH=/usr/bin:/bin /usr/bin/tripplanner-cli "$@"
}
cli --version
cli migrate
cli trips add --title "Lisbon in May" --start 2027-05-01 --end 2027-05-08
listed=$(cli trips list)
echo "$listed"
grep -q "Lisbon in May" <<<"$listed" || { echo "FAIL: the added trip is not listed"; fail=1; }
[[ -f "$home/data/TripPlanner/tripplanner.sqlite3" || -n $(find "$home/data" -name '*.sqlite*') ]] ||
    { echo "FAIL: no database file in the app-data folder"; fail=1; }
# The completion scripts where bash-completion, zsh and fish look for them.
for f in /usr/share/bash-completion/completions/tripplanner-cli /usr/share/zsh/vendor-completions/_tripplanner-cli \
         /usr/share/fish/vendor_completions.d/tripplanner-cli.fish; do
    [[ -f $f ]] || { echo "FAIL: $f missing"; fail=1; }
done

step "The installed window, under Xvfb"
display=:$((90 + RANDOM % 50))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
sleep 1
mkdir -m 700 "$out/runtime"
env -i HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$out/runtime" \
    USER=traveller PATH=/usr/bin:/bin DISPLAY="$display" QT_QPA_PLATFORM=xcb /usr/bin/tripplanner \
    >"$out/gui.log" 2>&1 &
gui=$!
# The main window: named "Trip Planner", of the program's class, mapped on the screen.
shown=""
for _ in $(seq 60); do
    id=$(DISPLAY="$display" xwininfo -root -tree 2>/dev/null |
         grep -E '"[^"]*Trip Planner": \("tripplanner" "TripPlanner"\)' | awk '{print $1}' | head -1 || true)
    if [[ -n $id ]] && DISPLAY="$display" xwininfo -id "$id" | grep -q "Map State: IsViewable"; then
        shown=$(DISPLAY="$display" xwininfo -id "$id" | grep -E "xwininfo:|Width|Height" | xargs)
        break
    fi
    sleep 1
done
if [[ -n $shown ]]; then
    echo "window shown: $shown"
else
    echo "FAIL: no window within 60 s"; cat "$out/gui.log"; fail=1
fi
kill "$gui" 2>/dev/null || true
wait "$gui" 2>/dev/null || true

step "apt-get remove tripplanner"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq tripplanner >"$out/apt.log" 2>&1 ||
    { cat "$out/apt.log"; echo "FAIL: apt-get remove"; fail=1; }
for f in /usr/bin/tripplanner /usr/bin/tripplanner-cli /usr/share/applications/io.github.tripplanner.tripplanner.desktop; do
    [[ ! -e $f ]] || { echo "FAIL: $f left behind"; fail=1; }
done

step "The .rpm"
cpack --config "$build/CPackConfig.cmake" -G RPM -B "$out/rpm" >"$out/cpack-rpm.log" 2>&1 ||
    { cat "$out/cpack-rpm.log"; echo "FAIL: cpack -G RPM"; exit 1; }
rpmfile=$(ls "$out"/rpm/*.rpm)
echo "package: $(basename "$rpmfile")"
[[ $(basename "$rpmfile") =~ ^tripplanner-[0-9.]+-[0-9]+\.[a-z0-9_]+\.rpm$ ]] ||
    { echo "FAIL: not named NAME-VERSION-RELEASE.ARCH.rpm"; fail=1; }
info=$(rpm -qpi "$rpmfile" 2>/dev/null)
grep -q "^License *: GPL-3.0-or-later" <<<"$info" || { echo "FAIL: rpm licence"; fail=1; }
files=$(rpm -qpl "$rpmfile" 2>/dev/null)
for f in /usr/bin/tripplanner /usr/bin/tripplanner-cli /usr/share/doc/tripplanner/copyright \
         /usr/share/applications/io.github.tripplanner.tripplanner.desktop \
         /usr/share/bash-completion/completions/tripplanner-cli; do
    grep -qx "$f" <<<"$files" || { echo "FAIL: the rpm lacks $f"; fail=1; }
done
# No directory the system owns is claimed by the package (rpm would refuse to install beside it).
for owned in /usr /usr/bin /usr/share /usr/share/applications /usr/share/man /usr/share/man/man1; do
    grep -qx "$owned" <<<"$files" && { echo "FAIL: the rpm claims $owned"; fail=1; }
done
requires=$(rpm -qp --requires "$rpmfile" 2>/dev/null)
grep -q "libQt6Core.so.6" <<<"$requires" || { echo "FAIL: the rpm's requirements lack Qt"; fail=1; }

[[ $fail == 0 ]] && echo "package_install_check: passed"
exit $fail
