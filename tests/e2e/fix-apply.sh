#!/bin/sh
# The corrective SQL on a real server: restore flushed dumps of the corpus,
# apply `--sql` (twice: it must be idempotent), check that Kinto's own version
# query then reads the true version, and that our remaining migrations up to
# 26 all succeed from there, each in its own transaction as Kinto runs them;
# a script must refuse another version's database with the same rows, and
# heal one whose metadata table is gone.
set -u
top=${KSD_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
pgbin=${KSD_PGBIN:-/usr/lib/postgresql/15/bin}
port=${KSD_FIX_PGPORT:-54325}
if [ ! -x "$pgbin/initdb" ] || ! { [ "$(id -u)" -eq 0 ] || [ "$(id -un)" = postgres ]; }; then
	echo "fix-apply: skipped: no server"
	exit 0
fi
as_server() {
	if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
t=$(mktemp -d)
chmod 755 "$t"
up=
cleanup() {
	[ -z "$up" ] || as_server "$pgbin/pg_ctl" -D "$t/data" -m fast -w stop >/dev/null 2>&1
	rm -rf "$t"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
mkdir "$t/sock"
[ "$(id -u)" -eq 0 ] && chown postgres "$t" "$t/sock"
as_server "$pgbin/initdb" -D "$t/data" -U postgres --auth=trust -E UTF8 >"$t/initdb.log" 2>&1 &&
	as_server "$pgbin/pg_ctl" -D "$t/data" -l "$t/server.log" -w \
		-o "-k $t/sock -p $port -c listen_addresses= -c fsync=off" start >/dev/null || {
	echo "fix-apply: cannot start a server on port $port"
	exit 1
}
up=1
export PGHOST="$t/sock" PGPORT="$port" PGUSER=postgres PGOPTIONS="-c client_min_messages=warning"
fails=0
fail() {
	echo "fix-apply: $*"
	fails=$((fails + 1))
}
psql_q() { "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
# Kinto's storage version query: the first row in LPAD order.
version() {
	"$pgbin/psql" -X -At -d "$1" -c "SELECT value FROM metadata
		WHERE name = 'storage_schema_version' ORDER BY LPAD(value, 3, '0') DESC" | head -n 1
}
rows() { "$pgbin/psql" -X -At -d "$1" -c "SELECT name, value FROM metadata ORDER BY 1, 2"; }

for v in 3 9 14 17 20; do
	vv=$(printf %02d "$v")
	dump=$top/testdata/pg15/mig-v$vv-flushed.sql
	db=fix$vv
	[ -f "$dump" ] || { fail "$dump missing (run make testdata)"; continue; }
	psql_q -d postgres -c "CREATE DATABASE $db" >/dev/null
	psql_q -d "$db" -f "$dump" >/dev/null 2>"$t/err" || { fail "v$v: restore: $(cat "$t/err")"; continue; }
	"$KSD" --sql "$dump" >"$t/fix.sql" 2>"$t/err"
	rc=$?
	[ "$rc" -eq 1 ] || fail "v$v: --sql exited $rc, expected 1: $(cat "$t/err")"
	psql_q -d "$db" -f "$t/fix.sql" >/dev/null 2>"$t/err" || { fail "v$v: fix: $(cat "$t/err")"; continue; }
	got=$(version "$db")
	[ "$got" = "$v" ] || fail "v$v: after the fix Kinto reads '$got'"
	rows "$db" >"$t/before"
	psql_q -d "$db" -f "$t/fix.sql" >/dev/null 2>"$t/err" || fail "v$v: second fix run: $(cat "$t/err")"
	rows "$db" >"$t/after"
	cmp -s "$t/before" "$t/after" || fail "v$v: a second run changed metadata"
	# Now Kinto would migrate from the recorded version: every step must pass.
	k=$((v + 1))
	while [ "$k" -le 26 ]; do
		step=$top/testdata/sql/migrate/$(printf %03d "$k").sql
		psql_q -1 -d "$db" -f "$step" >/dev/null 2>"$t/err" ||
			{ fail "v$v: migration to $k failed: $(grep ERROR "$t/err")"; break; }
		k=$((k + 1))
	done
	got=$(version "$db")
	[ "$got" = 26 ] || fail "v$v: after the migrations Kinto reads '$got'"
done
# A script checks the schema, not only the version rows: the fix of one
# flushed version refuses the flushed database of another (the same rows:
# none), changing nothing.
for pair in "17 14" "14 17" "20 17"; do
	set -- $pair
	own=$(printf %02d "$1") other=$(printf %02d "$2")
	db=near$own$other
	psql_q -d postgres -c "CREATE DATABASE $db" >/dev/null
	psql_q -d "$db" -f "$top/testdata/pg15/mig-v$other-flushed.sql" >/dev/null 2>"$t/err" ||
		{ fail "v$2: restore: $(cat "$t/err")"; continue; }
	"$KSD" --sql "$top/testdata/pg15/mig-v$own-flushed.sql" >"$t/near.sql" 2>/dev/null
	rows "$db" >"$t/before"
	if psql_q -d "$db" -f "$t/near.sql" >/dev/null 2>"$t/err"; then
		fail "v$1's fix ran on the flushed v$2 database"
	elif ! grep -q 'not the database in the dump\|neither the database in the dump' "$t/err"; then
		fail "v$1's fix on v$2: $(grep ERROR "$t/err")"
	fi
	rows "$db" >"$t/after"
	cmp -s "$t/before" "$t/after" || fail "v$1's fix changed the v$2 database"
done

# Without a metadata table: the fix makes it, after the same check.
psql_q -d postgres -c "CREATE DATABASE nometa" >/dev/null
psql_q -d nometa -f "$top/testdata/pg15/mig-v17-flushed.sql" >/dev/null 2>&1 &&
	psql_q -d nometa -c "DROP TABLE metadata" >/dev/null &&
	"$pgbin/pg_dump" -d nometa -f "$t/nometa.sql" || fail "no metadata: setting up failed"
"$KSD" --sql "$t/nometa.sql" >"$t/fix.sql" 2>/dev/null
for run in 1 2; do
	psql_q -d nometa -f "$t/fix.sql" >/dev/null 2>"$t/err" ||
		fail "no metadata: run $run: $(grep ERROR "$t/err")"
done
[ "$(version nometa)" = 17 ] || fail "no metadata: after the fix Kinto reads '$(version nometa)'"

echo "fix-apply: $fails failed"
[ "$fails" -eq 0 ]
