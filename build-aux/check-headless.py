#!/usr/bin/python3
# check-headless.py — the test session has what Keel's GUI tests rely on.
#
# Copyright 2026 The Keel authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks, in the session it runs in:
#   1. a GTK 4 window opens and is mapped on the display;
#   2. the accessibility bus (at-spi) can be started on the session bus;
#   3. `secret-tool store` / `lookup` round-trip a secret through the
#      default keyring collection, which exists and is unlocked.
#
# build-aux/headless sets KEEL_HEADLESS=1: there a missing display, bus or
# keyring is a failure. Anywhere else with no DISPLAY at all the check is
# skipped (exit 77), never passed.

import os
import subprocess
import sys
import uuid

import gi
from gi.repository import Gio, GLib

SKIP = 77
TIMEOUT = 20


def fail(message):
    print(f'FAIL: {message}')
    sys.exit(1)


def check_window():
    gi.require_version('Gtk', '4.0')
    from gi.repository import Gtk

    if not Gtk.init_check():
        fail(f"GTK cannot open the display {os.environ.get('DISPLAY')!r}")

    loop = GLib.MainLoop()
    result = {}

    window = Gtk.Window(title='Keel headless check', default_width=320,
                        default_height=200)
    window.set_child(Gtk.Label(label='Keel'))

    def mapped(widget, *args):
        if widget.get_mapped():
            result['mapped'] = True
            # Let one frame be drawn before quitting.
            GLib.timeout_add(50, loop.quit)

    def give_up():
        result.setdefault('mapped', False)
        loop.quit()
        return GLib.SOURCE_REMOVE

    window.connect('notify::is-active', mapped)
    window.connect('map', mapped)
    GLib.timeout_add_seconds(TIMEOUT, give_up)
    window.present()
    loop.run()

    surface = window.get_surface()
    if not result.get('mapped') or surface is None:
        fail(f'a GTK window did not appear within {TIMEOUT} s')
    print(f"ok: a GTK window opened on {os.environ['DISPLAY']} "
          f'({surface.get_width()}×{surface.get_height()}, '
          f'{type(window.get_display()).__name__})')
    window.destroy()


def session_bus():
    try:
        return Gio.bus_get_sync(Gio.BusType.SESSION, None)
    except GLib.Error as error:
        fail(f'no session bus: {error.message}')


def call(bus, name, path, interface, method, args, reply):
    return bus.call_sync(name, path, interface, method, args,
                         GLib.VariantType(reply), Gio.DBusCallFlags.NONE,
                         TIMEOUT * 1000, None).unpack()


def check_accessibility(bus):
    if os.environ.get('AT_SPI_BUS_ADDRESS'):
        fail('AT_SPI_BUS_ADDRESS is set; GTK would use that bus, not the '
             'session\'s own accessibility bus')
    try:
        (address,) = call(bus, 'org.a11y.Bus', '/org/a11y/bus', 'org.a11y.Bus',
                          'GetAddress', None, '(s)')
    except GLib.Error as error:
        fail(f'the accessibility bus cannot be started: {error.message}')
    if not address:
        fail('the accessibility bus reported an empty address')
    print('ok: the accessibility bus answers')


def check_keyring(bus):
    try:
        (path,) = call(bus, 'org.freedesktop.secrets', '/org/freedesktop/secrets',
                       'org.freedesktop.Secret.Service', 'ReadAlias',
                       GLib.Variant('(s)', ('default',)), '(o)')
    except GLib.Error as error:
        fail(f'no secret service on the session bus: {error.message}')
    if path == '/':
        fail('the keyring has no default collection')
    (locked,) = call(bus, 'org.freedesktop.secrets', path,
                     'org.freedesktop.DBus.Properties', 'Get',
                     GLib.Variant('(ss)', ('org.freedesktop.Secret.Collection',
                                           'Locked')), '(v)')
    if locked:
        fail(f'the default keyring collection {path} is locked')

    key = str(uuid.uuid4())
    secret = f'keel-{uuid.uuid4()}'
    attributes = ['keel-headless-check', key]
    try:
        store = subprocess.run(['secret-tool', 'store', '--label=Keel headless check',
                                *attributes], input=secret, text=True,
                               capture_output=True, timeout=TIMEOUT)
        if store.returncode != 0:
            fail(f'secret-tool store failed: {store.stderr.strip()}')
        lookup = subprocess.run(['secret-tool', 'lookup', *attributes],
                                capture_output=True, text=True, timeout=TIMEOUT)
        if lookup.returncode != 0 or lookup.stdout != secret:
            fail(f'secret-tool lookup returned {lookup.stdout!r} '
                 f'(exit {lookup.returncode}), not the stored secret')
        subprocess.run(['secret-tool', 'clear', *attributes], timeout=TIMEOUT,
                       check=True)
    except subprocess.TimeoutExpired as error:
        fail(f'{error.cmd[0]} {error.cmd[1]} hung for {TIMEOUT} s '
             '(a keyring prompt with nobody to answer it?)')
    print(f'ok: a secret round-trips through the default collection {path}')


def main():
    required = os.environ.get('KEEL_HEADLESS') == '1'
    if not os.environ.get('DISPLAY'):
        if required:
            fail('KEEL_HEADLESS=1 but DISPLAY is not set')
        print('1..0 # SKIP no DISPLAY: run the suite through build-aux/headless')
        return SKIP
    if required and not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        fail('KEEL_HEADLESS=1 but DBUS_SESSION_BUS_ADDRESS is not set')

    check_window()
    bus = session_bus()
    check_accessibility(bus)
    check_keyring(bus)
    return 0


if __name__ == '__main__':
    sys.exit(main())
