# Sourced by testdata/generate and testdata/matrix (bash): the functions
# that build Kinto databases on a running PostgreSQL server from our SQL
# (sql/), write rows through the real triggers and migrate them the way
# `kinto migrate` does. The caller sets pgbin (the server's binaries), sqldir
# (testdata/sql), work (a scratch directory) and the PG* variables, and
# starts seq (row ids) at 0; migrations, when set, is where the steps are
# taken from instead of sqldir.

sp() { echo "$PGOPTIONS -c search_path=$1"; }

q() { # DB SQL: run statements, stop at the first error
	"$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -d "$1" -c "$2" >/dev/null
}
f1() { # DB FILE: run a file as one transaction (as Kinto runs a migration)
	"$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -1 -d "$1" -f "$2" >/dev/null 2>"$work/psql.err" && return
	echo "generate: $(basename "$2") on $1: $(grep ERROR "$work/psql.err")" >&2
	return 1
}
newdb() { # NAME [TEMPLATE]
	q postgres "DROP DATABASE IF EXISTS \"$1\""
	q postgres "CREATE DATABASE \"$1\"${2:+ TEMPLATE \"$2\"}"
}

# ---- Rows, written through the real triggers --------------------------------
# rows DB SCHEMA SHAPE TRIGGERS: a few records, a change, a tombstone and
# permissions, shaped for storage version SHAPE. TRIGGERS=no means the
# database has none (migrated 8 and 9), so timestamps are given explicitly.
seq=0
rows() {
	local db=$1 schema=$2 v=$3 trig=$4 tab=records p=user_id c=resource_name
	local lm= lmv= dl= dlv= sql i
	[ "$v" -ge 7 ] && p=parent_id c=collection_id
	[ "$v" -ge 21 ] && tab=objects c=resource_name
	if [ "$trig" = no ]; then lm=", last_modified" lmv=", clock_timestamp()::timestamp"; fi
	if [ "$v" -ge 18 ]; then dl=", deleted" dlv=", false"; fi
	sql="SET search_path = $schema;"
	rowid() { printf "'%08x-0000-4000-8000-%012x'" "$v" "$1"; }
	for i in 1 2; do
		seq=$((seq + 1))
		sql="$sql INSERT INTO $tab (id, $p, $c, data$lm$dl) VALUES ($(rowid $seq),
			'/buckets/blog/collections/articles', 'record',
			'{\"title\": \"note $seq\"}'$lmv$dlv);"
	done
	sql="$sql UPDATE $tab SET data = '{\"title\": \"edited\"}' WHERE id = $(rowid $seq);"
	seq=$((seq + 1))
	if [ "$v" -le 17 ]; then
		sql="$sql INSERT INTO deleted (id, $p, $c$lm) VALUES ($(rowid $seq),
			'/buckets/blog/collections/articles', 'record'$lmv);"
	else
		sql="$sql INSERT INTO $tab (id, $p, $c, data$lm, deleted) VALUES ($(rowid $seq),
			'/buckets/blog/collections/articles', 'record',
			'{\"deleted\": true}'$lmv, true);"
	fi
	q "$db" "$sql"
	if has_table "$db" "$schema" user_principals; then
		q "$db" "SET search_path = $schema;
			INSERT INTO user_principals VALUES ('account:alice', 'system.Authenticated')
				ON CONFLICT DO NOTHING;
			INSERT INTO access_control_entries VALUES
				('/buckets/blog', 'write', 'account:alice'),
				('/buckets/blog/collections/articles', 'read', 'system.Everyone')
				ON CONFLICT DO NOTHING;"
	fi
}
has_table() { # DB SCHEMA TABLE
	[ "$("$pgbin/psql" -X -At -d "$1" -c "SELECT to_regclass('$2.$3') IS NOT NULL")" = t ]
}

# twin DB SCHEMA: a tombstone whose id was created again as a record (version 1
# shape). Migration 011->012 removes such rows; before, they prove <= 11.
twin() { # DB SCHEMA
	q "$1" "SET search_path = $2; INSERT INTO records (id, user_id, resource_name, data) VALUES
		('00000001-0000-4000-8000-0000000000ff', '/buckets/blog/collections/articles',
		 'record', '{\"title\": \"back again\"}');
		INSERT INTO deleted (id, user_id, resource_name) VALUES
		('00000001-0000-4000-8000-0000000000ff', '/buckets/blog/collections/articles',
		 'record');"
}

