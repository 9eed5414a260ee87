#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks (or adds) the SPDX licence line in every source file of Trip Planner.

    packaging/spdx.py --check [ROOT]   list the files without the line, exit 1 if any
    packaging/spdx.py --fix [ROOT]     add the line where it is missing
    packaging/spdx.py --self-test      run the script's own checks in a temporary folder

The line is "// SPDX-License-Identifier: GPL-3.0-or-later" in C++ and
"# SPDX-License-Identifier: GPL-3.0-or-later" in CMake, shell and Python. It goes on
the first line, or right after a "#!" line and a Python coding line, which must stay first.
Files are those git tracks (so build folders never count); outside a git checkout
(a source tarball) every file under ROOT except build folders.
SQL migrations are left alone on purpose: their text is checksummed once applied.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

LICENCE = "GPL-3.0-or-later"
TAG = "SPDX-License-Identifier:"

# Folders never scanned: build output, caches, and the session machinery's own
# folder (not part of the project).
SKIP_DIRS = {".git", ".cache", ".ci", "__pycache__", "node_modules"}

CODING_LINE = re.compile(r"^#.*coding[:=]")


def comment_prefix(path):
    """The comment leader for a file's SPDX line, or None when the file is not source."""
    name = os.path.basename(path)
    ext = os.path.splitext(name)[1].lower()
    if ext in (".cpp", ".h", ".hpp", ".cc", ".c", ".mm"):
        return "//"
    if name == "CMakeLists.txt" or ext in (".cmake", ".sh", ".py"):
        return "#"
    return None


def tracked_files(root):
    """The files git tracks under root, or every file there when root is not a checkout."""
    try:
        out = subprocess.run(["git", "-C", root, "ls-files", "-z"], check=True,
                             capture_output=True).stdout.decode()
        return [os.path.join(root, p) for p in out.split("\0") if p]
    except (OSError, subprocess.CalledProcessError):
        pass
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames
                       if d not in SKIP_DIRS and not d.startswith("build")]
        found.extend(os.path.join(dirpath, f) for f in filenames)
    return found


def source_files(root):
    result = []
    for path in tracked_files(root):
        rel = os.path.relpath(path, root)
        if rel.split(os.sep)[0] in SKIP_DIRS or not os.path.isfile(path):
            continue
        if comment_prefix(path):
            result.append(path)
    return sorted(result)


def has_line(text):
    # The tag within the first five lines, as REUSE tools look for it near the top.
    return any(TAG in line for line in text.splitlines()[:5])


def with_line(text, prefix):
    lines = text.splitlines(keepends=True)
    insert_at = 0
    if lines and lines[0].startswith("#!"):
        insert_at = 1
    if prefix == "#" and len(lines) > insert_at and CODING_LINE.match(lines[insert_at]):
        insert_at += 1
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    lines.insert(insert_at, f"{prefix} {TAG} {LICENCE}{newline}")
    return "".join(lines)


def missing(root):
    result = []
    for path in source_files(root):
        with open(path, encoding="utf-8", newline="") as f:
            if not has_line(f.read()):
                result.append(path)
    return result


def fix(paths):
    for path in paths:
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(with_line(text, comment_prefix(path)))


def self_test():
    """Fix a few sample files in a temporary folder and check the result line by line."""
    samples = {
        "a.cpp": ("#include <x>\n", "// SPDX-License-Identifier: GPL-3.0-or-later\n#include <x>\n"),
        "s.sh": ("#!/bin/sh\necho\n", "#!/bin/sh\n# SPDX-License-Identifier: GPL-3.0-or-later\necho\n"),
        "p.py": ("#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\nx = 1\n",
                 "#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n"
                 "# SPDX-License-Identifier: GPL-3.0-or-later\nx = 1\n"),
        "CMakeLists.txt": ("project(x)\n", "# SPDX-License-Identifier: GPL-3.0-or-later\nproject(x)\n"),
        "e.h": ("", "// SPDX-License-Identifier: GPL-3.0-or-later\n"),
        "done.cpp": ("// SPDX-License-Identifier: GPL-3.0-or-later\nint x;\n",
                     "// SPDX-License-Identifier: GPL-3.0-or-later\nint x;\n"),
        "notes.txt": ("text\n", "text\n"),
        os.path.join("build", "gen.cpp"): ("int y;\n", "int y;\n"),
    }
    failures = 0
    with tempfile.TemporaryDirectory() as root:
        for rel, (before, _) in samples.items():
            os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
            with open(os.path.join(root, rel), "w", encoding="utf-8", newline="") as f:
                f.write(before)
        expected_missing = {"a.cpp", "s.sh", "p.py", "CMakeLists.txt", "e.h"}
        got = {os.path.relpath(p, root) for p in missing(root)}
        if got != expected_missing:
            print(f"FAIL: missing() found {sorted(got)}, expected {sorted(expected_missing)}")
            failures += 1
        fix(missing(root))
        for rel, (_, after) in samples.items():
            with open(os.path.join(root, rel), encoding="utf-8", newline="") as f:
                text = f.read()
            if text != after:
                print(f"FAIL: {rel} became {text!r}, expected {after!r}")
                failures += 1
        if missing(root):
            print("FAIL: files still missing the line after --fix")
            failures += 1
    print("self-test: " + ("FAILED" if failures else "passed"))
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description="Check or add SPDX licence lines.")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="list files without the line")
    mode.add_argument("--fix", action="store_true", help="add the line where it is missing")
    mode.add_argument("--self-test", action="store_true", help="test this script")
    parser.add_argument("root", nargs="?",
                        default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    paths = missing(args.root)
    if args.fix:
        fix(paths)
        print(f"added the SPDX line to {len(paths)} file(s)")
        return 0
    for path in paths:
        print(f"{os.path.relpath(path, args.root)}: no '{TAG} {LICENCE}' line")
    if paths:
        print(f"{len(paths)} file(s) without an SPDX line; run packaging/spdx.py --fix")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
