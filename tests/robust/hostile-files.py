#!/usr/bin/python3
# hostile-files.py
#
# Copyright 2026 The Keel authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Feeds keel-cli validate hundreds of broken workspaces and checks that
it refuses each one cleanly.

The corpus is made on the fly in a temp folder, from the demo workspace
(`keel-cli demo`) and the field tables in src/core/records/keel-*.c: truncations
at structural points, a wrong type in every field of every kind of record
and of every part, impossible dates, invalid UTF-8, NUL bytes, bad and
duplicate ids, dangling references, nesting 100,000 deep, a 100 MB string,
a newer version, a folder, a symlink loop, a FIFO, a socket and devices
where keel.json should be.

For every case, `$KEEL_CLI --workspace D validate` (10 s timeout) must:
- end with exit status 1 or 3 as the case expects, never by a signal,
  never by the timeout;
- name keel.json, and a line and column (syntax, encoding) or a line or
  record id (types, ids) on stderr; name the record and the missing id for
  a dangling reference (exit 1);
- keep stderr short (under 64 kB);
- leave the folder as it was: the same files, byte for byte (sha256).

    hostile-files.py [--sample N]    run (KEEL_CLI, KEEL_SOURCE_DIR set);
                                     --sample N: only every Nth wrong-type
                                     case (for slow sanitizer builds)
    hostile-files.py --write-seeds D write a few small cases as fuzz seeds
