#!/usr/bin/python3
# test-keel-cli.py
#
# Copyright 2026 The Keel authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end tests of keel-cli: run the real binary ($KEEL_CLI) in temporary
# folders and check its exit status, its output and the files it writes,
# independently of the C code (hashes with hashlib, recurrences expanded
# here, references resolved here). Prints TAP.

import calendar
import datetime
import hashlib
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import traceback

KEEL_CLI = os.environ.get('KEEL_CLI')
SOURCE_DIR = os.environ.get('KEEL_SOURCE_DIR', '')

# What the demo must hold at least (the brief of the demo company)
MINIMUM_COUNTS = {
    'people': 12,
    'policies': 3,
    'objectives': 5,
    'communications': 3,
    'reviews': 3,
    'actions': 4,
    'roles': 10,
    'resources': 4,
    'training': 10,
    'improvements': 3,
    'processes': 4,
    'audits': 2,
    'evidence': 5,
    'risks': 6,
    'context': 3,
    'interested_parties': 3,
    'dispatches': 1,
}

ID_PATTERN = re.compile(r'^(?:MR-\d{4}-\d{2}|[A-Z]{2,4}-\d+)$')


class Skip(Exception):
    pass


def run(*args, env=None, workspace=None, today=None):
    """Runs keel-cli; returns (status, stdout, stderr)."""
    command = [KEEL_CLI]
    if workspace is not None:
        command += ['--workspace', str(workspace)]
    if today is not None:
        command += ['--today', today]
    command += list(args)
    full_env = dict(os.environ)
    full_env.pop('KEEL_TODAY', None)
    full_env.pop('KEEL_WORKSPACE', None)
    if env:
        full_env.update(env)
    proc = subprocess.run(command, capture_output=True, text=True, env=full_env, timeout=60)
    return proc.returncode, proc.stdout, proc.stderr


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def expect_status(result, status, what):
    code, out, err = result
    check(code == status,
          f'{what}: exit status {code}, expected {status}\nstdout: {out}\nstderr: {err}')


def parse_date(text):
    return datetime.date.fromisoformat(text[:10])


