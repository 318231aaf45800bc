#!/bin/sh
# The `restore` advice against what the real releases did: every line of
# testdata/restore-check.tsv (written by testdata/restore-check with
# pg_restore and psql 13, 14, 15, 17, 18 and 19) must be what the tool's JSON
# `restore` object predicts for that release: restorable as it is, the
# release at or above min_version (or the first release of its major that
# `releases` lists), not among `except`, and where a server was restored
# into, a server from server_min to server_max. Then a live check with the PostgreSQL 15 pg_restore installed
# here (KSD_PGBIN), which CI has: each archive of the table, read again now.
set -u
top=${KSD_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
pgbin=${KSD_PGBIN:-/usr/lib/postgresql/15/bin}
python3 - "$KSD" "$top/testdata" "$pgbin/pg_restore" <<'PY'
import json, os, re, subprocess, sys

ksd, testdata, live = sys.argv[1:4]
failed = 0

def fail(msg):
    global failed
    failed += 1
    print('restore: ' + msg)

def parse(v):
    """(major, minor): 13.16 -> ((13,), 16), 9.3.22 -> ((9, 3), 22), 19rc1 -> ((19,), 0)."""
    p = [int(re.match(r'[0-9]*', x).group() or 0) for x in v.split('.')]
    if p[0] >= 10:
        return (p[0],), p[1] if len(p) > 1 else 0
    return (p[0], p[1]), p[2] if len(p) > 2 else 0

def meets(r, release):
    major, minor = parse(release)
    if r['min_version'] is None:
        return True
    if major < parse(r['min_version'])[0]:
        return False
    firsts = [parse(x) for x in r['releases']]
    for m, first in firsts:
        if m == major:
            return minor >= first
    return not firsts or major > max(m for m, _ in firsts)

def predict(r, program, release, server):
    if r['program'] != program or not r['restorable'] or not meets(r, release):
        return 'fail'
    if parse(release)[0] in [parse(x)[0] for x in r['except']]:
        return 'fail'
    if server != '-' and r['server_min'] and parse(server)[0] < parse(r['server_min'])[0]:
        return 'fail'
    if server != '-' and r['server_max'] and parse(server)[0] > parse(r['server_max'])[0]:
        return 'fail'
    return 'ok'

advice = {}
def restore_of(f):
    if f not in advice:
        out = subprocess.run([ksd, '--format=json', os.path.join(testdata, f)],
                             capture_output=True, text=True).stdout.splitlines()
        advice[f] = json.loads(out[0]).get('restore') if out else None
    return advice[f]

rows = []
with open(os.path.join(testdata, 'restore-check.tsv')) as t:
    head = t.readline().rstrip('\n').split('\t')
    rows = [dict(zip(head, line.rstrip('\n').split('\t'))) for line in t]
for row in rows:
    r = restore_of(row['file'])
    if not isinstance(r, dict):
        fail('%s: no restore object' % row['file'])
        continue
    want = predict(r, row['program'], row['release'], row['server'])
    if want != row['outcome']:
        fail('%s: %s %s: the advice predicts %s, the release did %s (%s)'
             % (row['file'], row['program'], row['release'], want, row['outcome'],
                row['detail']))

# What bounds the server, in every form: pg_dump 19's extended statistics
# (a 19 server, or pg_restore 19 --no-statistics for an archive) and a dump
# that sets standard_conforming_strings off (18 at most); nothing else is
# bounded above.
bounded = {'pg15/mig-v17-std-strings-off.' + x: 'off' for x in ('sql', 'dump')}
bounded.update({'pg19/fresh-v026-statistics.' + x: 'stats' for x in ('sql', 'dump', 'tar', 'dir')})
for f in sorted(bounded.keys() | {row['file'] for row in rows}):
    if not os.path.exists(os.path.join(testdata, f)):
        continue
    r = restore_of(f)
    if not isinstance(r, dict):
        continue
    needs = ' '.join(r['needs'])
    kind = bounded.get(f)
    if kind == 'off' and (r['server_max'] != '18' or 'standard_conforming_strings off' not in needs):
        fail('%s: sets standard_conforming_strings off, the advice says %s' % (f, r))
    elif kind == 'stats' and (r['server_min'] != '19' or 'pg_restore_extended_stats' not in needs
                              or (r['program'] == 'pg_restore')
                              != ('pg_restore 19 --no-statistics' in needs)):
        fail('%s: extended statistics, the advice says %s' % (f, r))
    elif kind is None and r['server_max'] is not None:
        fail('%s: no server bound above expected, the advice says %s' % (f, r))

releases = sorted({r['release'] for r in rows}, key=parse)
print('restore: %d outcomes of %s checked' % (len(rows), ', '.join(releases)))

# Live: this machine's pg_restore over the table's archives.
if os.access(live, os.X_OK):
    v = subprocess.run([live, '--version'], capture_output=True, text=True).stdout
    release = v.split(')')[1].split()[0]
    n = 0
    for f in sorted({r['file'] for r in rows if r['program'] == 'pg_restore'}):
        p = subprocess.run([live, '-f', os.devnull, os.path.join(testdata, f)],
                           capture_output=True, text=True)
        did = 'ok' if p.returncode == 0 else 'fail'
        want = predict(restore_of(f), 'pg_restore', release, '-')
        n += 1
        if did != want:
            fail('%s: live pg_restore %s did %s, the advice predicts %s (%s)'
                 % (f, release, did, want, p.stderr.strip()[:160]))
    print('restore: %d archives read live by pg_restore %s' % (n, release))
else:
    print('restore: no pg_restore at %s, the live check is skipped' % live)
sys.exit(1 if failed else 0)
PY
