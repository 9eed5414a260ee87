#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Screenshots of the main views for the README: builds a demo database (trips,
# destinations, a conversation with recommendations, a planning session),
# starts the app on it under Xvfb and saves PNGs into resources/screenshots/.
#
#   tests/ui/screenshots.sh BUILD_DIR
#
# Needs xvfb-run and imagemagick's import. The app and the CLI use a
# throwaway XDG_DATA_HOME/XDG_CONFIG_HOME, so nothing of yours is read or changed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:?usage: screenshots.sh BUILD_DIR}" && pwd)
out=$root/resources/screenshots
command -v xvfb-run >/dev/null || { echo "screenshots.sh: xvfb-run is missing (apt-get install xvfb)" >&2; exit 1; }
command -v import >/dev/null || { echo "screenshots.sh: import is missing (apt-get install imagemagick)" >&2; exit 1; }

cmake --build "$build" --target tripplanner tripplanner-cli demo_data >/dev/null
app=$build/app/gui/tripplanner
cli=$build/app/cli/tripplanner-cli
demo=$build/tests/ui/demo_data

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache
export USER=alex LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=Europe/Lisbon
unset DATABASE_URL
db=$XDG_DATA_HOME/TripPlanner/tripplanner.sqlite3

# --- The demo database -------------------------------------------------------
"$cli" migrate >/dev/null
# The offline basemap, as everyone sees it, whatever the machine's network.
"$cli" config set map.online-tiles off >/dev/null
"$cli" users add alex --email alex@example.org >/dev/null 2>&1 || true

