#!/bin/sh
# A real round trip with a hostile schema name: a PostgreSQL 15 database
# whose Kinto v26 schema (tests/e2e/kinto-v26.sql, flushed metadata) lives in
# a schema named with a quote, a double quote, a backslash, a newline, a
# shell substitution, a tab and a terminal escape is dumped by the real
# pg_dump; the tool's text, JSON and JUnit reports must keep the name
# harmless (and JSON exact), and its --sql fix, applied by psql, must insert
# exactly the version, created_at and permission rows into that schema's
# metadata and change nothing else. Skipped when no server can be started.
set -u
top=${KSD_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
: "${KSD:?set KSD to the binary under test}"
. "$top/tests/lib/pg.sh"
t=$(mktemp -d)
trap 'pg_stop; rm -rf "$t"' EXIT
fails=0
fail() {
	echo "hostile-name: $*"
	fails=$((fails + 1))
}
if ! pg_start "${KSD_PG_PORT:-54350}"; then
	echo "hostile-name: skipped ($pg_why)"
	exit 0
fi
sch=$(printf 'k"in\047to\\\n$(x)\033[31m\t;--')
printf '%s' "$sch" >"$t/name"
psql_q() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$@"; }
createdb kinto || exit 1
psql_q -v sch="$sch" -d kinto >/dev/null <<SQL || exit 1
CREATE SCHEMA :"sch";
SET search_path = :"sch";
\\i $top/tests/e2e/kinto-v26.sql
INSERT INTO objects (id, parent_id, resource_name, data, deleted)
    VALUES ('r1', '/buckets/b/collections/c', 'record', '{"t": 1}', false);
-- A bystander that the fix must leave alone.
CREATE TABLE public.notes (note text);
INSERT INTO public.notes VALUES (E'esc \\033[2J and a\\nnewline');
SQL
pg_dump -f "$t/before.sql" kinto || exit 1

# Text: no control byte but the newline ends a line, the name escaped.
"$KSD" "$t/before.sql" >"$t/text" 2>"$t/err"
rc=$?
[ "$rc" -eq 1 ] || fail "text report: exit $rc, expected 1: $(cat "$t/err")"
grep -q 'storage      version 26' "$t/text" || fail "text report: not version 26: $(head -5 "$t/text")"
python3 - "$t/text" <<'PY' || fail "text report is not terminal-safe"
import re, sys
data = open(sys.argv[1], 'rb').read()
bad = re.findall(rb'[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]', data)
if bad:
    print("hostile-name: control bytes in text output:", bad[:5])
    sys.exit(1)
if b'k"in\'to\\\\\\n$(x)\\x1b[31m\\t;--' not in data:
    print("hostile-name: escaped name missing:", data[:200])
    sys.exit(1)
PY

# JSON: every line parses and carries the name exactly.
"$KSD" --format json "$t/before.sql" >"$t/json" 2>"$t/err"
python3 - "$t/json" "$t/name" <<'PY' || fail "JSON report is wrong"
import json, sys
name = open(sys.argv[2], encoding='utf-8').read()
docs = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8') if l.strip()]
def names(o):
    if isinstance(o, dict):
        for k, v in o.items():
            if k == 'schema' and isinstance(v, str):
                yield v
            yield from names(v)
    elif isinstance(o, list):
        for v in o:
            yield from names(v)
found = [n for d in docs for n in names(d)]
if name not in found:
    print("hostile-name: JSON lacks the exact schema name; schemas:", found)
    sys.exit(1)
PY

# JUnit: no control byte, the name shown as the text report shows it (but
# for a backslash, kept), the testcase failing with the fix.
"$KSD" --format junit "$t/before.sql" >"$t/xml" 2>"$t/err"
python3 - "$t/xml" <<'PY' || fail "JUnit report is wrong"
import sys
import xml.etree.ElementTree as ET
raw = open(sys.argv[1], 'rb').read()
bad = [b for b in raw if b < 0x20 and b not in b'\n\t' or b == 0x7f]
if bad:
    print("hostile-name: control bytes in the JUnit XML:", bad[:5])
    sys.exit(1)
case = ET.fromstring(raw)[0][0]
want = 'schema k"in\'to\\\\n$(x)\\x1b[31m\\t;--'
failure = case.find('failure')
if case.get('name') != want or failure is None or 'INSERT INTO' not in failure.text:
    print("hostile-name: JUnit testcase", repr(case.get('name')), "is not", repr(want),
          "failing with the fix")
    sys.exit(1)
PY

# The fix, applied by psql, twice.
"$KSD" --sql "$t/before.sql" >"$t/fix.sql" 2>"$t/err"
rc=$?
[ "$rc" -eq 1 ] || fail "--sql: exit $rc, expected 1: $(cat "$t/err")"
psql_q -d kinto -f "$t/fix.sql" >"$t/psql.out" 2>&1 || fail "psql refused the fix: $(cat "$t/psql.out")"
pg_dump -f "$t/after.sql" kinto || exit 1
psql_q -d kinto -f "$t/fix.sql" >"$t/psql.out" 2>&1 || fail "psql refused the fix twice: $(cat "$t/psql.out")"
pg_dump -f "$t/again.sql" kinto || exit 1

# compare BEFORE AFTER AGAIN SCHEMA [DBMARK]: AFTER is BEFORE plus exactly the
# three rows in SCHEMA's metadata COPY block (after the \connect line holding
# DBMARK, for a pg_dumpall script), and AGAIN equals AFTER.
cat >"$t/compare.py" <<'PY'
import re, sys
def lines(p):
    # Recent pg_dump releases add a random \restrict key: not a change.
    return [l for l in open(p, encoding='utf-8').read().split('\n')
            if not l.startswith(('\\restrict', '\\unrestrict'))]
before, after, again = (lines(p) for p in sys.argv[1:4])
name = open(sys.argv[4], encoding='utf-8').read()
dbmark = sys.argv[5] if len(sys.argv) > 5 else None
if after != again:
    print("hostile-name: the second run of the fix changed the database")
    sys.exit(1)
# The lines the fix added, and where.
added, where, rest, i = [], [], [], 0
for k, l in enumerate(after):
    if i < len(before) and l == before[i]:
        rest.append(l)
        i += 1
    else:
        added.append(l)
        where.append(k)
if rest != before:
    print("hostile-name: the fix removed or changed lines:", [l for l in before if l not in after][:5])
    sys.exit(1)
keys = sorted(l.split('\t')[0] for l in added)
if keys != ['created_at', 'permission_schema_version', 'storage_schema_version'] or \
        'storage_schema_version\t26' not in added or 'permission_schema_version\t2' not in added:
    print("hostile-name: unexpected added lines:", added)
    sys.exit(1)
if not re.fullmatch(r'created_at\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?\+00',
                    [l for l in added if l.startswith('created_at')][0]):
    print("hostile-name: created_at is not a timestamptz text:", added)
    sys.exit(1)
# They sit in that schema's metadata block, in that database.
ident = name if re.fullmatch(r'[a-z_][a-z0-9_]*', name) else '"' + name.replace('"', '""') + '"'
header = 'COPY ' + ident + '.metadata (name, value) FROM stdin;'
text = '\n'.join(after)
starts = [k for k in range(len(after)) if '\n'.join(after[k:]).startswith(header)] \
    if '\n' in header else [k for k, l in enumerate(after) if l == header]
for k in where:
    head = max([s for s in starts if s < k], default=None)
    if head is None or any(after[j] == '\\.' for j in range(head, k)):
        print("hostile-name: row", after[k], "is not in the metadata block of", repr(name))
        sys.exit(1)
    if dbmark:
        conn = [j for j in range(k) if after[j].startswith('\\connect')]
        if not conn or dbmark not in after[conn[-1]]:
            print("hostile-name: row", after[k], "is not in the database marked", dbmark)
            sys.exit(1)
PY
python3 "$t/compare.py" "$t/before.sql" "$t/after.sql" "$t/again.sql" "$t/name" ||
	fail "the fix did not do exactly the intended insert"

# The same through pg_dumpall, for a second database with a hostile name
# (no line break: the fix then cannot \connect) whose Kinto schema is public.
db=$(printf 'h"o\047st\\ile \033[1m kdb')
printf 'public' >"$t/public"
createdb "$db" || exit 1
psql_q -d "$db" -f "$top/tests/e2e/kinto-v26.sql" >/dev/null || exit 1
pg_dumpall --no-role-passwords -f "$t/cluster-before.sql" || exit 1
"$KSD" --sql "$t/cluster-before.sql" >"$t/fix.sql" 2>"$t/err"
rc=$?
[ "$rc" -eq 1 ] || fail "pg_dumpall --sql: exit $rc, expected 1: $(cat "$t/err")"
grep -q '^\\connect ' "$t/fix.sql" || fail "pg_dumpall --sql: no \\connect line"
for run in after again; do
	psql_q -d postgres -f "$t/fix.sql" >"$t/psql.out" 2>&1 ||
		fail "psql refused the pg_dumpall fix: $(cat "$t/psql.out")"
	pg_dumpall --no-role-passwords -f "$t/cluster-$run.sql" || exit 1
done
python3 "$t/compare.py" "$t/cluster-before.sql" "$t/cluster-after.sql" \
	"$t/cluster-again.sql" "$t/public" kdb || fail "the pg_dumpall fix did not do exactly the intended insert"

# A schema name holding an overlong UTF-8 form (C0 AF, which a lax decoder
# reads as "/") comes from no UTF-8 database: the dump is hostile, or not
# UTF-8. The fix keeps those bytes as they are, as it keeps every byte that is
# not UTF-8: a UTF-8 server refuses the script, and it never names the
# schema "k/to" that a decoded escape would.
createdb overlong || exit 1
psql_q -d overlong >/dev/null <<SQL || exit 1
CREATE SCHEMA "kXto";
SET search_path = "kXto";
\\i $top/tests/e2e/kinto-v26.sql
SQL
pg_dump -f "$t/overlong-src.sql" overlong || exit 1
python3 - "$t/overlong-src.sql" "$t/overlong.sql" <<'PY' || exit 1
import sys
src = open(sys.argv[1], 'rb').read()
out = src.replace(b'kXto', b'k\xc0\xafto')
assert out != src
open(sys.argv[2], 'wb').write(out)
PY
psql_q -d overlong -c 'CREATE SCHEMA "k/to"' -c 'CREATE TABLE "k/to".metadata (name text, value text)' || exit 1
"$KSD" --sql "$t/overlong.sql" >"$t/fix.sql" 2>"$t/err"
rc=$?
[ "$rc" -eq 1 ] || fail "overlong --sql: exit $rc, expected 1: $(cat "$t/err")"
grep -aqF "$(printf 'INSERT INTO "k\300\257to".metadata')" "$t/fix.sql" ||
	fail "overlong --sql: the schema is not named by its own bytes: $(grep -a -m1 INSERT "$t/fix.sql")"
psql_q -d overlong -f "$t/fix.sql" >"$t/psql.out" 2>&1 &&
	fail "overlong --sql: a UTF-8 server took the script: $(cat "$t/psql.out")"
rows=$(psql -X -At -d overlong -c 'SELECT count(*) FROM "k/to".metadata')
[ "$rows" = 0 ] || fail "overlong --sql: the fix wrote $rows rows into schema k/to"

# The repaired database is consistent.
"$KSD" "$t/after.sql" >"$t/text" 2>"$t/err"
rc=$?
[ "$rc" -eq 0 ] || fail "after the fix: exit $rc, expected 0: $(head -8 "$t/text") $(cat "$t/err")"
[ "$fails" -eq 0 ] && echo "hostile-name: fix applied to a real PostgreSQL $(pg_dump --version | awk '{print $3}') as intended"
[ "$fails" -eq 0 ]
