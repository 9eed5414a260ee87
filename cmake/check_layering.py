#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a quoted #include goes against the layers (ARCHITECTURE.md, "Layers").

Every source file of app/core, models/, ui/, app/gui and app/cli belongs to a
unit: a folder of app/core ("core/repo"), or one of "models", "ui", "gui",
"cli". An include is resolved the way the compiler's include paths resolve it
(the file's own folder first, then app/core, models/ and ui/), and the unit of
the included file must be the including unit itself or one it may depend on
(ALLOWED below). A file in a folder that ALLOWED does not name is an error too,
so that a new folder is placed in the line when it is created.

The same run checks two house conventions on every header and source of
app/, models/, ui/ and tests/: a header starts with `#pragma once` (no include
guards beside it), and signals are emitted with `Q_EMIT` (never `emit`, which
the other half of the code base would then read as a second style).

    check_layering.py [ROOT]     check the tree at ROOT (default: this repository)
    check_layering.py --self-test
                                 check that the checker itself fails on an
                                 include against the layers (a temporary tree)
"""

import os
import re
import sys
import tempfile

# The line of app/core, bottom up:
#   domain <- {llm, plan, db} <- repo <- geo <- conversation;  config and worker
# are the services' level beside conversation. A unit may include only the
# units listed for it (not transitively: each edge is written out).
CORE = {
    "domain": [],
    "llm": ["domain"],
    "plan": ["domain"],
    "db": ["domain"],
    "repo": ["domain", "db", "plan"],
    "geo": ["domain", "db", "repo"],
    "conversation": ["domain", "db", "repo", "plan", "geo", "llm"],
    "config": ["domain", "db", "llm"],
    "worker": ["domain", "db", "repo", "plan"],
    # The planner's proposals for the plan's stages (built-in and model).
    "suggest": ["domain", "db", "repo", "plan", "geo", "conversation", "llm"],
}
ALL_CORE = ["core/" + u for u in CORE]
ALLOWED = {"core/" + u: ["core/" + d for d in deps] for u, deps in CORE.items()}
ALLOWED.update({
    "models": ALL_CORE,
    # The application layer: the widgets' only way to the database and the planner.
    "application": ALL_CORE,
    # Drawing with QtGui alone (tripdraw): the basemap, the day maps, the PDF.
    "draw": ["core/domain", "core/plan", "core/geo"],
    "ui": ["application", "models", "draw"] + ALL_CORE,
    "gui": ["ui", "application", "models", "draw"] + ALL_CORE,
    "cli": ["draw"] + ALL_CORE,
})

# Where the compiler looks for a quoted include after the file's own folder.
INCLUDE_ROOTS = ["app/core", "app/application", "models", "ui"]
SOURCE_TREES = ["app/core", "app/application", "models", "ui", "app/gui", "app/cli"]
INCLUDE = re.compile(r'^[ \t]*#[ \t]*include\s*"([^"]+)"', re.M)


def unit_of(rel):
    """The unit of a path relative to the root, or None outside the checked trees."""
    parts = rel.split("/")
    if parts[:2] == ["app", "core"]:
        return "core/" + parts[2] if len(parts) > 3 else "core"
    if parts[:2] == ["app", "gui"]:
        return "gui"
    if parts[:2] == ["app", "application"]:
        return "application"
    if parts[:2] == ["app", "cli"]:
        return "cli"
    if parts[:2] == ["ui", "draw"]:
        return "draw"
    if parts[0] in ("models", "ui"):
        return parts[0]
    return None


def resolve(root, including_dir, name):
    for base in [including_dir] + [os.path.join(root, r) for r in INCLUDE_ROOTS]:
        path = os.path.normpath(os.path.join(base, name))
        if os.path.isfile(path):
            return os.path.relpath(path, root).replace(os.sep, "/")
    return None  # generated (moc, ui_*.h) or from outside the project


def violations(root):
    found = []
    for tree in SOURCE_TREES:
        for dirpath, _, files in os.walk(os.path.join(root, tree)):
            for f in sorted(files):
                if not f.endswith((".h", ".cpp")):
                    continue
                path = os.path.join(dirpath, f)
                rel = os.path.relpath(path, root).replace(os.sep, "/")
                unit = unit_of(rel)
                if unit not in ALLOWED:
                    found.append(f"{rel}: the folder '{unit}' has no place in the layers; "
                                 "add it to ALLOWED in cmake/check_layering.py and to ARCHITECTURE.md")
                    continue
                with open(path, encoding="utf-8", errors="replace") as fh:
                    text = fh.read()
                for m in INCLUDE.finditer(text):
                    target = resolve(root, dirpath, m.group(1))
                    if target is None:
                        continue
                    dep = unit_of(target)
                    if dep is None or dep == unit or dep in ALLOWED[unit]:
                        continue
                    line = text.count("\n", 0, m.start()) + 1
                    found.append(f"{rel}:{line}: {unit} includes \"{m.group(1)}\" ({dep}); "
                                 f"{unit} may include only: {', '.join(ALLOWED[unit]) or 'nothing'}")
    return found


CONVENTION_TREES = ["app", "models", "ui", "tests"]
GUARD = re.compile(r"^[ \t]*#[ \t]*ifndef[ \t]+\w+_H\b", re.M)
BARE_EMIT = re.compile(r"(?<![\w.>:])emit[ \t]+\w+[ \t]*\(")


def first_code_line(text):
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("//"):
            return stripped
    return ""


def convention_problems(root):
    found = []
    for tree in CONVENTION_TREES:
        for dirpath, _, files in os.walk(os.path.join(root, tree)):
            for f in sorted(files):
                if not f.endswith((".h", ".cpp")):
                    continue
                path = os.path.join(dirpath, f)
                rel = os.path.relpath(path, root).replace(os.sep, "/")
                with open(path, encoding="utf-8", errors="replace") as fh:
                    text = fh.read()
                if f.endswith(".h"):
                    if first_code_line(text) != "#pragma once":
                        found.append(f"{rel}: a header starts with #pragma once")
                    if GUARD.search(text):
                        found.append(f"{rel}: an include guard beside #pragma once")
                for m in BARE_EMIT.finditer(text):
                    line_start = text.rfind("\n", 0, m.start()) + 1
                    if "//" in text[line_start:m.start()]:  # in a comment
                        continue
                    line = text.count("\n", 0, m.start()) + 1
                    found.append(f"{rel}:{line}: emit a signal with Q_EMIT")
    return found


def check(root):
    problems = violations(root) + convention_problems(root)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"check_layering: {len(problems)} problem(s): includes against the layers (ARCHITECTURE.md, "
              "\"Layers\") or the header and signal conventions",
              file=sys.stderr)
        return 1
    return 0


def self_test():
    """A tree that keeps the layers passes; the same tree with one include
    going up the line (repo -> geo) and one in an unknown folder fails, naming them."""
    def write(root, rel, text):
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)

    ok = True
    with tempfile.TemporaryDirectory() as root:
        write(root, "app/core/domain/Error.h", "#pragma once\n")
        write(root, "app/core/db/Database.h", '#pragma once\n#include "domain/Error.h"\n')
        write(root, "app/core/repo/TripRepository.cpp", '#include "db/Database.h"\n#include "QtCore"\n')
        write(root, "app/core/geo/Gazetteer.h", '#pragma once\n#include "repo/TripRepository.cpp"\n')
        write(root, "ui/conversation/Panel.cpp", '#include "conversation/Engine.h"\n#include "Panel.h"\n')
        write(root, "ui/conversation/Panel.h", "#pragma once\n")
        write(root, "app/core/conversation/Engine.h", '#pragma once\n#include "geo/Gazetteer.h"\n')
        if violations(root):
            print("self-test: a tree that keeps the layers was refused:", violations(root), file=sys.stderr)
            ok = False
        write(root, "app/core/repo/Bad.cpp", '#include "db/Database.h"\n\n#include "geo/Gazetteer.h"\n')
        write(root, "models/Model.h", '#pragma once\n#include "conversation/Panel.h"\n')
        write(root, "app/core/newfolder/Thing.h", "#pragma once\n")
        found = violations(root)
        expected = ["app/core/repo/Bad.cpp:3: core/repo includes \"geo/Gazetteer.h\" (core/geo)",
                    "models/Model.h:2: models includes \"conversation/Panel.h\" (ui)",
                    "app/core/newfolder/Thing.h: the folder 'core/newfolder' has no place"]
        for e in expected:
            if not any(f.startswith(e) for f in found):
                print(f"self-test: not reported: {e}\n  reported: {found}", file=sys.stderr)
                ok = False
        if len(found) != len(expected):
            print(f"self-test: expected {len(expected)} problems, got {found}", file=sys.stderr)
            ok = False
        if check(root) == 0:
            print("self-test: check() passed a tree with bad includes", file=sys.stderr)
            ok = False
    with tempfile.TemporaryDirectory() as root:
        write(root, "ui/Good.h", "// SPDX\n// why\n\n#pragma once\nvoid f() { Q_EMIT changed(); }\n")
        write(root, "ui/Good.cpp", "// emit changed() in a comment\nint emitted = 0; // not emit x(\n")
        if convention_problems(root):
            print("self-test: a tree that keeps the conventions was refused:", convention_problems(root),
                  file=sys.stderr)
            ok = False
        write(root, "ui/Guarded.h", "// SPDX\n#ifndef UI_GUARDED_H\n#define UI_GUARDED_H\n#endif\n")
        write(root, "tests/Both.h", "#pragma once\n#ifndef TESTS_BOTH_H\n#endif\n")
        write(root, "models/M.cpp", "void M::f()\n{\n    emit changed(1);\n}\n")
        found = convention_problems(root)
        expected = ["ui/Guarded.h: a header starts with #pragma once",
                    "ui/Guarded.h: an include guard",
                    "tests/Both.h: an include guard",
                    "models/M.cpp:3: emit a signal with Q_EMIT"]
        for e in expected:
            if not any(f.startswith(e) for f in found):
                print(f"self-test: not reported: {e}\n  reported: {found}", file=sys.stderr)
                ok = False
        if len(found) != len(expected):
            print(f"self-test: expected {len(expected)} convention problems, got {found}", file=sys.stderr)
            ok = False
    print("self-test: " + ("passed" if ok else "FAILED"))
    return 0 if ok else 1


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    root = argv[1] if len(argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return check(root)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