# flush DB SCHEMA V: what the flush endpoint of the release resting at V
# deleted (spec 1.3), then Kinto goes on writing.
flush() {
	local db=$1 s=$2 v=$3 sql
	sql="SET search_path = $s; DELETE FROM records; DELETE FROM metadata;"
	[ "$v" -le 17 ] && sql="$sql DELETE FROM deleted;"
	[ "$v" -ge 10 ] && sql="$sql DELETE FROM timestamps;"
	q "$db" "$sql"
	if has_table "$db" "$s" user_principals; then
		q "$db" "SET search_path = $s; DELETE FROM user_principals;
			DELETE FROM access_control_entries;"
	fi
	rows "$db" "$s" "$v" "$(triggers "$v")"
}
triggers() { case $1 in 8 | 9) echo no ;; *) echo yes ;; esac; }

# migrate DB SCHEMA K: storage step (K-1)->K, plus what `kinto migrate` did
# to the permission backend around it (v1 tables from 7, version 2 from 21).
migrate() {
	local db=$1 s=$2 k=$3
	PGOPTIONS=$(sp "$s") f1 "$db" "${migrations:-$sqldir}/migrate/$(printf %03d "$k").sql"
	[ "$k" -eq 7 ] && PGOPTIONS=$(sp "$s") f1 "$db" "$sqldir/permission/001.sql"
	[ "$k" -eq 21 ] && PGOPTIONS=$(sp "$s") f1 "$db" "$sqldir/permission/migrate-002.sql"
	return 0
}
# chain DB SCHEMA TO [SNAPSHOT-PREFIX]: version 1 migrated step by step to TO,
# with rows written at every version.
chain() {
	local db=$1 s=$2 to=$3 snap=${4:-} k
	newdb "$db"
	[ "$s" = public ] || q "$db" "CREATE SCHEMA $s"
	PGOPTIONS=$(sp "$s") f1 "$db" "$sqldir/schema/001.sql"
	rows "$db" "$s" 1 yes
	twin "$db" "$s"
	[ -z "$snap" ] || newdb "${snap}01" "$db"
	for k in $(seq 2 "$to"); do
		migrate "$db" "$s" "$k"
		rows "$db" "$s" "$k" "$(triggers "$k")"
		[ -z "$snap" ] || newdb "$snap$(printf %02d "$k")" "$db"
	done
}
# fresh DB SCHEMA-FILE SHAPE: a release's schema.sql, the permission schema
# of its time, rows.
fresh() {
	local db=$1 file=$2 shape=$3
	newdb "$db"
	f1 "$db" "$sqldir/schema/$file"
	if [ "$shape" -ge 21 ]; then
		f1 "$db" "$sqldir/permission/002.sql"
	elif [ "$shape" -ge 7 ]; then
		f1 "$db" "$sqldir/permission/001.sql"
	fi
	rows "$db" public "$shape" yes
}

# kinto_migrate DB FROM: `kinto migrate` of Kinto >= 12 on a database whose
# storage version it reads as FROM: the steps up to 26, storage only, each
# file one transaction, until one fails (its error is logged). Sets applied
# (the target versions of the steps that committed, comma-separated) and
# failed (the target version of the step that failed, or -) and error (its
# PostgreSQL error, without the ERROR: prefix).
kinto_migrate() {
	local k
	applied= failed=- error=
	for k in $(seq $(($2 + 1)) 26); do
		PGOPTIONS=$(sp public) f1 "$1" "${migrations:-$sqldir}/migrate/$(printf %03d "$k").sql" 2>/dev/null || {
			failed=$k
			error=$(sed -n 's/^.*ERROR: *//p' "$work/psql.err" | head -n 1)
			break
		}
		applied=${applied:+$applied,}$k
	done
	[ -n "${quiet_migrate:-}" ] ||
		echo "generate: $1 read as $2: applied ${applied:-nothing}, failed $failed${error:+ ($error)}"
}
