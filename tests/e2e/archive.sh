#!/bin/sh
# Archive readers against the plain reader: the catalog (--list, without its
# first line naming the input and its format) and the analysis exit status of
# every custom, tar and directory dump must equal those of the plain dump of
# the same database. testdata/archive/ always; testdata/manifest.tsv entries
# too when that corpus is present, paired by file name stem.
set -u
top=${KSD_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
data=${KSD_TESTDATA:-$top/testdata}
case $data in /*) ;; *) data=$top/$data ;; esac
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fails=0
pairs=0
fail() {
	echo "archive: $*"
	fails=$((fails + 1))
}

# same_as PLAIN ARCHIVE [stdin]: --list and exit status agree.
same_as() {
	"$KSD" --list "$1" 2>"$t/perr" | tail -n +2 >"$t/plain"
	"$KSD" "$1" >/dev/null 2>&1
	want=$?
	if [ "${3:-}" = stdin ]; then
		cat "$2" | "$KSD" --list - 2>"$t/aerr" | tail -n +2 >"$t/arch"
		cat "$2" | "$KSD" - >/dev/null 2>&1
		got=$?
	else
		"$KSD" --list "$2" 2>"$t/aerr" | tail -n +2 >"$t/arch"
		"$KSD" "$2" >/dev/null 2>&1
		got=$?
	fi
	pairs=$((pairs + 1))
	if ! cmp -s "$t/plain" "$t/arch"; then
		fail "$2${3:+ ($3)}: --list differs from $(basename "$1"): $(diff "$t/plain" "$t/arch" | head -5) $(head -c 300 "$t/aerr")"
	elif [ "$want" -ne "$got" ]; then
		fail "$2${3:+ ($3)}: exit status $got, plain dump gives $want"
	fi
}

fx=$top/testdata/archive
if [ -f "$fx/tiny.sql" ]; then
	for a in "$fx"/*.custom "$fx"/*.tar "$fx"/*.dir; do
		a=$(basename "$a")
		[ -f "$fx/${a%%[.-]*}.sql" ] || { fail "no plain dump for fixture $a"; continue; }
		same_as "$fx/${a%%[.-]*}.sql" "$fx/$a"
	done
	# Unseekable input: custom walks the blocks, tar reads every member.
	for a in tiny.custom tiny-pipe.custom tiny.tar tiny17-zstd.custom; do
		same_as "$fx/tiny.sql" "$fx/$a" stdin
	done
	# The metadata rows really come from the archive's data.
	"$KSD" --list "$fx/tiny.custom" | grep -q "storage_schema_version = 14" ||
		fail "tiny.custom: metadata rows not read"
	# A path naming toc.dat reads the directory that holds it.
	"$KSD" --list "$fx/tiny.dir/toc.dat" 2>&1 | tail -n +2 >"$t/viatoc"
	"$KSD" --list "$fx/tiny.dir" 2>&1 | tail -n +2 >"$t/viadir"
	cmp -s "$t/viatoc" "$t/viadir" || fail "a path to toc.dat is not read as its directory"
	# A tar archive's toc.dat alone in a directory (tar -x toc.dat) is
	# refused in one line that says so, exit 4, whichever path names it.
	mkdir "$t/tartoc"
	tar -xf "$fx/tiny.tar" -C "$t/tartoc" toc.dat
	for p in "$t/tartoc" "$t/tartoc/toc.dat"; do
		"$KSD" "$p" >"$t/out" 2>"$t/err"
		rc=$?
		[ "$rc" -eq 4 ] && [ ! -s "$t/out" ] && [ "$(wc -l <"$t/err")" -eq 1 ] &&
			grep -qF "error: '$p' member 'toc.dat': this toc.dat belongs to a tar archive; give the .tar file" "$t/err" ||
			fail "a tar's toc.dat alone ($p): exit $rc: $(cat "$t/err" "$t/out" | head -c 300)"
	done
	# A gzip directory archive that lost every data file is no tar's: its
	# TOC is still read, as an incomplete archive.
	mkdir "$t/dirtoc"
	cp "$fx/tiny.dir/toc.dat" "$t/dirtoc/"
	"$KSD" "$t/dirtoc" >"$t/out" 2>"$t/err"
	grep -q "error (incomplete archive): .* missing" "$t/err" && [ -s "$t/out" ] ||
		fail "a gzip directory archive without its data: $(head -c 300 "$t/err")"
else
	fail "testdata/archive/tiny.sql missing"
fi

# The generated corpus, when present: pair each archive with stem.sql.
if [ -f "$data/manifest.tsv" ]; then
	k=0
	while IFS='	' read -r file _pg format _rest; do
		case $format in custom* | tar* | directory*) ;; *) continue ;; esac
		k=$((k + 1))
		[ $((k % ${KSD_SAMPLE:-1})) -eq 0 ] || continue # every Nth under valgrind
		stem=$(printf '%s\n' "$file" | sed 's/\(\.z0\|\.pipe\)\{0,1\}\.\(dump\|custom\|tar\|dir\)$//')
		[ "$stem" != "$file" ] && [ -f "$data/$stem.sql" ] && [ -e "$data/$file" ] || continue
		same_as "$data/$stem.sql" "$data/$file"
	done <"$data/manifest.tsv"
fi
echo "archive: $pairs pairs compared, $fails failed"
[ "$fails" -eq 0 ]
