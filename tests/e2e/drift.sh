#!/bin/sh
# Drift over the whole corpus: every dump of testdata/manifest.tsv reports
# exactly the drift testdata/drift.tsv gives it (none for all but the drift-*
# dumps), in JSON (`drift`, `other_tables`) and by name under --explain; an
# index in the way of 023->024 shows in what Kinto would do.
set -u
top=${KSD_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT

# Runs are numbered by the files kept (every KSD_SAMPLE-th), as the check
# below reads them back.
n=0 k=0
tail -n +2 "$top/testdata/manifest.tsv" | cut -f1 | uniq | while IFS= read -r file; do
	n=$((n + 1))
	[ $((n % ${KSD_SAMPLE:-1})) -eq 0 ] || continue
	k=$((k + 1))
	printf '%s\n' "$file" >>"$t/files"
	"$KSD" --format json "$top/testdata/$file" >"$t/$k.json" 2>/dev/null
	"$KSD" --explain --color=never "$top/testdata/$file" >"$t/$k.txt" 2>/dev/null
done

python3 - "$top/testdata/drift.tsv" "$t" <<'PY'
import json, os, sys

truth_file, runs = sys.argv[1], sys.argv[2]
truth = {}
with open(truth_file) as f:
    f.readline()
    for row in f:
        file, kind, name, table, what = row.rstrip('\n').split('\t')
        truth.setdefault(file, set()).add((kind, name, None if table == '-' else table, what))

files = open(os.path.join(runs, 'files')).read().split('\n')[:-1]
passed = failed = 0
seen = set()
for n, file in enumerate(files, 1):
    seen.add(file)
    got = set()
    try:
        for line in open(os.path.join(runs, '%d.json' % n)):
            o = json.loads(line)
            if 'drift' not in o:
                continue
            got |= {(d['kind'], d['name'], d['table'], d['what']) for d in o['drift']}
            got |= {('table', name, None, 'not-kinto') for name in o['other_tables']}
    except ValueError as x:
        print('drift: %s: bad JSON (%s)' % (file, x))
        failed += 1
        continue
    want = truth.get(file, set())
    errs = ['%s %s %s%s' % (w, k, nm, ' on %s' % tb if tb else '')
            for k, nm, tb, w in sorted(got - want, key=str)]
    errs = ['reported ' + e for e in errs]
    errs += ['not reported: %s %s %s' % (w, k, nm) for k, nm, tb, w in sorted(want - got, key=str)]
    text = open(os.path.join(runs, '%d.txt' % n)).read()
    errs += ['--explain does not name %s' % nm for k, nm, tb, w in want if nm not in text]
    if not want and '\ndrift ' in text:
        errs.append('--explain has a drift line')
    if 'named-like-024' in file and '023->024 fails because ' \
            'idx_objects_history_userid_and_resourcename already exists' not in text:
        errs.append('Kinto would not fail at 023->024')
    if errs:
        print('drift: %s: %s' % (file, '; '.join(errs)))
        failed += 1
    else:
        passed += 1
for file in sorted(set(truth) - seen):
    if os.environ.get('KSD_SAMPLE', '1') == '1':
        print('drift: %s: in drift.tsv, not in the manifest' % file)
        failed += 1
print('drift: %d passed, %d failed' % (passed, failed))
sys.exit(1 if failed else 0)
PY
