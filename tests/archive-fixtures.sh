#!/bin/sh
# Regenerates testdata/archive/: one tiny database (a Kinto-like `metadata`
# table with rows, a `records` table with data, a function, a trigger and an
# index) dumped by PostgreSQL 15 in every archive form the readers handle,
# plus the plain dump the archive readers are compared with.
#   sh tests/archive-fixtures.sh [PORT]     (run as root; needs PostgreSQL 15)
# With KSD_PG17_ROOT / KSD_PG18_ROOT naming a Debian root holding pg_dump 17
# or 18 (see the team notes on running other releases), the same databases
# are also dumped by them: archive 1.16, lz4 and zstd, large-object
# metadata entries, and the TOC copy these releases append after the data
# when writing to a redirected stdout.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
out="$top/testdata/archive"
port=${1:-54360}
bin=${PGBIN:-/usr/lib/postgresql/15/bin}
t=$(mktemp -d)
chown postgres "$t"
pg() { runuser -u postgres -- "$@"; }
stop() {
	pg "$bin/pg_ctl" -D "$t/data" -m immediate stop >/dev/null 2>&1 || true
	rm -rf "$t"
}
trap stop EXIT
pg "$bin/initdb" -D "$t/data" -U postgres --auth=trust --no-sync >/dev/null
pg "$bin/pg_ctl" -D "$t/data" -w -l "$t/log" \
	-o "-k $t -p $port -c listen_addresses= -c fsync=off" start >/dev/null
psql() { pg "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$t" -p "$port" "$@"; }
psql -d postgres -c "CREATE DATABASE tiny"
psql -d tiny <<'SQL'
CREATE TABLE metadata (
    name character varying(128) NOT NULL PRIMARY KEY,
    value character varying(512) NOT NULL
);
INSERT INTO metadata VALUES ('storage_schema_version', '14'),
    ('permission_schema_version', '1'), ('note', E'tab\there, newline\nthere');
CREATE TABLE records (
    id text NOT NULL,
    parent_id text NOT NULL,
    last_modified timestamp without time zone NOT NULL DEFAULT now(),
    data jsonb NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (id, parent_id)
);
CREATE INDEX idx_records_last_modified ON records (last_modified);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.last_modified := now();
    RETURN NEW;
END;
$$;
CREATE TRIGGER tgr_records_touch BEFORE INSERT OR UPDATE ON records
    FOR EACH ROW EXECUTE PROCEDURE touch();
INSERT INTO records (id, parent_id, data)
    SELECT 'r' || i, '/buckets/b', jsonb_build_object('n', i) FROM generate_series(1, 40) i;
SQL
# Names and entries that test the TOC listing: a newline in a name, a schema
# with a space, an extension (no owner), comments, grants, a sequence, a view
# and a large object.
psql -d postgres -c "CREATE DATABASE odd" -c "CREATE ROLE reader"
psql -d odd <<'SQL'
CREATE SCHEMA "my schema";
CREATE EXTENSION pgcrypto SCHEMA "my schema";
COMMENT ON DATABASE odd IS 'listed by pg_restore -l only with --create';
COMMENT ON SCHEMA "my schema" IS 'a comment';
CREATE TABLE "my schema"."two
lines" (n serial PRIMARY KEY, "tab	name" text);
INSERT INTO "my schema"."two
lines" ("tab	name") VALUES ('x'), (NULL);
CREATE VIEW "my schema".v AS SELECT n FROM "my schema"."two
lines";
GRANT SELECT ON "my schema".v TO reader;
CREATE TABLE metadata (name text, value text);
INSERT INTO metadata VALUES ('storage_schema_version', '2');
SELECT lo_from_bytea(0, 'a large object');
SQL
rm -rf "$out"
mkdir -p "$out"
dump() { pg "$bin/pg_dump" -h "$t" -p "$port" "$@" tiny; }
dump -Fp >"$out/tiny.sql"
dump -Fc --inserts >"$out/tiny-inserts.custom"
dump -Fc >"$out/tiny.custom"
dump -Fc -Z0 >"$out/tiny-z0.custom"
dump -Fc | cat >"$out/tiny-pipe.custom"
dump -Ft >"$out/tiny.tar"
dump -Fd -f "$t/dir" && cp -r "$t/dir" "$out/tiny.dir"
dump -Fd -Z0 -f "$t/dir0" && cp -r "$t/dir0" "$out/tiny-z0.dir"
odd() { pg "$bin/pg_dump" -h "$t" -p "$port" "$@" odd; }
odd -Fp >"$out/odd.sql"
odd -Fc >"$out/odd.custom"
odd -Ft >"$out/odd.tar"
odd -Fd -f "$t/odd" && cp -r "$t/odd" "$out/odd.dir"
# pg_dump 17/18 from another Debian root, run through that root's loader.
newer() { # VERSION ROOT DB ARGS...
	v=$1 root=$2 db=$3
	shift 3
	pg "$root/lib64/ld-linux-x86-64.so.2" \
		--library-path "$root/usr/lib/x86_64-linux-gnu:$root/lib/x86_64-linux-gnu" \
		"$root/usr/lib/postgresql/$v/bin/pg_dump" -h "$t" -p "$port" "$@" "$db"
}
if [ -n "${KSD_PG17_ROOT:-}" ]; then
	r=$KSD_PG17_ROOT
	newer 17 "$r" tiny -Fp >"$out/tiny17.sql"
	newer 17 "$r" tiny -Fc --compress=zstd >"$out/tiny17-zstd.custom"
	newer 17 "$r" tiny -Fd --compress=lz4 -f "$t/d17" && cp -r "$t/d17" "$out/tiny17-lz4.dir"
	newer 17 "$r" odd -Fp >"$out/odd17.sql"
	newer 17 "$r" odd -Fc >"$out/odd17.custom"
fi
if [ -n "${KSD_PG18_ROOT:-}" ]; then
	newer 18 "$KSD_PG18_ROOT" tiny -Fp >"$out/tiny18.sql"
	newer 18 "$KSD_PG18_ROOT" tiny -Fc --compress=lz4 >"$out/tiny18-lz4.custom"
fi
chmod -R u+rwX,go+rX "$out"
du -sk "$out"