def add_months(day, months):
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def sha256_of(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def tree_digest(folder):
    """Every file below folder (but backups/) with its hash, sorted."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != 'backups')
        for name in sorted(files):
            path = os.path.join(root, name)
            found.append((os.path.relpath(path, folder), sha256_of(path)))
    return found


class Demo:
    """A demo workspace written once per --today and shared by the tests."""
    cache = {}

    @classmethod
    def get(cls, tmp, today):
        if today not in cls.cache:
            folder = os.path.join(tmp, f'demo-{today}')
            result = run('demo', workspace=folder, today=today)
            expect_status(result, 0, f'demo --today {today}')
            with open(os.path.join(folder, 'keel.json'), encoding='utf-8') as f:
                data = json.load(f)
            cls.cache[today] = (folder, data)
        return cls.cache[today]


# ---------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------

def test_version(tmp):
    code, out, err = run('--version')
    check(code == 0, f'--version: exit {code}: {err}')
    check(re.fullmatch(r'keel-cli \d+\.\d+\.\d+\n', out), f'--version printed {out!r}')
    meson_build = os.path.join(SOURCE_DIR, 'meson.build')
    if os.path.exists(meson_build):
        with open(meson_build, encoding='utf-8') as f:
            version = re.search(r"version:\s*'([^']+)'", f.read()).group(1)
        check(out.strip() == f'keel-cli {version}', f'{out.strip()} is not version {version}')


def test_usage_errors(tmp):
    folder = os.path.join(tmp, 'usage')

    code, out, err = run(workspace=folder)
    check(code == 2, f'no command: exit {code}')
    check('no command' in err, f'no command: stderr does not say so: {err}')

    code, out, err = run('frobnicate', workspace=folder)
    check(code == 2, f'unknown command: exit {code}')
    check('frobnicate' in err, f'unknown command not named: {err}')

    for bad in ['2026-02-30', 'tomorrow', '2026-3-5', '']:
        code, out, err = run('validate', workspace=folder, today=bad)
        check(code == 2, f'--today {bad!r}: exit {code}, expected 2')
        check('--today' in err, f'--today {bad!r}: message does not name the option: {err}')

    code, out, err = run('validate', workspace=folder, env={'KEEL_TODAY': 'next week'})
    check(code == 2, f'bad KEEL_TODAY: exit {code}, expected 2')
    check('next week' in err, f'bad KEEL_TODAY: value not named: {err}')

    code, out, err = run('demo', 'extra', workspace=folder)
    check(code == 2, f'demo with an extra argument: exit {code}')
    check(not os.path.exists(folder), 'a usage error created the workspace folder')

    code, out, err = run('validate', '--no-such-option', workspace=folder)
    check(code == 2, f'unknown option: exit {code}')


def test_today_option_and_environment(tmp):
    by_option = os.path.join(tmp, 'today-option')
    by_env = os.path.join(tmp, 'today-env')
    both = os.path.join(tmp, 'today-both')

    expect_status(run('demo', workspace=by_option, today='2026-03-15'), 0, 'demo --today')
    expect_status(run('demo', workspace=by_env, env={'KEEL_TODAY': '2026-03-15'}), 0, 'demo KEEL_TODAY')
    # --today wins over KEEL_TODAY
    expect_status(run('demo', workspace=both, today='2026-03-15', env={'KEEL_TODAY': '2027-01-10'}),
                  0, 'demo --today with KEEL_TODAY')

    reference = sha256_of(os.path.join(by_option, 'keel.json'))
    check(sha256_of(os.path.join(by_env, 'keel.json')) == reference,
          'KEEL_TODAY=2026-03-15 and --today 2026-03-15 wrote different workspaces')
    check(sha256_of(os.path.join(both, 'keel.json')) == reference,
          '--today did not take precedence over KEEL_TODAY')

    # And KEEL_WORKSPACE stands in for --workspace
    from_env = os.path.join(tmp, 'workspace-env')
    code, out, err = run('demo', today='2026-03-15', env={'KEEL_WORKSPACE': from_env})
    check(code == 0, f'demo with KEEL_WORKSPACE: exit {code}: {err}')
    check(sha256_of(os.path.join(from_env, 'keel.json')) == reference,
          'KEEL_WORKSPACE demo differs from --workspace demo')


def test_demo_validates(tmp):
    folder, data = Demo.get(tmp, '2026-03-15')

    code, out, err = run('validate', workspace=folder, today='2026-03-15')
    check(code == 0, f'validate: exit {code}\n{out}\n{err}')
    check(re.search(r'^0 errors, \d+ warnings?$', out, re.M), f'validate does not report 0 errors:\n{out}')

    printed = dict((m.group(1), int(m.group(2)))
                   for m in re.finditer(r'^\s+([a-z_]+)\s+(\d+)$', out, re.M))
    for collection, minimum in MINIMUM_COUNTS.items():
        check(collection in printed, f'validate prints no count for {collection}')
        check(printed[collection] == len(data[collection]),
              f'{collection}: validate says {printed[collection]}, keel.json holds {len(data[collection])}')
        check(printed[collection] >= minimum,
              f'{collection}: the demo has {printed[collection]}, expected at least {minimum}')

    code, out, err = run('validate', '--json', workspace=folder, today='2026-03-15')
    check(code == 0, f'validate --json: exit {code}: {err}')
    report = json.loads(out)
    check(report['counts'] == printed, f'--json counts {report["counts"]} differ from the text {printed}')
    errors = [p for p in report['problems'] if p['level'] == 'error']
    check(not errors, f'validate --json reports errors: {errors}')

    org = data['organisation']
    check(org.get('size_profile') == 'scaleup', 'the demo company is not a scaleup')
    for key in ('name', 'scope', 'strategy'):
        check(org.get(key), f'organisation.{key} is empty')


def test_references_resolve(tmp):
    """Every string shaped like an id names a record, checked here without
    the C code's field tables."""
    folder, data = Demo.get(tmp, '2026-03-15')
    ids = set()
    for key, value in data.items():
        if isinstance(value, list):
            for record in value:
                if isinstance(record, dict) and 'id' in record:
                    check(record['id'] not in ids, f'duplicate id {record["id"]}')
                    ids.add(record['id'])

    dangling = []

    def walk(node, where):
        if isinstance(node, dict):
            for k, v in node.items():
                if k != 'id':
                    walk(v, f'{where}.{k}')
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f'{where}[{i}]')
        elif isinstance(node, str) and ID_PATTERN.match(node) and node not in ids:
            dangling.append((where, node))

    for key, value in data.items():
        if key != 'counters':
            walk(value, key)
    check(not dangling, f'references to missing records: {dangling}')

    # The demo links records to each other: people own things
    owners = [r.get('owner') for kind in ('policies', 'objectives', 'actions', 'risks', 'processes')
              for r in data[kind]]
    n_refs = sum(1 for o in owners if o in ids)
    check(n_refs >= 20, f'only {n_refs} owners set')

    # The people
    people = {p['id']: p for p in data['people']}
    top = [p for p in people.values() if p.get('top_management')]
    check(len(top) >= 3, f'{len(top)} top managers, expected a CEO and two more')
    check(any('Chief Executive' in p.get('job_title', '') for p in top), 'no CEO among top management')
    check(sum(1 for p in people.values() if p.get('review_team')) >= 3, 'no review team')
    for p in people.values():
        for key in ('name', 'email', 'job_title', 'department'):
            check(p.get(key), f'{p["id"]} has no {key}')


