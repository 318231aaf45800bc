#!/bin/sh
# Every true x recorded version (issue 24), on a real server: testdata/matrix
# builds the cells (a database at true version V, its version set to G by
# hand, by a flush or to created_at only, then migrated as Kinto migrates,
# then dumped). For each cell the tool's answer is checked by what the
# database then does:
#   exit 0  (and 1) the restored cell dumped as a custom, tar and directory
#           archive gets the same exit, verdict and history;
#   exit 0  the dump restored and migrated on from the version Kinto reads
#           must reach 26 with the schema of V migrated cleanly (clean);
#   exit 1  `--sql` applied twice (the second changes nothing), then
#           migrated on: schema and rows equal V migrated cleanly (healed);
#           a tombstone's time and a collection's timestamp are not
#           compared (017->018 restamps them with the clock);
#           with Kinto's own files (KSD_MATRIX_SQL) function bodies, which
#           the repair takes from our SQL, are compared by the tool's
#           verdict on the healed schema instead of as text;
#           rows the report names as lost before the dump may be missing,
#           and times it names as restamped before the dump may differ;
#           the same script run on the cell before it and on the cells
#           of its mode a version below and above (other dumps, where
#           built) must refuse, or find them repaired already: either way
#           change nothing; unless it heals them (a schema the tool reads
#           the same, from origins it cannot tell apart);
#   else    the cell is not healed.
# Cells not yet clean or healed are listed with their outcome in
# tests/e2e/matrix.known; an outcome that differs from the list either way
# fails, so the list only shrinks. The text report must exit as JSON does.
# `make check` runs every KSD_MATRIX_STRIDE-th cell (23, 97 under the
# sanitizers; times KSD_SAMPLE
# under valgrind); `make check-matrix` runs them all (KSD_MATRIX_STRIDE=1).
# KSD_MATRIX_CELLS="v17-g20 ..." runs those cells only, KSD_MATRIX_SQL=DIR
# builds the cells with DIR/migrate/NNN.sql (see testdata/matrix),
# KSD_MATRIX_KNOWN=FILE reads another list, KSD_MATRIX_OUTCOMES=FILE keeps
# every cell's outcome, KSD_MATRIX_DIFFS=DIR what differs from the clean
# twin where it does, and KSD_MATRIX_DUMPS=DIR takes the cells from an
# earlier `testdata/matrix DIR` instead of building them.
set -u
top=${KSD_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
: "${KSD:?set KSD to the binary under test}"
. "$top/tests/lib/pg.sh"
. "$top/tests/lib/kinto-db.sh"
pg_start_or_skip matrix "${KSD_MATRIX_PGPORT:-54331}"
export PGOPTIONS="-c client_min_messages=warning"
t=$pg_dir/matrix
steps=${KSD_MATRIX_SQL:-}
mkdir "$t"
known=${KSD_MATRIX_KNOWN:-$top/tests/e2e/matrix.known}
stride=$((${KSD_MATRIX_STRIDE:-23} * ${KSD_SAMPLE:-1}))
cells=${KSD_MATRIX_DUMPS:-$t/cells}
# shellcheck disable=SC2086 # KSD_MATRIX_CELLS is a list
if [ -z "${KSD_MATRIX_DUMPS:-}" ] &&
	! KSD_MATRIX_STRIDE=$stride KSD_PG_BIN=$pg_bin "$top/testdata/matrix" "$t/cells" \
		${KSD_MATRIX_CELLS:-} >"$t/build.log" 2>&1; then
	echo "matrix: building the cells failed: $(tail -3 "$t/build.log")"
	exit 1
fi

# clean V: the name of a database holding version V migrated cleanly to 26.
clean() {
	c=clean_$1
	if [ "$(psql -X -At -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$c'")" != 1 ]; then
		restore "$c" "$cells/tpl$1.sql" && migrate "$c" >"$t/clean.err" || {
			echo "matrix: clean $1: $(cat "$t/clean.err")" >&2
			return 1
		}
		schema "$c" | bodies >"$t/$c.schema"
	fi
	echo "$c"
}

# bodies: the schema as compared. With Kinto's own files (KSD_MATRIX_SQL)
# a repair installs function bodies from our SQL, never Kinto's text, where
# no later step of Kinto's replaces them: there the bodies are left out and
# the tool must find the healed database at version 26, as the clean one.
bodies() {
	if [ -z "$steps" ]; then
		cat
	else
		awk '/ AS \$\$$/ { print; skip = 1; next } /^\$\$/ { skip = 0 } !skip'
	fi
}

# same DB CLEAN: whether DB's schema is CLEAN's; with rows, its rows too,
# but for the tombstones with a live object of their id, which the clean
# 011->012 deleted and a repair keeps (it never deletes a tombstone), and,
# where the report names them lost ($lost), which a re-run deleted.
same() {
	schema "$1" | bodies >"$t/got.schema"
	diff "$t/got.schema" "$t/$2.schema" >"$t/diff" || return 1
	if [ -n "$steps" ]; then
		pg_dump -s -d "$1" -f "$t/healed.sql" &&
			"$KSD" --format=json "$t/healed.sql" >"$t/healed.json" 2>&1
		grep -q '"storage": {"version": 26,' "$t/healed.json" || {
			cp "$t/healed.json" "$t/diff"
			return 1
		}
	fi
	[ "${3:-}" = rows ] || return 0
	q_objects=$twin_objects_q
	[ "$restamped" = no ] || q_objects=$twin_objects_untimed_q
	for q in "$q_objects" "$twin_timestamps_q"; do
		rows "$1" "$q" >"$t/got.rows"
		rows "$2" "$q" >"$t/clean.rows"
		diff "$t/got.rows" "$t/clean.rows" >"$t/diff" || return 1
	done
	rows "$1" "SELECT * FROM deleted" >"$t/got.deleted"
	rows "$2" "SELECT * FROM deleted" >"$t/clean.deleted"
	rows "$1" "SELECT d.* FROM deleted AS d WHERE EXISTS (SELECT FROM objects AS o
		WHERE o.id = d.id AND o.parent_id = d.parent_id
		  AND o.resource_name = d.collection_id AND NOT o.deleted)" >"$t/live.deleted"
	# Those the report names as lost, deleted by a re-run of 011->012 before
	# the dump: the rows of deleted that objects holds too.
	: >"$t/lost.deleted"
	[ "$lost" = no ] || rows "$2" "SELECT d.* FROM deleted AS d WHERE EXISTS (SELECT FROM
		objects AS o WHERE o.id = d.id AND o.parent_id = d.parent_id
		  AND o.resource_name = d.collection_id)" >"$t/lost.deleted"
	[ -z "$(LC_ALL=C comm -13 "$t/got.deleted" "$t/clean.deleted" |
		LC_ALL=C comm -23 - "$t/lost.deleted")" ] &&
		[ -z "$(LC_ALL=C comm -23 "$t/got.deleted" "$t/clean.deleted" |
			LC_ALL=C comm -23 - "$t/live.deleted")" ]
}

