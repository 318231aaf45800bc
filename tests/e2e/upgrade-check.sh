#!/bin/sh
# The check before an upgrade, on a real PostgreSQL 15 server: corpus dumps
# (testdata/pg15/*.sql) are restored, and the stream of the live database's
# schema plus its metadata rows ({ pg_dump --schema-only; pg_dump --data-only
# --table='*.metadata'; } | kinto-schema-doctor -) must give what its full
# pg_dump gives: the storage and permission versions and candidates, the
# metadata state, the verdict and the exit status. Where only table rows tell
# look-alike versions apart (a deleted/records twin), the stream gives the
# schema's range and a note naming the tables to add, and adding them gives
# the full dump's answer. bin/kinto-schema-doctor-live must print what the
# pipeline prints, and work for Kinto in another schema. A sample of the
# corpus by default; KSD_UPGRADE_ALL=1 takes every dump. Skipped when no
# server can be started.
set -u
top=${KSD_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
: "${KSD:?set KSD to the binary under test}"
. "$top/tests/lib/pg.sh"
pg_start_or_skip upgrade-check "${KSD_UPGRADE_PGPORT:-54362}"
t=$pg_dir/upgrade
mkdir "$t"
live=$top/bin/kinto-schema-doctor-live
export KINTO_SCHEMA_DOCTOR="$KSD"
fails=0
fail() {
	echo "upgrade-check: $*"
	fails=$((fails + 1))
}

# Intact, flushed, wrong, look-alike and twin-narrowed, hybrid, drift, a
# cliquet-era schema and a schema-only dump (no metadata rows at all).
sample="fresh-v001-cliquet-1.2 fresh-v008 mig-v10-flushed-twin mig-v11-flushed-twin mig-v12
fresh-v017 hybrid-v17 drift-v23-index-named-like-024 fresh-v026"
if [ "${KSD_UPGRADE_ALL:-0}" = 1 ]; then
	sample=$(for f in "$top"/testdata/pg15/*.sql; do basename "$f" .sql; done |
		grep -v -e '^cluster' -e '-data-only$')
fi

# compare.py FULL STREAM FULL_RC STREAM_RC NAME: the answers agree. Where
# the stream says that only the rows of some tables would tell versions
# apart, its storage candidates (and so the verdict) may be wider than the
# full dump's, never narrower, and the exit status is 3; a full dump whose
# rows narrowed the candidates needs that note, or the same rows, in the
# stream.
cat >"$t/compare.py" <<'PY'
import json, sys
full, stream = ([json.loads(l) for l in open(p, encoding='utf-8') if l.strip()]
                for p in sys.argv[1:3])
full_rc, stream_rc, name = int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
errs = []
if len(full) != len(stream):
    errs.append('%d instances in the full dump, %d in the stream' % (len(full), len(stream)))
asks = False
def get(o, *path):
    for p in path:
        o = o.get(p) if isinstance(o, dict) else None
    return o
for f, s in zip(full, stream):
    where = '%s [%s]' % (name, f['schema'])
    narrowed = any(e.get('narrowed') for e in f.get('evidence') or [])
    note = [n for n in s.get('notes') or [] if '--table=' in n]
    asks = asks or bool(note)
    keys = [('schema',), ('metadata',), ('permission', 'version'), ('permission', 'candidates')]
    if not note:
        keys += [('status',), ('storage', 'version'), ('storage', 'candidates')]
    for k in keys:
        if get(f, *k) != get(s, *k):
            errs.append('%s: %s is %s in the full dump, %s in the stream'
                        % (where, '.'.join(k), json.dumps(get(f, *k)), json.dumps(get(s, *k))))
    if narrowed and not note and not any(e.get('narrowed') for e in s.get('evidence') or []):
        errs.append('%s: rows narrowed the full dump\'s candidates; the stream does not say so'
                    % where)
    if note:
        fc, sc = set(get(f, 'storage', 'candidates')), set(get(s, 'storage', 'candidates') or [])
        if not fc <= sc or '--table=deleted --table=records' not in note[0]:
            errs.append('%s: candidates %s, the stream gives %s and notes %s'
                        % (where, sorted(fc), sorted(sc), note))
if full_rc != stream_rc and not asks:
    errs.append('%s: exit %d for the full dump, %d for the stream' % (name, full_rc, stream_rc))
for e in errs:
    print('upgrade-check:', e)
sys.exit(1 if errs else (3 if asks else 0))
PY

runs=0
asked=0
n=0
for name in $sample; do
	n=$((n + 1))
	db=u$n
	createdb "$db" || exit 1
	psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$top/testdata/pg15/$name.sql" >/dev/null 2>"$t/err" ||
		{ fail "$name: restore: $(head -c 300 "$t/err")"; continue; }
	runs=$((runs + 1))
	pg_dump "$db" | "$KSD" --format=json - >"$t/full" 2>"$t/full.err"
	full_rc=$?
	# The pipeline of the man page (BEFORE AN UPGRADE).
	{
		pg_dump --schema-only "$db"
		pg_dump --data-only --table='*.metadata' "$db"
	} | "$KSD" --format=json - >"$t/stream" 2>"$t/stream.err"
	stream_rc=$?
	python3 "$t/compare.py" "$t/full" "$t/stream" "$full_rc" "$stream_rc" "$name"
	case $? in
	0) ;;
	3)
		# The tables the note names make it whole again.
		asked=$((asked + 1))
		"$live" -d "$db" --table=deleted --table=records --format=json >"$t/more" 2>"$t/err"
		python3 "$t/compare.py" "$t/full" "$t/more" "$full_rc" "$?" "$name (with rows)" ||
			fail "$name: with the rows of deleted and records the answers still differ"
		;;
	*) fail "$name: the stream's answers differ from the full dump's" ;;
	esac
	# The helper prints what the pipeline prints, with the same status.
	PGDATABASE=$db "$live" --format=json >"$t/helper" 2>"$t/err"
	rc=$?
	if [ "$rc" -ne "$stream_rc" ] || ! cmp -s "$t/stream" "$t/helper"; then
		fail "$name: kinto-schema-doctor-live: exit $rc (pipeline $stream_rc): $(diff "$t/stream" "$t/helper" | head -4) $(cat "$t/err")"
	fi
done
[ "$runs" -gt 0 ] || fail "no database restored"
[ "$asked" -gt 0 ] || fail "no database where only rows tell versions apart"

# Kinto in another schema, the text report: the same verdict line.
createdb other || exit 1
psql -X -q -v ON_ERROR_STOP=1 -d other -f "$top/testdata/pg15/fresh-v017.sql" >/dev/null 2>&1 &&
	psql -X -q -v ON_ERROR_STOP=1 -d other -c 'ALTER SCHEMA public RENAME TO kinto_prod' >/dev/null ||
	fail "other schema: restore failed"
pg_dump other | "$KSD" - >"$t/full" 2>&1
full_rc=$?
"$live" --dbname=other >"$t/helper" 2>&1
rc=$?
grep -q '^(stdin): schema kinto_prod$' "$t/helper" || fail "other schema: $(head -2 "$t/helper")"
[ "$rc" -eq "$full_rc" ] && [ "$(sed -n '2,6p' "$t/helper")" = "$(sed -n '2,6p' "$t/full")" ] ||
	fail "other schema: exit $rc, full $full_rc: $(diff "$t/full" "$t/helper" | head -6)"

# pg_dump failing (no such database) is exit 4, said on stderr.
"$live" -d no_such_db >"$t/out" 2>"$t/err"
rc=$?
[ "$rc" -eq 4 ] && grep -q 'kinto-schema-doctor-live: error: pg_dump failed' "$t/err" ||
	fail "no database: exit $rc: $(cat "$t/err")"
"$live" --dbname >/dev/null 2>"$t/err"
[ $? -eq 3 ] || fail "--dbname without a value is not a usage error: $(cat "$t/err")"
"$live" --help | grep -q -- '--table=PATTERN' || fail "--help lacks --table"

[ "$fails" -eq 0 ] &&
	echo "upgrade-check: $runs databases agree with their full dumps ($asked once their twin tables' rows are added)"
[ "$fails" -eq 0 ]