def test_policies_and_reviews(tmp):
    today = datetime.date(2026, 3, 15)
    folder, data = Demo.get(tmp, today.isoformat())
    people = {p['id']: p for p in data['people']}
    ceo = next(p['id'] for p in data['people'] if 'Chief Executive' in p['job_title'])

    isp = next(p for p in data['policies'] if p['title'] == 'Information Security Policy')
    versions = [v['version'] for v in isp['versions']]
    check(versions == ['1.0', '1.1', '2.0'], f'security policy versions {versions}')
    dates = [parse_date(v['date']) for v in isp['versions']]
    check(dates == sorted(dates), 'versions not in date order')
    check(700 <= (dates[-1] - dates[0]).days <= 1000, 'versions do not span about two and a half years')
    for v in isp['versions']:
        check(v['approval']['by'] == ceo, f'version {v["version"]} not approved by the CEO')
        check(parse_date(v['approval']['on']) >= parse_date(v['date']), 'approved before written')
    check(isp.get('evidence'), 'the security policy has no evidence')

    topics = [p for p in data['policies'] if p is not isp]
    check(2 <= len(topics) <= 3, f'{len(topics)} topic policies')

    reviews = data['reviews']
    past = [r for r in reviews if r['status'] in ('held', 'signed-off')]
    planned = [r for r in reviews if r['status'] == 'planned']
    check(len(past) >= 2 and len(planned) == 1, f'reviews: {[(r["id"], r["status"]) for r in reviews]}')
    for r in past:
        check(re.fullmatch(r'MR-\d{4}-\d{2}', r['id']), f'review id {r["id"]}')
        check(r['id'][3:7] == r['start'][:4], f'{r["id"]} does not carry the year of {r["start"]}')
        check(parse_date(r['start']) < today, f'{r["id"]} is not in the past')
        check(r['chair'] == ceo, f'{r["id"]} not chaired by the CEO')
        check([a.get('input') for a in r['agenda']] == list('abcdefg'),
              f'{r["id"]} agenda does not follow the seven Clause 9.3.2 inputs')
        check(all(a.get('minutes') for a in r['agenda']), f'{r["id"]} has items without minutes')
        check(len(r.get('attendees', [])) >= 3, f'{r["id"]} has too few attendees')
        check(r.get('decisions'), f'{r["id"]} has no decisions')
    check(any(r['status'] == 'signed-off' and r.get('sign_off', {}).get('by') == ceo for r in past),
          'no review signed off by the CEO')

    actions = data['actions']
    review_ids = {r['id'] for r in reviews}
    check(all(a.get('source') in review_ids for a in actions), 'an action without its review')
    check(sum(1 for a in actions if a['status'] == 'done' and a.get('closed_on')) >= 2, 'too few done actions')
    overdue = [a for a in actions if a['status'] not in ('done', 'cancelled') and parse_date(a['due']) < today]
    check(len(overdue) == 1, f'expected one open overdue action, found {overdue}')

    risks = data['risks']
    acceptances = [d for r in risks if r.get('treatment') == 'accept' for d in r.get('decisions', [])]
    check(len(acceptances) >= 1 and acceptances[0]['by'] == ceo, 'no risk acceptance decided by the CEO')

    resources = data['resources']
    check(all(r.get('approved_by') == ceo for r in resources), 'a budget line not approved by the CEO')
    check(any(r.get('currency') == 'EUR' for r in resources), 'no EUR budget')
    check({r['category'] for r in resources} >= {'tool', 'budget', 'people', 'time'},
          'the budget lacks tools, training, people or time')

    audits = data['audits']
    check(any(a['result'] == 'minor-findings' and parse_date(a['planned']) < today for a in audits),
          'no past internal audit with minor findings')
    check(any(a['result'] == 'planned' and parse_date(a['planned']) > today for a in audits),
          'no planned audit')

    kinds = {i['kind'] for i in data['improvements']}
    check(kinds == {'incident', 'nonconformity', 'improvement'}, f'improvement kinds {kinds}')
    scopes = {c['scope'] for c in data['context']}
    check(scopes == {'internal', 'external'}, f'context scopes {scopes}')
    check(all(len(p.get('feedback', [])) >= 1 for p in data['interested_parties']),
          'an interested party without feedback')
    check(parse_date(data['dispatches'][0]['sent_at']) < today, 'the dispatch is not in the past')


