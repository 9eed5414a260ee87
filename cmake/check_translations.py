#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Keeps translations/*.ts in step with the source texts (issue 15).

English is the source language, so translations/tripplanner_en.ts holds only
the texts with a count (%n): their singular and plural forms, which is how
"1 day" and "3 days" come from one tr("%n days", nullptr, n). German, French
and Spanish hold every text. lupdate reads the same folders the programs are
built from.

    check_translations.py LUPDATE [ROOT]           fail when a .ts misses a source
                                                   text, keeps one no longer in
                                                   the code, or has one unfinished
    check_translations.py LUPDATE [ROOT] --update  bring the .ts files up to date
                                                   (new texts come in unfinished:
                                                   write their forms, then check)
"""

import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SOURCES = ["app", "models", "ui"]
# Each file and the lupdate options it is made with.
FILES = {
    "translations/tripplanner_en.ts": ["-pluralonly"],
    "translations/tripplanner_de.ts": [],
    "translations/tripplanner_fr.ts": [],
    "translations/tripplanner_es.ts": [],
}


def lupdate(tool, root, ts, options):
    cmd = [tool, "-silent", "-locations", "none", "-no-obsolete", *options,
           *[os.path.join(root, s) for s in SOURCES], "-ts", ts]
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"check_translations: lupdate failed:\n{run.stderr}")


def messages(ts):
    """{(context, source, comment): (numerus, [forms], finished)}"""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for m in context.iter("message"):
            t = m.find("translation")
            forms = [f.text or "" for f in t.iter("numerusform")] if m.get("numerus") == "yes" else [t.text or ""]
            kind = t.get("type")
            found[(name, m.findtext("source"), m.findtext("comment") or "")] = (
                m.get("numerus") == "yes", forms, kind not in ("unfinished", "obsolete", "vanished"))
    return found


def problems(tool, root, path, options):
    committed = os.path.join(root, path)
    if not os.path.isfile(committed):
        return [f"{path}: missing"]
    with tempfile.TemporaryDirectory() as tmp:
        fresh = os.path.join(tmp, os.path.basename(path))
        shutil.copy(committed, fresh)
        lupdate(tool, root, fresh, options)
        now, before = messages(fresh), messages(committed)
    found = []
    for key in sorted(set(now) - set(before)):
        found.append(f"{path}: not in the file yet: [{key[0]}] {key[1]!r}")
    for key in sorted(set(before) - set(now)):
        found.append(f"{path}: no longer in the code: [{key[0]}] {key[1]!r}")
    for key, (numerus, forms, finished) in sorted(before.items()):
        if not finished or any(not f.strip() for f in forms) or (numerus and len(forms) < 2):
            found.append(f"{path}: unfinished: [{key[0]}] {key[1]!r}")
        elif numerus and not all("%n" in f for f in forms):
            found.append(f"{path}: a plural form without %n: [{key[0]}] {key[1]!r}")
    return found


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    if not args:
        sys.exit(__doc__)
    tool = args[0]
    root = os.path.abspath(args[1] if len(args) > 1 else os.path.join(os.path.dirname(__file__), ".."))
    if "--update" in argv:
        for path, options in FILES.items():
            lupdate(tool, root, os.path.join(root, path), options)
    found = [p for path, options in FILES.items() for p in problems(tool, root, path, options)]
    for p in found:
        print(p)
    if found:
        print(f"check_translations: {len(found)} problem(s); run `cmake/check_translations.py {tool} --update`, "
              "write the new forms in the .ts (Qt Linguist or a text editor), and check again")
        return 1
    print("check_translations: every source text is translated, and every one with a count has its English forms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