dest() { # dest NAME COUNTRY CITY LAT LON COST BEST DESCRIPTION -> id
    "$cli" destinations add --json --name "$1" --country "$2" --city "$3" --lat "$4" --lon "$5" \
        --daily-cost "$6" --best-time "$7" --description "$8" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])'
}
# Porto arrives as a stub (no coordinates, as the planner's destinations do) and
# is placed from the offline gazetteer by `destinations locate` below.
porto=$("$cli" destinations add --json --name "Porto" --country "Portugal" --city "Porto" --daily-cost 110 \
    --best-time "May to October" --description "Port cellars, azulejo-covered churches and the Douro river." |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
kyoto=$(dest "Kyoto" "Japan" "Kyoto" 35.011636 135.768029 160 "March to May, October to November" \
    "Temples, gardens and wooden machiya townhouses.")
reykjavik=$(dest "Reykjavík" "Iceland" "Reykjavík" 64.146582 -21.942635 230 "June to August" \
    "Gateway to geysers, glaciers and the northern lights.")
cusco=$(dest "Cusco" "Peru" "Cusco" -13.531950 -71.967463 70 "May to September" \
    "Inca capital on the way to Machu Picchu.")
marrakesh=$(dest "Marrakesh" "Morocco" "Marrakesh" 31.629472 -7.981084 80 "March to May" \
    "Souks, riads and the Atlas mountains on the horizon.")
dest "Ljubljana" "Slovenia" "Ljubljana" 46.056946 14.505751 95 "May to September" \
    "A small green capital close to the Julian Alps." >/dev/null
dest "San Sebastián" "Spain" "Donostia" 43.318334 -1.981231 150 "June to September" \
    "Pintxos bars, a city beach and coastal walks." >/dev/null

"$cli" destinations locate >/dev/null

trip() { "$cli" trips add "$@" >/dev/null; }
day() { date -u -d "$1" +%F; } # dates relative to today, so upcoming trips stay upcoming
trip --title "Cherry blossoms in Kyoto" --destination "$kyoto" --start "$(day "-240 days")" --end "$(day "-231 days")" \
    --budget 4200 --travelers 2 --status completed --description "Philosopher's Path at dawn, Nishiki market."
trip --title "Inca Trail trek" --destination "$cusco" --start "$(day "+170 days")" --end "$(day "+182 days")" \
    --budget 3600 --travelers 3 --status booked --description "Four-day trail, then the Sacred Valley."
trip --title "Ring Road by camper" --destination "$reykjavik" --start "$(day "+222 days")" --end "$(day "+236 days")" \
    --budget 7800 --travelers 4 --status flights_selected --description "Clockwise, with a night in Mývatn."
trip --title "Long weekend in Marrakesh" --destination "$marrakesh" --start "$(day "+83 days")" --end "$(day "+86 days")" \
    --budget 900 --travelers 2 --status cancelled
trip --title "Winter city break" --start "$(day "+12 days")" --end "$(day "+15 days")" --budget 1200 --travelers 2 \
    --status planning --description "Somewhere with Christmas markets."
trip --title "Porto and the Douro valley" --destination "$porto" --start "$(day "+300 days")" --end "$(day "+309 days")" \
    --budget 2500 --travelers 2 --status destinations_selected \
    --description "Food, old towns and a little hiking; trains between the two bases."
"$demo" "sqlite:///$db" alex "Porto and the Douro valley" >/dev/null

# The Porto trip's plan: two bases, the flights and trains between them, a few
# things to do and ideas not on a day yet (the Planning tab's stages and its maps).
porto_trip=$("$cli" trips list --json | python3 -c '
import json, sys
print(next(t["id"] for t in json.load(sys.stdin) if t["title"] == "Porto and the Douro valley"))')
d0=$(day "+300 days")
on() { date -u -d "$d0 +$1 days" +%F; } # on N: the trip's day N+1
plan() { "$cli" plan "$@" --trip "$porto_trip" >/dev/null; }
plan budget --home-currency EUR --rate "GBP=1.17@$(day "-1 days")"
plan add stay --name "Casa da Ribeira (guesthouse)" --place "Porto" --lat 41.140700 --lon -8.613200 \
    --zone Europe/Lisbon --check-in "$d0" --check-out "$(on 6)" --price 118 --per-night --status booked \
    --booking-ref RIB-5521
plan add stay --name "Quinta on the river" --place "Pinhão" --lat 41.190300 --lon -7.546600 \
    --zone Europe/Lisbon --check-in "$(on 6)" --check-out "$(on 9)" --price 465 --notes "Breakfast included"
plan add leg --from LHR --to OPO --depart "$d0 08:05" --arrive "$d0 10:35" --carrier TP --number 1331 \
    --cost 142.60 --currency GBP --status booked --booking-ref QX7P2L
plan add leg --mode train --from "Porto São Bento" --from-lat 41.145600 --from-lon -8.610900 \
    --from-zone Europe/Lisbon --to "Pinhão" --to-lat 41.190300 --to-lon -7.546600 --to-zone Europe/Lisbon \
    --depart "$(on 6) 09:10" --arrive "$(on 6) 11:39" --carrier CP --cost 26.40
plan add leg --mode train --from "Pinhão" --from-lat 41.190300 --from-lon -7.546600 --from-zone Europe/Lisbon \
    --to "Porto Campanhã" --to-lat 41.148800 --to-lon -8.585400 --to-zone Europe/Lisbon \
    --depart "$(on 9) 07:52" --arrive "$(on 9) 10:05" --carrier CP --cost 26.40
plan add leg --from OPO --to LHR --depart "$(on 9) 14:10" --arrive "$(on 9) 16:45" --carrier TP --number 1336 \
    --cost 139.90 --currency GBP --status booked --booking-ref QX7P2L
act() { plan add activity "$@"; }
act --title "Ribeira and the Dom Luís I bridge" --category walk --date "$d0" --start 15:00 --end 17:30 \
    --place "Ribeira" --lat 41.140600 --lon -8.611300
act --title "Livraria Lello" --category sight --date "$(on 1)" --start 09:30 --end 10:30 --cost 20 \
    --place "Livraria Lello" --lat 41.146900 --lon -8.614800 --status booked
act --title "Port cellar tour in Gaia" --category food --date "$(on 1)" --start 15:00 --end 17:00 --cost 50 \
    --place "Vila Nova de Gaia" --lat 41.137200 --lon -8.613700
act --title "Serralves museum and park" --category museum --date "$(on 2)" --start 10:00 --end 14:00 --cost 40 \
    --place "Serralves" --lat 41.159600 --lon -8.659900
act --title "Vineyard walk above Pinhão" --category hike --date "$(on 7)" --start 09:30 --end 15:30 \
    --place "Casal de Loivos" --lat 41.204900 --lon -7.523600
act --title "Wine tasting at the quinta" --category food --date "$(on 7)" --start 17:00 --end 18:30 --cost 60 \
    --place "Pinhão" --lat 41.190300 --lon -7.546600
act --title "Seafood lunch in Matosinhos" --category food --place "Matosinhos" --lat 41.184400 --lon -8.696300
act --title "Sunset at Foz do Douro" --category walk --place "Foz do Douro" --lat 41.149600 --lon -8.674700
act --title "Day trip to Peneda-Gerês"

# --- The screenshots ---------------------------------------------------------
mkdir -p "$out"
shoot() { # shoot VIEW FILE
    xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
        "$1" --show "$2" & pid=$!
        sleep 4
        import -window root "$3"
        kill $pid; wait $pid 2>/dev/null || true' _ "$app" "$1" "$out/$2"
    echo "saved $out/$2"
}
shoot trips main-window.png
shoot conversation conversation.png
shoot planning planning.png
shoot destinations destinations.png
shoot editor destination-editor.png
# Each stage of the plan (README, "Planning the trip").
for stage in accommodation flights activities itinerary budget finalization; do
    shoot "planning:$stage" "plan-$stage.png"
done
# The planner's proposals for the plan (README, "Planning the trip").
shoot "suggest:activities" "plan-suggestions.png"

# --- The trip's map, and a dark palette --------------------------------------
# The dark shots preload tests/ui/dark_palette.cpp, which switches the app to
# Fusion with a dark palette once it runs (as a desktop's dark mode would).
cmake --build "$build" --target tp_dark_palette >/dev/null
dark=$build/tests/ui/libtp_dark_palette.so
shoot_dark() { # shoot_dark VIEW FILE
    xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
        LD_PRELOAD="$4" "$1" --show "$2" -style Fusion & pid=$!
        sleep 4
        import -window root "$3"
        kill $pid; wait $pid 2>/dev/null || true' _ "$app" "$1" "$out/$2" "$dark"
    echo "saved $out/$2"
}
shoot map trip-map.png
shoot_dark map trip-map-dark.png
shoot_dark destinations destinations-dark.png

# --- The journey for docs/screenshots: light, dark, 1024x700 and 2x ----------
# The trip list with the editor and the conversation with its chosen card, at
# each size and palette a person may have (issue 11 asks for these to be looked at).
journey=$root/docs/screenshots
mkdir -p "$journey"
shoot_as() { # shoot_as SCREEN SCALE light|dark VIEW FILE
    xvfb-run -a -s "-screen 0 $1x24" bash -c '
        export QT_SCALE_FACTOR=$3
        if [[ $4 == dark ]]; then
            LD_PRELOAD="$7" "$1" --show "$5" -style Fusion & pid=$!
        else
            "$1" --show "$5" & pid=$!
        fi
        sleep 4
        import -window root "$6"
        kill $pid; wait $pid 2>/dev/null || true' _ "$app" "$1" "$2" "$3" "$4" "$journey/$5" "$dark"
    echo "saved $journey/$5"
}
shoot_as 1600x1000 1 light trips journey-trips.png
shoot_as 1600x1000 1 light conversation journey-conversation.png
shoot_as 1600x1000 1 dark trips journey-trips-dark.png
shoot_as 1600x1000 1 dark conversation journey-conversation-dark.png
shoot_as 1024x700 1 light trips journey-trips-1024x700.png
shoot_as 1024x700 1 light conversation journey-conversation-1024x700.png
shoot_as 2560x1600 2 light conversation journey-conversation-2x.png
# The plan's day-by-day view with its map, narrow and dark.
shoot_as 1024x700 1 light planning:itinerary journey-plan-itinerary-1024x700.png
# The planner's draft of the days as cards to accept, narrow and dark.
shoot_as 1024x700 1 light suggest:itinerary journey-plan-suggestions-1024x700.png
shoot_as 1600x1000 1 dark suggest:itinerary journey-plan-suggestions-dark.png
shoot_as 1600x1000 1 dark planning:itinerary journey-plan-itinerary-dark.png
shoot_as 1600x1000 1 light map journey-plan-map.png

# --- Each language: the trips and the plan at 1600x1000, the conversation at 1024x700 --
# The demo's own texts (titles, the conversation so far) stay as they were typed.
for lang in de fr es; do
    "$cli" config set ui.language "$lang" >/dev/null
    shoot_as 1600x1000 1 light trips "lang-$lang-trips.png"
    shoot_as 1600x1000 1 light planning:budget "lang-$lang-plan-budget.png"
    shoot_as 1024x700 1 light conversation "lang-$lang-conversation-1024x700.png"
done
# The pseudo-language, when this build has it (-DTP_PSEUDO_TRANSLATION=ON): clipped texts show.
if grep -q "^TP_PSEUDO_TRANSLATION:BOOL=ON" "$build/CMakeCache.txt"; then
    "$cli" config set ui.language pseudo >/dev/null
    shoot_as 1024x700 1 light trips lang-pseudo-trips-1024x700.png
    shoot_as 1024x700 1 light planning:activities lang-pseudo-plan-1024x700.png
fi
"$cli" config unset ui.language >/dev/null
