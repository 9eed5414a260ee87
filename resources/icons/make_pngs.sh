#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders the app icon (tripplanner.svg) to the PNG sizes the desktop, the window
# icon and the installers use (png/tripplanner-SIZE.png). Needs rsvg-convert
# (Debian: librsvg2-bin) and, for the Windows icon, ImageMagick's convert. The
# results are committed, so a build needs neither.
set -eu
cd "$(dirname "$0")"
mkdir -p png
for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" tripplanner.svg -o "png/tripplanner-$size.png"
done
convert png/tripplanner-16.png png/tripplanner-24.png png/tripplanner-32.png png/tripplanner-48.png \
    png/tripplanner-64.png png/tripplanner-128.png png/tripplanner-256.png tripplanner.ico
