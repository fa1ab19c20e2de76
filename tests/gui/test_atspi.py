#!/usr/bin/python3
# test_atspi.py — the real keel binary, driven through AT-SPI.
#
# Copyright 2026 The Keel authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts `keel` ($KEEL_GUI) on an empty temporary folder and works its
# welcome page the way an assistive technology would: finds the fields and
# the Create button by their accessible names, types, presses, and checks
# that keel.json appears with what was typed. Prints TAP.
#
# Needs a display and a session bus whose environment has DISPLAY (the
# accessibility bus is started on demand): build-aux/headless provides both.

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ORGANISATION = 'Acme Sailing Ltd'
MANAGER = 'Grace Hopper'
EMAIL = 'grace@acme-sailing.example'

results = []


def ok(condition, description):
    results.append((bool(condition), description))
    print(f"{'ok' if condition else 'not ok'} {len(results)} - {description}", flush=True)
    return condition


def diag(message):
    for line in str(message).splitlines():
        print(f'# {line}', flush=True)


def wait_for(predicate, timeout, interval=0.05):
    """Polls predicate until it returns something true, at most timeout s."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = predicate()
        except Exception as error:  # the tree changes under our feet
            diag(f'while waiting: {error}')
            value = None
        if value:
            return value
        if time.monotonic() >= deadline:
            return None
        time.sleep(interval)


def main():
    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        if os.environ.get('KEEL_HEADLESS') == '1':
            print('Bail out! KEEL_HEADLESS=1 but there is no DISPLAY')
            return 1
        print('1..0 # SKIP no display')
        return 0

    keel = os.environ.get('KEEL_GUI')
    if not keel or not os.access(keel, os.X_OK):
        print(f'Bail out! KEEL_GUI does not name the keel binary: {keel!r}')
        return 1

    # This process's own GLib (loaded with gi below) must not abort on the
    # accessibility library's warnings; keel itself keeps G_DEBUG as given
    keel_debug = os.environ.get('G_DEBUG')
    os.environ['G_DEBUG'] = ','.join(flag for flag in (keel_debug or '').split(',')
                                     if flag and flag != 'fatal-warnings')

    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi

    print('1..7', flush=True)

    scratch = tempfile.mkdtemp(prefix='keel-atspi-')
    workspace = os.path.join(scratch, 'workspace')
    env = dict(os.environ)
    if keel_debug is not None:
        env['G_DEBUG'] = keel_debug
    # Accessibility over the bus, not in process
    env.pop('GTK_A11Y', None)
    env.pop('KEEL_WORKSPACE', None)
    for name in ('HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_DATA_HOME', 'XDG_STATE_HOME'):
        path = os.path.join(scratch, name.lower())
        os.makedirs(path, exist_ok=True)
        env[name] = path

    process = subprocess.Popen([keel, '--workspace', workspace], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        run(Atspi, process, workspace)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        stderr = process.stderr.read().decode(errors='replace')
        if stderr.strip():
            diag('keel said:\n' + stderr)
        shutil.rmtree(scratch, ignore_errors=True)

    return 0 if all(passed for passed, _ in results) and len(results) == 7 else 1


def find_app(Atspi, pid):
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and app.get_process_id() == pid and app.get_child_count() > 0:
            return app
    return None


def find(node, role, name, depth=0):
    """The first showing accessible with this role and name, depth first."""
    if node is None or depth > 60:
        return None
    if node.get_role_name() == role and node.get_name() == name:
        return node
    for i in range(node.get_child_count()):
        found = find(node.get_child_at_index(i), role, name, depth + 1)
        if found is not None:
            return found
    return None


def is_sensitive(Atspi, node):
    return node.get_state_set().contains(Atspi.StateType.SENSITIVE)


def text_of(Atspi, node):
    return Atspi.Text.get_text(node, 0, Atspi.Text.get_character_count(node))


def run(Atspi, process, workspace):
    app = wait_for(lambda: find_app(Atspi, process.pid), 20)
    if not ok(app is not None, 'keel shows up on the accessibility bus'):
        return

    fields = {}
    for label in ('Organisation name', 'Top manager’s name', 'Top manager’s email'):
        fields[label] = wait_for(lambda label=label: find(app, 'text', label), 15)
    create = wait_for(lambda: find(app, 'push button', 'Create Workspace'), 15)
    if not ok(all(fields.values()) and create is not None,
              'the welcome page names its fields and its Create button'):
        diag(f'found: {[k for k, v in fields.items() if v]}, create: {create is not None}')
        return

    ok(not is_sensitive(Atspi, create), 'Create is off while the form is empty')

    # A bad email keeps it off
    Atspi.EditableText.set_text_contents(fields['Organisation name'], ORGANISATION)
    Atspi.EditableText.set_text_contents(fields['Top manager’s name'], MANAGER)
    Atspi.EditableText.set_text_contents(fields['Top manager’s email'], 'grace-at-acme')
    ok(wait_for(lambda: text_of(Atspi, fields['Top manager’s email']) == 'grace-at-acme', 5)
       and not is_sensitive(Atspi, create),
       'Create stays off with an email that is not one')

    Atspi.EditableText.set_text_contents(fields['Top manager’s email'], EMAIL)
    if not ok(wait_for(lambda: is_sensitive(Atspi, create), 5),
              'Create turns on once the form is filled in'):
        return

    Atspi.Action.do_action(create, 0)

    keel_json = os.path.join(workspace, 'keel.json')

    def read_workspace():
        if not os.path.exists(keel_json):
            return None
        with open(keel_json, encoding='utf-8') as f:
            return json.load(f)

    data = wait_for(read_workspace, 20)
    if not ok(data is not None, 'Create writes keel.json'):
        return

    organisation = data.get('organisation', {})
    people = data.get('people', [])
    manager = people[0] if people else {}
    good = (organisation.get('name') == ORGANISATION and len(people) == 1 and
            manager.get('name') == MANAGER and manager.get('email') == EMAIL and
            manager.get('top_management') is True and manager.get('review_team') is True)
    if not ok(good, 'keel.json holds the organisation and its top manager'):
        diag(json.dumps(data, indent=2, ensure_ascii=False))


if __name__ == '__main__':
    sys.exit(main())
