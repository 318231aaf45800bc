# Sourced by the e2e tests that restore dumps on a real server (after
# tests/lib/pg.sh has started one): restoring, reading the storage version
# as Kinto reads it, migrating the way `kinto migrate` does, and taking the
# schema and a snapshot of everything that could move. The caller sets top
# (the source tree) and t (a scratch directory).

psql_q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
rows() { psql -X -At -d "$1" -c "$2" | LC_ALL=C sort; }
# restore DB DUMP: a new database holding the dump.
restore() {
	psql_q -d postgres -c "DROP DATABASE IF EXISTS \"$1\"" -c "CREATE DATABASE \"$1\"" &&
		psql_q -d "$1" -f "$2" >/dev/null 2>"$t/err"
}
# Kinto's storage version: the first row in LPAD order; without one, 1 when
# created_at is there (an install older than the version rows), else 20.
version() {
	psql -X -At -d "$1" -c "SELECT COALESCE(
		(SELECT value FROM metadata WHERE name = 'storage_schema_version'
		  ORDER BY LPAD(value, 3, '0') DESC LIMIT 1),
		(SELECT '1' FROM metadata WHERE name = 'created_at' LIMIT 1), '20')"
}
# migrate DB: our steps from the version Kinto reads up to 26, one
# transaction each, as Kinto runs them (from $steps/migrate when the caller
# sets steps); says which failed and why.
migrate() {
	k=$(($(version "$1") + 1))
	while [ "$k" -le 26 ]; do
		psql_q -1 -d "$1" -f "${steps:-$top/testdata/sql}/migrate/$(printf %03d "$k").sql" \
			>/dev/null 2>"$t/err" || {
			echo "migration to $k failed: $(grep ERROR "$t/err")"
			return 1
		}
		k=$((k + 1))
	done
}
schema() {
	pg_dump -s -O -x -d "$1" | grep -v '^\\\(un\)\?restrict \|^--'
}
# Everything that could move: the schema's catalog entries with their oids
# and storage, every row of every table with its ctid and xmin, and the dump.
snapshot() {
	psql -X -At -d "$1" >"$2" <<'SQL'
SELECT c.oid, c.relname, c.relkind, c.relfilenode FROM pg_class c
 WHERE c.relnamespace = 'public'::regnamespace ORDER BY 2;
SELECT a.attrelid::regclass, a.attname, a.atttypid, a.attcollation, a.attnotnull
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
 WHERE c.relnamespace = 'public'::regnamespace AND a.attnum > 0 ORDER BY 1, 2;
SELECT t.oid, t.tgname, t.tgtype, t.tgenabled FROM pg_trigger t ORDER BY 2, 1;
SELECT p.oid, p.proname, md5(p.prosrc) FROM pg_proc p
 WHERE p.pronamespace = 'public'::regnamespace ORDER BY 2;
SELECT format('SELECT %L, ctid, xmin, r::text FROM public.%I AS r ORDER BY ctid',
              relname, relname)
  FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'
 ORDER BY relname \gexec
SQL
	pg_dump -d "$1" | grep -v '^\\\(un\)\?restrict ' >>"$2"
}
apply() { psql_q -1 -d "$1" -f "$2" >"$t/out" 2>"$t/err"; }
# The objects rows to compare with a clean twin: a tombstone's time left
# out, since 017->018 merges tombstones through the trigger, which restamps
# each with the clock of the moment (as Kinto's does), where a repair keeps
# the tombstone's own time.
twin_objects_q="SELECT id, parent_id, resource_name,
	CASE WHEN deleted THEN NULL ELSE last_modified END, data, deleted FROM objects"
# The same without any time, where the report names them restamped.
twin_objects_untimed_q="SELECT id, parent_id, resource_name, data, deleted FROM objects"
# And a collection's timestamp, which follows its newest row.
twin_timestamps_q="SELECT parent_id, resource_name FROM timestamps"
