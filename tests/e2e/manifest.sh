#!/bin/sh
# Every dump of the corpus against its truth in testdata/manifest.tsv: the
# tool's JSON objects are matched to manifest lines by (database, schema) and
# must agree on status, metadata, the storage and permission versions and,
# for a hybrid, the history (origin, assumed version, steps run, failed step).
# Dumps the tool rejects with "not supported yet" count as expected failures
# and are listed; anything else that disagrees fails the test.
set -u
top=${KSD_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
manifest=$top/testdata/manifest.tsv
[ -f "$manifest" ] || {
	echo "manifest: no testdata/manifest.tsv (run make testdata)"
	exit 1
}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT

# One run per file: exit status, stdout, stderr side by side in $t/runs/N.
mkdir "$t/runs"
n=0
tail -n +2 "$manifest" | cut -f1 | uniq | while IFS= read -r file; do
	n=$((n + 1))
	# KSD_SAMPLE=N checks every Nth file only (slow runs: valgrind).
	[ $((n % ${KSD_SAMPLE:-1})) -eq 0 ] || continue
	"$KSD" --format json "$top/testdata/$file" >"$t/runs/$n.out" 2>"$t/runs/$n.err"
	echo "$?" >"$t/runs/$n.rc"
	printf '%s\n' "$file" >"$t/runs/$n.file"
done

python3 - "$manifest" "$t/runs" <<'PY'
import json, os, sys

manifest, runs = sys.argv[1], sys.argv[2]
# Versions no schema tells apart: the tool may record the lowest of them.
LOOKALIKES = [{1, 2}, {10, 11, 12}]

lines = {}
with open(manifest) as f:
    header = f.readline().rstrip('\n').split('\t')
    for row in f:
        e = dict(zip(header, row.rstrip('\n').split('\t')))
        lines.setdefault(e['file'], []).append(e)

passed, failed, expected = 0, 0, []

def key_of(e):
    return (None if e['database'] == '-' else e['database'],
            None if e['schema'] == '-' else e['schema'])

def check_backend(e, name, obj):
    truth = e[name]
    if truth == '-':
        return []
    # "11/10-11": version 11, and the rows narrow the candidates to 10..11.
    truth, _, exact = truth.partition('/')
    truth = int(truth)
    b = obj.get(name)
    if not b:
        return ['%s: none reported, expected %d' % (name, truth)]
    errs = []
    cands = b.get('candidates') or []
    if truth not in cands:
        errs.append('%s: %d not among candidates %s' % (name, truth, cands))
    if exact:
        low, high = (int(x) for x in exact.split('-'))
        if cands != list(range(low, high + 1)):
            errs.append('%s: candidates %s, expected %s' % (name, cands, exact))
    if e['status'] in ('ok', 'fix-needed'):
        v = b.get('version')
        alike = any(truth in g for g in LOOKALIKES)
        if v != truth and not (alike and cands and v == min(cands)):
            errs.append('%s: version %s, expected %d' % (name, v, truth))
    return errs

def check_history(e, obj):
    """The history column, ORIGIN:ASSUMED:APPLIED:FAILED or '-', against
    the JSON history object (null or absent for '-')."""
    h = obj.get('history')
    if e['history'] == '-':
        return [] if h is None else ['history: %s, expected none' % json.dumps(h)]
    origin, assumed, applied, failed = e['history'].split(':')
    origin = int(origin)
    if not isinstance(h, dict):
        return ['history: %s, expected %s'
                % ('none reported' if h is None else json.dumps(h), e['history'])]
    errs = []
    o = h.get('origin') if isinstance(h.get('origin'), dict) else {}
    cands = o.get('candidates') or []
    if origin not in cands:
        errs.append('history: origin %d not among candidates %s' % (origin, cands))
    v = o.get('version')
    if v != origin and not (v is None and len(cands) > 1):
        errs.append('history: origin version %s, expected %d' % (v, origin))
    want = {'assumed': int(assumed),
            'applied': [int(k) for k in applied.split(',')] if applied else [],
            'failed': None if failed == '-' else int(failed)}
    for name in ('assumed', 'applied', 'failed'):
        if h.get(name) != want[name]:
            errs.append('history: %s %s, expected %s'
                        % (name, json.dumps(h.get(name)), json.dumps(want[name])))
    return errs

for run in sorted((r for r in os.listdir(runs) if r.endswith('.file')),
                 key=lambda r: int(r[:-5])):
    base = os.path.join(runs, run[:-5])
    file = open(base + '.file').read().rstrip('\n')
    rc = int(open(base + '.rc').read())
    err = open(base + '.err').read()
    want = lines[file]
    if rc == 4 and 'not supported yet' in err:
        why = err.strip().split(': ')[-1]
        expected += [(why, file)] * len(want)
        continue
    objs = {}
    try:
        for l in open(base + '.out'):
            if l.strip():
                o = json.loads(l)
                objs[(o.get('database'), o.get('schema'))] = o
    except ValueError as x:
        print('manifest: %s: bad JSON (%s), exit %d: %s' % (file, x, rc, err.strip()))
        failed += len(want)
        continue
    for e in want:
        k = key_of(e)
        o = objs.pop(k, None)
        where = '%s [%s/%s]' % (file, k[0] or '-', k[1] or '-')
        if o is None:
            print('manifest: %s: no instance reported (exit %d) %s' % (where, rc, err.strip()))
            failed += 1
            continue
        errs = []
        if o.get('status') != e['status']:
            errs.append('status %s, expected %s' % (o.get('status'), e['status']))
        if e['metadata'] != '-' and o.get('metadata') != e['metadata']:
            errs.append('metadata %s, expected %s' % (o.get('metadata'), e['metadata']))
        if e['schema'] != '-':
            errs += check_backend(e, 'storage', o)
            errs += check_backend(e, 'permission', o)
        errs += check_history(e, o)
        if errs:
            print('manifest: %s: %s' % (where, '; '.join(errs)))
            failed += 1
        else:
            passed += 1
    for k in objs:
        print('manifest: %s: unexpected instance %s/%s' % (file, k[0] or '-', k[1] or '-'))
        failed += 1

print('manifest: %d passed, %d failed, %d expected failures' % (passed, failed, len(expected)))
if expected:
    by_why = {}
    for why, file in expected:
        if file not in by_why.setdefault(why, []):
            by_why[why].append(file)
    for why in sorted(by_why):
        print('manifest: expected failures, %s (%d files): %s'
              % (why, len(by_why[why]), ' '.join(by_why[why])))
sys.exit(1 if failed else 0)
PY
