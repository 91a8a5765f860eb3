#!/usr/bin/env python3
"""Fails when a folder of app/ includes a header from a folder above it.

The order, lowest first, is the layering the core is built on: a lower folder
must never reach a higher one, so each can be understood (and tested) with
only what lies below it. A new folder must be placed in ORDER before use.
Usage: check-layers.py [SOURCE_ROOT]
"""
import os
import re
import sys

ORDER = ["core", "ssh", "remote", "kube", "metrics", "db", "logs", "actions", "profiles", "session", "desktop"]
RANK = {name: i for i, name in enumerate(ORDER)}
INCLUDE = re.compile(r'\s*#\s*include\s*"([^"/]+)/')


def main() -> int:
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    app = os.path.join(root, "app")
    problems = []
    for folder, _, files in os.walk(app):
        for name in sorted(files):
            if not name.endswith((".h", ".cpp")):
                continue
            path = os.path.join(folder, name)
            src = os.path.relpath(path, app).split(os.sep)[0]
            if src not in RANK:
                problems.append(f"{path}: folder '{src}' has no place in the layer order")
                continue
            with open(path, encoding="utf-8") as f:
                for line_no, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    dst = m.group(1)
                    if dst not in RANK:
                        problems.append(f"{path}:{line_no}: includes from '{dst}', which is not in app/")
                    elif RANK[dst] > RANK[src]:
                        problems.append(f"{path}:{line_no}: {src} reaches up to {dst}: {line.strip()}")
    for p in problems:
        print(p)
    print(f"layering: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
