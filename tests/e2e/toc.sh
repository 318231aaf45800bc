#!/bin/sh
# --list --toc against the real `pg_restore -l`, entry line for entry line,
# on the archive fixtures and (when present) the generated corpus. The ';'
# header lines are left out of the comparison: pg_restore renders the
# creation time (stored as the dump host's local time, without a zone) in
# the reading machine's zone, and its "Compression:" line changes form with
# pg_restore's own release. Skipped when no pg_restore is installed;
# KSD_PG_RESTORE names another one (a newer release reads 1.15/1.16 archives).
set -u
top=${KSD_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
data=${KSD_TESTDATA:-$top/testdata}
case $data in /*) ;; *) data=$top/$data ;; esac
restore=${KSD_PG_RESTORE:-}
[ -n "$restore" ] || restore=$(command -v pg_restore 2>/dev/null || ls /usr/lib/postgresql/*/bin/pg_restore 2>/dev/null | tail -1)
if [ -z "$restore" ]; then
	echo "toc: no pg_restore installed, skipped"
	exit 0
fi
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fails=0
compared=0

check() {
	# An archive newer than this pg_restore reads is not compared.
	"$restore" -l "$1" 2>/dev/null | grep -v '^;' >"$t/want" || return 0
	[ -s "$t/want" ] || return 0
	"$KSD" --list --toc "$1" >"$t/out" 2>"$t/err"
	rc=$?
	grep -v '^;' "$t/out" >"$t/got"
	compared=$((compared + 1))
	if [ "$rc" -ne 0 ] || ! cmp -s "$t/want" "$t/got"; then
		echo "toc: $1: exit $rc, differs from pg_restore -l: $(diff "$t/want" "$t/got" | head -6) $(head -c 200 "$t/err")"
		fails=$((fails + 1))
	fi
	grep -q '^; Selected TOC Entries:$' "$t/out" || {
		echo "toc: $1: no header"
		fails=$((fails + 1))
	}
}

for a in "$top"/testdata/archive/*.custom "$top"/testdata/archive/*.tar "$top"/testdata/archive/*.dir; do
	[ -e "$a" ] && check "$a"
done
if [ -f "$data/manifest.tsv" ]; then
	k=0
	while IFS='	' read -r file _pg format _rest; do
		case $format in custom* | tar* | directory*) ;; *) continue ;; esac
		k=$((k + 1))
		[ $((k % ${KSD_SAMPLE:-1})) -eq 0 ] && check "$data/$file" # every Nth under valgrind
	done <"$data/manifest.tsv"
fi

# A plain dump has no TOC: said on one line, exit 0.
"$KSD" --list --toc "$top/testdata/archive/tiny.sql" >"$t/out" 2>&1 || {
	echo "toc: plain dump: exit $?"
	fails=$((fails + 1))
}
grep -q "no TOC" "$t/out" || {
	echo "toc: plain dump: $(cat "$t/out")"
	fails=$((fails + 1))
}
echo "toc: $compared archives compared with $(basename "$restore") -l, $fails failed"
[ "$fails" -eq 0 ]
