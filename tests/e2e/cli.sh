#!/bin/sh
# Command-line manners: exit codes, one-line errors naming the file and the
# place, never a crash, whatever the input.
set -u
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fails=0
fail() {
	echo "cli: $*"
	fails=$((fails + 1))
}

# expect CODE PATTERN -- ARGS: exit status CODE, stderr one line matching PATTERN
expect() {
	code=$1 pattern=$2
	shift 3
	"$KSD" "$@" >"$t/out" 2>"$t/err"
	rc=$?
	[ "$rc" -eq "$code" ] || fail "$*: exit $rc, expected $code"
	if [ -n "$pattern" ]; then
		grep -q -- "$pattern" "$t/err" || fail "$*: stderr lacks '$pattern': $(cat "$t/err")"
		[ "$(grep -c . "$t/err")" -le 2 ] || fail "$*: stderr is not one line: $(cat "$t/err")"
	fi
}

expect 0 "" -- --help
grep -q "^usage: kinto-schema-doctor" "$t/out" || fail "--help prints no usage"
grep -q "4  unreadable, corrupt or incomplete input" "$t/out" || fail "--help lacks the exit codes"
expect 0 "" -- --version
grep -q "^kinto-schema-doctor [0-9]" "$t/out" || fail "--version output: $(cat "$t/out")"
expect 3 "no DUMP given" --
expect 3 "unknown option '--bogus'" -- --bogus x
expect 3 "unknown format 'xml'" -- --format=xml x
expect 3 "needs a value" -- x --format
expect 3 "from 1 to 26" -- --assume-version=27 x
expect 3 "from 1 to 26" -- --assume-version=1x x
expect 3 "auto, always or never" -- --color=sometimes x
expect 3 "more than once" -- - -

expect 4 "'$t/missing'.*cannot open" -- "$t/missing"
: >"$t/empty"
expect 4 "'$t/empty' offset 0: empty input" -- "$t/empty"
head -c 4096 /dev/urandom | tr -d '\n' | sed 's/^/\x01\x02/' >"$t/binary"
printf '\0\0\0\0binary' >>"$t/binary"
expect 4 "not a pg_dump file" -- "$t/binary"

# A plain dump cut at several places: exit 4 with a partial result, a line number.
cat >"$t/dump.sql" <<'SQL'
--
-- PostgreSQL database dump
--

SET standard_conforming_strings = on;
CREATE TABLE public.metadata (
    name character varying(128) NOT NULL,
    value character varying(512) NOT NULL
);
CREATE FUNCTION public.f() RETURNS trigger
    LANGUAGE plpgsql
    AS $_$ BEGIN RAISE NOTICE 'it''s $$ here;'; RETURN NEW; END; $_$;
COPY public.metadata (name, value) FROM stdin;
storage_schema_version	3
\.

--
-- PostgreSQL database dump complete
--

SQL
# --list exits as the report does: this schema of a few lines is undetermined.
expect 2 "" -- --list "$t/dump.sql"
for cut in 40 200 330 380 420; do
	head -c $cut "$t/dump.sql" >"$t/cut$cut.sql"
	expect 4 "'$t/cut$cut.sql' line [0-9]*: unexpected end of input" -- --list "$t/cut$cut.sql"
done
at=$(grep -b -o 'RAISE' "$t/dump.sql" | cut -d: -f1)
head -c "$at" "$t/dump.sql" >"$t/instr.sql"
expect 4 "inside a dollar-quoted string" -- --list "$t/instr.sql"
at=$(grep -b -o 'storage_schema_version' "$t/dump.sql" | cut -d: -f1)
head -c "$((at + 5))" "$t/dump.sql" >"$t/incopy.sql"
expect 4 "inside the COPY data" -- --list "$t/incopy.sql"

# Compressed, from a file and from a pipe; truncated compressed input.
gzip -c "$t/dump.sql" >"$t/dump.sql.gz"
expect 2 "" -- --list "$t/dump.sql.gz"
grep -q "plain, gzip" "$t/out" || fail "gzip not reported: $(head -1 "$t/out")"
for z in "bzip2 -c" "xz -c" "zstd -q -c" "lz4 -q -c"; do
	$z "$t/dump.sql" >"$t/z"
	"$KSD" --list - <"$t/z" >"$t/out" 2>"$t/err"
	rc=$?
	[ "$rc" -eq 2 ] || fail "$z from stdin: exit $rc: $(cat "$t/err")"
done
head -c 100 "$t/dump.sql.gz" >"$t/cut.gz"
expect 4 "'$t/cut.gz'.*decompress" -- "$t/cut.gz"

# A file name with a terminal escape is shown escaped.
esc=$(printf 'a\033[31mb')
cp "$t/empty" "$t/$esc"
"$KSD" "$t/$esc" 2>"$t/err" >/dev/null
grep -q "$(printf '\033')" "$t/err" && fail "escape byte reached stderr"
grep -q 'a\\x1b\[31mb' "$t/err" || fail "escaped name not shown: $(cat "$t/err")"

[ "$fails" -eq 0 ]
