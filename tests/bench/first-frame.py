#!/usr/bin/python3
# first-frame.py
#
# Copyright 2026 The Keel authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""How long the Keel window takes to show a workspace.

    first-frame.py run --keel PATH --bare PATH --keel-bench PATH [--runs N]
        writes a new workspace and the 10-year company workspace into a
        temporary folder and measures, with run-bench.py's runner and
        into its table (RESULTS.md), the first frame of a bare
        AdwApplicationWindow and the first frame and the first frame with
        the data of keel on each workspace; the five take turns, a run
        each, so that the ratios hold while the machine's speed drifts.
        Runs itself inside build-aux/headless unless it is
        already in such a session (KEEL_HEADLESS=1 and a DISPLAY).

    first-frame.py probe --mark first|content -- PROGRAM ARGS...
        starts PROGRAM with KEEL_BENCH_EXIT_AFTER_FIRST_FRAME=1 and prints
        "keel-bench-seconds: S": the time from just before it was started
        to the frame PROGRAM reports as "keel-bench-first-frame: T" or
        "keel-bench-content-frame: T" (T in g_get_monotonic_time()
        microseconds, the clock of time.monotonic_ns()). Process start-up,
        dynamic linking, GTK and the session bus are included; tearing
        down after the frame is not.
"""

import argparse
import datetime
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
RUN_BENCH = os.path.join(HERE, 'run-bench.py')
PYTHON = '/usr/bin/python3'
MARKS = {
    'first': 'keel-bench-first-frame: ',
    'content': 'keel-bench-content-frame: ',
}
BARE = 'first frame — bare AdwApplicationWindow'


def probe(args):
    if not args.argv:
        sys.exit('first-frame: probe: give the program after --')
    env = dict(os.environ, KEEL_BENCH_EXIT_AFTER_FIRST_FRAME='1')
    start = time.monotonic_ns()
    try:
        done = subprocess.run(args.argv, env=env, capture_output=True, text=True,
                              timeout=args.timeout)
    except subprocess.TimeoutExpired:
        sys.exit(f'first-frame: {args.argv[0]} showed no frame within {args.timeout} s')
    marks = {}
    for line in done.stdout.splitlines():
        for name, prefix in MARKS.items():
            if line.startswith(prefix):
                marks[name] = int(line[len(prefix):]) * 1000
    if done.returncode != 0 or args.mark not in marks:
        sys.exit(f'first-frame: {" ".join(args.argv)} exited with {done.returncode} and '
                 f'reported {sorted(marks) or "no frame"}:\n{done.stdout}{done.stderr}')
    for name in sorted(marks):
        print(f'{name}: {(marks[name] - start) / 1e9:.4f} s')
    print(f'keel-bench-seconds: {(marks[args.mark] - start) / 1e9:.6f}', flush=True)


def load_run_bench():
    """run-bench.py as a module: its runner and its table."""
    spec = importlib.util.spec_from_file_location('run_bench', RUN_BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def in_session():
    return os.environ.get('KEEL_HEADLESS') == '1' and bool(os.environ.get('DISPLAY'))


def headless():
    source = os.environ.get('KEEL_SOURCE_DIR') or os.path.join(HERE, '..', '..')
    return os.path.join(source, 'build-aux', 'headless')


def new_workspace(folder):
    """What the welcome form leaves: an organisation and its manager."""
    os.makedirs(folder)
    with open(os.path.join(folder, 'keel.json'), 'w', encoding='utf-8') as f:
        json.dump({
            'format': 'keel-workspace',
            'version': 1,
            'organisation': {'name': 'Northwind Security Ltd', 'size_profile': 'startup'},
            'people': [{'id': 'PER-1', 'name': 'Alex Doe', 'email': 'alex@example.org',
                        'job_title': 'Managing Director', 'top_management': True,
                        'review_team': True}],
            'counters': {'PER': 1},
        }, f, indent=2)
        f.write('\n')


def run(args):
    if not in_session():
        # A display, a session bus and isolated folders, then again
        os.execv(headless(), [headless(), PYTHON, os.path.abspath(__file__), *sys.argv[1:]])

    for path in (args.keel, args.bare, args.keel_bench):
        if not path or not os.access(path, os.X_OK):
            sys.exit(f'first-frame: {path} is not a program')

    work = tempfile.mkdtemp(prefix='keel-first-frame-', dir=args.workdir)
    try:
        new = os.path.join(work, 'new')
        company = os.path.join(work, 'company-10y')
        new_workspace(new)
        out = subprocess.run([args.keel_bench, 'generate', '--records', '15000', '--people',
                              '200', '--years', '10', company],
                             check=True, capture_output=True, text=True).stdout.strip()
        counts = out.split(': ', 1)[1].split(',')[0]
        size = os.path.getsize(os.path.join(company, 'keel.json'))
        renderer = os.environ.get('GSK_RENDERER') or 'GTK default'

        details = [
            'time from just before the process is started to the end of its first '
            'frame: the frame clock\'s "after-paint" of the first cycle that painted the '
            'mapped window, then a round trip to the X server; under Xvfb (build-aux/'
            f'headless), renderer {renderer}, window 1100×720; ratios against "{BARE}"',
            'bare AdwApplicationWindow: tests/bench/bench-bare-window.c, an AdwApplication '
            'on the session bus with one window (a header bar) that quits after its first frame',
            'keel: KEEL_BENCH_EXIT_AFTER_FIRST_FRAME=1 keel --workspace DIR; "first frame" is '
            'whatever the window shows first (the loading page, its spinner held back for '
            '500 ms, while keel.json is read on a worker thread), "first frame with data" the '
            'first frame of the workspace view fully shown (no crossfade running) with the '
            'Objectives page and its rows',
            f'new workspace: an organisation and its manager; company 10y: {counts}, '
            f'keel.json {size / 1e6:.1f} MB (keel-bench generate)',
            'peak RSS: the largest of the process up to the frame with data (keel quits then)',
        ]

        rows = [
            (BARE, 'content', [args.bare]),
            ('first frame — keel, new workspace', 'first', [args.keel, '--workspace', new]),
            ('first frame with data — keel, new workspace', 'content',
             [args.keel, '--workspace', new]),
            ('first frame — keel, company 10y', 'first', [args.keel, '--workspace', company]),
            ('first frame with data — keel, company 10y', 'content',
             [args.keel, '--workspace', company]),
        ]
        # The rows take turns, a run each, so that a machine that slows
        # down or speeds up meanwhile does so for all of them alike
        bench = load_run_bench()
        probes = [(name, [PYTHON, os.path.abspath(__file__), 'probe', '--mark', mark, '--', *argv])
                  for name, mark, argv in rows]
        times = {name: [] for name, _ in probes}
        peaks = {name: [] for name, _ in probes}
        for turn in range(1 + args.runs):
            for name, probe in probes:
                seconds, rss, _ = bench.run_once(probe)
                if turn > 0:  # the first turn warms up
                    times[name].append(seconds)
                    peaks[name].append(rss)
            print(f'turn {turn} of {args.runs}', flush=True)

        bare_median = statistics.median(times[BARE])
        rendered = []
        for name, _ in probes:
            row = {
                'benchmark': name,
                'median_s': statistics.median(times[name]),
                'min_s': min(times[name]),
                'max_s': max(times[name]),
                'rss_kib': max(peaks[name]),
                'runs': args.runs,
            }
            rendered.append(bench.render(row, None if name == BARE else bare_median))
        details.append(f'{args.runs} runs of each after one to warm up, the rows taking turns')
        details.append(f'last run on {datetime.date.today().isoformat()}: {bench.machine()}')
        bench.print_table(bench.update_results(rendered, 'first-frame', details))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    with os.popen('uptime') as f:
        print(f'\n{f.read().strip()}\n{datetime.date.today().isoformat()}')


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest='what', required=True)

    r = sub.add_parser('run')
    r.add_argument('--keel', required=True)
    r.add_argument('--bare', required=True)
    r.add_argument('--keel-bench', required=True)
    r.add_argument('--runs', type=int, default=5)
    r.add_argument('--workdir', default=None)
    r.set_defaults(func=run)

    p = sub.add_parser('probe')
    p.add_argument('--mark', choices=sorted(MARKS), required=True)
    p.add_argument('--timeout', type=float, default=60)
    p.add_argument('argv', nargs=argparse.REMAINDER)
    p.set_defaults(func=probe)

    args = parser.parse_args()
    if getattr(args, 'argv', None) and args.argv[0] == '--':
        args.argv = args.argv[1:]
    args.func(args)


if __name__ == '__main__':
    main()
