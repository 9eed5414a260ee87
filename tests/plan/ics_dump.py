#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads an iCalendar file with Debian's python3-icalendar (an independent parser)
and prints its events as JSON, for tst_plan_ics to check against what it expects.

For every DATE-TIME with a TZID, the instant is computed twice: with the IANA
zone of that name (pytz) and with the file's own VTIMEZONE (icalendar's
Timezone.to_tz()), so a wrong VTIMEZONE shows up as a difference.
"""
import datetime
import json
import sys

import icalendar
import pytz


def when(component, name, zones):
    prop = component.get(name)
    if prop is None:
        return None
    value = prop.dt
    out = {"tzid": prop.params.get("TZID")}
    if isinstance(value, datetime.datetime):
        naive = value.replace(tzinfo=None)
        out["local"] = naive.isoformat()
        if value.tzinfo is not None:
            out["utc"] = value.astimezone(pytz.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        tzid = out["tzid"]
        if tzid:
            out["utc_by_name"] = pytz.timezone(tzid).localize(naive).astimezone(pytz.utc).strftime(
                "%Y-%m-%dT%H:%M:%SZ")
            out["utc_by_vtimezone"] = zones[tzid].localize(naive).astimezone(pytz.utc).strftime(
                "%Y-%m-%dT%H:%M:%SZ")
    else:
        out["date"] = value.isoformat()
    return out


def main():
    data = open(sys.argv[1], "rb").read()
    cal = icalendar.Calendar.from_ical(data)
    zones = {str(tz["TZID"]): tz.to_tz() for tz in cal.walk("VTIMEZONE")}
    events = []
    for e in cal.walk("VEVENT"):
        geo = e.get("GEO")
        events.append({
            "uid": str(e.get("UID")),
            "summary": str(e.get("SUMMARY", "")),
            "location": str(e.get("LOCATION", "")),
            "description": str(e.get("DESCRIPTION", "")),
            "status": str(e.get("STATUS", "")),
            "geo": [geo.latitude, geo.longitude] if geo is not None else None,
            "dtstart": when(e, "DTSTART", zones),
            "dtend": when(e, "DTEND", zones),
            "dtstamp": when(e, "DTSTAMP", zones),
        })
    lines = data.split(b"\r\n")
    print(json.dumps({
        "events": events,
        "timezones": sorted(zones),
        "longest_line": max(len(line) for line in lines),
        "bare_lf": data.replace(b"\r\n", b"").count(b"\n"),
    }))


if __name__ == "__main__":
    main()
