#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Replaces catalogue coordinates with GeoNames' where the place is a GeoNames city.

For each line of destinations.csv whose name is a populated place of that
country in resources/geo/cities.tsv (GeoNames, CC BY 4.0; the largest such
place when several share the name), the latitude and longitude become the
GeoNames values rounded to 0.01 degree. Regions, islands and parks that are
not cities keep the project's representative point. Prints what it changed
and a summary; run it again after editing the catalogue.
Country names are mapped to ISO codes with Debian's iso-codes (package iso-codes).
"""
import csv
import json
import math
import pathlib
import unicodedata

here = pathlib.Path(__file__).resolve().parent
root = here.parent

def fold(text):
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().strip()

iso = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]
code_of = {}
for entry in iso:
    for key in ("name", "common_name", "official_name"):
        if key in entry:
            code_of[fold(entry[key])] = entry["alpha_2"]
code_of.update({fold(k): v for k, v in {
    "USA": "US", "United States": "US", "UK": "GB", "United Kingdom": "GB", "Russia": "RU",
    "South Korea": "KR", "Vietnam": "VN", "Laos": "LA", "Iran": "IR", "Czech Republic": "CZ",
    "Czechia": "CZ", "Tanzania": "TZ", "Bolivia": "BO", "Venezuela": "VE", "Taiwan": "TW",
    "Turkey": "TR", "Türkiye": "TR", "Cape Verde": "CV", "Syria": "SY", "Moldova": "MD",
    "Brunei": "BN", "Palestine": "PS", "Micronesia": "FM", "Ivory Coast": "CI",
}.items()})

best = {}
for line in open(root / "geo" / "cities.tsv", encoding="utf-8"):
    if line.startswith("#"):
        continue
    name, cc, _admin, lat, lon, pop = line.rstrip("\n").split("\t")
    key = (fold(name), cc)
    if key not in best or int(pop) > best[key][2]:
        best[key] = (float(lat), float(lon), int(pop))

path = here / "destinations.csv"
rows = list(csv.DictReader(open(path, encoding="utf-8")))
fields = list(rows[0].keys())
matched = moved = 0
for row in rows:
    cc = code_of.get(fold(row["country"]))
    hit = best.get((fold(row["name"]), cc)) if cc else None
    if not hit:
        continue
    matched += 1
    lat, lon = round(hit[0], 2), round(hit[1], 2)
    old = (float(row["latitude"]), float(row["longitude"]))
    km = 111.2 * math.hypot(lat - old[0], (lon - old[1]) * math.cos(math.radians(lat)))
    if km > 0.5:
        moved += 1
        print(f"{row['name']}, {row['country']}: {old[0]:.2f},{old[1]:.2f} -> {lat:.2f},{lon:.2f} ({km:.0f} km)")
    row["latitude"], row["longitude"] = f"{lat:.2f}", f"{lon:.2f}"

with open(path, "w", encoding="utf-8", newline="") as out:
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
print(f"{matched} of {len(rows)} places are GeoNames cities (coordinates taken from GeoNames); {moved} moved")
