#!/bin/sh
# Regenerates the committed seed corpora tests/fuzz/seeds/<harness>/ from
# small real dumps made by PostgreSQL 15 (the Kinto v26 stand-in schema of
# tests/e2e/kinto-v26.sql in a plain and in a hostile schema name, with
# metadata rows and a record) plus hand-written row inputs. Not run by
# `make check`: run it by hand after changing a harness's input format.
# Usage: sh tests/fuzz/make-seeds.sh [PORT]
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib/pg.sh"
t=$(mktemp -d)
trap 'pg_stop; rm -rf "$t"' EXIT
pg_start "${1:-54351}" || {
	echo "make-seeds: cannot start PostgreSQL: $pg_why" >&2
	exit 1
}
seeds="$top/tests/fuzz/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/plain" "$seeds/rows" "$seeds/archive" "$seeds/directory" "$seeds/unpack"

load() { # database schema
	createdb "$1"
	PGOPTIONS="-c client_min_messages=warning" psql -q -v ON_ERROR_STOP=1 -v sch="$2" "$1" <<SQL
CREATE SCHEMA IF NOT EXISTS :"sch";
SET search_path = :"sch";
\i $top/tests/e2e/kinto-v26.sql
INSERT INTO metadata VALUES ('created_at', now()::text), ('storage_schema_version', '26'),
    ('permission_schema_version', '2'), ('odd'||chr(9)||'name', E'back\\\\slash\nnew line');
INSERT INTO objects (id, parent_id, resource_name, data, deleted)
    VALUES ('r1', '/buckets/b/collections/c', 'record', '{"title": "x"}', false);
INSERT INTO access_control_entries VALUES ('/buckets/b', 'write', 'account:admin');
SQL
}
load kinto public
load odd "$(printf 'k"in\047to\\\n$(x)\033[31m')"

pg_dump -f "$t/kinto.sql" kinto
pg_dump --inserts -f "$t/inserts.sql" kinto
pg_dump --column-inserts --rows-per-insert=3 -f "$t/colins.sql" kinto
pg_dump -f "$t/odd.sql" odd
cp "$t/kinto.sql" "$t/inserts.sql" "$t/colins.sql" "$t/odd.sql" "$seeds/plain/"
pg_dumpall --no-role-passwords >"$seeds/plain/cluster.sql"

# Archives and compressed plain files, through format detection.
pg_dump -Fc -f "$seeds/archive/kinto.custom" kinto
pg_dump -Fc -Z0 -f "$seeds/archive/kinto-z0.custom" kinto
pg_dump -Fc -Z0 -f "$seeds/archive/odd-z0.custom" odd
pg_dump -Ft -f "$seeds/archive/kinto.tar" kinto
gzip -c "$t/kinto.sql" >"$seeds/archive/kinto.sql.gz"
zstd -q -c "$t/odd.sql" >"$seeds/archive/odd.sql.zst"
lz4 -q -c "$t/inserts.sql" >"$seeds/archive/inserts.sql.lz4"
xz -T2 --block-size=4KiB -c "$t/kinto.sql" >"$seeds/archive/kinto.sql.xz"
head -c 200 "$seeds/archive/kinto-z0.custom" >"$seeds/archive/header.custom"
head -c 1024 "$seeds/archive/kinto.tar" >"$seeds/archive/header.tar"

# Directory archives, packed as the directory harness reads them.
pack() { # dir out
	{
		cat "$1/toc.dat"
		for f in "$1"/*.dat*; do
			[ "$(basename "$f")" = toc.dat ] && continue
			printf '\nKSD-FILE:%s\n' "$(basename "$f")"
			cat "$f"
		done
	} >"$2"
}
pg_dump -Fd -Z0 -f "$t/d0" kinto && pack "$t/d0" "$seeds/directory/kinto-z0"
pg_dump -Fd -f "$t/dz" kinto && pack "$t/dz" "$seeds/directory/kinto-gzip"
pg_dump -Fd -Z0 -f "$t/do" odd && pack "$t/do" "$seeds/directory/odd-z0"

# Decoder inputs: a mode byte (the sizes), then the stream; a zlib stream, several gzip
# members with trailing bytes, xz in blocks (as xz -T2 writes them), zstd
# frames with a skippable one between, lz4 frames with trailing bytes.
{ printf '\004'; gzip -c "$t/kinto.sql"; } >"$seeds/unpack/kinto.gz"
{ printf '\004'; gzip -c "$t/kinto.sql"; printf x | gzip -c; printf trailing; } >"$seeds/unpack/members.gz"
{ printf '\005'; xz -c "$t/kinto.sql"; } >"$seeds/unpack/kinto.xz"
# A zlib stream as pg_dump -Fc writes data blocks (mode bit 0: no magic).
{ printf '\005'; python3 -c 'import sys, zlib; sys.stdout.buffer.write(zlib.compress(open(sys.argv[1], "rb").read()))' "$t/kinto.sql"; } >"$seeds/unpack/kinto.zlib"
{ printf '\007'; xz -T2 --block-size=4KiB -c "$t/kinto.sql"; } >"$seeds/unpack/blocks.xz"
zstd_seed() { # the dump
	zstd -q -c "$1"
	printf '\120\052\115\030\003\000\000\000abc'
	printf 'x' | zstd -q -c --no-check
}
{ printf '\004'; zstd_seed "$t/kinto.sql"; } >"$seeds/unpack/frames.zst"
{ printf '\006'; lz4 -q -c "$t/kinto.sql"; lz4 -q -BD -B4 -c "$t/inserts.sql"; printf trailing; } >"$seeds/unpack/frames.lz4"
# xz streams one after another: blocks with sizes in their headers (-T2),
# after stream padding blocks without (-T1), then small blocks of a small
# dictionary; and blocks of 1000 bytes, read 16 bytes and written 1 at a time.
{
	printf '\003'
	xz -T2 --block-size=4KiB -c "$t/kinto.sql"
	printf '\0\0\0\0'
	xz -T1 --block-size=3KiB -c "$t/kinto.sql"
	xz -T2 --block-size=5KiB --lzma2=preset=1,dict=64KiB -c "$t/kinto.sql"
} >"$seeds/unpack/streams.xz"
{ printf '\001'; xz -T2 --block-size=1000 --lzma2=preset=1,dict=64KiB -c "$t/kinto.sql"; } \
	>"$seeds/unpack/small-blocks.xz"

# Row decoder inputs: a mode byte, then COPY lines or INSERT statements.
for f in kinto odd; do
	{
		printf '\000'
		perl -0ne 'print $1 while /(^COPY [^;]*?\.metadata \(name, value\) FROM stdin;\n.*?^\\\.\n)/msg' \
			"$t/$f.sql"
	} >"$seeds/rows/copy-$f"
done
{
	printf '\001'
	cat "$t/inserts.sql" "$t/colins.sql" "$t/odd.sql" |
		perl -0ne 'print $1 while /(^INSERT INTO [^;]*?\.metadata .*?\);\n)/msg'
} >"$seeds/rows/inserts"
printf '\000CREATE TABLE s.metadata (value text, x int, name text);\nCOPY s.metadata FROM stdin;\n26\t\\N\tstorage_schema_version\n\\x32\\066\t7\t\\\\n\\t\\b\\f\\v\\r\\a\n\\.\n' \
	>"$seeds/rows/copy-reordered"
printf "\\001INSERT INTO public.metadata (value, name) VALUES (E'2\\\\x36', U&'storage\\\\005fschema_version'), (\$q\$x'y\$q\$, NULL), (DEFAULT, 'a''b');\n" \
	>"$seeds/rows/insert-escapes"
du -sh "$seeds"
