#!/bin/sh
# The JSON `timeline` of the pg_dump 15 plain corpus against how each
# database was built (testdata/manifest.tsv and the README's scenarios): a
# migrated chain is an install at version 1 then the steps 2..N in order; a
# fresh install is one event at its version; a flushed database starts with
# a flush; a hybrid's guess, wrong-base steps and failing step are the
# manifest's history; every timeline ends with the dump.
set -u
top=${KSD_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
python3 - "$KSD" "$top/testdata" <<'PY'
import json, os, re, subprocess, sys

ksd, testdata = sys.argv[1:3]
failed = checked = 0

def fail(msg):
    global failed
    failed += 1
    print('timeline: ' + msg)

with open(os.path.join(testdata, 'manifest.tsv')) as f:
    head = f.readline().rstrip('\n').split('\t')
    rows = [dict(zip(head, l.rstrip('\n').split('\t'))) for l in f]
# The pg_dump 15 plain dumps of one database with a Kinto schema.
rows = [e for e in rows if re.fullmatch(r'pg15/[a-z0-9-]+\.sql', e['file']) and
        e['database'] == '-' and e['schema'] != '-']
# KSD_SAMPLE=N checks every Nth of them only (slow runs: valgrind).
sample = int(os.environ.get('KSD_SAMPLE', '1'))
for e in rows[sample - 1::sample]:
    name = e['file']
    base = os.path.basename(name)[:-4]
    out = subprocess.run([ksd, '--format=json', os.path.join(testdata, name)],
                         capture_output=True, text=True).stdout.splitlines()
    objs = [json.loads(l) for l in out]
    obj = next((o for o in objs if o.get('schema') == e['schema']), None)
    if not obj or not isinstance(obj.get('timeline'), list):
        fail('%s: no timeline' % name)
        continue
    tl = obj['timeline']
    kinds = [ev['event'] for ev in tl]
    checked += 1
    if kinds[-1:] != ['dump']:
        fail('%s: does not end with the dump: %s' % (name, kinds))
    m = re.fullmatch(r'mig-v(\d+)', base)
    if m:
        n = int(m.group(1))
        steps = [ev['version'] for ev in tl if ev['event'] == 'step']
        # Version 1 writes created_at only: a chain not yet begun looks fresh.
        if kinds[0] != 'install' or (tl[0]['fresh'] and n > 1) or steps != list(range(2, n + 1)) \
                or tl[0]['time'] is None:
            fail('%s: expected install at 1 with created_at, steps 2..%d: %s' % (name, n, kinds))
    m = re.fullmatch(r'fresh-v(\d+)', base)
    if m and (kinds != ['install', 'dump'] or not tl[0]['fresh']
              or tl[0]['version'] != int(m.group(1)) or tl[0]['time'] is None):
        fail('%s: expected a fresh install of %s: %s' % (name, m.group(1), json.dumps(tl)))
    if re.fullmatch(r'mig-v\d+-flushed', base) and 'flush' not in kinds:
        fail('%s: no flush' % name)
    if e['history'] != '-':
        origin, assumed, applied, fails = e['history'].split(':')
        guess = [ev['version'] for ev in tl if ev['event'] == 'guess']
        wrong = [ev['version'] for ev in tl if ev['event'] == 'step' and ev['wrong_base']]
        failing = [ev['version'] for ev in tl if ev['event'] == 'fails']
        if guess != [int(assumed)] or wrong != [int(x) for x in applied.split(',')] or \
                failing != ([] if fails == '-' else [int(fails)]):
            fail('%s: history %s, timeline %s' % (name, e['history'], json.dumps(tl)))
print('timeline: %d pg_dump 15 plain dumps checked' % checked)
sys.exit(1 if failed else 0)
PY
