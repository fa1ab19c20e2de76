#!/usr/bin/python3
# run-bench.py
#
# Copyright 2026 The Keel authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Keel's benchmarks: one table, one row per benchmark name.

Every measurement is one child process, so that its peak memory (ru_maxrss
from wait4) belongs to that operation alone. A child that prints a line
"keel-bench-seconds: S" reports its own time for the operation it measures
(process start-up and loading excluded); for any other child the time is
the whole process, start to exit. The Python reference is always a whole
process: interpreter start-up (about 20 ms) is included, nothing is
subtracted.

    run-bench.py workspace-io
        the load/save/serialize benchmarks of keel.json

    run-bench.py command --name NAME [--runs N] [--ratio-to NAME] [--group G
                 --detail TEXT] -- PROGRAM ARGS...
        measures any program and puts it into the same table (first frame,
        calendar, agenda, bundle...). --ratio-to names a row already in the
        table to divide by.

The table is printed, and rewritten between the markers in RESULTS.md
(next to this script, or $KEEL_BENCH_RESULTS): rows of other benchmarks
are kept, a row of the same name is replaced.
"""

import argparse
import datetime
import os
import platform
import re
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = '/usr/bin/python3'
SECONDS_RE = re.compile(r'^keel-bench-seconds: ([0-9.]+)$', re.M)

TABLE_BEGIN = '<!-- keel-bench:table:begin -->'
TABLE_END = '<!-- keel-bench:table:end -->'
DETAILS_BEGIN = '<!-- keel-bench:details:begin -->'
DETAILS_END = '<!-- keel-bench:details:end -->'
COLUMNS = ['benchmark', 'median', 'min', 'max', 'ratio vs python', 'peak RSS', 'measured']


def run_once(argv, env=None):
    """Runs argv as a child; returns (seconds, peak RSS in KiB, stdout)."""
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.dup2(out_w, 1)
            os.dup2(err_w, 2)
            for fd in (out_r, out_w, err_r, err_w):
                os.close(fd)
            if env is None:
                os.execv(argv[0], argv)
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    os.close(out_w)
    os.close(err_w)
    chunks = {out_r: [], err_r: []}
    open_fds = [out_r, err_r]
    while open_fds:
        ready, _, _ = select.select(open_fds, [], [])
        for fd in ready:
            data = os.read(fd, 65536)
            if data:
                chunks[fd].append(data)
            else:
                open_fds.remove(fd)
                os.close(fd)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    out = b''.join(chunks[out_r]).decode('utf-8', 'replace')
    err = b''.join(chunks[err_r]).decode('utf-8', 'replace')
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f'run-bench: {" ".join(argv)} failed ({os.waitstatus_to_exitcode(status)}):\n{err}')
    m = SECONDS_RE.search(out)
    return (float(m.group(1)) if m else wall), usage.ru_maxrss, out


def measure(name, argv, runs, warmup=1):
    """Median/min/max over runs after warmup runs, and the highest peak RSS."""
    for _ in range(warmup):
        run_once(argv)
    times, peaks = [], []
    for _ in range(runs):
        seconds, rss, _ = run_once(argv)
        times.append(seconds)
        peaks.append(rss)
    row = {
        'benchmark': name,
        'median_s': statistics.median(times),
        'min_s': min(times),
        'max_s': max(times),
        'rss_kib': max(peaks),
        'runs': runs,
    }
    print(f'  {name}: median {fmt_time(row["median_s"])} over {runs} runs', flush=True)
    return row


def fmt_time(seconds):
    if seconds >= 1:
        return f'{seconds:.2f} s'
    return f'{seconds * 1000:.1f} ms'


def fmt_rss(kib):
    return f'{kib / 1024:.0f} MB'


def machine():
    model = platform.processor() or 'unknown CPU'
    try:
        with open('/proc/cpuinfo') as f:
            for line in f:
                if line.startswith('model name'):
                    model = line.split(':', 1)[1].strip()
                    break
    except OSError:
        pass
    ram = 'unknown'
    try:
        with open('/proc/meminfo') as f:
            for line in f:
                if line.startswith('MemTotal:'):
                    ram = f'{int(line.split()[1]) / 1024 / 1024:.0f} GiB'
                    break
    except OSError:
        pass
    return f'{os.cpu_count()} cores (nproc), {model}, {ram} RAM, {platform.system()} {platform.release()}'


# ---------------------------------------------------------------------------
# RESULTS.md

def results_path():
    return os.environ.get('KEEL_BENCH_RESULTS') or os.path.join(HERE, 'RESULTS.md')


HEADER = """# Keel benchmarks

