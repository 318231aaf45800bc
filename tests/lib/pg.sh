# Sourced by tests that need a real PostgreSQL server (15 unless KSD_PG_BIN
# says otherwise). pg_start PORT starts a throw-away cluster on a unix socket
# in a temporary directory and exports PGHOST, PGPORT and PGUSER for psql and
# pg_dump; pg_stop stops it and removes everything. Callers trap pg_stop on
# EXIT. pg_start fails (status 1, reason in $pg_why) when no server can run.
pg_bin=${KSD_PG_BIN:-/usr/lib/postgresql/15/bin}
pg_dir=

pg_as() { # run a server command as the cluster owner
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

pg_start() {
	pg_why=
	for b in postgres initdb pg_ctl psql pg_dump; do
		[ -x "$pg_bin/$b" ] || {
			pg_why="no $pg_bin/$b"
			return 1
		}
	done
	if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
		pg_why="running as root and there is no postgres user"
		return 1
	fi
	pg_dir=$(mktemp -d) || return 1
	chmod 755 "$pg_dir"
	[ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
	if ! pg_as "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 \
		--no-locale >"$pg_dir/initdb.log" 2>&1; then
		pg_why="initdb failed: $(tail -3 "$pg_dir/initdb.log")"
		return 1
	fi
	if ! pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
		-o "-k $pg_dir -p $1 -c listen_addresses=''" start >/dev/null 2>&1; then
		pg_why="server did not start: $(tail -3 "$pg_dir/server.log" 2>/dev/null)"
		return 1
	fi
	export PGHOST="$pg_dir" PGPORT="$1" PGUSER=postgres
	PATH="$pg_bin:$PATH"
	export PATH
}

# pg_start_or_skip NAME PORT: pg_start, with pg_stop trapped on exit; when no
# server can run, says that test NAME is skipped and why, and exits 0.
pg_start_or_skip() {
	trap pg_stop EXIT
	trap 'exit 1' INT TERM HUP
	pg_start "$2" && return 0
	echo "$1: skipped: $pg_why"
	exit 0
}

pg_stop() {
	[ -n "$pg_dir" ] || return 0
	[ -f "$pg_dir/data/postmaster.pid" ] &&
		pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1
	rm -rf "$pg_dir"
	pg_dir=
}
