#!/bin/sh
# --format=json against man/kinto-schema-doctor.schema.json: real output on
# several dumps (flushed, intact, schema-only, no Kinto, contradictory,
# pg_dumpall, stdin, --assume-version, drift, archives, a compressed plain
# file, a re-packed tar) validates line by line, the schema
# rejects a record with a field dropped or of the wrong type, and the man page
# documents every field.
set -u
top=$KSD_TOP
schema="$top/man/kinto-schema-doctor.schema.json"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fails=0
fail() {
	echo "json: $*"
	fails=$((fails + 1))
}

py=""
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import jsonschema; jsonschema.Draft202012Validator' 2>/dev/null; then
		py=$p
		break
	fi
done
if [ -z "$py" ]; then
	echo "json: python3 with jsonschema >= 4 is missing (scripts/install-deps installs python3-jsonschema)"
	exit 1
fi

# The dumps, all from the hand-written v17 fixture.
flushed="$top/tests/fixtures/v17-flushed.sql"
meta='^COPY public.metadata (name, value) FROM stdin;$'
sed "s/$meta/&\ncreated_at\t2026-01-02 03:04:05+00\nstorage_schema_version\t17/" \
	"$flushed" >"$t/intact.sql"
# Plugin version rows: one read by LPAD, one not a number, a hostile name.
sed "s/$meta/&\nattachment_schema_version\t1\nattachment_schema_version\t2\nx\\\\033\"_schema_version\tabc/" \
	"$t/intact.sql" >"$t/plugins.sql"
# Drift: an index made by hand on records, another application's table.
{
	cat "$t/intact.sql"
	printf 'CREATE INDEX idx_by_hand ON public.records USING btree (last_modified);\n'
	printf 'CREATE TABLE public.notes (\n    a integer\n);\n'
} >"$t/drift.sql"
# pg_dump -s writes neither the data nor its "Data for Name" headers.
sed -e '/^COPY /,/^\\\.$/d' -e '/^-- Data for Name: /d' "$flushed" >"$t/schema-only.sql"
# COLLATE "C" on records (a v19 feature) without the v18 column: no version fits.
sed -e '/^CREATE TABLE public.records/,/^);/s/^\(    [a-z_]*id\) text NOT NULL/& COLLATE pg_catalog."C"/' \
	-e "s/$meta/&\nstorage_schema_version\t21\nstorage_schema_version\t22/" \
	"$flushed" >"$t/contradictory.sql"
printf -- '--\n-- PostgreSQL database dump\n--\n\nCREATE TABLE public.t (\n    a integer\n);\n\n--\n-- PostgreSQL database dump complete\n--\n\n' >"$t/other.sql"
{
	printf -- '--\n-- PostgreSQL database cluster dump\n--\n\n\\connect kinto\n\n'
	cat "$flushed"
	printf '\\connect kinto2\n\n'
	cat "$t/intact.sql"
	printf -- '--\n-- PostgreSQL database cluster dump complete\n--\n\n'
} >"$t/all.sql"