# keep_diff CELL: what differs from the clean twin, into KSD_MATRIX_DIFFS.
keep_diff() {
	[ -z "${KSD_MATRIX_DIFFS:-}" ] || cp "$t/diff" "$KSD_MATRIX_DIFFS/$1.diff"
}

# answer JSON: the verdict and the history in a report.
answer() {
	grep -o '"status": "[^"]*"\|"history": {.*"lost": [^}]*}' "$1"
}

# outcome CELL V: how the tool's answer on the cell's dump holds up.
outcome() {
	dump=$cells/$1.sql
	"$KSD" --format=json "$dump" >"$t/json" 2>&1
	rc=$?
	lost=no restamped=no
	grep -q '"lost": [0-9]\|no repair brings the rows of deleted back' "$t/json" && lost=yes
	grep -q '"restamped": [0-9]' "$t/json" && restamped=yes
	"$KSD" "$dump" >/dev/null 2>&1
	[ $? -eq "$rc" ] || { echo "text-exit-differs"; return; }
	case $rc in
	0 | 1) ;;
	2) echo undetermined; return ;;
	*) echo "exit-$rc"; return ;;
	esac
	c=$(clean "$2") || { echo "no-clean-twin"; return; }
	restore w "$dump" || { echo "restore-fails"; return; }
	# The same database dumped as a custom, tar and directory archive: the
	# same exit, verdict and history.
	for form in c t d; do
		rm -rf "$t/form"
		pg_dump -F$form -f "$t/form" -d w 2>"$t/err" || { echo "dump-$form-fails"; return; }
		"$KSD" --format=json "$t/form" >"$t/json.$form" 2>&1
		[ $? -eq "$rc" ] || { echo "form-$form-exit-differs"; return; }
		[ "$(answer "$t/json.$form")" = "$(answer "$t/json")" ] ||
			{ echo "form-$form-answer-differs"; return; }
	done
	if [ "$rc" = 0 ]; then
		migrate w >/dev/null || { echo "exit0-migrate-fails"; return; }
		same w "$c" || { keep_diff "$1"; echo "exit0-schema-differs"; return; }
		echo clean
		return
	fi
	"$KSD" --sql "$dump" >"$t/repair.sql" 2>/dev/null || [ $? -eq 1 ] ||
		{ echo "sql-exit-differs"; return; }
	apply w "$t/repair.sql" || { echo "repair-errors"; return; }
	snapshot w "$t/snap1"
	apply w "$t/repair.sql" || { echo "repair-errors-twice"; return; }
	snapshot w "$t/snap2"
	cmp -s "$t/snap1" "$t/snap2" || { echo "repair-not-idempotent"; return; }
	migrate w >/dev/null || { echo "repair-migrate-fails"; return; }
	same w "$c" rows || { keep_diff "$1"; echo "repair-differs"; return; }
	# The script on other dumps: the cell before it, and the cells of the
	# same mode one version below and above where they were built (the
	# same version rows on another schema). Each must refuse, or find it
	# already repaired; either way nothing may change. Only where the
	# schema the tool reads is the same (origins it cannot tell apart, e.g.
	# 16 or 17 under the same hybrid) may the script change it, and then it
	# must heal it as its own script would.
	for near in ${3:-} $(twins "$1"); do
		cmp -s "$cells/$near.sql" "$dump" && continue
		restore n "$cells/$near.sql" || { echo "restore-fails-$near"; return; }
		snapshot n "$t/near1"
		apply n "$t/repair.sql"
		snapshot n "$t/near2"
		cmp -s "$t/near1" "$t/near2" && continue
		cn=$(clean "$(printf %02d "$(awk -v f="$near.sql" '$1 == f { print $2 }' \
			"$cells/truth.tsv")")") &&
			migrate n >/dev/null && same n "$cn" rows || { echo "changes-$near"; return; }
	done
	echo healed
}