def test_objectives_and_training(tmp):
    today = datetime.date(2026, 3, 15)
    folder, data = Demo.get(tmp, today.isoformat())

    objectives = data['objectives']
    check(len(objectives) == 5, f'{len(objectives)} objectives')
    for o in objectives:
        for key in ('title', 'measure', 'unit', 'direction', 'baseline', 'target', 'cadence', 'start',
                    'due', 'status'):
            check(key in o, f'{o["id"]} has no {key}')
        readings = o.get('readings', [])
        expected = 12 if o['cadence'] == 'monthly' else 4
        check(len(readings) == expected, f'{o["id"]}: {len(readings)} readings for a {o["cadence"]} cadence')
        days = [parse_date(r['date']) for r in readings]
        check(days == sorted(days) and days[-1] < today, f'{o["id"]}: readings out of order or in the future')
        check((days[-1] - days[0]).days >= 250, f'{o["id"]}: readings do not cover a year')
        first, last = readings[0]['value'], readings[-1]['value']
        if o['direction'] == 'lower':
            check(last < first, f'{o["id"]}: lower is better but the trend rises ({first} → {last})')
        else:
            check(last > first, f'{o["id"]}: higher is better but the trend falls ({first} → {last})')

    training = data['training']
    expiry = [parse_date(t['expires_on']) for t in training if 'expires_on' in t]
    expired = [d for d in expiry if d < today]
    soon = [d for d in expiry if today <= d <= today + datetime.timedelta(days=45)]
    check(len(expired) == 1, f'{len(expired)} expired training records, expected one')
    check(len(soon) >= 2, f'{len(soon)} training records expiring soon')
    trained = {t['person'] for t in training if 'data protection' in t['course']}
    check(len(trained) >= len(data['people']) * 2 // 3, 'most people lack basic training')


def test_dates_follow_today(tmp):
    for today_text in ('2026-03-15', '2027-01-10'):
        today = datetime.date.fromisoformat(today_text)
        folder, data = Demo.get(tmp, today_text)

        planned = [r for r in data['reviews'] if r['status'] == 'planned']
        check(len(planned) == 1, f'{today_text}: {len(planned)} planned reviews')
        start = parse_date(planned[0]['start'])
        check(today < start <= today + datetime.timedelta(days=35),
              f'{today_text}: the planned review on {start} is not a few weeks ahead')
        check(planned[0]['id'] == f'MR-{start.year}-{int(planned[0]["id"][-2:]):02d}',
              f'{today_text}: planned review id {planned[0]["id"]}')

        held = sorted(parse_date(r['start']) for r in data['reviews'] if r['status'] != 'planned')
        check(all(d < today for d in held), f'{today_text}: a held review lies in the future')
        check(today - held[0] <= datetime.timedelta(days=400),
              f'{today_text}: the oldest review is more than a year old')

        for o in data['objectives']:
            check(parse_date(o['due']) > today, f'{today_text}: {o["id"]} is already due')

    a = Demo.get(tmp, '2026-03-15')[1]
    b = Demo.get(tmp, '2027-01-10')[1]
    shift = (datetime.date(2027, 1, 10) - datetime.date(2026, 3, 15)).days
    moved = (parse_date(b['policies'][0]['next_review']) - parse_date(a['policies'][0]['next_review'])).days
    check(abs(moved - shift) <= 3, f'policy review moved by {moved} days, today by {shift}')
    check(a != b, 'the demo does not change with --today')


def test_byte_identical(tmp):
    for today in ('2026-03-15', '2027-01-10'):
        first = os.path.join(tmp, f'same-{today}-1')
        second = os.path.join(tmp, f'same-{today}-2')
        expect_status(run('demo', workspace=first, today=today), 0, 'demo (first run)')
        expect_status(run('demo', workspace=second, today=today), 0, 'demo (second run)')
        with open(os.path.join(first, 'keel.json'), 'rb') as f1, \
             open(os.path.join(second, 'keel.json'), 'rb') as f2:
            check(f1.read() == f2.read(), f'{today}: two runs wrote different keel.json')
        check(tree_digest(first) == tree_digest(second), f'{today}: two runs wrote different evidence')
    check(sha256_of(os.path.join(tmp, 'same-2026-03-15-1', 'keel.json')) !=
          sha256_of(os.path.join(tmp, 'same-2027-01-10-1', 'keel.json')),
          'different days wrote the same keel.json')


def test_evidence_files(tmp):
    folder, data = Demo.get(tmp, '2026-03-15')
    ids = {r['id'] for kind in data.values() if isinstance(kind, list) for r in kind
           if isinstance(r, dict) and 'id' in r}
    evidence = data['evidence']
    check(5 <= len(evidence) <= 8, f'{len(evidence)} evidence items')

    referenced = set()
    for item in evidence:
        f = item.get('file')
        check(f, f'{item["id"]} has no file')
        path = os.path.join(folder, f['path'])
        check(os.path.isfile(path), f'{item["id"]}: {f["path"]} does not exist')
        digest = sha256_of(path)
        check(digest == f['sha256'], f'{item["id"]}: file hash {digest} ≠ recorded {f["sha256"]}')
        check(os.path.getsize(path) == f['size'], f'{item["id"]}: size differs')
        ext = os.path.splitext(f['name'])[1].lower()
        check(f['path'] == f'evidence/{digest[:2]}/{digest}{ext}', f'{item["id"]}: path {f["path"]}')
        check(0 < f['size'] < 64 * 1024, f'{item["id"]}: {f["size"]} bytes is not a small file')
        check(f.get('media_type'), f'{item["id"]}: no media type')
        check(item.get('links') and all(l in ids for l in item['links']), f'{item["id"]}: links {item.get("links")}')
        check(item.get('clauses'), f'{item["id"]}: no clauses')
        referenced.add(f['path'])

    on_disk = {os.path.relpath(os.path.join(root, n), folder)
               for root, dirs, files in os.walk(os.path.join(folder, 'evidence')) for n in files}
    check(on_disk == referenced, f'evidence folder and records disagree: {on_disk ^ referenced}')

    types = {os.path.splitext(e['file']['name'])[1].lower() for e in evidence}
    check({'.pdf', '.csv', '.md', '.txt'} <= types, f'evidence file types {types}')

    # Records point at their evidence
    pointed = set()
    for kind in ('policies', 'objectives', 'training'):
        for r in data[kind]:
            pointed.update(r.get('evidence', []))
    for c in data['communications']:
        for d in c.get('deliveries', []):
            pointed.update(d.get('evidence', []))
    check(len(pointed) >= 4, f'only {sorted(pointed)} referenced from records')

    pdf = next(e for e in evidence if e['file']['name'].endswith('.pdf'))
    with open(os.path.join(folder, pdf['file']['path']), 'rb') as f:
        body = f.read()
    check(body.startswith(b'%PDF-1.4') and body.rstrip().endswith(b'%%EOF'), 'the PDF is not a PDF')
    xref = int(re.search(rb'startxref\s+(\d+)', body).group(1))
    check(body[xref:xref + 4] == b'xref', 'the PDF startxref does not point at its xref table')


def test_pdf_readable(tmp):
    if shutil.which('pdftotext') is None:
        raise Skip('pdftotext (poppler-utils) is not installed')
    folder, data = Demo.get(tmp, '2026-03-15')
    pdf = next(e for e in data['evidence'] if e['file']['name'].endswith('.pdf'))
    proc = subprocess.run(['pdftotext', os.path.join(folder, pdf['file']['path']), '-'],
                          capture_output=True, text=True, timeout=30)
    check(proc.returncode == 0, f'pdftotext failed: {proc.stderr}')
    check('Information Security Policy' in proc.stdout and 'approved by' in proc.stdout,
          f'the PDF text is not the policy: {proc.stdout[:200]}')
    check(not proc.stderr.strip(), f'pdftotext complained: {proc.stderr}')


def test_deliberate_gaps(tmp):
    for today_text in ('2026-03-15', '2027-01-10'):
        today = datetime.date.fromisoformat(today_text)
        folder, data = Demo.get(tmp, today_text)

        ownerless = [o['id'] for o in data['objectives'] if not o.get('owner')]
        check(len(ownerless) == 1, f'{today_text}: objectives without owner: {ownerless}')

        overdue = [p for p in data['policies'] if parse_date(p['next_review']) < today]
        check(len(overdue) == 1, f'{today_text}: {len(overdue)} policies overdue for review')
        last_approval = max(parse_date(v['approval']['on']) for v in overdue[0]['versions'])
        months = (today - last_approval).days / 30.44
        check(13 <= months <= 15, f'{today_text}: the overdue policy was approved {months:.1f} months ago')

        missed = []
        for c in data['communications']:
            rec = c['recurrence']
            start = parse_date(rec['start'])
            step = {'monthly': 1, 'yearly': 12}.get(rec['frequency'])
            occurrences = [start]
            if step:
                n = 1
                while add_months(start, step * rec.get('interval', 1) * n) < today:
                    occurrences.append(add_months(start, step * rec.get('interval', 1) * n))
                    n += 1
            delivered = [parse_date(d['date']) for d in c.get('deliveries', [])]
            for when in occurrences:
                if when < today and not any(abs((d - when).days) <= 10 for d in delivered):
                    missed.append((c['id'], when))
        check(len(missed) == 1, f'{today_text}: missed deliveries {missed}, expected exactly one')
        check((today - missed[0][1]).days > 30, f'{today_text}: the missed delivery is too recent to be a gap')

        frequencies = {(c['recurrence']['frequency'], c['recurrence'].get('interval')) for c in data['communications']}
        check(('monthly', 3) in frequencies and ('yearly', 1) in frequencies and ('monthly', 1) in frequencies,
              f'{today_text}: communication rhythms {frequencies}')

        # The validator sees the ownerless objective as a warning, not an error
        code, out, err = run('validate', '--json', workspace=folder, today=today_text)
        report = json.loads(out)
        check(any(p['id'] == ownerless[0] and p['field'] == 'owner' for p in report['problems']),
              f'{today_text}: validate does not mention the missing owner')


def test_demo_refuses_non_empty(tmp):
    folder = os.path.join(tmp, 'not-empty')
    os.makedirs(folder)
    notes = os.path.join(folder, 'notes.txt')
    with open(notes, 'w') as f:
        f.write('my own notes\n')
    before = (sha256_of(notes), os.stat(notes).st_mtime_ns)

    code, out, err = run('demo', workspace=folder, today='2026-03-15')
    check(code == 1, f'demo into a non-empty folder: exit {code}')
    check(folder in err, f'the message does not name the folder: {err}')
    check((sha256_of(notes), os.stat(notes).st_mtime_ns) == before, 'the existing file was touched')
    check(sorted(os.listdir(folder)) == ['notes.txt'], f'demo wrote into a non-empty folder: {os.listdir(folder)}')

    # A folder that already holds a workspace is refused too
    existing, _ = Demo.get(tmp, '2026-03-15')
    digest = tree_digest(existing)
    code, out, err = run('demo', workspace=existing, today='2027-01-10')
    check(code == 1, f'demo over a workspace: exit {code}')
    check(tree_digest(existing) == digest, 'demo changed an existing workspace')


def test_demo_unwritable(tmp):
    blocker = os.path.join(tmp, 'a-regular-file')
    with open(blocker, 'w') as f:
        f.write('not a folder\n')
    folder = os.path.join(blocker, 'workspace')

    code, out, err = run('demo', workspace=folder, today='2026-03-15')
    check(code == 1, f'demo below a regular file: exit {code}')
    check(folder in err, f'the message does not name the folder: {err}')
    check('Traceback' not in err and 'CRITICAL' not in err and 'WARNING' not in err,
          f'not a clean failure: {err}')
    with open(blocker) as f:
        check(f.read() == 'not a folder\n', 'the blocking file was changed')

    # An empty existing folder is fine
    empty = os.path.join(tmp, 'empty-folder')
    os.makedirs(empty)
    expect_status(run('demo', workspace=empty, today='2026-03-15'), 0, 'demo into an empty folder')
    check(os.path.isfile(os.path.join(empty, 'keel.json')), 'no keel.json in the empty folder')
    check(not [n for n in os.listdir(empty) if n.startswith('.keel-write-test')], 'write probe left behind')


def test_validate_only_reads(tmp):
    folder = os.path.join(tmp, 'read-only')
    expect_status(run('demo', workspace=folder, today='2026-03-15'), 0, 'demo')
    path = os.path.join(folder, 'keel.json')
    past = 1_600_000_000
    os.utime(path, (past, past))
    before = (sha256_of(path), os.stat(path).st_mtime_ns, tree_digest(folder), sorted(os.listdir(folder)))

    for args in (('validate',), ('validate', '--json')):
        for today in ('2026-03-15', '2027-01-10'):
            code, out, err = run(*args, workspace=folder, today=today)
            check(code == 0, f'{" ".join(args)}: exit {code}: {err}')
    after = (sha256_of(path), os.stat(path).st_mtime_ns, tree_digest(folder), sorted(os.listdir(folder)))
    check(after == before, 'validate changed the workspace')

    # Even when the folder may not be written at all (not as root: root writes anyway)
    if os.geteuid() != 0:
        os.chmod(folder, stat.S_IRUSR | stat.S_IXUSR)
        try:
            expect_status(run('validate', workspace=folder, today='2026-03-15'), 0, 'validate read-only')
        finally:
            os.chmod(folder, stat.S_IRWXU)


def test_unreadable(tmp):
    # Missing keel.json
    empty = os.path.join(tmp, 'no-workspace')
    os.makedirs(empty)
    code, out, err = run('validate', workspace=empty)
    check(code == 3, f'missing keel.json: exit {code}')
    check('keel.json' in err, f'missing keel.json not named: {err}')
    check(os.listdir(empty) == [], 'validate created files in an empty folder')

    # A folder that does not exist
    code, out, err = run('validate', workspace=os.path.join(tmp, 'nowhere'))
    check(code == 3, f'missing folder: exit {code}')
    check(not os.path.exists(os.path.join(tmp, 'nowhere')), 'validate created the folder')

    # Malformed JSON: named, with where it broke, and left alone
    broken = os.path.join(tmp, 'broken')
    os.makedirs(broken)
    path = os.path.join(broken, 'keel.json')
    text = '{\n  "format": "keel-workspace",\n  "version": 1,\n  "people": [\n    {"id": "PER-1",, }\n  ]\n}\n'
    with open(path, 'w') as f:
        f.write(text)
    for args in (('validate',), ('validate', '--json')):
        code, out, err = run(*args, workspace=broken)
        check(code == 3, f'malformed keel.json ({" ".join(args)}): exit {code}')
        check('keel.json' in err, f'malformed keel.json not named: {err}')
        check(not out.strip() or args[-1] != '--json', f'--json printed a result for unreadable data: {out}')
    with open(path) as f:
        check(f.read() == text, 'the malformed file was changed')
    check(sorted(os.listdir(broken)) == ['keel.json'], f'files appeared: {os.listdir(broken)}')

    # JSON, but not a workspace
    other = os.path.join(tmp, 'other-json')
    os.makedirs(other)
    with open(os.path.join(other, 'keel.json'), 'w') as f:
        f.write('[1, 2, 3]\n')
    code, out, err = run('validate', workspace=other)
    check(code == 3, f'non-workspace JSON: exit {code}')
    check('keel.json' in err, f'non-workspace JSON not named: {err}')


def keel_style_json(value, depth=0):
    """keel.json's layout written independently of Keel: two-space indents,
    UTF-8 kept, only what JSON must escape escaped, numbers in their
    shortest exact form, whole numbers below 1e15 written out."""
    pad = '\n' + '  ' * (depth + 1)
    if isinstance(value, dict):
        if not value:
            return '{}'
        items = [pad + json.dumps(k, ensure_ascii=False) + ': ' + keel_style_json(v, depth + 1)
                 for k, v in value.items()]
        return '{' + ','.join(items) + '\n' + '  ' * depth + '}'
    if isinstance(value, list):
        if not value:
            return '[]'
        return '[' + ','.join(pad + keel_style_json(v, depth + 1) for v in value) + \
            '\n' + '  ' * depth + ']'
    if isinstance(value, float):
        if value == int(value) and abs(value) < 1e15:
            return str(int(value))
        text = repr(value)
        mantissa, _, exponent = text.partition('e')
        if exponent:
            sign = '-' if exponent.startswith('-') else '+'
            text = f'{mantissa}e{sign}{int(exponent.lstrip("+-")):02d}'
        return text
    return json.dumps(value, ensure_ascii=False)


def strict_pairs(pairs):
    names = [k for k, _ in pairs]
    if len(names) != len(set(names)):
        raise ValueError(f'a name twice in one object: {names}')
    return dict(pairs)


def refuse_constant(name):
    raise ValueError(f'{name} is not JSON')


def test_json_oracle(tmp):
    # What Keel writes, Python's json reads strictly (no name twice, no
    # NaN), and laid out by Python the same way gives the same bytes
    for today in ('2026-03-15', '2027-01-10'):
        folder, _ = Demo.get(tmp, today)
        with open(os.path.join(folder, 'keel.json'), 'rb') as f:
            raw = f.read()
        text = raw.decode('utf-8')
        data = json.loads(text, object_pairs_hook=strict_pairs, parse_constant=refuse_constant)
        check(isinstance(data, dict) and data.get('format') == 'keel-workspace',
              f'{today}: not a workspace')
        again = keel_style_json(data) + '\n'
        if again != text:
            at = next(i for i, (a, b) in enumerate(zip(again, text)) if a != b)
            check(False, f'{today}: Keel and Python lay out keel.json differently at byte {at}: '
                         f'{text[max(0, at - 60):at + 60]!r} / {again[max(0, at - 60):at + 60]!r}')


# What a terminal would act on rather than show: C0 (newlines too), DEL, C1,
# and the bidi overrides and isolates
UNSAFE = re.compile('[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]')


def test_output_escaped(tmp):
    # A value that would forge a line of output, clear the screen, start an
    # OSC title and reverse the rest of the line, if printed as it is
    hostile = 'PER-9\n0 errors, 0 warnings\r\x1b[2J\x1b]0;owned\x07\x7f\x9b31m\u202e\u2066'
    folder = os.path.join(tmp, 'hostile-output')
    os.makedirs(folder)
    workspace = {
        'format': 'keel-workspace',
        'version': 1,
        'objectives': [{'id': 'OBJ-1', 'title': 'T', 'owner': hostile}],
    }
    with open(os.path.join(folder, 'keel.json'), 'w') as f:
        json.dump(workspace, f)

    code, out, err = run('validate', workspace=folder)
    check(code == 1, f'a dangling reference: exit {code}')
    check(not UNSAFE.search(out.replace('\n', '')), f'raw control characters printed: {out!r}')
    check(not UNSAFE.search(err.replace('\n', '')), f'raw control characters on stderr: {err!r}')
    lines = out.splitlines()
    check(lines[-1] == '1 error, 4 warnings', f'summary line: {lines[-1]!r}')
    check(not any(line.startswith('0 errors') for line in lines), f'a value forged a line: {out!r}')
    check('\\n0 errors' in out and '\\x1b[2J' in out and '\\u202e' in out and '\\x9b' in out,
          f'the value is not shown escaped: {out!r}')

    # --json keeps the value, escaped by JSON, and prints nothing raw
    code, out, err = run('validate', '--json', workspace=folder)
    check(code == 1, f'--json: exit {code}')
    check(not UNSAFE.search(out.replace('\n', '')), f'--json printed raw control characters: {out!r}')
    problems = json.loads(out)['problems']
    check(any(hostile in p['message'] for p in problems), f'--json lost the value: {problems!r}')

    # An error that quotes a value (here an id that is not one)
    workspace['objectives'][0] = {'id': 'OBJ-1\n0 errors\x1b[31m\u202e'}
    with open(os.path.join(folder, 'keel.json'), 'w') as f:
        json.dump(workspace, f)
    for args in (('validate',), ('validate', '--json')):
        code, out, err = run(*args, workspace=folder)
        check(code == 3, f'{" ".join(args)}: a bad id: exit {code}')
        check(len(err.splitlines()) == 1, f'the error spans lines: {err!r}')
        check(not UNSAFE.search(err.rstrip('\n')), f'raw control characters in the error: {err!r}')


TESTS = [
    test_version,
    test_usage_errors,
    test_today_option_and_environment,
    test_demo_validates,
    test_references_resolve,
    test_policies_and_reviews,
    test_objectives_and_training,
    test_dates_follow_today,
    test_byte_identical,
    test_evidence_files,
    test_pdf_readable,
    test_deliberate_gaps,
    test_demo_refuses_non_empty,
    test_demo_unwritable,
    test_validate_only_reads,
    test_unreadable,
    test_output_escaped,
    test_json_oracle,
]


def main():
    if not KEEL_CLI or not os.access(KEEL_CLI, os.X_OK):
        print('1..0 # SKIP KEEL_CLI is not set to the keel-cli binary')
        return 77

    selected = [t for t in TESTS if len(sys.argv) < 2 or t.__name__ in sys.argv[1:]]
    print(f'1..{len(selected)}')
    failed = 0
    with tempfile.TemporaryDirectory(prefix='keel-cli-test-') as tmp:
        for n, test in enumerate(selected, 1):
            name = test.__name__[len('test_'):].replace('_', '-')
            try:
                test(tmp)
            except Skip as e:
                print(f'ok {n} - {name} # SKIP {e}')
            except Exception:
                failed += 1
                print(f'not ok {n} - {name}')
                for line in traceback.format_exc().splitlines():
                    print(f'# {line}')
            else:
                print(f'ok {n} - {name}')
            sys.stdout.flush()
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
