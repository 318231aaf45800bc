#!/bin/sh
# What a person sees: colour only where it belongs (--color, NO_COLOR, a
# terminal), progress only on a terminal's stderr and never with --quiet, and
# several DUMP arguments: a report each, the worst exit status.
set -u
top=$KSD_TOP
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fails=0
fail() {
	echo "ux: $*"
	fails=$((fails + 1))
}
esc=$(printf '\033')
has_esc() { grep -q "$esc" "$1"; }

flushed="$top/tests/fixtures/v17-flushed.sql"
sed 's/^COPY public.metadata (name, value) FROM stdin;$/&\ncreated_at\t2026-01-02 03:04:05+00\nstorage_schema_version\t17/' \
	"$flushed" >"$t/ok.sql"
printf -- '--\n-- PostgreSQL database dump\n--\n\nCREATE TABLE public.t (\n    a integer\n);\n\n--\n-- PostgreSQL database dump complete\n--\n\n' >"$t/other.sql"
: >"$t/empty.sql"

# --- colour, into a file or pipe
"$KSD" --color=always "$flushed" >"$t/out" 2>&1
has_esc "$t/out" || fail "--color=always gives no escape"
grep -q "${esc}\[33mfix needed" "$t/out" || fail "--color=always: the verdict is not yellow"
NO_COLOR=1 "$KSD" --colour=always "$flushed" >"$t/out" 2>&1
has_esc "$t/out" || fail "--colour=always loses to NO_COLOR"
"$KSD" --color=never "$flushed" >"$t/out" 2>&1
has_esc "$t/out" && fail "--color=never gives escapes"
"$KSD" "$flushed" 2>&1 | cat >"$t/out"
has_esc "$t/out" && fail "auto colours a pipe"
"$KSD" --color=always --format=json "$flushed" >"$t/out" 2>&1
has_esc "$t/out" && fail "--format=json is coloured"
"$KSD" --color=always --sql "$flushed" >"$t/out" 2>&1
has_esc "$t/out" && fail "--sql is coloured"

# --- on a terminal, through script(1)'s pseudo-terminal (both streams)
if command -v script >/dev/null 2>&1; then
	# tty OUT ENV...: runs the tool with ARGS in $args on a terminal
	tty() {
		out=$1
		shift
		env "$@" script -qec "sh -c '$args'" /dev/null </dev/null >"$out" 2>&1
	}
	args="\"$KSD\" \"$flushed\""
	tty "$t/tty" TERM=xterm NO_COLOR=
	has_esc "$t/tty" || fail "auto does not colour a terminal"
	tty "$t/tty" TERM=xterm NO_COLOR=1
	has_esc "$t/tty" && fail "NO_COLOR does not win over auto"
	tty "$t/tty" TERM=dumb NO_COLOR=
	has_esc "$t/tty" && fail "auto colours TERM=dumb"
	grep -q "fix needed" "$t/tty" || fail "no report on the terminal: $(cat "$t/tty")"

	# Progress shows once a read has taken half a second: a producer that
	# pauses makes any input slow. Shown on a terminal, not with --quiet.
	# Under valgrind the tool may start after the pause is over, so the
	# valgrind pass (KSD_SLOW=1) leaves these timing checks to the others.
	if [ "${KSD_SLOW:-0}" = 1 ]; then
		echo "ux: progress checks skipped under KSD_SLOW=1"
	else
		half=$(($(wc -c <"$flushed") / 2))
		feed="{ head -c $half \"$flushed\"; sleep 1; tail -c +$((half + 1)) \"$flushed\"; }"
		args="$feed | \"$KSD\" --color=never - >/dev/null"
		tty "$t/tty" TERM=xterm
		grep -q "(stdin): [0-9]* MiB" "$t/tty" || fail "no progress on a terminal: $(cat "$t/tty")"
		args="$feed | \"$KSD\" --quiet --color=never - >/dev/null"
		tty "$t/tty" TERM=xterm
		[ -s "$t/tty" ] && fail "--quiet shows progress: $(cat "$t/tty")"
		# stdout on the terminal, stderr into a file: no progress either.
		args="$feed | \"$KSD\" --color=never - 2>\"$t/err\""
		tty "$t/tty" TERM=xterm
		[ -s "$t/err" ] && fail "progress into a file: $(cat "$t/err")"
		grep -q "fix needed" "$t/tty" || fail "no report with the slow feed: $(cat "$t/tty")"
	fi
else
	echo "ux: script(1) missing, terminal checks skipped"
fi

# --- several DUMP arguments: a report each, in order, the worst status wins
# check WANT ARGS...
check() {
	want=$1
	shift
	"$KSD" "$@" >"$t/out" 2>"$t/err"
	rc=$?
	[ "$rc" -eq "$want" ] || fail "$*: exit $rc, expected $want"
}
check 0 "$t/ok.sql" "$t/ok.sql"
check 1 "$t/ok.sql" "$flushed"
grep -c "^verdict" "$t/out" | grep -qx 2 || fail "ok + flushed: not two reports: $(cat "$t/out")"
[ "$(sed -n 1p "$t/out")" = "$t/ok.sql: schema public" ] || fail "reports not in argument order"
check 1 "$flushed" "$t/ok.sql"
check 2 "$t/ok.sql" "$flushed" "$t/other.sql"
check 4 "$t/ok.sql" "$t/empty.sql" "$flushed"
grep -q "'$t/empty.sql' offset 0: empty input" "$t/err" || fail "no error for the empty dump"
grep -c "^verdict" "$t/out" | grep -qx 2 || fail "the dumps around a bad one are not reported"
check 4 "$t/missing.sql" "$t/ok.sql"
check 1 --format=json "$t/ok.sql" "$flushed"
[ "$(wc -l <"$t/out")" -eq 2 ] || fail "json: two dumps, $(wc -l <"$t/out") lines"
grep -q '"status": "ok"' "$t/out" || fail "json: no ok line"
grep -q '"status": "fix-needed"' "$t/out" || fail "json: no fix-needed line"
check 1 --sql "$flushed" "$t/ok.sql"
grep -q "^-- no fix for '$t/ok.sql'" "$t/out" || fail "--sql: no comment for the consistent dump"
grep -q "^COMMIT;" "$t/out" || fail "--sql: no script for the flushed dump"
cp "$t/ok.sql" "$t/stdin.sql"
check 0 "$t/ok.sql" - <"$t/stdin.sql"

# No progress and nothing else on a non-terminal stderr for a clean run.
"$KSD" "$t/ok.sql" "$flushed" >/dev/null 2>"$t/err"
[ -s "$t/err" ] && fail "stderr is not silent: $(cat "$t/err")"
[ "$fails" -eq 0 ]
