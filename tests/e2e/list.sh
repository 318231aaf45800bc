#!/bin/sh
# --list against the truth: each plain corpus dump is restored into a real
# server, whose own catalogs (testdata/catalog.sql) say what --list must show;
# the plain dump and its custom, tar and directory twins must all show exactly
# that. Metadata rows are left out here: manifest.sh judges them. The row
# count --list gives each table must be the server's count(*), in every form.
set -u
top=${KSD_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$top/tests/lib/pg.sh"
trap pg_stop EXIT
trap 'exit 1' INT TERM HUP
if ! pg_start "${KSD_LIST_PGPORT:-54327}"; then
	echo "list: skipped: $pg_why"
	exit 0
fi
t=$pg_dir/list
mkdir "$t"
fails=0
runs=0
fail() {
	echo "list: $*"
	fails=$((fails + 1))
}
# Schema blocks in name order (the dump lists them as it meets them), lines
# within a block kept in their order.
by_schema() {
	awk '/^  schema /{s=$2} {printf "%s\t%08d\t%s\n", s, NR, $0}' |
		LC_ALL=C sort -t "$(printf '\t')" -k1,1 -k2,2n | cut -f3-
}
# The catalog lines of --list: from the first extension or schema line on,
# without the metadata rows, the counts and the tool's "not Kinto" verdicts.
catalog() {
	"$KSD" --list "$1" 2>"$t/err" | sed -n '/^  \(extension\|schema\) /,$p' |
		grep -v '^    metadata rows: \|^      [^ ]* = \|^      rows \|^    resources \|^    tombstones \|^    not Kinto: ' |
		by_schema
}
# "schema|table|rows" of each table --list counted, "-" when not in the dump.
counts() {
	"$KSD" --list "$1" 2>"$t/err" | awk '
		/^  schema /{s=substr($0, 10)} /^    table /{tb=substr($0, 11)}
		/^      rows /{r=substr($0, 12); if (r == "not in the dump") r="-"; print s "|" tb "|" r}' |
		LC_ALL=C sort
}
# The server's count(*) of each table, in the same form.
count_sql="SELECT n.nspname || '|' || c.relname || '|' || (xpath('/row/c/text()',
	query_to_xml(format('SELECT count(*) AS c FROM %I.%I', n.nspname, c.relname),
	false, true, '')))[1]::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
	AND n.nspname NOT LIKE 'pg_toast%'"
n=0
for dump in "$top"/testdata/pg15/*.sql; do
	base=${dump%.sql}
	name=$(basename "$base")
	case $name in cluster | cluster-* | *-data-only | *-inserts | *-column-inserts) continue ;; esac
	n=$((n + 1))
	[ $((n % ${KSD_SAMPLE:-1})) -eq 0 ] || continue # every Nth under valgrind
	db=l$n
	psql -X -q -d postgres -c "CREATE DATABASE $db" >/dev/null
	psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$dump" >/dev/null 2>"$t/err" ||
		{ fail "$name: restore: $(head -c 300 "$t/err")"; continue; }
	psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" -f "$top/testdata/catalog.sql" >"$t/raw" \
		2>"$t/err" || { fail "$name: catalog.sql: $(head -c 300 "$t/err")"; continue; }
	by_schema <"$t/raw" >"$t/want"
	psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" -c "$count_sql" 2>"$t/err" >"$t/rows" ||
		{ fail "$name: counts: $(head -c 300 "$t/err")"; continue; }
	# A schema-only dump holds no table's data.
	case $name in *-schema-only) sed 's/|[0-9]*$/|-/' "$t/rows" ;; *) cat "$t/rows" ;; esac |
		LC_ALL=C sort >"$t/want-rows"
	for twin in "$dump" "$base.dump" "$base.tar" "$base.dir"; do
		[ -e "$twin" ] || continue
		runs=$((runs + 1))
		catalog "$twin" >"$t/got"
		cmp -s "$t/want" "$t/got" ||
			fail "$(basename "$twin"): --list differs from the server's catalog:
$(diff "$t/want" "$t/got" | head -8)"
		counts "$twin" >"$t/got-rows"
		cmp -s "$t/want-rows" "$t/got-rows" ||
			fail "$(basename "$twin"): --list row counts differ from count(*):
$(diff "$t/want-rows" "$t/got-rows" | head -8)"
	done
	psql -X -q -d postgres -c "DROP DATABASE $db" >/dev/null
done
[ "$runs" -gt 0 ] || fail "no corpus dump found under testdata/pg15"
echo "list: $runs dumps compared with the catalogs and row counts of $n restored databases, $fails failed"
[ "$fails" -eq 0 ]
