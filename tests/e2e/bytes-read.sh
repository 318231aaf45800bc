#!/bin/sh
# A custom dump with recorded offsets is analysed from its header, its TOC
# and the metadata table's block alone: with megabytes of other table data
# before and after that block, under 1 MiB of the file is read. The count
# comes from the hidden KSD_STATS=1 switch (one "bytes read N" line on
# stderr). --list, which counts every table's rows, reads them all. Needs PostgreSQL 15 and root (the server runs as `postgres`);
# skipped with a message otherwise. KSD_PG_PORT picks the port.
set -u
bin=${PGBIN:-/usr/lib/postgresql/15/bin}
port=${KSD_PG_PORT:-54362}
if [ "$(id -u)" != 0 ] || ! [ -x "$bin/initdb" ] || ! id postgres >/dev/null 2>&1; then
	echo "bytes-read: no PostgreSQL 15 server can be started here, skipped"
	exit 0
fi
t=$(mktemp -d)
chown postgres "$t"
pg() { runuser -u postgres -- "$@"; }
stop() {
	pg "$bin/pg_ctl" -D "$t/data" -m immediate stop >/dev/null 2>&1
	rm -rf "$t"
}
trap stop EXIT
if ! pg "$bin/initdb" -D "$t/data" -U postgres --auth=trust --no-sync >/dev/null 2>&1 ||
	! pg "$bin/pg_ctl" -D "$t/data" -w -l "$t/log" \
		-o "-k $t -p $port -c listen_addresses= -c fsync=off" start >/dev/null 2>&1; then
	echo "bytes-read: the PostgreSQL 15 server did not start, skipped"
	exit 0
fi
fails=0
fail() {
	echo "bytes-read: $*"
	fails=$((fails + 1))
}
# Tables sorted before and after metadata, each with a few MB of barely
# compressible text, so its block sits in the middle of the data.
pg "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$t" -p "$port" -d postgres <<'SQL' || fail "setup failed"
CREATE TABLE aaa_before (s text);
INSERT INTO aaa_before SELECT md5(i::text) || md5((i * 7)::text) FROM generate_series(1, 60000) i;
CREATE TABLE metadata (name character varying(128) PRIMARY KEY, value character varying(512));
INSERT INTO metadata VALUES ('storage_schema_version', '20');
CREATE TABLE zzz_after (s text);
INSERT INTO zzz_after SELECT md5(i::text) || md5((i * 3)::text) FROM generate_series(1, 60000) i;
SQL
for z in "" "-Z0"; do
	pg "$bin/pg_dump" -h "$t" -p "$port" -Fc $z -f "$t/big.dump" postgres || fail "pg_dump $z failed"
	size=$(wc -c <"$t/big.dump")
	KSD_STATS=1 "$KSD" "$t/big.dump" >"$t/out" 2>"$t/err"
	[ $? -eq 2 ] || fail "-Fc $z: exit status, expected 2 (no storage tables): $(cat "$t/err")"
	grep -q "Kinto reads '20'" "$t/out" || fail "-Fc $z: metadata rows not read"
	read_bytes=$(sed -n 's/.*bytes read \([0-9]*\)$/\1/p' "$t/err")
	if [ -z "$read_bytes" ]; then
		fail "-Fc $z: no KSD_STATS line: $(cat "$t/err")"
	elif [ "$size" -lt 2097152 ] || [ "$read_bytes" -ge 1048576 ]; then
		fail "-Fc $z: $read_bytes bytes read of $size (want a file over 2 MiB, under 1 MiB read)"
	else
		echo "bytes-read: -Fc $z: $read_bytes of $size bytes read"
	fi
	# (--list exits as the report does: 2 here, rows without Kinto's tables)
	KSD_STATS=1 "$KSD" --list "$t/big.dump" >"$t/out" 2>"$t/err"
	rc=$?
	[ "$rc" -le 2 ] || fail "-Fc $z --list: exit $rc"
	grep -q "^      rows 60000$" "$t/out" || fail "-Fc $z --list: rows not counted"
	read_bytes=$(sed -n 's/.*bytes read \([0-9]*\)$/\1/p' "$t/err")
	[ "${read_bytes:-0}" -ge $((size * 9 / 10)) ] ||
		fail "-Fc $z --list: ${read_bytes:-no} bytes read of $size, want nearly all"
done
[ "$fails" -eq 0 ]