# run EXPECTED-STATUS ARGS...: appends the JSON lines to $t/all.jsonl
run() {
	want=$1
	shift
	"$KSD" --format=json "$@" >"$t/one.jsonl" 2>"$t/err" <"$flushed"
	rc=$?
	[ "$rc" -eq "$want" ] || fail "$*: exit $rc, expected $want: $(cat "$t/err")"
	[ -s "$t/one.jsonl" ] || fail "$*: no JSON"
	cat "$t/one.jsonl" >>"$t/all.jsonl"
}
: >"$t/all.jsonl"
run 1 "$flushed"
run 0 "$t/intact.sql"
run 0 "$t/plugins.sql"
run 0 "$t/drift.sql"
run 2 "$t/schema-only.sql"
run 2 "$t/contradictory.sql"
run 1 --assume-version=17 "$t/contradictory.sql"
run 2 "$t/other.sql"
run 1 "$t/all.sql"
run 1 -
# Archives (dump: archive_version, compression; restore: releases, except)
# and a plain file compressed whole (restore: not restorable as it is).
run 0 "$top/testdata/pg17/mig-v17.dump"
run 0 "$top/testdata/pg15/mig-v17.sql.gz"
run 0 "$top/testdata/restore/restore-first.tar"
# Corpus dumps whose table rows say more: a deleted/records twin, and
# kinto-attachment's rows agreeing with its version row or not.
c=$top/testdata/pg15
run 0 "$c/mig-v11.sql"
run 0 "$c/mig-v26-attachment-v1-no-row.sql"
run 0 "$c/mig-v26-attachment-v2.dump"
run 0 "$c/mig-v26-attachment-v2-unmoved.sql"
# Another application's storage.objects: no Kinto, and the schema named.
run 2 "$c/not-kinto-storage-objects.dump"
[ "$(wc -l <"$t/all.jsonl")" -eq 19 ] || fail "expected 19 JSON lines, got $(wc -l <"$t/all.jsonl")"
for s in '"status": "ok"' '"status": "fix-needed"' '"status": "undetermined"' \
	'"schema": null' '"database": "kinto2"' '"assumed": true' '"metadata": "not-dumped"' \
	'"input": "(stdin)"' '"contradictions": \["' '"plugins": \[{"name": "attachment", "recorded": 2' \
	'"name": "x\\u001b\\"", "recorded": null, "recorded_value": "abc"' \
	'"archive_version": "1.16"' '"restorable": false' '"except": \["13", "17", "18", "19"\]' \
	'"releases": \["13.22", ' '"timeline": \[{"event": "install", "time": "2026-01-02 03:04:05+00"' \
	'"event": "flush"' \
	'"drift": \[{"kind": "index", "name": "idx_by_hand", "table": "records", "what": "extra"}\]' \
	'"other_tables": \["notes"\]' \
	'"evidence": \[{"rows": "deleted-twin-in-records", "id": "00000001-' \
	'"recorded": null, "recorded_value": null, "reads": 1, "current": 2, "data_version": 1, "unmoved_rows": 2, "agrees": true' \
	'"reads": 2, "current": 2, "data_version": 2, "unmoved_rows": 0, "agrees": true' \
	'"reads": 2, "current": 2, "data_version": 1, "unmoved_rows": 2, "agrees": false' \
	'"rows": {"access_control_entries": 2, ' '"resources": {"record": ' \
	'"not_kinto": \[{"database": null, "schema": "storage", "table": "objects"'; do
	grep -q "$s" "$t/all.jsonl" || fail "no line has $s"
done

"$py" - "$schema" "$t/all.jsonl" "$top/man/kinto-schema-doctor.1" >"$t/py.out" 2>&1 <<'PY' || fail "$(cat "$t/py.out")"
import copy, json, sys
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

with open(sys.argv[1]) as f:
    schema = json.load(f)
Draft202012Validator.check_schema(schema)
v = Draft202012Validator(schema)
bad = 0
records = []
with open(sys.argv[2]) as f:
    for n, line in enumerate(f, 1):
        rec = json.loads(line)
        records.append(rec)
        if v.is_valid(rec):
            continue
        # Explain against the form the record claims to be, not both.
        form = "no_instance" if rec.get("schema") is None else "instance"
        one = Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/" + form})
        e = best_match(one.iter_errors(rec))
        print(f"line {n}: {e.message[:200] if e else 'invalid'} at {list(e.absolute_path) if e else []}")
        bad += 1

# The schema must be strict: each field dropped, or given a value of another
# type, makes a valid record invalid; so must an unknown field. The keys of
# MAPS are the dump's own (table and resource names): only their values'
# type is checked.
MAPS = ("rows", "resources")
def mutants(rec, path=()):
    for k, val in rec.items():
        p = path + (k,)
        yield p, "missing", None
        for other in ("text",) if k in MAPS else ({"x": 1}, "text", 7, True, [3]):
            if type(other) is not type(val):
                yield p, "wrong type", other
                break
        if isinstance(val, dict) and k in MAPS:
            for name in val:
                yield p + (name,), "wrong type", "text"
        elif isinstance(val, dict):
            yield from mutants(val, p)
    yield path + ("unexpected_field",), "added", 1

def apply(rec, path, kind, value):
    r = copy.deepcopy(rec)
    obj = r
    for k in path[:-1]:
        obj = obj[k]
    if kind == "missing":
        del obj[path[-1]]
    else:
        obj[path[-1]] = value
    return r

for rec in records:
    for path, kind, value in mutants(rec):
        if v.is_valid(apply(rec, path, kind, value)):
            print(f"schema accepts {'.'.join(path)} {kind} in {rec['input']}")
            bad += 1
# Every field the tool writes is documented under JSON OUTPUT of the man page
# (as a .B or .BR term).
with open(sys.argv[3]) as f:
    man = f.read()
section = man.split("\n.SH JSON OUTPUT\n", 1)[1].split("\n.SH ", 1)[0]
terms = set()
for line in section.splitlines():
    if line.startswith((".B ", ".BR ")):
        terms.update(w.strip('",') for w in line.split()[1:])
def keys(rec):
    for k, val in rec.items():
        yield k
        if isinstance(val, dict) and k not in MAPS:
            yield from keys(val)
for k in sorted({k for rec in records for k in keys(rec)}):
    if k not in terms:
        print(f"man page JSON OUTPUT does not document {k}")
        bad += 1
sys.exit(1 if bad else 0)
PY
[ "$fails" -eq 0 ]