Written by `tests/bench/run-bench.py` (`meson test --benchmark`): one row per
benchmark name, replaced when that benchmark runs again, so every benchmark
joins this one table. Median, min and max over the runs after one warm-up
run; peak RSS is the largest `ru_maxrss` of the measured child processes
(one process per run). Keel rows time the operation inside its process
(`keel_workspace_load`, `_save`, `_serialize`; start-up excluded); the
Python rows are whole `/usr/bin/python3 -c 'import json; json.load(open(F))'`
processes, interpreter start-up included and nothing subtracted. "ratio vs
python" divides a row's median by the median of the Python row named in
its details.

To add a benchmark, register it in its tests/*/meson.build with
`benchmark()` running this script, and it lands in the same table:

    benchmark('calendar-month', python3,
      args: [files('../bench/run-bench.py'), 'command',
             '--name', 'calendar month view — company 10y',
             '--', my_program.full_path(), 'ARGS'])

A program that prints `keel-bench-seconds: S` reports the time of what it
measures; otherwise the whole process is timed. `keel-bench generate DIR`
(tests/bench) writes the 10-year company workspace to measure against.

"""


def parse_rows(text):
    rows = []
    if TABLE_BEGIN not in text or TABLE_END not in text:
        return rows
    body = text.split(TABLE_BEGIN, 1)[1].split(TABLE_END, 1)[0]
    for line in body.strip().splitlines():
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if len(cells) != len(COLUMNS) or cells[0] in ('benchmark', '') or set(cells[0]) <= set('-: '):
            continue
        rows.append(dict(zip(COLUMNS, cells)))
    return rows


def parse_details(text):
    if DETAILS_BEGIN not in text or DETAILS_END not in text:
        return []
    body = text.split(DETAILS_BEGIN, 1)[1].split(DETAILS_END, 1)[0]
    return [line for line in body.strip().splitlines() if line.strip()]


def update_results(new_rows, group=None, details=()):
    """Merges rendered rows (dicts keyed by COLUMNS) into RESULTS.md."""
    path = results_path()
    text = ''
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            text = f.read()
    rows = parse_rows(text)
    names = [r['benchmark'] for r in rows]
    for row in new_rows:
        if row['benchmark'] in names:
            rows[names.index(row['benchmark'])] = row
        else:
            rows.append(row)
            names.append(row['benchmark'])

    lines = parse_details(text)
    if group is not None:
        tag = f'- **{group}**'
        lines = [l for l in lines if not l.startswith(tag)]
        lines += [f'{tag}: {d}' for d in details]

    table = ['| ' + ' | '.join(COLUMNS) + ' |',
             '|' + '|'.join(['---'] + ['---:'] * 5 + ['---']) + '|']
    table += ['| ' + ' | '.join(r[c] for c in COLUMNS) + ' |' for r in rows]
    block = TABLE_BEGIN + '\n' + '\n'.join(table) + '\n' + TABLE_END
    dblock = DETAILS_BEGIN + '\n' + '\n'.join(lines) + '\n' + DETAILS_END

    if TABLE_BEGIN in text and TABLE_END in text:
        pre, rest = text.split(TABLE_BEGIN, 1)
        post = rest.split(TABLE_END, 1)[1]
        text = pre + block + post
    else:
        text = HEADER + block + '\n'
    if DETAILS_BEGIN in text and DETAILS_END in text:
        pre, rest = text.split(DETAILS_BEGIN, 1)
        post = rest.split(DETAILS_END, 1)[1]
        text = pre + dblock + post
    else:
        text = text.rstrip('\n') + '\n\n## Details\n\n' + dblock + '\n'

    tmp = path + '.tmp'
    with open(tmp, 'w', encoding='utf-8') as f:
        f.write(text)
    os.replace(tmp, path)
    return rows


def render(row, python_median=None, today=None):
    ratio = '—'
    if python_median:
        ratio = f'{row["median_s"] / python_median:.2f}×'
    return {
        'benchmark': row['benchmark'],
        'median': fmt_time(row['median_s']),
        'min': fmt_time(row['min_s']),
        'max': fmt_time(row['max_s']),
        'ratio vs python': ratio,
        'peak RSS': fmt_rss(row['rss_kib']),
        'measured': today or datetime.date.today().isoformat(),
    }


def parse_time(text):
    number, unit = text.split()
    return float(number) / (1000 if unit == 'ms' else 1)


def print_table(rows):
    widths = [max(len(c), *(len(r[c]) for r in rows)) for c in COLUMNS]
    print('  '.join(c.ljust(w) for c, w in zip(COLUMNS, widths)))
    for r in rows:
        print('  '.join(r[c].ljust(w) for c, w in zip(COLUMNS, widths)))


# ---------------------------------------------------------------------------
# The workspace I/O benchmarks

def workspace_io(args):
    keel_bench = args.keel_bench or os.environ.get('KEEL_BENCH')
    if not keel_bench or not os.access(keel_bench, os.X_OK):
        sys.exit('run-bench: pass --keel-bench PATH (the keel-bench program)')

    sets = [
        # name, generate options
        ('company 10y', ['--records', '15000', '--people', '200', '--years', '10']),
        ('stress 100k', ['--records', '100000', '--people', '1500', '--years', '10']),
    ]
    work = tempfile.mkdtemp(prefix='keel-bench-', dir=args.workdir)
    rendered, details = [], []
    try:
        for label, options in sets:
            folder = os.path.join(work, label.replace(' ', '-'))
            out = subprocess.run([keel_bench, 'generate', *options, folder],
                                 check=True, capture_output=True, text=True).stdout.strip()
            path = os.path.join(folder, 'keel.json')
            size = os.path.getsize(path)
            counts = out.split(': ', 1)[1].split(',')[0]
            print(f'{label}: {counts}, {size / 1e6:.1f} MB', flush=True)

            py = measure(f'python json.load — {label}',
                         [PYTHON, '-c', 'import json; json.load(open(%r))' % path], args.runs)
            load = measure(f'workspace load — {label}', [keel_bench, 'load', folder], args.runs)
            ser = measure(f'workspace serialize — {label}', [keel_bench, 'serialize', folder], args.runs)
            save = measure(f'workspace save — {label}', [keel_bench, 'save', folder], args.runs)

            rendered.append(render(py, py['median_s']))
            for row in (load, ser, save):
                rendered.append(render(row, py['median_s']))
            details.append(f'{label}: {counts}, keel.json {size / 1e6:.1f} MB; ratios against '
                           f'"python json.load — {label}"')
    finally:
        shutil.rmtree(work, ignore_errors=True)

    details.append('save: load (not timed), edit one title, keel_workspace_save: write the text '
                   'from the records, check the file on disk (a fingerprint), hard-link a backup, '
                   'write a temp file, fsync, rename')
    details.append(f'last run on {datetime.date.today().isoformat()}: {machine()}')
    rows = update_results(rendered, 'workspace-io', details)
    print()
    print_table(rows)
    print(f'\n{machine()}\nwritten to {results_path()}')


def command(args):
    if not args.argv:
        sys.exit('run-bench: command: give the program after --')
    row = measure(args.name, args.argv, args.runs)
    ratio_to = None
    if args.ratio_to:
        path = results_path()
        existing = parse_rows(open(path, encoding='utf-8').read()) if os.path.exists(path) else []
        for r in existing:
            if r['benchmark'] == args.ratio_to:
                ratio_to = parse_time(r['median'])
        if ratio_to is None:
            sys.exit(f'run-bench: no row named "{args.ratio_to}" in {path}')
    details = list(args.detail or [])
    details.append(f'last run on {datetime.date.today().isoformat()}: {machine()}')
    rows = update_results([render(row, ratio_to)], args.group or args.name, details)
    print_table(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest='what', required=True)

    io = sub.add_parser('workspace-io')
    io.add_argument('--keel-bench')
    io.add_argument('--runs', type=int, default=5)
    io.add_argument('--workdir', default=None)
    io.set_defaults(func=workspace_io)

    cmd = sub.add_parser('command')
    cmd.add_argument('--name', required=True)
    cmd.add_argument('--runs', type=int, default=5)
    cmd.add_argument('--ratio-to')
    cmd.add_argument('--group')
    cmd.add_argument('--detail', action='append')
    cmd.add_argument('argv', nargs=argparse.REMAINDER)
    cmd.set_defaults(func=command)

    args = parser.parse_args()
    if getattr(args, 'argv', None) and args.argv[0] == '--':
        args.argv = args.argv[1:]
    if args.runs < 5:
        sys.exit('run-bench: at least 5 runs')
    args.func(args)


if __name__ == '__main__':
    main()
