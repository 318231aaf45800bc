#!/bin/sh
# The repair of half-migrated ("hybrid") databases on a real server. Each
# corpus hybrid with a clean twin (testdata/pg15/hybrid-*-clean.sql: the same
# origin migrated correctly to 26) is restored, repaired with `--sql` (twice:
# the second run must change nothing), migrated on by our migrations from the
# version Kinto then reads, one transaction each; its schema must equal the
# twin's, its rows too (the twin's 011->012 may have removed tombstones that
# have a live record again: the repaired table deleted may keep exactly those),
# and every row of the hybrid must be kept, the tombstones only in deleted
# merged into objects as 017->018 merges them. hybrid-v15-more-rows (rows
# written after the failed migration) has no twin: its rows are checked
# against the hybrid alone. A repair applied to another database must refuse,
# changing nothing. Until the corpus has clean twins, hybrid-v10..v19 are used,
# each compared by schema with its flushed origin (mig-vNN-flushed) migrated
# cleanly here; their rows differ from the hybrid's, so only the hybrid's own
# rows are checked then. KSD_REPAIR_SQL_DIR=DIR takes each repair from
# DIR/NAME.sql instead of the tool. Skipped when no server can be started.
set -u
top=${KSD_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
: "${KSD:?set KSD to the binary under test}"
. "$top/tests/lib/pg.sh"
. "$top/tests/lib/kinto-db.sh"
trap pg_stop EXIT
trap 'exit 1' INT TERM HUP
if ! pg_start "${KSD_REPAIR_PGPORT:-54329}"; then
	echo "repair: skipped: $pg_why"
	exit 0
fi
export PGOPTIONS="-c client_min_messages=warning"
corpus=$top/testdata/pg15
t=$pg_dir/repair
mkdir "$t"
fails=0
fail() {
	echo "repair: $*"
	fails=$((fails + 1))
}
# repair_sql NAME: the repair of testdata/pg15/NAME.sql into $t/NAME.repair.
repair_sql() {
	if [ -n "${KSD_REPAIR_SQL_DIR:-}" ]; then
		cp "$KSD_REPAIR_SQL_DIR/$1.sql" "$t/$1.repair" 2>"$t/err" ||
			{ fail "$1: no repair in $KSD_REPAIR_SQL_DIR"; return 1; }
		return 0
	fi
	"$KSD" --sql "$corpus/$1.sql" >"$t/$1.repair" 2>"$t/err"
	rc=$?
	[ "$rc" -eq 1 ] || { fail "$1: --sql exited $rc, expected 1: $(cat "$t/err")"; return 1; }
}

# The hybrid's own rows, read before the repair, as the repaired objects
# table must hold them afterwards: its objects rows unchanged (live, where it
# had no column deleted yet), and each tombstone without an objects row of its
# id merged with its own last_modified.
expected_objects() {
	if [ "$(psql -X -At -d "$1" -c "SELECT count(*) FROM pg_attribute
			WHERE attrelid = 'public.objects'::regclass AND attname = 'deleted'")" = 1 ]; then
		rows "$1" "SELECT id, parent_id, resource_name, last_modified, data, deleted FROM objects"
		return
	fi
	rows "$1" "SELECT id, parent_id, resource_name, last_modified, data, false FROM objects
		UNION ALL
		SELECT d.id, d.parent_id, d.collection_id, d.last_modified, '{\"deleted\": true}', true
		  FROM deleted AS d
		 WHERE NOT EXISTS (SELECT FROM objects AS o WHERE o.id = d.id
		                   AND o.parent_id = d.parent_id AND o.resource_name = d.collection_id)"
}
objects_q="SELECT id, parent_id, resource_name, last_modified, data, deleted FROM objects"

# clean_twin NAME DB: the clean twin of NAME restored (or built) into DB;
# sets twin_rows=yes when its rows are the hybrid's.
clean_twin() {
	twin_rows=no
	if [ -f "$corpus/$1-clean.sql" ]; then
		twin_rows=yes
		restore "$2" "$corpus/$1-clean.sql" || { fail "$1: restore twin: $(cat "$t/err")"; return 1; }
		return 0
	fi
	v=${1#hybrid-v}
	v=${v%%-*}
	restore "$2" "$corpus/mig-v$v-flushed.sql" || { fail "$1: restore mig-v$v-flushed: $(cat "$t/err")"; return 1; }
	# A flushed database has no version row: it is at its true version.
	psql_q -d "$2" -c "INSERT INTO metadata VALUES ('storage_schema_version', '${v#0}')" ||
		return 1
	why=$(migrate "$2") || { fail "$1: clean twin: $why"; return 1; }
}

# check NAME TWIN: repair testdata/pg15/NAME.sql and compare it with the
# clean twin of TWIN.
check() {
	name=$1
	db=h_$(echo "$name" | tr -c 'a-z0-9\n' _)
	[ -f "$corpus/$name.sql" ] || { fail "$name.sql missing from the corpus (run make testdata)"; return; }
	restore "$db" "$corpus/$name.sql" || { fail "$name: restore: $(cat "$t/err")"; return; }
	n=$((n + 1))
	repair_sql "$name" || return
	expected_objects "$db" >"$t/expected.objects"
	rows "$db" "SELECT * FROM timestamps" >"$t/expected.timestamps"
	rows "$db" "SELECT * FROM deleted" >"$t/expected.deleted"
	apply "$db" "$t/$name.repair" || { fail "$name: repair: $(grep ERROR "$t/err")"; return; }
	snapshot "$db" "$t/snap1"
	apply "$db" "$t/$name.repair" || { fail "$name: second repair: $(grep ERROR "$t/err")"; return; }
	snapshot "$db" "$t/snap2"
	cmp -s "$t/snap1" "$t/snap2" || fail "$name: the second repair changed the database"
	why=$(migrate "$db") || { fail "$name: after the repair, $why"; return; }
	rows "$db" "$objects_q" >"$t/got.objects"
	cmp -s "$t/expected.objects" "$t/got.objects" ||
		fail "$name: objects rows are not the hybrid's plus its merged tombstones:
$(diff "$t/expected.objects" "$t/got.objects")"
	rows "$db" "SELECT * FROM timestamps" >"$t/got.timestamps"
	cmp -s "$t/expected.timestamps" "$t/got.timestamps" || fail "$name: timestamps rows changed"
	rows "$db" "SELECT * FROM deleted" >"$t/got.deleted"
	cmp -s "$t/expected.deleted" "$t/got.deleted" || fail "$name: deleted rows changed"
	clean_twin "$2" "c_$db" || return
	schema "$db" >"$t/got.schema"
	schema "c_$db" >"$t/twin.schema"
	cmp -s "$t/got.schema" "$t/twin.schema" ||
		fail "$name: schema differs from the clean twin of $2:
$(diff "$t/got.schema" "$t/twin.schema")"
	# The twin's rows are the hybrid's only when it is its own twin.
	[ "$twin_rows" = yes ] && [ "$name" = "$2" ] || return
	rows "$db" "$twin_objects_q" >"$t/got.objects"
	rows "c_$db" "$twin_objects_q" >"$t/twin.objects"
	cmp -s "$t/got.objects" "$t/twin.objects" ||
		fail "$name: objects rows differ from the twin's: $(diff "$t/got.objects" "$t/twin.objects")"
	rows "$db" "$twin_timestamps_q" >"$t/got.timestamps"
	rows "c_$db" "$twin_timestamps_q" >"$t/twin.timestamps"
	cmp -s "$t/got.timestamps" "$t/twin.timestamps" || fail "$name: timestamps rows differ from the twin's"
	# Tombstones the twin's 011->012 removed, having a live record again: the
	# only rows the repaired deleted may have beyond the twin's.
	rows "$db" "SELECT d.* FROM deleted AS d WHERE NOT EXISTS (SELECT FROM objects AS o
		WHERE o.id = d.id AND o.parent_id = d.parent_id
		  AND o.resource_name = d.collection_id AND o.deleted)" >"$t/stale.deleted"
	rows "c_$db" "SELECT * FROM deleted" >"$t/twin.deleted"
	LC_ALL=C comm -13 "$t/got.deleted" "$t/twin.deleted" >"$t/missing"
	LC_ALL=C comm -23 "$t/got.deleted" "$t/twin.deleted" | LC_ALL=C comm -23 - "$t/stale.deleted" >"$t/extra"
	[ ! -s "$t/missing" ] || fail "$name: deleted rows of the twin missing: $(cat "$t/missing")"
	[ ! -s "$t/extra" ] || fail "$name: deleted rows the twin has not: $(cat "$t/extra")"
}

n=0
twins=no
for c in "$corpus"/hybrid-*-clean.sql; do
	[ -f "$c" ] || continue
	twins=yes
	name=$(basename "$c" -clean.sql)
	check "$name" "$name"
done
if [ "$twins" = no ]; then
	for v in 10 11 12 13 14 15 16 17 18 19; do
		check "hybrid-v$v" "hybrid-v$v"
	done
fi
if [ -f "$corpus/hybrid-v15-more-rows.sql" ]; then
	check hybrid-v15-more-rows hybrid-v15
else
	echo "repair: hybrid-v15-more-rows is not in the corpus yet"
fi
[ "$n" -gt 0 ] || fail "no hybrid was checked"

# refuse NAME DUMP WHAT: the repair of NAME applied to a database restored
# from DUMP must stop with its message, naming WHAT, the first thing that
# differs, and leave everything as it was.
refuse() {
	db=r_$(echo "$2" | tr -c 'a-z0-9\n' _)
	restore "$db" "$corpus/$2.sql" || { fail "restore $2: $(cat "$t/err")"; return; }
	snapshot "$db" "$t/before"
	if apply "$db" "$t/$1.repair"; then
		fail "the repair of $1 ran on $2"
	elif ! grep -q "ERROR:  kinto-schema-doctor: .*$3.*nothing was changed" "$t/err"; then
		fail "the repair of $1 on $2 failed without its message naming $3: $(grep ERROR "$t/err")"
	fi
	snapshot "$db" "$t/after"
	cmp -s "$t/before" "$t/after" || fail "the refused repair of $1 changed $2"
}
if repair_sql hybrid-v17; then
	refuse hybrid-v17 hybrid-v15 collection_timestamp
	refuse hybrid-v17 mig-v26 storage_schema_version
fi
if repair_sql hybrid-v13; then
	refuse hybrid-v13 hybrid-v14 tgr_deleted_last_modified
fi
echo "repair: $fails failed"
[ "$fails" -eq 0 ]