# twins CELL: the cells of CELL's mode at the versions next to its own that
# were built.
twins() {
	v=$(echo "$1" | sed 's/^v0*\([0-9]*\)-.*/\1/')
	for w in $((v - 1)) $((v + 1)); do
		n=$(printf 'v%02d-%s' "$w" "${1#*-}")
		[ -f "$cells/$n.sql" ] && echo "$n"
	done
}

fails=0 n=0 good=0 prev=
: >"$t/outcomes"
while IFS="	" read -r file origin _; do
	[ "$file" = file ] && continue
	cell=${file%.sql}
	case " ${KSD_MATRIX_CELLS:-$cell} " in *" $cell "*) ;; *) continue ;; esac
	o=$(outcome "$cell" "$(printf %02d "$origin")" "$prev")
	prev=$cell
	n=$((n + 1))
	echo "$cell $o" >>"$t/outcomes"
	want=$(awk -v c="$cell" '$1 == c { print $2 }' "$known")
	case $o in
	clean | healed)
		good=$((good + 1))
		[ -z "$want" ] && continue
		echo "matrix: $cell is $o now: remove it from $(basename "$known")" ;;
	*)
		[ "$o" = "$want" ] && continue
		echo "matrix: $cell: $o${want:+ (listed as $want)}" ;;
	esac
	fails=$((fails + 1))
done <"$cells/truth.tsv"
[ -z "${KSD_MATRIX_OUTCOMES:-}" ] || cp "$t/outcomes" "$KSD_MATRIX_OUTCOMES"
echo "matrix: $n cells, $good clean or healed, $((n - good - fails)) known unhealed, $fails failed"
[ "$n" -gt 0 ] && [ "$fails" -eq 0 ]
