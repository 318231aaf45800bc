#!/bin/sh
# Tables named like Kinto's in other applications' real dumps (testdata's
# not-kinto-* files, plain and custom): every output says "no Kinto" with the
# sentence why, exits 2 (--list: names it under the schema), and shows no
# contradictions, drift or prediction; a Kinto beside such a schema in one
# dump is still the one instance.
set -u
top=$KSD_TOP
c=$top/testdata/pg15
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fails=0
fail() {
	echo "not-kinto: $*"
	fails=$((fails + 1))
}

objects="schema storage: a table named objects, but none of Kinto's columns (parent_id, resource_name, data, last_modified) or functions"
records="schema public: a table named records, but only data, last_modified of Kinto's columns (parent_id, collection_id, data, last_modified) and none of its functions"
deleted="schema public: a table named deleted, but none of Kinto's columns (parent_id, collection_id, last_modified) or functions"

# check BASE SENTENCE: BASE.sql and BASE.dump in every output.
check() {
	for f in "$1.sql" "$1.dump"; do
		for mode in text --explain --format=json --sql; do
			opt=$mode
			[ "$mode" = text ] && opt=--color=never
			"$KSD" "$opt" "$f" >"$t/out" 2>"$t/err"
			rc=$?
			[ "$rc" -eq 2 ] || fail "$f $mode: exit $rc, expected 2: $(cat "$t/err")"
			grep -qF "no Kinto: $2" "$t/out" || fail "$f $mode: no sentence: $(head -c 300 "$t/out")"
			if grep -qE '^(contradicts|drift|Kinto would|storage|permission) ' "$t/out" ||
				grep -qE '"drift"|"kinto":|"contradictions": \["' "$t/out"; then
				fail "$f $mode: a Kinto answer for no Kinto: $(head -c 300 "$t/out")"
			fi
		done
		"$KSD" --list "$f" >"$t/out" 2>"$t/err"
		grep -qF "    not Kinto: ${2#*: }" "$t/out" || fail "$f --list: no 'not Kinto' line"
	done
}
check "$c/not-kinto-storage-objects" "$objects"
check "$c/not-kinto-records" "$records"
check "$c/not-kinto-deleted" "$deleted"

# JSON names the schema, the table and the columns it has.
"$KSD" --format=json "$c/not-kinto-records.dump" >"$t/out"
grep -qF '"not_kinto": [{"database": null, "schema": "public", "table": "records", "kinto_columns": ["parent_id", "collection_id", "data", "last_modified"], "has": ["data", "last_modified"]}]' \
	"$t/out" || fail "records JSON: $(cat "$t/out")"

# A dump of Kinto and another application's storage.objects (both files
# cut to their schemas and joined): one instance, Kinto's, exit 0.
{
	sed -n '/^CREATE SCHEMA storage;/,$p' "$c/not-kinto-storage-objects.sql" | sed '/^\\unrestrict/d'
	sed '/^\\restrict/d' "$c/mig-v26.sql"
} >"$t/both.sql"
"$KSD" --format=json "$t/both.sql" >"$t/out" 2>"$t/err"
rc=$?
[ "$rc" -eq 0 ] || fail "Kinto beside storage.objects: exit $rc: $(cat "$t/err")"
[ "$(wc -l <"$t/out")" -eq 1 ] && grep -q '"schema": "public"' "$t/out" ||
	fail "Kinto beside storage.objects: $(cat "$t/out")"

[ "$fails" -eq 0 ]