"""

import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile

CLI = os.environ.get('KEEL_CLI')
SOURCE = os.environ.get('KEEL_SOURCE_DIR', os.path.join(os.path.dirname(__file__), '..', '..'))
TIMEOUT = 10
MAX_STDERR = 64 * 1024

SYNTAX = 'syntax'        # exit 3, "keel.json line L, column C"
TYPE = 'type'            # exit 3, keel.json and a line or the record id
FORMAT = 'format'        # exit 3, keel.json named
DANGLING = 'dangling'    # exit 1, the record and the missing id named
REFUSED = 'refused'      # exit 3, keel.json named (not a readable regular file)
LENIENT = 'lenient'      # not JSON, but json-glib 1.6 reads it: no crash, no change

POSITION_RE = re.compile(r'keel\.json line \d+, column \d+')
LINE_RE = re.compile(r'keel\.json line \d+')


# ---------------------------------------------------------------------------
# The field tables

FIELD_RE = re.compile(r'\{\s*"(\w+)",\s*KEEL_FIELD_(\w+),\s*N_\("[^"]*"\),\s*'
                      r'(NULL|"[^"]*"),\s*(NULL|\w+),\s*[^,}]*(?:,\s*(NULL|\w+))?[^}]*\}')
CHOICES_RE = re.compile(r'static const KeelChoice (\w+)\[\] = \{(.*?)\};', re.S)
CHOICE_RE = re.compile(r'\{\s*"([^"]+)",\s*N_')
KIND_RE = re.compile(r'\.name = "([\w-]+)",\s*\.collection = (NULL|"\w+"),\s*'
                     r'\.id_prefix = (NULL|"\w+"),')
DEFINE_RE = re.compile(r'KEEL_DEFINE_RECORD_TYPE\s*\(\s*\w+,\s*(\w+),\s*kind\s*\)')


def read_kinds():
    """{type_name: {'kind', 'collection', 'prefix', 'fields': [(key, type, detail, child)]}}

    detail: the choices of an ENUM, '|'-separated; the kind a REF refers to"""
    kinds = {}
    core = os.path.join(SOURCE, 'src', 'core', 'records')
    for name in sorted(os.listdir(core)):
        if not name.endswith('.c'):
            continue
        with open(os.path.join(core, name), encoding='utf-8') as f:
            text = f.read()
        m = DEFINE_RE.search(text)
        k = KIND_RE.search(text)
        if not m or not k:
            continue
        choices = {cm.group(1): '|'.join(CHOICE_RE.findall(cm.group(2)))
                   for cm in CHOICES_RE.finditer(text)}
        fields = []
        for fm in FIELD_RE.finditer(text):
            detail = None if fm.group(3) == 'NULL' else fm.group(3).strip('"')
            if fm.group(2) == 'ENUM':
                detail = choices[fm.group(5)]
            child = None if fm.group(4) == 'NULL' else fm.group(4)[:-len('_get_type')]
            fields.append((fm.group(1), fm.group(2), detail, child))
        kinds[m.group(1)] = {
            'kind': k.group(1),
            'collection': None if k.group(2) == 'NULL' else k.group(2).strip('"'),
            'prefix': None if k.group(3) == 'NULL' else k.group(3).strip('"'),
            'fields': fields,
        }
    return kinds


def valid_value(kinds, ftype, detail, child, data):
    if ftype in ('STRING',):
        return 'x'
    if ftype == 'ENUM':
        return detail.split('|')[0]
    if ftype == 'REF':
        return first_id(data, detail)
    if ftype == 'REF_LIST':
        return [first_id(data, detail)]
    if ftype == 'STRV':
        return ['x']
    if ftype == 'BOOLEAN':
        return True
    if ftype == 'INT':
        return 3
    if ftype == 'DOUBLE':
        return 1.5
    if ftype == 'DATE':
        return '2026-03-31'
    if ftype == 'DATETIME':
        return '2026-03-31T10:00:00+02:00'
    if ftype == 'CHILD':
        return valid_part(kinds, child, data)
    if ftype == 'CHILDREN':
        return [valid_part(kinds, child, data)]
    raise ValueError(ftype)


def valid_part(kinds, type_name, data):
    return {key: valid_value(kinds, t, d, c, data) for key, t, d, c in kinds[type_name]['fields']}


def first_id(data, kind):
    collections = {'person': 'people', 'evidence': 'evidence', 'action': 'actions'}
    records = data.get(collections.get(kind, 'people'), [])
    return records[0]['id'] if records else 'PER-1'


WRONG = {
    'STRING': [42, ['x'], {'a': 1}, True],
    'REF': [7, ['PER-1']],
    'ENUM': ['no-such-value', 3],
    'BOOLEAN': ['yes', 1],
    'INT': ['12', 1.5, True],
    'DOUBLE': ['1.5', True, [1]],
    'DATE': ['2026-02-30', '2026-13-01', '2025-02-29', '0000-01-01', '31/03/2026', '2026-3-1',
             20260331, '2026-03-31T10:00:00+02:00'],
    'DATETIME': ['2026-03-31T25:00:00+02:00', '2026-03-31', '2026-02-30T10:00:00+02:00',
                 '2026-03-31T10:00:00', 1700000000],
    'REF_LIST': ['PER-1', [1], {'a': 'b'}],
    'STRV': ['x', [None], [['x']]],
    'CHILD': ['x', [], 5],
    'CHILDREN': [{}, 'x', [1], [[]]],
}


# ---------------------------------------------------------------------------
# Cases

class Case:
    def __init__(self, name, expect, content=None, setup=None, ids=()):
        self.name = name
        self.expect = expect
        self.content = content    # bytes of keel.json
        self.setup = setup        # or a function (folder) that makes it
        self.ids = ids            # ids that must be named (dangling)


def dump(data):
    return (json.dumps(data, indent=2, ensure_ascii=False) + '\n').encode('utf-8')


def type_cases(kinds, base):
    cases = []
    by_collection = {k['collection']: t for t, k in kinds.items() if k['collection']}
    for collection, type_name in sorted(by_collection.items()):
        if not base.get(collection):
            raise SystemExit(f'hostile-files: the demo has no {collection}; add one')
        for key, ftype, detail, child in kinds[type_name]['fields']:
            for i, wrong in enumerate(WRONG[ftype]):
                data = json.loads(json.dumps(base))
                record = data[collection][0]
                record[key] = wrong
                cases.append(Case(f'type {collection}[0].{key} #{i}', TYPE, dump(data),
                                  ids=(record['id'],)))
            if child:
                # every field of the part, wrong in turn, in a part that is
                # otherwise valid
                for ckey, ctype, cdetail, cchild in kinds[child]['fields']:
                    wrong = WRONG[ctype][0]
                    data = json.loads(json.dumps(base))
                    record = data[collection][0]
                    part = valid_part(kinds, child, data)
                    part[ckey] = wrong
                    if ftype == 'CHILD':
                        record[key] = part
                    else:
                        record[key] = list(record.get(key) or []) + [part]
                    cases.append(Case(f'type {collection}[0].{key}.{ckey}', TYPE, dump(data),
                                      ids=(record['id'],)))
    # the organisation, a part without id
    for key, ftype, detail, child in kinds['keel_organisation']['fields']:
        data = json.loads(json.dumps(base))
        data['organisation'][key] = WRONG[ftype][0]
        cases.append(Case(f'type organisation.{key}', TYPE, dump(data), ids=('organisation',)))
    return cases


def structure_cases(base):
    cases = []

    def edit(name, expect, fn, ids=()):
        data = json.loads(json.dumps(base))
        fn(data)
        cases.append(Case(name, expect, dump(data), ids=ids))

    # a list, or a record in it, of the wrong shape: named by the list
    # ("people") or by its place in it (people[13])
    for collection in ('people', 'objectives', 'reviews', 'evidence'):
        n = len(base[collection]) + 1
        where = (f'"{collection}"', f'{collection}[{n}]')
        edit(f'list {collection} is a text', TYPE, lambda d, c=collection: d.__setitem__(c, 'x'),
             ids=where)
        edit(f'list {collection} is an object', TYPE, lambda d, c=collection: d.__setitem__(c, {}),
             ids=where)
        edit(f'list {collection} holds a number', TYPE, lambda d, c=collection: d[c].append(1),
             ids=where)
        edit(f'list {collection} holds a list', TYPE, lambda d, c=collection: d[c].append([]),
             ids=where)

    # ids
    edit('id missing', TYPE, lambda d: d['objectives'][1].pop('id'), ids=('objectives[2]',))
    edit('id a number', TYPE, lambda d: d['objectives'][1].__setitem__('id', 12),
         ids=('objectives[2]',))
    edit('id null', TYPE, lambda d: d['objectives'][1].__setitem__('id', None),
         ids=('objectives[2]',))
    for bad in ('', 'OBJ', 'OBJ-', 'OBJ-0', 'OBJ-x', 'OBJ-1a', 'PER-77', 'obj-3', 'OBJ--3',
                'OBJ-99999999999', ' OBJ-3'):
        edit(f'id “{bad}”', TYPE, lambda d, b=bad: d['objectives'][1].__setitem__('id', b),
             ids=(bad,) if bad.strip() else ())
    for bad in ('MR-26-01', 'MR-2026', 'MR-2026-', 'MR-2026-xx', 'MR-20x6-01'):
        edit(f'review id “{bad}”', TYPE, lambda d, b=bad: d['reviews'][0].__setitem__('id', b),
             ids=(bad,))
    edit('duplicate id in one list', TYPE,
         lambda d: d['objectives'][1].__setitem__('id', d['objectives'][0]['id']),
         ids=(base['objectives'][0]['id'],))
    edit('duplicate id, last record', TYPE,
         lambda d: d['people'][-1].__setitem__('id', d['people'][0]['id']),
         ids=(base['people'][0]['id'],))

    # the top level
    for fmt in (None, 'keel', 'Keel-Workspace', 5):
        edit(f'format {fmt!r}', FORMAT,
             lambda d, f=fmt: d.pop('format') if f is None else d.__setitem__('format', f))
    for version in (None, '1', 0, -1, 1.5, True):
        edit(f'version {version!r}', FORMAT,
             lambda d, v=version: d.pop('version') if v is None else d.__setitem__('version', v))
    for version in (2, 99999, 2 ** 62):
        edit(f'newer version {version}', FORMAT, lambda d, v=version: d.__setitem__('version', v))
    edit('organisation a text', TYPE, lambda d: d.__setitem__('organisation', 'x'),
         ids=('organisation',))
    edit('organisation a list', TYPE, lambda d: d.__setitem__('organisation', []),
         ids=('organisation',))
    edit('counters a list', TYPE, lambda d: d.__setitem__('counters', []), ids=('"counters"',))
    edit('counters negative', TYPE, lambda d: d.__setitem__('counters', {'OBJ': -1}),
         ids=('"counters"',))
    edit('counters a text', TYPE, lambda d: d.__setitem__('counters', {'OBJ': '3'}),
         ids=('"counters"',))
    edit('counters too big', TYPE, lambda d: d.__setitem__('counters', {'OBJ': 2 ** 40}),
         ids=('"counters"',))
    for top in ([], 'keel', 42, None, True):
        cases.append(Case(f'top level {top!r}', FORMAT, dump(top)))

    # dangling references: exit 1, naming the record and the missing id
    def dangling(name, collection, key, missing, as_list=False, part=None):
        def fn(d):
            r = d[collection][0]
            if part:
                r[part][0][key] = missing
            elif as_list:
                r[key] = list(r.get(key) or []) + [missing]
            else:
                r[key] = missing
        edit(f'dangling {name}', DANGLING, fn, ids=(base[collection][0]['id'], missing))

    dangling('objective owner', 'objectives', 'owner', 'PER-999')
    dangling('policy owner', 'policies', 'owner', 'PER-998')
    dangling('review attendee', 'reviews', 'attendees', 'PER-997', as_list=True)
    dangling('review chair', 'reviews', 'chair', 'PER-996')
    dangling('evidence link', 'evidence', 'links', 'OBJ-995', as_list=True)
    dangling('objective evidence', 'objectives', 'evidence', 'EVD-994', as_list=True)
    dangling('action source', 'actions', 'source', 'MR-2031-09')
    dangling('training person', 'training', 'person', 'PER-993')
    dangling('role person', 'roles', 'person', 'PER-992')
    dangling('risk owner', 'risks', 'owner', 'PER-991')
    dangling('communication communicator', 'communications', 'communicator', 'PER-990')
    if base['policies'][0].get('versions'):
        dangling('policy version author', 'policies', 'author', 'PER-989', part='versions')
    return cases


def text_cases(base_text):
    """Cases made by cutting and corrupting the text itself."""
    cases = []
    raw = base_text

    # Truncated at structural points: before and after, a sample of 120
    points = [i for i, c in enumerate(raw) if c in b'{[,:']
    step = max(1, len(points) // 120)
    sample = points[::step]
    for n, i in enumerate(sample):
        cut = i if n % 2 else i + 1
        cases.append(Case(f'truncated at byte {cut} ({chr(raw[i])})', SYNTAX, raw[:cut]))
    cases.append(Case('truncated: last byte gone', SYNTAX, raw.rstrip()[:-1]))
    cases.append(Case('truncated: half', SYNTAX, raw[:len(raw) // 2]))
    cases.append(Case('truncated: one byte', SYNTAX, raw[:1]))
    # inside a multi-byte character
    multi = re.search(rb'[\xc2-\xf4][\x80-\xbf]+', raw)
    if multi:
        cases.append(Case('truncated inside a UTF-8 character', SYNTAX, raw[:multi.start() + 1]))

    cases.append(Case('empty file', FORMAT, b''))
    cases.append(Case('only whitespace', FORMAT, b' \n\t\n'))

    # Invalid UTF-8 and NUL bytes, in a string and between tokens
    name = raw.index(b'"name": "') + len(b'"name": "')
    for label, junk in [('0xff', b'\xff'), ('overlong', b'\xc0\xaf'), ('surrogate', b'\xed\xa0\x80'),
                        ('cut sequence', b'\xe2\x82'), ('5-byte', b'\xf8\x88\x80\x80\x80'),
                        ('above U+10FFFF', b'\xf4\x90\x80\x80'), ('lone continuation', b'\x80'),
                        ('latin-1', 'Müller'.encode('latin-1'))]:
        cases.append(Case(f'invalid UTF-8 ({label}) in a string', SYNTAX,
                          raw[:name] + junk + raw[name:]))
    cases.append(Case('invalid UTF-8 between tokens', SYNTAX, raw[:2] + b'\xff' + raw[2:]))
    cases.append(Case('NUL in a string', SYNTAX, raw[:name] + b'\x00' + raw[name:]))
    cases.append(Case('NUL first', SYNTAX, b'\x00' + raw))
    cases.append(Case('NUL after the end', SYNTAX, raw + b'\x00'))
    cases.append(Case('NUL between tokens', SYNTAX, raw[:2] + b'\x00' + raw[2:]))
    cases.append(Case('UTF-16', SYNTAX, raw.decode('utf-8').encode('utf-16')))

    # Not JSON
    comma = raw.index(b'",\n')
    for label, text in [
        ('trailing comma', raw.rstrip()[:-1] + b',}\n'),
        ('comment', b'// keel\n' + raw),
        ('unquoted key', raw.replace(b'"format"', b'format', 1)),
        ('NaN', raw.replace(b'"version": 1', b'"version": NaN', 1)),
        ('garbage after the end', raw + b'x'),
        ('missing comma', raw[:comma + 1] + raw[comma + 2:]),
        ('unterminated string', raw[:name] + b'\\'),
        ('bare word', b'keel\n'),
        ('lone brace', b'{'),
        ('lone bracket', b']'),
    ]:
        cases.append(Case(f'not JSON: {label}', SYNTAX, text))

    # Not JSON either, and json-glib 1.6 would read them (the first keeping
    # only the first document): keel_json_parse refuses them itself.
    for label, text in [
        ('two documents', raw + raw.replace(b'"PER-1"', b'"PER-9999"')),
        ('single quotes', raw.replace(b'"format"', b"'format'", 1)),
        ('control character in a string', raw[:name] + b'\x01' + raw[name:]),
        ('unknown escape', raw[:name] + b'\\q' + raw[name:]),
        ('bad hexadecimal escape', raw[:name] + b'\\u12G4' + raw[name:]),
    ]:
        cases.append(Case(f'not JSON, refused: {label}', SYNTAX, text))
    return cases


def deep_cases():
    n = 100_000
    head = b'{"format": "keel-workspace", "version": 1, "deep": '
    return [
        Case('nesting 10^5 lists', SYNTAX, head + b'[' * n + b']' * n + b'}\n'),
        Case('nesting 10^5 objects', SYNTAX, head + b'{"a": ' * n + b'1' + b'}' * n + b'}\n'),
        Case('nesting 10^5, never closed', SYNTAX, b'[' * n),
        Case('nesting 10^5 at the top', SYNTAX, b'[' * n + b']' * n),
        Case('nesting 10^5 inside a record', SYNTAX,
             b'{"format": "keel-workspace", "version": 1, "objectives": [{"id": "OBJ-1", "title": '
             + b'[' * n + b']' * n + b'}]}\n'),
    ]


def big_cases(base):
    """100 MB strings, made when run and written straight to disk."""
    mb = 100 * 1024 * 1024

    def write_big(folder, where):
        data = json.loads(json.dumps(base))
        marker = '@@BIG@@'
        if where == 'date':
            data['objectives'][0]['due'] = marker
        elif where == 'id':
            data['objectives'][0]['id'] = marker
        elif where in ('title-dangling', 'unterminated'):
            data['objectives'][0]['title'] = marker
            data['objectives'][0]['owner'] = 'PER-999'
        text = dump(data)
        before, after = text.split(marker.encode(), 1)
        with open(os.path.join(folder, 'keel.json'), 'wb') as f:
            f.write(before)
            chunk = b'abcdefghij' * (1024 * 1024)
            for _ in range(mb // len(chunk)):
                f.write(chunk)
            if where != 'unterminated':
                f.write(after)

    return [
        Case('100 MB string as a date', TYPE, setup=lambda d: write_big(d, 'date'),
             ids=(base['objectives'][0]['id'],)),
        Case('100 MB id', TYPE, setup=lambda d: write_big(d, 'id'), ids=('abcdefghij',)),
        Case('100 MB title and a dangling owner', DANGLING,
             setup=lambda d: write_big(d, 'title-dangling'),
             ids=(base['objectives'][0]['id'], 'PER-999')),
        Case('100 MB unterminated string', SYNTAX, setup=lambda d: write_big(d, 'unterminated')),
    ]


def special_cases():
    def directory(d):
        os.mkdir(os.path.join(d, 'keel.json'))

    def loop(d):
        os.symlink('keel.json', os.path.join(d, 'keel.json'))

    def loop2(d):
        os.symlink('b.json', os.path.join(d, 'keel.json'))
        os.symlink('keel.json', os.path.join(d, 'b.json'))

    def dangling_link(d):
        os.symlink('nowhere.json', os.path.join(d, 'keel.json'))

    def fifo(d):
        os.mkfifo(os.path.join(d, 'keel.json'))

    def sock(d):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.bind(os.path.join(d, 'keel.json'))
        s.close()

    def device(target):
        return lambda d: os.symlink(target, os.path.join(d, 'keel.json'))

    def missing(d):
        pass

    return [
        Case('a folder named keel.json', REFUSED, setup=directory),
        Case('symlink loop to itself', REFUSED, setup=loop),
        Case('symlink loop of two', REFUSED, setup=loop2),
        Case('dangling symlink', REFUSED, setup=dangling_link),
        Case('FIFO', REFUSED, setup=fifo),
        Case('socket', REFUSED, setup=sock),
        Case('symlink to /dev/zero', REFUSED, setup=device('/dev/zero')),
        Case('symlink to /dev/urandom', REFUSED, setup=device('/dev/urandom')),
        Case('no keel.json', REFUSED, setup=missing),
    ]


# ---------------------------------------------------------------------------
# Running

def snapshot(folder):
    """What the folder holds: name → (type, sha256 or link target)."""
    state = {}
    for root, dirs, files in os.walk(folder, followlinks=False):
        for name in dirs + files:
            path = os.path.join(root, name)
            st = os.lstat(path)
            rel = os.path.relpath(path, folder)
            if os.path.islink(path):
                state[rel] = ('link', os.readlink(path))
            elif os.path.isfile(path):
                h = hashlib.sha256()
                with open(path, 'rb') as f:
                    for block in iter(lambda: f.read(1 << 20), b''):
                        h.update(block)
                state[rel] = ('file', h.hexdigest(), st.st_mode)
            else:
                state[rel] = ('other', st.st_mode)
    return state


def check(case, result, before, after):
    """Returns a list of complaints."""
    problems = []
    code = result.returncode
    out, err = result.stdout, result.stderr
    if code < 0:
        return [f'killed by signal {-code}: {err[-500:]}']
    if case.expect == LENIENT:
        want = (0, 1, 3)
    else:
        want = (1,) if case.expect == DANGLING else (3,)
    if code not in want:
        problems.append(f'exit {code}, expected {" or ".join(map(str, want))}')
    if len(err) > MAX_STDERR:
        problems.append(f'{len(err)} bytes on stderr')
    if before != after:
        problems.append('the folder changed')
    if case.expect == LENIENT:
        pass
    elif case.expect == DANGLING:
        for i in case.ids:
            if i not in out and i not in err:
                problems.append(f'the output does not name {i}')
    elif 'keel.json' not in err:
        problems.append('stderr does not name keel.json')
    elif case.expect == SYNTAX and not POSITION_RE.search(err):
        problems.append('stderr gives no line and column')
    elif case.expect == TYPE and not LINE_RE.search(err) and \
            not any(i and i in err for i in case.ids):
        problems.append('stderr gives neither a line nor the record id')
    return problems


def run_case(case, work, index):
    folder = os.path.join(work, f'case-{index:04d}')
    os.mkdir(folder)
    if case.setup:
        case.setup(folder)
    else:
        with open(os.path.join(folder, 'keel.json'), 'wb') as f:
            f.write(case.content)
    before = snapshot(folder)
    try:
        result = subprocess.run([CLI, '--workspace', folder, 'validate'],
                                capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
        result.stdout = result.stdout.decode('utf-8', 'replace')
        result.stderr = result.stderr.decode('utf-8', 'replace')
        problems = check(case, result, before, snapshot(folder))
        summary = result.stderr.strip().splitlines()[0][:160] if result.stderr.strip() else ''
        code = result.returncode
    except subprocess.TimeoutExpired:
        problems = [f'no answer within {TIMEOUT} s (hang)']
        summary = ''
        code = None
    shutil.rmtree(folder, ignore_errors=True)
    return problems, summary, code


def make_base(work):
    demo = os.path.join(work, 'demo')
    subprocess.run([CLI, '--today', '2026-03-31', '--workspace', demo, 'demo'],
                   check=True, capture_output=True)
    with open(os.path.join(demo, 'keel.json'), 'rb') as f:
        text = f.read()
    shutil.rmtree(demo)
    return text


def all_cases(base_text):
    base = json.loads(base_text)
    kinds = read_kinds()
    if len(kinds) < 20:
        raise SystemExit(f'hostile-files: found only {len(kinds)} record types in {SOURCE}/src/core')
    return (text_cases(base_text) + structure_cases(base) + type_cases(kinds, base)
            + deep_cases() + big_cases(base) + special_cases())


def every_field(kinds):
    """A small valid workspace: one record of each kind with every field set."""
    data = {'format': 'keel-workspace', 'version': 1}
    order = sorted((k for k in kinds.values() if k['collection']), key=lambda k: k['prefix'] != 'PER')
    for k in order:
        data[k['collection']] = [{'id': 'MR-2026-01' if k['prefix'] == 'MR' else f'{k["prefix"]}-1'}]
    for type_name, k in kinds.items():
        if k['collection']:
            data[k['collection']][0].update(valid_part(kinds, type_name, data))
    data['organisation'] = valid_part(kinds, 'keel_organisation', data)
    data['organisation']['name'] = 'Fuzz GmbH'
    data['people'].append({'id': 'PER-2', 'name': 'Two'})
    data['objectives'].append({'id': 'OBJ-2', 'title': 'Two', 'owner': 'PER-2', 'measure': 'm',
                               'target': 2, 'due': '2026-12-31'})
    return data


def write_seeds(target):
    """Seeds for the fuzzer: small valid workspaces, and small broken ones
    of each sort this script knows."""
    work = tempfile.mkdtemp(prefix='keel-seeds-')
    try:
        base_text = make_base(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    os.makedirs(target, exist_ok=True)
    kinds = read_kinds()
    small = every_field(kinds)
    small_text = dump(small)
    seeds = {
        'valid-demo.json': base_text,
        'valid-every-field.json': small_text,
        'valid-minimal.json': b'{"format": "keel-workspace", "version": 1}\n',
        'valid-unknown-members.json': dump({'format': 'keel-workspace', 'version': 1, 'x-app': {'a': [1, 2.5, None, True]},
                                            'people': [{'id': 'PER-1', 'name': 'A', 'x-note': 'kept'}]}),
        'valid-escapes.json': b'{"format": "keel-workspace", "version": 1, "people": [{"id": "PER-1", '
                              b'"name": "\\u00e9\\u0000\\ud83d\\ude00\\\\\\"\\/\\b\\f\\n\\r\\t"}]}\n',
        'edge-lone-surrogates.json': b'{"format": "keel-workspace", "version": 1, "people": [{"id": "PER-1", '
                                     b'"name": "\\ud800 \\udc00"}]}\n',
        'edge-numbers.json': b'{"format": "keel-workspace", "version": 1, "objectives": [{"id": "OBJ-1", '
                             b'"title": "n", "target": 1e308, "baseline": -0.0, "readings": [{"date": "2026-01-01", '
                             b'"value": 9223372036854775807}, {"date": "2026-02-01", "value": 1e-320}]}], '
                             b'"risks": [{"id": "RSK-1", "likelihood": 9223372036854775807, "impact": -9223372036854775808}]}\n',
        'edge-duplicate-keys.json': b'{"format": "keel-workspace", "version": 1, "version": 1, "people": '
                                    b'[{"id": "PER-1", "name": "a", "name": "b"}], "people": []}\n',
        'edge-nulls.json': b'{"format": "keel-workspace", "version": 1, "organisation": null, "people": null, '
                           b'"objectives": [{"id": "OBJ-1", "title": null, "readings": null}]}\n',
        'edge-leading-zeros.json': b'{"format": "keel-workspace", "version": 1, "people": [{"id": "PER-1", "name": "a"}, '
                                   b'{"id": "PER-01", "name": "b"}], "counters": {"PER": 0}}\n',
    }
    wanted = ('truncated at', 'truncated inside', 'invalid UTF-8 (overlong)', 'NUL in a string',
              'not JSON: trailing comma', 'not JSON: unterminated string',
              'not JSON, read anyway: two documents', 'not JSON, read anyway: unknown escape')
    picked = {}
    for case in text_cases(small_text) + structure_cases(small) + type_cases(kinds, small):
        if case.content is None or len(case.content) > 16384:
            continue
        group = case.name.split(' #')[0]
        if case.name.startswith(wanted) or case.expect in (DANGLING, FORMAT) or \
                case.name.startswith(('id ', 'duplicate', 'review id', 'counters', 'list ')) or \
                (case.expect == TYPE and case.name.startswith('type ') and '.' in group[5:]):
            picked.setdefault(case.expect + ':' + case.name.split()[0], []).append(case)
    for key, group in sorted(picked.items()):
        for case in group[::max(1, len(group) // 2)][:2]:
            slug = re.sub(r'[^a-z0-9]+', '-', case.name.lower()).strip('-')[:48]
            seeds[f'bad-{slug}.json'] = case.content
    seeds['bad-deep-nesting.json'] = b'{"format": "keel-workspace", "version": 1, "x": ' + b'[' * 70 + b']' * 70 + b'}'
    for name, content in seeds.items():
        with open(os.path.join(target, name), 'wb') as f:
            f.write(content)
    print(f'{len(seeds)} seeds written to {target}')


def main():
    if len(sys.argv) == 3 and sys.argv[1] == '--write-seeds':
        write_seeds(sys.argv[2])
        return 0
    if not CLI:
        raise SystemExit('hostile-files: set KEEL_CLI')
    sample = 1
    if len(sys.argv) == 3 and sys.argv[1] == '--sample':
        sample = max(1, int(sys.argv[2]))

    work = tempfile.mkdtemp(prefix='keel-hostile-')
    failures = 0
    lenient = 0
    counts = {}
    try:
        base_text = make_base(work)
        cases = all_cases(base_text)
        if sample > 1:
            typed = [c for c in cases if c.name.startswith('type ')]
            cases = [c for c in cases if not c.name.startswith('type ')] + typed[::sample]
            print(f'# every {sample}th of {len(typed)} wrong-type cases', flush=True)
        print(f'# {len(cases)} hostile workspaces', flush=True)
        for index, case in enumerate(cases, 1):
            problems, summary, code = run_case(case, work, index)
            counts[case.expect] = counts.get(case.expect, 0) + 1
            if problems:
                failures += 1
                print(f'not ok {index} - {case.name}: {"; ".join(problems)}')
                if summary:
                    print(f'#   stderr: {summary}')
            elif case.expect == LENIENT and code != 3:
                lenient += 1
                print(f'ok {index} - {case.name}: read without complaint (exit {code})')
            else:
                print(f'ok {index} - {case.name}')
                if summary and (index % 25 == 0 or case.name.startswith('100 MB')):
                    print(f'#   {summary}')
        print(f'1..{len(cases)}')
    finally:
        shutil.rmtree(work, ignore_errors=True)
    by_kind = ', '.join(f'{n} {k}' for k, n in sorted(counts.items()))
    print(f'# {len(cases)} hostile workspaces ({by_kind}): {len(cases) - failures} refused cleanly, '
          f'{failures} failed; {lenient} not-quite-JSON files read without complaint')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
