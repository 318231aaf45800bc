#!/bin/sh
# --format=junit: the JUnit XML of every corpus dump (testdata/manifest.tsv,
# testdata/archive, testdata/restore) in one document is well-formed
# (xmllint), its tests / failures / errors counts add up at every level, and
# each testcase carries the verdict of the matching --format=json object: a
# fix-needed failure holds the JSON's fix, an undetermined one its reason.
# Then unreadable and cut dumps (error testcases), standard input, a hostile
# file name, and the options it does not go with. KSD_SAMPLE=N takes every
# Nth corpus file only (slow binaries).
set -u
top=${KSD_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
: "${KSD:?set KSD to the binary under test}"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fails=0
fail() {
	echo "junit: $*"
	fails=$((fails + 1))
}
command -v xmllint >/dev/null 2>&1 || {
	echo "junit: xmllint is missing (scripts/install-deps installs libxml2-utils)"
	exit 1
}

# The corpus, one path a line; "$@" holds it for the runs.
{
	tail -n +2 "$top/testdata/manifest.tsv" | cut -f1 | uniq | sed "s|^|$top/testdata/|"
	ls -d "$top"/testdata/archive/* "$top"/testdata/restore/*
} | awk -v n="${KSD_SAMPLE:-1}" 'NR % n == 0' >"$t/files"
set --
while IFS= read -r f; do set -- "$@" "$f"; done <"$t/files"
"$KSD" --quiet --format=junit "$@" >"$t/all.xml" 2>"$t/junit.err"
rc_junit=$?
"$KSD" --quiet --format=json "$@" >"$t/all.jsonl" 2>"$t/json.err"
rc_json=$?
[ "$rc_junit" -eq "$rc_json" ] || fail "corpus: exit $rc_junit with junit, $rc_json with json"
cmp -s "$t/junit.err" "$t/json.err" || fail "corpus: stderr differs from json's: $(diff "$t/junit.err" "$t/json.err" | head -4)"
xmllint --noout "$t/all.xml" 2>"$t/lint" || fail "corpus: not well-formed: $(head -3 "$t/lint")"

# check.py XML [JSONL]: the structure and counts; with JSONL, the verdicts
# and fixes against it (unreadable inputs have an error testcase and no JSON).
cat >"$t/check.py" <<'PY'
import json, sys
import xml.etree.ElementTree as ET

root = ET.parse(sys.argv[1]).getroot()
errs = []
def err(*a):
    errs.append(' '.join(str(x) for x in a))

if root.tag != 'testsuites':
    err('root is', root.tag)
total = {'tests': 0, 'failures': 0, 'errors': 0}
for suite in root:
    if suite.tag != 'testsuite':
        err('child of testsuites:', suite.tag)
        continue
    cases = list(suite)
    count = {'tests': len(cases),
             'failures': sum(1 for c in cases for x in c if x.tag == 'failure'),
             'errors': sum(1 for c in cases for x in c if x.tag == 'error')}
    for k, v in count.items():
        total[k] += v
        if suite.get(k) != str(v):
            err(suite.get('name'), k, suite.get(k), 'but', v, 'testcases say so')
    if suite.get('skipped') != '0':
        err(suite.get('name'), 'skipped', suite.get('skipped'))
    for c in cases:
        if c.tag != 'testcase' or not c.get('name') or c.get('classname') != suite.get('name'):
            err(suite.get('name'), 'bad testcase', c.tag, c.attrib)
        for x in c:
            if x.tag in ('failure', 'error') and not (x.get('type') and x.get('message')):
                err(suite.get('name'), c.get('name'), x.tag, 'lacks type or message')
for k, v in total.items():
    if root.get(k) != str(v):
        err('testsuites', k, root.get(k), 'but the suites hold', v)

if len(sys.argv) > 2:
    objs = [json.loads(l) for l in open(sys.argv[2], encoding='utf-8') if l.strip()]
    cases = [(s.get('name'), c) for s in root for c in s if c.get('name') != 'read']
    if len(cases) != len(objs):
        err(len(cases), 'instance testcases,', len(objs), 'JSON objects')
    verdicts = {}
    for (suite, c), o in zip(cases, objs):
        where = '%s [%s]' % (suite, c.get('name'))
        if suite != o['input']:
            err(where, 'is in order where JSON has', o['input'])
            continue
        want = ('Kinto instance' if o['schema'] is None else
                ('database %s, schema %s' % (o['database'], o['schema']) if o['database']
                 else 'schema %s' % o['schema']))
        if c.get('name') != want:
            err(where, 'is not named', repr(want))
        f = c.find('failure')
        got = 'ok' if f is None else f.get('type')
        verdicts[got] = verdicts.get(got, 0) + 1
        if got != o['status']:
            err(where, 'says', got, 'where JSON says', o['status'])
        elif got == 'fix-needed' and (f.text or '') != o['fix']:
            err(where, 'failure text is not the fix')
        elif got == 'undetermined' and o['reason'] and o['reason'] not in f.get('message'):
            err(where, 'message', repr(f.get('message')), 'lacks the reason', repr(o['reason']))
        if o['schema'] is not None and c.find('system-out') is None:
            err(where, 'has no system-out')
    print('junit: %d testcases agree with JSON: %s' % (len(objs), ', '.join(
        '%d %s' % (n, v) for v, n in sorted(verdicts.items()))))
for e in errs[:20]:
    print('junit:', e)
sys.exit(1 if errs else 0)
PY
python3 "$t/check.py" "$t/all.xml" "$t/all.jsonl" || fail "corpus: the report does not agree with itself or with JSON"

# expect STATUS NAME ARGS...: a run's exit status, a well-formed document
# whose counts add up, kept as $t/NAME.xml.
expect() {
	want=$1 name=$2
	shift 2
	"$KSD" --format=junit "$@" >"$t/$name.xml" 2>"$t/$name.err"
	rc=$?
	[ "$rc" -eq "$want" ] || fail "$name: exit $rc, expected $want: $(cat "$t/$name.err")"
	xmllint --noout "$t/$name.xml" 2>"$t/lint" || fail "$name: not well-formed: $(head -3 "$t/lint")"
	python3 "$t/check.py" "$t/$name.xml" || fail "$name: counts do not add up"
}
demo=$top/testdata/demo/flushed-v17.sql
fresh=$top/testdata/pg15/fresh-v008.sql

# A missing file is an error testcase; the others keep their verdicts.
expect 4 missing "$fresh" "$t/no such.sql" "$demo"
grep -q '<testsuites name="kinto-schema-doctor" tests="3" failures="1" errors="1">' "$t/missing.xml" ||
	fail "missing: totals: $(sed -n 2p "$t/missing.xml")"
grep -q '<error type="unreadable" message="unreadable (exit 4): .*no such.sql.*cannot open' "$t/missing.xml" ||
	fail "missing: no unreadable error: $(grep -A2 'no such' "$t/missing.xml")"

# A cut dump: the error (partial) first, then what was read.
size=$(wc -c <"$fresh")
head -c $((size * 2 / 3)) "$fresh" >"$t/cut.sql"
expect 4 cut "$t/cut.sql"
python3 - "$t/cut.xml" <<'PY' || fail "cut: not an error testcase then an instance"
import sys
import xml.etree.ElementTree as ET
cases = list(ET.parse(sys.argv[1]).getroot()[0])
kinds = [(c.get('name'), [x.tag for x in c if x.tag != 'system-out']) for c in cases]
assert kinds[0] == ('read', ['error']) and cases[0][0].get('type') == 'partial', kinds
assert len(kinds) == 2 and kinds[1][0] == 'schema public', kinds
PY

# Standard input is the suite "(stdin)".
expect 1 stdin - <"$demo"
grep -q '<testsuite name="(stdin)" tests="1" failures="1" errors="0" skipped="0">' "$t/stdin.xml" ||
	fail "stdin: $(sed -n 3p "$t/stdin.xml")"

# A hostile file name: markup, quotes, a backslash, ESC, a newline, a tab,
# invalid UTF-8. The names parse back to the text report's visible form.
hostile=$(printf '%s/a<b&c"d\047e\\f\033[31m\ng\th\377.sql' "$t")
cp "$demo" "$hostile"
expect 1 hostile "$hostile"
python3 - "$t/hostile.xml" "$t" <<'PY' || fail "hostile: the file name is not shown safely"
import sys
import xml.etree.ElementTree as ET
raw = open(sys.argv[1], 'rb').read()
assert not any(b < 0x20 and b not in b'\n\t' for b in raw), 'a control byte in the XML'
raw.decode('utf-8')
want = sys.argv[2] + '/a<b&c"d\'e\\f\\x1b[31m\\ng\\th\\xff.sql'
suite = ET.fromstring(raw)[0]
assert suite.get('name') == want, (suite.get('name'), want)
assert suite[0].get('file') == want and suite[0].get('classname') == want
PY

# Not with --sql or --list (usage errors), and an unknown format names junit.
for opts in "--sql" "--list" "--toc"; do
	"$KSD" --format=junit $opts "$demo" >"$t/out" 2>"$t/err"
	rc=$?
	[ "$rc" -eq 3 ] && grep -q "do not go together" "$t/err" ||
		fail "--format=junit $opts: exit $rc: $(cat "$t/err")"
	[ -s "$t/out" ] && fail "--format=junit $opts wrote to stdout"
done
"$KSD" --format=xml "$demo" 2>&1 | grep -q "(text, json or junit)" ||
	fail "--format=xml does not name junit"

[ "$fails" -eq 0 ]
