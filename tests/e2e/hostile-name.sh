#!/bin/sh
# A real round trip with a hostile schema name: a PostgreSQL 15 database
# whose Kinto v26 schema (tests/e2e/kinto-v26.sql, flushed metadata) lives in
# a schema named with a quote, a double quote, a backslash, a newline, a
# shell substitution, a tab and a terminal escape is dumped by the real
# pg_dump; the tool's text and JSON reports must keep the name harmless and
# exact, and its --sql fix, applied by psql, must insert exactly the version,
# created_at and permission rows into that schema's metadata and change
# nothing else. Skipped when no server can be started.
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

# The fix, applied by psql, twice.
"$KSD" --sql "$t/before.sql" >"$t/fix.sql" 2>"$t/err"
rc=$?
[ "$rc" -eq 1 ] || fail "--sql: exit $rc, expected 1: $(cat "$t/err")"
psql_q -d kinto -f "$t/fix.sql" >"$t/psql.out" 2>&1 || fail "psql refused the fix: $(cat "$t/psql.out")"
pg_dump -f "$t/after.sql" kinto || exit 1
psql_q -d kinto -f "$t/fix.sql" >"$t/psql.out" 2>&1 || fail "psql refused the fix twice: $(cat "$t/psql.out")"
pg_dump -f "$t/again.sql" kinto || exit 1

python3 - "$t/before.sql" "$t/after.sql" "$t/again.sql" "$t/name" <<'PY' || fail "the fix did not do exactly the intended insert"
import re, sys
def lines(p):
    # Recent pg_dump releases add a random \restrict key: not a change.
    return [l for l in open(p, encoding='utf-8').read().split('\n')
            if not l.startswith(('\\restrict', '\\unrestrict'))]
before, after, again = (lines(p) for p in sys.argv[1:4])
name = open(sys.argv[4], encoding='utf-8').read()
if after != again:
    print("hostile-name: the second run of the fix changed the database")
    sys.exit(1)
# The rows the fix added: lines of `after` not in `before`, in place.
added, rest, i = [], [], 0
for l in after:
    if i < len(before) and l == before[i]:
        rest.append(l)
        i += 1
    else:
        added.append(l)
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
# They sit in that schema's metadata block, and nowhere else.
quoted = '"' + name.replace('"', '""') + '".metadata'
text = '\n'.join(after)
head = text.find('COPY ' + quoted + ' (name, value) FROM stdin;\n')
end = text.find('\n\\.\n', head)
block = text[head:end]
if head < 0 or any(l not in block.split('\n') for l in added):
    print("hostile-name: the rows are not in the hostile schema's metadata block")
    sys.exit(1)
PY

# The repaired database is consistent.
"$KSD" "$t/after.sql" >"$t/text" 2>"$t/err"
rc=$?
[ "$rc" -eq 0 ] || fail "after the fix: exit $rc, expected 0: $(head -8 "$t/text") $(cat "$t/err")"
[ "$fails" -eq 0 ] && echo "hostile-name: fix applied to a real PostgreSQL $(pg_dump --version | awk '{print $3}') as intended"
[ "$fails" -eq 0 ]
