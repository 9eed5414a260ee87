#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the pseudo-translation (issue 15): every source text with its
letters accented and 40 % longer, between brackets, so a layout that clips a
longer language, or a text that never went through tr(), shows at a glance.

    pseudo_translation.py TRANSLATIONS_DIR OUT.ts

The source texts are read from tripplanner_de.ts (which holds every one, as
check_translations.py makes sure); the English plural forms from
tripplanner_en.ts. Placeholders (%1, %L1, %n), HTML tags and entities, and the
letter after a mnemonic's "&" are kept as they are.
"""

import os
import re
import sys
import xml.etree.ElementTree as ET

ACCENTED = dict(zip("AaCcEeIiNnOoSsUuYyZz", "ÀåÇçÉéÎîÑñÖöŠšÛüÝÿŽž"))
# What must survive untouched: placeholders, tags, entities, "&&", "&x" mnemonics.
KEEP = re.compile(r"%L?\d|%n|<[^>]*>|&[a-z]+;|&#\d+;|&&|&\w")


def pseudo(text):
    out, last = [], 0
    for m in KEEP.finditer(text):
        out.append("".join(ACCENTED.get(c, c) for c in text[last:m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append("".join(ACCENTED.get(c, c) for c in text[last:]))
    # Each line 40 % longer (a multi-line text keeps its lines), the whole in brackets.
    lines = [line + " " + "·" * max(2, round(len(line) * 0.4)) if line.strip() else line
             for line in "".join(out).split("\n")]
    return "[" + "\n".join(lines) + "]"


def main(argv):
    folder, out = argv[1], argv[2]
    english = {}
    for c in ET.parse(os.path.join(folder, "tripplanner_en.ts")).getroot().iter("context"):
        for m in c.iter("message"):
            english[(c.findtext("name"), m.findtext("source"))] = [f.text or "" for f in m.iter("numerusform")]
    source = ET.parse(os.path.join(folder, "tripplanner_de.ts"))
    root = source.getroot()
    root.set("language", "en")
    for c in root.iter("context"):
        for m in c.iter("message"):
            t = m.find("translation")
            for child in list(t):
                t.remove(child)
            text = m.findtext("source")
            if m.get("numerus") == "yes":
                t.text = None
                for form in english.get((c.findtext("name"), text)) or [text, text]:
                    ET.SubElement(t, "numerusform").text = pseudo(form)
            else:
                t.text = pseudo(text)
            t.attrib.pop("type", None)
    source.write(out, encoding="utf-8", xml_declaration=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
