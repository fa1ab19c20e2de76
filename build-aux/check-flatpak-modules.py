#!/usr/bin/python3
# check-flatpak-modules.py — the Flatpak manifest builds what meson needs.
#
# Copyright 2026 The Keel authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-flatpak-modules.py MANIFEST SOURCE_ROOT
#
# The manifest cannot be built in the test suite (the GNOME SDK is not
# available offline), so it is kept in step with meson by hand and this
# script checks that hand-kept step: every dependency('…') named in a
# meson.build of the project must be either
#   - in RUNTIME: shipped by the GNOME runtime the manifest names, or
#   - in MODULES: built by the manifest module named there,
# and the last module must be Keel itself, built with meson from the tree.
# A dependency in neither list fails the check, so whoever adds one to meson
# also decides where the Flatpak gets it. Test-only dependencies (tests/) do
# not ship and are not checked.

import json
import os
import re
import sys

# What org.gnome.Platform provides (pkg-config names).
RUNTIME = {
    'cairo', 'cairo-gobject', 'cairo-pdf', 'cairo-png', 'cairo-svg',
    'gdk-pixbuf-2.0',
    'gio-2.0', 'gio-unix-2.0', 'glib-2.0', 'gmodule-2.0', 'gobject-2.0',
    'gthread-2.0',
    'graphene-1.0', 'graphene-gobject-1.0',
    'gtk4', 'gtk4-unix-print', 'gtk4-x11', 'gtk4-wayland',
    'json-glib-1.0',
    'libadwaita-1',
    'libarchive',
    'libcurl',
    'libsecret-1',
    'libxml-2.0',
    'pango', 'pangocairo', 'pangoft2',
    'threads',
    'zlib',
}

# What the runtime lacks, and the manifest module that builds it.
MODULES = {
    'libical': 'libical',
    'libportal': 'libportal',
    'libportal-gtk4': 'libportal',
}

DEPENDENCY = re.compile(r"""\bdependency\s*\(\s*['"]([^'"]+)['"]""")
SKIP_DIRS = {'.git', 'tests', 'subprojects', '.flatpak-builder'}


def meson_dependencies(root):
    found = {}
    for folder, dirs, files in os.walk(root):
        rel = os.path.relpath(folder, root)
        dirs[:] = sorted(d for d in dirs
                         if d not in SKIP_DIRS and not d.startswith('_build')
                         and not (rel == '.' and d == 'build'))
        if 'meson.build' not in files:
            continue
        path = os.path.join(folder, 'meson.build')
        with open(path, encoding='utf-8') as f:
            for number, line in enumerate(f, 1):
                code = line.split('#', 1)[0]
                for name in DEPENDENCY.findall(code):
                    found.setdefault(name, f'{os.path.relpath(path, root)}:{number}')
    return found


def main(argv):
    if len(argv) != 3:
        print(f'usage: {argv[0]} MANIFEST SOURCE_ROOT', file=sys.stderr)
        return 2
    manifest_path, root = argv[1], argv[2]

    with open(manifest_path, encoding='utf-8') as f:
        manifest = json.load(f)

    problems = []
    if manifest.get('runtime') != 'org.gnome.Platform':
        problems.append(f"runtime is {manifest.get('runtime')!r}; RUNTIME above "
                        "describes org.gnome.Platform")

    modules = [m for m in manifest.get('modules', []) if isinstance(m, dict)]
    names = [m.get('name') for m in modules]

    if not modules or names[-1] != 'keel':
        problems.append('the last module must be keel itself')
    else:
        keel = modules[-1]
        if keel.get('buildsystem') != 'meson':
            problems.append('the keel module must use buildsystem "meson"')
        sources = keel.get('sources', [])
        if not any(s.get('type') == 'dir' and s.get('path') == '..' for s in sources):
            problems.append('the keel module must build the tree (source type "dir", path "..")')

    used = set()
    deps = meson_dependencies(root)
    if not deps:
        problems.append(f'no dependency() found in any meson.build under {root}')
    for dep, where in sorted(deps.items()):
        if dep in RUNTIME:
            continue
        module = MODULES.get(dep)
        if module is None:
            problems.append(f'{where}: dependency {dep!r} is neither in the GNOME '
                            'runtime nor built by a module; add a module to the '
                            'manifest and list it in MODULES here (or in RUNTIME '
                            'if the runtime ships it)')
        elif module not in names:
            problems.append(f'{where}: dependency {dep!r} needs the manifest module '
                            f'{module!r}, which is missing')
        else:
            used.add(module)

    for name in names[:-1]:
        if name not in used:
            print(f'note: module {name!r} is built but no meson.build uses it yet')

    for problem in problems:
        print(f'FAIL: {problem}')
    if problems:
        return 1
    print(f'ok: {len(deps)} meson dependencies, modules {", ".join(names)}')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
